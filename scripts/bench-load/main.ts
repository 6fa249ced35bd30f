/*
 * npm run bench:load [-- --quick] — the server benchmark of issues #8 and #15, in one bounded
 * run: the `ws` floor, then the real Parley server under bot load (idle, stress pace, closed
 * loop, optionally a workshop day's pace), then a minimal Colyseus room under the same clients
 * and pacing, each figure printed next to its target. Exits non-zero on any error, never on a
 * timing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { BENCH_USAGE, parseBenchArgs } from "./benchArgs.js";
import { openFloor, type FloorResult, type PacedFloor } from "./floorRun.js";
import { openingOfferBytes } from "./frames.js";
import { describeMachine, loadAverage } from "./machine.js";
import { measureMinimalRoom } from "./minimalRoomRun.js";
import { clientErrorCount, measureParley, PACES, type LoadKind, type ParleyPlan } from "./parleyRun.js";
import { floorTable, idleTable, loadTable, machineLine, verdictTable } from "./report.js";
import { judge, ratioLoad, ratioToMinimalRoom } from "./targets.js";

const parsed = parseBenchArgs(process.argv.slice(2));
if (!parsed.ok) {
  (parsed.help ? process.stdout : process.stderr).write(`${parsed.error}\n${parsed.help ? "" : `${BENCH_USAGE}\n`}`);
  process.exit(parsed.help ? 0 : 2);
}
const args = parsed.args;
const quick = args.quick;
const machine = describeMachine();
const loadStart = loadAverage();
const workDir = mkdtempSync(join(tmpdir(), "parley-bench-"));
if (args.profileDir) mkdirSync(args.profileDir, { recursive: true });
const say = (text: string) => process.stdout.write(`${text}\n`);
const began = performance.now();
const progress = (phase: string) => say(`[${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${phase}…`);

/** Production defaults, except that finished tables close sooner: bots finish a game in seconds, people in a quarter of an hour. */
const SETTINGS = { TABLE_IDLE_SECONDS: "10" } as const;
const MAX_PAYLOAD_BYTES = 4096;

const observers = Math.floor(args.tables / 10);
const facilitators = Math.floor(args.tables / 20);
const clients = args.tables * 2 + observers + facilitators;
const scenarios = Object.keys(SCENARIOS);
// The floor echoes messages the size of a real action: a bot's opening offer in the first scenario.
const messageBytes = openingOfferBytes(Object.values(SCENARIOS)[0]!);

say(`Parley load benchmark${quick ? " (quick)" : ""}`);
say(`${machine.date} · ${machine.cpu} · ${machine.cores} cores · load average ${loadStart}`);
say(`server: NODE_ENV=production LOG_LEVEL=info, defaults but ${Object.entries(SETTINGS).map(([k, v]) => `${k}=${v}`).join(" ")}, DATA_DIR in ${workDir}`);
say(`load: ${args.tables} tables × 2 bot players + ${observers} observers + ${facilitators} facilitators = ${clients} clients over ${scenarios.join(", ")}\n`);

