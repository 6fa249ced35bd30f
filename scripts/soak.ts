/*
 * npm run soak -- --minutes N [--tables T] [--json FILE]
 * Bots play on the real server (production settings) for N minutes while connections drop at
 * random and come back; every minute the server's heap after a full GC is printed. Afterwards
 * every client leaves and the server must return to zero rooms and zero clients. Fails (exit 1)
 * on any client error (decode failures included), server error or exception, a heap that keeps
 * growing, or anything left behind.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCENARIOS } from "../shared/scenarios/index.js";
import type { LoadMethods, LoadReport } from "./bench-load/loadgen.js";
import { describeMachine, loadAverage } from "./bench-load/machine.js";
import { startParley } from "./bench-load/parleyServer.js";
import { table } from "./bench-load/report.js";
import { RpcChild } from "./bench-load/rpc.js";
import { errorTotal } from "./bench-load/tally.js";
import { readFlags, wholeNumberFlag } from "./cli/flags.js";

const USAGE = `Usage: npm run soak -- --minutes N [--tables T] [--json FILE] [--keep]
  --minutes N   how long the bots play (1–240)
  --tables T    tables in play (default 100); observers T/10, facilitators T/20
  --json FILE   also write the per-minute figures and the verdict as JSON
  --keep        keep the work folder (server and load logs)`;

const MiB = 2 ** 20;
/** A table closes this long after its last client left: short, so the drain check is quick. */
const TABLE_IDLE_SECONDS = 3;
const RECONNECT_SECONDS = 8;
/** Heap after GC may grow this much over the run, for JIT code and caches that warm up once. */
const HEAP_SLACK_MIB = 16;
const HEAP_GROWTH = 1.25;

function fail(message: string): never {
  process.stderr.write(`soak: ${message}\n${USAGE}\n`);
  process.exit(2);
}

