import { join } from "node:path";
import type { Pace } from "./botSeat.js";
import type { LatencySummary } from "./latency.js";
import type { LoadMethods, LoadReport } from "./loadgen.js";
import { startParley, type ParleyServer } from "./parleyServer.js";
import type { LoopDelay } from "./processMetrics.js";
import { RpcChild } from "./rpc.js";
import { errorTotal, type ErrorKind, type Viewpoint } from "./tally.js";

/*
 * The Parley half of the benchmark: the real server in one process, the bot load in another.
 * First the idle cost of seated tables, then each load for a fixed window after a warm-up,
 * with server figures from the probe and client figures from the load generator taken over
 * the same window.
 */

/**
 * `human`: the stress pace (think 0–2 s, bot games of seconds); `closed`: saturation; `day`: a
 * realistic workshop day (think 5–20 s a move, games of several minutes).
 */
export type LoadKind = "human" | "closed" | "day";

/** How the bots pace each load. */
export const PACES: Record<LoadKind, Pace> = {
  human: { mode: "human", minMs: 0, maxMs: 2000 },
  closed: { mode: "closed" },
  day: { mode: "human", minMs: 5000, maxMs: 20_000 },
};

export type ParleyPlan = {
  readonly workDir: string;
  readonly tables: number;
  readonly observers: number;
  readonly facilitators: number;
  readonly scenarios: readonly string[];
  readonly settings: Readonly<Record<string, string>>;
  readonly nodeFlags: readonly string[];
  readonly loads: readonly LoadKind[];
  readonly settleMs: number;
  readonly idleMs: number;
  readonly warmupMs: number;
  readonly windowMs: number;
  /** The day's window: moves 5–20 s apart need a longer one for a p99. */
  readonly dayWindowMs: number;
  readonly joinConcurrency: number;
  readonly seed: number;
  /** Write a CPU profile of the server for each load window into this folder. */
  readonly profileDir: string | null;
  /** Told as each phase begins. */
  readonly progress: (phase: string) => void;
};

export type IdleResult = {
  readonly tables: number;
  readonly clients: number;
  readonly openSeconds: number;
  readonly baseRssMiB: number;
  readonly rssPerTableKiB: number;
  readonly heapPerTableKiB: number;
  /** Server CPU per idle table (two players seated, nobody acting), over the no-table baseline. */
  readonly cpuUsPerTablePerSecond: number;
};

export type LoadResult = {
  readonly kind: LoadKind;
  readonly tables: number;
  readonly clients: number;
  readonly rooms: number;
  readonly seconds: number;
  readonly actionsPerSecond: number;
  readonly gamesPerSecond: number;
  readonly joinsPerSecond: number;
  readonly latency: Record<Viewpoint, LatencySummary>;
  /**
   * All server CPU in the window per completed action: the table turnover each finished game
   * causes (a new table, joins, leaves: about one game per ten actions) included.
   */
  readonly cpuUsPerAction: number;
  readonly serverCore: number;
  readonly loadCore: number;
  readonly rssMiB: number;
  readonly heapMiB: number;
  readonly loop: LoopDelay;
  readonly loadLoop: LoopDelay;
  readonly errors: Partial<Record<ErrorKind, number>>;
  readonly actionFrameBytes: number;
  readonly serverCpuUs: number;
  readonly games: number;
  readonly actions: number;
};

/** Server CPU of one table's turnover, measured while opening, watching and leaving all tables. */
export type ChurnResult = { readonly usPerTable: number; readonly openUsPerTable: number; readonly watcherUsPerJoin: number; readonly leaveUsPerClient: number };

export type ParleyResult = {
  readonly idle: IdleResult;
  readonly churn: ChurnResult;
  readonly loads: readonly LoadResult[];
  /** After every client left: what the server still held. */
  readonly after: { readonly rooms: number; readonly clients: number };
  readonly clientErrors: Partial<Record<ErrorKind, number>>;
  readonly clientErrorSamples: readonly string[];
  readonly serverErrorLines: number;
  readonly serverErrorSamples: readonly string[];
  readonly serverUncaught: number;
  readonly serverExit: number;
  readonly storedBytes: number;
  readonly logFile: string;
};

