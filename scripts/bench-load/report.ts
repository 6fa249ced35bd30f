import type { FloorResult, PacedFloor } from "./floorRun.js";
import type { Machine } from "./machine.js";
import type { LoadResult, ParleyResult } from "./parleyRun.js";
import { errorTotal } from "./tally.js";
import type { MinimalRoomResult } from "./minimalRoomRun.js";
import { ratioToMinimalRoom, withoutTurnover, type Verdict } from "./targets.js";

/* The printed report: plain aligned text tables, one column per scenario. */

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const lat = (l: { count: number; p50: number; p99: number; max: number }) =>
  l.count === 0 ? "–" : `${fixed(l.p50, 2)} / ${fixed(l.p99, 1)} / ${fixed(l.max, 0)}`;

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function machineLine(m: Machine, loadStart: number, loadEnd: number): string {
  return `${m.date} · ${m.cpu} · ${m.cores} cores · ${m.memGiB} GiB · Node ${m.node} · load average ${loadStart} at start, ${loadEnd} at end`;
}

export function floorTable(f: FloorResult): string {
  return table(
    ["floor: bare ws echo, closed loop", ""],
    [
      ["connections", int(f.connections)],
      ["message size (bytes)", int(f.messageBytes)],
      ["messages/s", int(f.messagesPerSecond)],
      ["server CPU µs per message", fixed(f.cpuUsPerMessage, 1)],
      ["server CPU (cores)", fixed(f.serverCore, 2)],
      ["idle, pinged every 3 s: µs/s per connection", fixed(f.idleUsPerConnectionPerSecond, 2)],
      ["errors", int(f.errors)],
    ],
  );
}

export function idleTable(p: ParleyResult, floor: FloorResult): string {
  const i = p.idle;
  return table(
    [`idle: ${int(i.tables)} tables × 2 players seated, nobody acting`, ""],
    [
      ["clients", int(i.clients)],
      ["time to open and seat all (s)", fixed(i.openSeconds, 1)],
      ["server RSS before tables (MiB)", fixed(i.baseRssMiB, 0)],
      ["RSS per table (KiB)", fixed(i.rssPerTableKiB, 0)],
      ["heap per table after GC (KiB)", fixed(i.heapPerTableKiB, 0)],
      ["server CPU per idle table (µs/s)", fixed(i.cpuUsPerTablePerSecond, 1)],
      ["  of which two pinged connections (floor)", fixed(2 * floor.idleUsPerConnectionPerSecond, 1)],
      ["server CPU per table turnover (µs)", fixed(p.churn.usPerTable, 0)],
      ["  open and seat two players (µs)", fixed(p.churn.openUsPerTable, 0)],
      ["  per watcher join (µs)", fixed(p.churn.watcherUsPerJoin, 0)],
      ["  per client leaving (µs)", fixed(p.churn.leaveUsPerClient, 0)],
    ],
  );
}

/**
 * `turnoverUs`: the server CPU one game's table costs to open, seat and close (measured while
 * idle). Bot games end every few seconds, real ones after many minutes, so the action path is
 * also shown with that cost taken out (the same run's figures, subtracted).
 */
export function loadTable(
  loads: readonly LoadResult[],
  floor: FloorResult,
  paced: Partial<Record<LoadResult["kind"], PacedFloor>>,
  minimal: readonly MinimalRoomResult[],
  turnoverUs: number,
): string {
  const atRate = (l: LoadResult) => paced[l.kind]?.cpuUsPerMessage ?? Number.NaN;
  const minimalOf = (l: LoadResult) => minimal.find((m) => m.kind === l.kind);
  const turnoverPerAction = (l: LoadResult) => (l.gamesPerSecond * turnoverUs) / l.actionsPerSecond;
  const netOfTurnover = (l: LoadResult) => withoutTurnover(l, turnoverUs);
  const names: Record<LoadResult["kind"], string> = { human: "stress pace", closed: "closed loop", day: "workshop day" };
  const rows: [string, (l: LoadResult) => string][] = [
    ["tables", (l) => int(l.tables)],
    ["clients", (l) => int(l.clients)],
    ["rooms on the server", (l) => int(l.rooms)],
    ["window (s)", (l) => fixed(l.seconds, 1)],
    ["actions/s", (l) => int(l.actionsPerSecond)],
    ["games ended/s", (l) => fixed(l.gamesPerSecond, 1)],
    ["joins/s", (l) => fixed(l.joinsPerSecond, 1)],
    ["acting player p50/p99/max (ms)", (l) => lat(l.latency.actor)],
    ["opponent p50/p99/max (ms)", (l) => lat(l.latency.opponent)],
    ["facilitator p50/p99/max (ms)", (l) => lat(l.latency.facilitator)],
    ["observer p50/p99/max (ms)", (l) => lat(l.latency.observer)],
    ["server CPU µs per action", (l) => fixed(l.cpuUsPerAction, 0)],
    ["  × floor µs per message (closed loop)", (l) => `${fixed(l.cpuUsPerAction / floor.cpuUsPerMessage, 1)}×`],
    ["  of which table turnover (µs)", (l) => fixed(turnoverPerAction(l), 0)],
    ["  without turnover (µs)", (l) => fixed(netOfTurnover(l), 0)],
    ["  without turnover × floor (closed loop)", (l) => `${fixed(netOfTurnover(l) / floor.cpuUsPerMessage, 1)}×`],
    ["  minimal Colyseus room, same pace (µs/action)", (l) => fixed(minimalOf(l)?.cpuUsPerAction ?? Number.NaN, 0)],
    ["  minimal room's actions/s", (l) => int(minimalOf(l)?.actionsPerSecond ?? Number.NaN)],
    ["  without turnover × minimal room", (l) => `${fixed(ratioToMinimalRoom(l, minimal, turnoverUs), 1)}×`],
    ["  floor at this rate, open loop (µs/msg)", (l) => fixed(atRate(l), 1)],
    ["  × floor at this rate", (l) => `${fixed(l.cpuUsPerAction / atRate(l), 1)}×`],
    ["server CPU (cores)", (l) => fixed(l.serverCore, 2)],
    ["load generator CPU (cores)", (l) => fixed(l.loadCore, 2)],
    ["server RSS (MiB)", (l) => fixed(l.rssMiB, 0)],
    ["server heap used (MiB)", (l) => fixed(l.heapMiB, 0)],
    ["server event-loop delay p99/max (ms)", (l) => `${fixed(l.loop.p99Ms, 1)} / ${fixed(l.loop.maxMs, 0)}`],
    ["load generator's loop delay p99/max (ms)", (l) => `${fixed(l.loadLoop.p99Ms, 1)} / ${fixed(l.loadLoop.maxMs, 0)}`],
    ["action frame (bytes)", (l) => int(l.actionFrameBytes)],
    ["errors", (l) => int(errorTotal(l.errors))],
  ];
  return table(["load", ...loads.map((l) => names[l.kind])], rows.map(([label, cell]) => [label, ...loads.map(cell)]));
}

export function verdictTable(verdicts: readonly Verdict[]): string {
  return table(
    ["target", "measured", ""],
    verdicts.map((v) => [v.target, v.measured, v.met === null ? "" : v.met ? "met" : "MISSED"]),
  );
}