const flags = readFlags(process.argv.slice(2), {
  minutes: { type: "string" },
  tables: { type: "string" },
  json: { type: "string" },
  keep: { type: "boolean" },
  help: { type: "boolean", short: "h" },
});
if (!flags.ok) fail(flags.error);
const { values } = flags;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const whole = (value: number | string): number => (typeof value === "string" ? fail(value) : value);
const minutes = whole(wholeNumberFlag("minutes", values.minutes, { min: 1, max: 240 }));
const tables = whole(wholeNumberFlag("tables", values.tables, { min: 1, max: 2000, fallback: 100 }));
const observers = Math.floor(tables / 10);
const facilitators = Math.floor(tables / 20);
const workDir = mkdtempSync(join(tmpdir(), "parley-soak-"));
const say = (text: string) => process.stdout.write(`${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Minute = {
  readonly minute: number;
  readonly actions: number;
  readonly games: number;
  readonly drops: number;
  readonly reconnects: number;
  readonly rooms: number;
  readonly clients: number;
  readonly heapMiB: number;
  readonly rssMiB: number;
  readonly clientErrors: number;
};

const machine = describeMachine();
say(`Parley soak: ${minutes} min, ${tables} tables × 2 bot players + ${observers} observers + ${facilitators} facilitators, random drops and reconnects`);
say(`${machine.date} · ${machine.cpu} · ${machine.cores} cores · Node ${machine.node} · load average ${loadAverage()}`);
say(`server: NODE_ENV=production LOG_LEVEL=info, node --expose-gc, TABLE_IDLE_SECONDS=${TABLE_IDLE_SECONDS} RECONNECT_SECONDS=${RECONNECT_SECONDS}\n`);

const problems: string[] = [];
const series: Minute[] = [];
let exitCode = 1;
const server = await startParley({
  workDir,
  nodeFlags: ["--expose-gc"],
  settings: { TABLE_IDLE_SECONDS: String(TABLE_IDLE_SECONDS), RECONNECT_SECONDS: String(RECONNECT_SECONDS) },
});
const load = RpcChild.start<LoadMethods>("loadgen", { script: join(import.meta.dirname, "bench-load/loadgen.ts"), output: join(workDir, "loadgen.log") });
try {
  const start = await server.probe.call("sample", { gc: true });
  const opened = await load.call(
    "open",
    { httpBase: server.httpBase, endpoint: server.endpoint, tables, observers, facilitators, scenarios: Object.keys(SCENARIOS), seed: 28, concurrency: 20 },
    600_000,
  );
  if (opened.failed > 0) problems.push(`${opened.failed} of ${tables} tables could not be opened`);
  await load.call("addWatchers", { concurrency: 20 }, 300_000);
  await load.call("pace", { mode: "human", minMs: 0, maxMs: 1000 });
  // About one drop per table per minute: players, observers and facilitators alike.
  await load.call("drops", { perMinute: tables, minAwayMs: 200, maxAwayMs: 3000 });

  const rows: string[][] = [];
  const header = ["minute", "actions", "games", "drops", "back", "rooms", "clients", "heap after GC MiB", "RSS MiB", "client errors"];
  const row = (m: Minute) => [String(m.minute), String(m.actions), String(m.games), String(m.drops), String(m.reconnects), String(m.rooms), String(m.clients), m.heapMiB.toFixed(1), m.rssMiB.toFixed(0), String(m.clientErrors)];
  const first: Minute = { minute: 0, actions: 0, games: 0, drops: 0, reconnects: 0, rooms: start.rooms, clients: start.clients, heapMiB: start.heapUsed / MiB, rssMiB: start.rss / MiB, clientErrors: 0 };
  rows.push(row(first));
  say(table(header, rows));
  for (let minute = 1; minute <= minutes; minute++) {
    await load.call("mark", null);
    await sleep(60_000);
    const report: LoadReport = await load.call("report", null);
    const s = await server.probe.call("sample", { gc: true });
    const m: Minute = {
      minute,
      actions: report.actions,
      games: report.games,
      drops: report.drops,
      reconnects: report.reconnects,
      rooms: s.rooms,
      clients: s.clients,
      heapMiB: s.heapUsed / MiB,
      rssMiB: s.rss / MiB,
      clientErrors: errorTotal(report.errors),
    };
    series.push(m);
    say(table(header, [row(m)]).split("\n")[2] ?? "");
    if (m.actions === 0) problems.push(`minute ${minute}: no action completed`);
  }

  await load.call("drops", null);
  await load.call("pace", { mode: "idle" });
  await load.call("stop", { concurrency: 20 }, 300_000);
  const final = await load.call("report", null);
  const drainStart = Date.now();
  const drainLimit = (TABLE_IDLE_SECONDS + RECONNECT_SECONDS + 15) * 1000;
  let after = await server.probe.call("sample", { gc: true });
  // Tables must drain; the workshops that gave tables a facilitator stay open by design (hours).
  const tablesLeft = (s: typeof after) => s.rooms - s.workshops;
  while ((tablesLeft(after) > 0 || after.clients > 0) && Date.now() - drainStart < drainLimit) {
    await sleep(1000);
    after = await server.probe.call("sample", { gc: true });
  }
  const drainSeconds = (Date.now() - drainStart) / 1000;
  say(`\nafter every client left: ${tablesLeft(after)} table rooms (and ${after.workshops} empty workshops, kept by design), ${after.clients} clients after ${drainSeconds.toFixed(1)} s; heap after GC ${(after.heapUsed / MiB).toFixed(1)} MiB (before the load: ${(start.heapUsed / MiB).toFixed(1)} MiB)`);

  const clientErrors = errorTotal(final.allErrors);
  const uncaught = after.uncaught;
  const serverExit = await server.stop();
  const log = await server.log();
  say(`client errors ${clientErrors}${clientErrors ? ` ${JSON.stringify(final.allErrors)}` : ""} (decode errors count as client_exception) · server log errors ${log.errors} · server exceptions ${uncaught} · server exit ${serverExit}`);

  if (tablesLeft(after) > 0 || after.clients > 0) problems.push(`the server still holds ${tablesLeft(after)} table rooms and ${after.clients} clients ${drainSeconds.toFixed(0)} s after everyone left`);
  if (clientErrors > 0) problems.push(`${clientErrors} client errors: ${final.allErrorSamples.slice(0, 5).join(" | ")}`);
  if (log.errors > 0) problems.push(`${log.errors} server log errors: ${log.firstErrors.slice(0, 3).join(" | ")}`);
  if (uncaught > 0) problems.push(`${uncaught} uncaught exceptions in the server`);
  if (serverExit !== 0) problems.push(`the server exited with ${serverExit}`);
  const firstHeap = series[0]?.heapMiB ?? first.heapMiB;
  const lastHeap = series.at(-1)?.heapMiB ?? firstHeap;
  if (lastHeap > firstHeap * HEAP_GROWTH + HEAP_SLACK_MIB) problems.push(`heap after GC grew from ${firstHeap.toFixed(1)} to ${lastHeap.toFixed(1)} MiB under the same load`);
  const drainedHeap = after.heapUsed / MiB;
  if (drainedHeap > first.heapMiB + HEAP_SLACK_MIB) problems.push(`with nothing left on the server the heap after GC is ${drainedHeap.toFixed(1)} MiB, ${(drainedHeap - first.heapMiB).toFixed(1)} over the start`);
  if (values.json) writeFileSync(values.json, JSON.stringify({ machine, minutes, tables, start: first, series, after: { rooms: tablesLeft(after), workshops: after.workshops, clients: after.clients, heapMiB: drainedHeap, drainSeconds }, clientErrors: final.allErrors, serverErrors: log.errors, uncaught, serverExit, problems }, null, 2));
  exitCode = problems.length === 0 ? 0 : 1;
} catch (error) {
  problems.push(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await load.stop();
  await server.stop();
}
say(problems.length === 0 ? "\nSOAK PASSED" : `\nSOAK FAILED\n  ${problems.join("\n  ")}`);
say(`load average at the end ${loadAverage()}`);
if (values.keep || exitCode !== 0) say(`work folder kept: ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });
process.exit(exitCode);