const HERE = new URL(".", import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MiB = 2 ** 20;
const GC_SETTLE_MS = 1500;

export async function measureParley(plan: ParleyPlan): Promise<ParleyResult> {
  plan.progress("starting the Parley server");
  const server = await startParley({ workDir: plan.workDir, settings: plan.settings, nodeFlags: plan.nodeFlags });
  const load = RpcChild.start<LoadMethods>("loadgen", { script: join(HERE, "loadgen.ts"), output: join(plan.workDir, "loadgen.log") });
  const cpu = async () => (await server.probe.call("sample", { gc: false })).cpuUs;
  try {
    const { idle, openUs } = await measureIdle(plan, server, load);
    plan.progress("observers and facilitators joining");
    const watchStart = await cpu();
    await load.call("addWatchers", { concurrency: plan.joinConcurrency }, 300_000);
    const watchUs = (await cpu()) - watchStart;
    const measured: LoadResult[] = [];
    for (const kind of plan.loads) measured.push(await measureLoad(plan, kind, server, load));
    await load.call("pace", { mode: "idle" });
    await sleep(plan.settleMs);
    plan.progress("everyone leaving");
    const leaveStart = await cpu();
    const leaving = (await load.call("report", null)).clients;
    await load.call("stop", { concurrency: plan.joinConcurrency }, 300_000);
    const final = await load.call("report", null);
    // Leaves are handled asynchronously on the server: give them a moment before counting.
    await sleep(plan.settleMs);
    const leaveUs = (await cpu()) - leaveStart;
    const after = await server.probe.call("sample", { gc: true });
    const tables = Math.max(1, idle.tables);
    const churn: ChurnResult = {
      usPerTable: (openUs + watchUs + leaveUs) / tables,
      openUsPerTable: openUs / tables,
      watcherUsPerJoin: watchUs / Math.max(1, plan.observers + plan.facilitators),
      leaveUsPerClient: leaveUs / Math.max(1, leaving),
    };
    const loads = measured;
    const uncaught = after.uncaught;
    const exit = await server.stop();
    const log = await server.log();
    return {
      idle,
      churn,
      loads,
      after: { rooms: after.rooms, clients: after.clients },
      clientErrors: final.allErrors,
      clientErrorSamples: final.allErrorSamples,
      serverErrorLines: log.errors,
      serverErrorSamples: log.firstErrors,
      serverUncaught: uncaught,
      serverExit: exit,
      storedBytes: server.storedBytes(),
      logFile: server.logFile,
    };
  } finally {
    await load.stop();
    await server.stop();
  }
}

async function measureIdle(plan: ParleyPlan, server: ParleyServer, load: RpcChild<LoadMethods>): Promise<{ idle: IdleResult; openUs: number }> {
  const { probe } = server;
  plan.progress("measuring the empty server");
  await sleep(plan.settleMs);
  const base = await collectedSample(probe);
  await sleep(plan.idleMs);
  const baseEnd = await probe.call("sample", { gc: false });
  const baseRate = (baseEnd.cpuUs - base.cpuUs) / (baseEnd.at - base.at);

  plan.progress(`opening ${plan.tables} tables and seating two bots at each`);
  const t0 = performance.now();
  // Profiles start before a window's first sample and stop after its last: starting the sampler costs CPU.
  if (plan.profileDir) await probe.call("startProfile", null);
  const openStart = await probe.call("sample", { gc: false });
  const opened = await load.call("open", { ...fleetPlan(plan, server), concurrency: plan.joinConcurrency }, 600_000);
  const openEnd = await probe.call("sample", { gc: false });
  if (plan.profileDir) await probe.call("stopProfile", { path: join(plan.profileDir, "open.cpuprofile") });
  const openSeconds = (performance.now() - t0) / 1000;
  plan.progress("measuring the seated, idle tables");
  await sleep(plan.settleMs);
  if (plan.profileDir) await probe.call("startProfile", null);
  const seated = await collectedSample(probe);
  await sleep(plan.idleMs);
  const seatedEnd = await probe.call("sample", { gc: false });
  if (plan.profileDir) await probe.call("stopProfile", { path: join(plan.profileDir, "idle.cpuprofile") });
  const rate = (seatedEnd.cpuUs - seated.cpuUs) / (seatedEnd.at - seated.at);
  const tables = Math.max(1, opened.opened);
  const counts = await load.call("report", null);
  const idle: IdleResult = {
    tables: opened.opened,
    clients: counts.clients,
    openSeconds,
    baseRssMiB: base.rss / MiB,
    rssPerTableKiB: (seated.rss - base.rss) / 1024 / tables,
    heapPerTableKiB: (seated.heapUsed - base.heapUsed) / 1024 / tables,
    // Rates are µs of CPU per ms of wall time: ×1000 for per second.
    cpuUsPerTablePerSecond: ((rate - baseRate) * 1000) / tables,
  };
  return { idle, openUs: openEnd.cpuUs - openStart.cpuUs };
}

/**
 * A sample right after a full collection, for memory figures, taken once the collector's own
 * threads are done: V8 sweeps in the background after gc(), in proportion to the heap, and that
 * CPU landing in the next window read as an idle cost per table.
 */
async function collectedSample(probe: ParleyServer["probe"]) {
  const collected = await probe.call("sample", { gc: true });
  await sleep(GC_SETTLE_MS);
  const after = await probe.call("sample", { gc: false });
  return { ...after, rss: collected.rss, heapUsed: collected.heapUsed };
}

function fleetPlan(plan: ParleyPlan, server: ParleyServer) {
  return {
    httpBase: server.httpBase,
    endpoint: server.endpoint,
    tables: plan.tables,
    observers: plan.observers,
    facilitators: plan.facilitators,
    scenarios: plan.scenarios,
    seed: plan.seed,
  };
}

async function measureLoad(plan: ParleyPlan, kind: LoadKind, server: ParleyServer, load: RpcChild<LoadMethods>): Promise<LoadResult> {
  const { probe } = server;
  const pace = PACES[kind];
  const thinking = pace.mode === "human" ? ` (think ${pace.minMs / 1000}–${pace.maxMs / 1000} s)` : "";
  const names: Record<LoadKind, string> = { human: "stress-paced play", closed: "closed-loop play (saturation)", day: "a workshop day's pace" };
  plan.progress(`${names[kind]}${thinking}`);
  await load.call("pace", pace);
  await sleep(plan.warmupMs);
  await load.call("mark", null);
  const l0 = await load.call("report", null);
  if (plan.profileDir) await probe.call("startProfile", null);
  await probe.call("openLoopWindow", null);
  const s0 = await probe.call("sample", { gc: false });
  await sleep(kind === "day" ? plan.dayWindowMs : plan.windowMs);
  const s1 = await probe.call("sample", { gc: false });
  const loop = await probe.call("closeLoopWindow", null);
  if (plan.profileDir) await probe.call("stopProfile", { path: join(plan.profileDir, `${kind}.cpuprofile`) });
  const report: LoadReport = await load.call("report", null);
  const seconds = (s1.at - s0.at) / 1000;
  const cpuUs = s1.cpuUs - s0.cpuUs;
  const clientSeconds = report.durationMs / 1000;
  return {
    kind,
    tables: report.tables,
    clients: report.clients,
    rooms: s1.rooms,
    seconds,
    actionsPerSecond: report.actions / clientSeconds,
    gamesPerSecond: report.games / clientSeconds,
    joinsPerSecond: report.joins / clientSeconds,
    latency: report.latency,
    cpuUsPerAction: report.actions > 0 ? cpuUs / report.actions : Number.NaN,
    serverCore: cpuUs / 1e6 / seconds,
    loadCore: (report.process.cpuUs - l0.process.cpuUs) / 1e6 / ((report.process.at - l0.process.at) / 1000),
    rssMiB: s1.rss / MiB,
    heapMiB: s1.heapUsed / MiB,
    loop,
    loadLoop: report.loop,
    errors: report.errors,
    actionFrameBytes: report.actionFrameBytes,
    serverCpuUs: cpuUs,
    games: report.games,
    actions: report.actions,
  };
}

export function clientErrorCount(result: ParleyResult): number {
  return errorTotal(result.clientErrors);
}