let exitCode = 1;
try {
  progress("measuring the floor: bare ws echo, closed loop, then idle connections pinged every 3 s");
  const floorSetup = { connections: clients, messageBytes, maxPayload: MAX_PAYLOAD_BYTES, workDir };
  const first = await openFloor(floorSetup);
  let floor: FloorResult;
  try {
    const closed = await first.closedLoop(1000, quick ? 2500 : 10_000);
    floor = { ...closed, idleUsPerConnectionPerSecond: await first.idle(quick ? 2500 : 6000) };
  } finally {
    await first.close();
  }

  const plan: ParleyPlan = {
    workDir,
    tables: args.tables,
    observers,
    facilitators,
    scenarios,
    settings: { ...SETTINGS, MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD_BYTES) },
    nodeFlags: ["--expose-gc"],
    loads: args.loads,
    settleMs: quick ? 1000 : 3000,
    idleMs: quick ? 2000 : 5000,
    warmupMs: quick ? 1500 : 5000,
    windowMs: args.seconds * 1000,
    dayWindowMs: quick ? 20_000 : 60_000,
    joinConcurrency: 20,
    seed: 8,
    profileDir: args.profileDir,
    progress,
  };
  const parley = await measureParley(plan);

  progress("measuring a minimal Colyseus room under the same tables and pacing");
  const minimal = await measureMinimalRoom({
    workDir,
    tables: args.tables,
    maxPayload: MAX_PAYLOAD_BYTES,
    loads: parley.loads.map((l) => ({ kind: l.kind, pace: PACES[l.kind] })),
    warmupMs: plan.warmupMs,
    windowMs: plan.windowMs,
    joinConcurrency: plan.joinConcurrency,
  });

  progress("measuring the floor again, open loop at the rate each Parley load reached");
  const second = await openFloor(floorSetup);
  const paced: Partial<Record<LoadKind, PacedFloor>> = {};
  try {
    for (const load of parley.loads) paced[load.kind] = await second.paced(Math.max(1, Math.round(load.actionsPerSecond)), 500, quick ? 2000 : 8000);
  } finally {
    await second.close();
  }
  progress("done");
  say(`\n${floorTable(floor)}\n`);
  say(`${idleTable(parley, floor)}\n`);
  if (args.profileDir) say("(--profile: the sampler's own thread runs in every window, so idle CPU is overstated; take idle figures from a run without it)\n");
  say(`${loadTable(parley.loads, floor, paced, minimal.loads, parley.churn.usPerTable)}\n`);

  const minimalErrors = minimal.loads.reduce((sum, m) => sum + m.errors, 0);
  const errors = floor.errors + minimalErrors + clientErrorCount(parley) + parley.serverErrorLines + parley.serverUncaught;
  const ratioOn = ratioLoad(parley);
  if (ratioOn) {
    const ratio = ratioToMinimalRoom(ratioOn, minimal.loads, parley.churn.usPerTable);
    const others = parley.loads.filter((l) => l !== ratioOn).map((l) => `${l.kind}: ${ratioToMinimalRoom(l, minimal.loads, parley.churn.usPerTable).toFixed(1)}×`);
    const unmeasurable = Number.isFinite(ratio) ? "" : " — the turnover measured apart exceeds this load's whole CPU: the machine is too busy for this figure";
    say(`per action vs minimal Colyseus room: ${ratio.toFixed(1)}× (${ratioOn.kind}, turnover excluded${others.length > 0 ? `; ${others.join(", ")}` : ""})${unmeasurable}\n`);
  }
  if (quick) say(`--quick: ${args.tables} tables and ${args.seconds}-s windows, not the targets' 1,000 (stress) and 2,000 (day): the latency verdicts are scaled down\n`);
  say(verdictTable(judge(floor, minimal, parley, errors)));
  const loadEnd = loadAverage();
  say(`\n${machineLine(machine, loadStart, loadEnd)}`);
  say(`durable store: ${parley.storedBytes > 0 ? `${(parley.storedBytes / 1024).toFixed(0)} KiB written to DATA_DIR` : "nothing written to DATA_DIR (the server keeps no store yet)"}`);
  say(`after the load: ${parley.after.rooms} rooms, ${parley.after.clients} clients still on the server (finished tables close after TABLE_IDLE_SECONDS)`);
  if (errors > 0) {
    say(`\nERRORS: ${floor.errors} floor, ${minimalErrors} minimal room, ${clientErrorCount(parley)} client (${JSON.stringify(parley.clientErrors)}), ${parley.serverErrorLines} server log errors, ${parley.serverUncaught} server exceptions`);
    for (const line of [...parley.clientErrorSamples, ...parley.serverErrorSamples]) say(`  ${line}`);
  }
  if (args.profileDir) say(`server CPU profiles of each load window: ${args.profileDir}/{open,idle,${args.loads.join(",")}}.cpuprofile (npx tsx scripts/bench-load/profileTop.ts FILE lists the top entries)`);
  if (args.json) writeFileSync(args.json, JSON.stringify({ machine, loadStart, loadEnd, floor, paced, minimal, parley, errors }, null, 2));
  exitCode = errors === 0 && parley.serverExit === 0 ? 0 : 1;
  if (parley.serverExit !== 0) say(`the server exited with ${parley.serverExit} (see ${parley.logFile})`);
} catch (error) {
  say(`bench:load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
if (args.keep || exitCode !== 0) say(`work folder kept: ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });
process.exit(exitCode);
