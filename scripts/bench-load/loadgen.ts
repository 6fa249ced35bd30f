import { globalAgent } from "node:http";
import type { Pace } from "./botSeat.js";
import { Fleet, type DropPlan, type FleetPlan } from "./fleet.js";
import { LoopDelayWindow, sampleProcess, type LoopDelay, type ProcessSample } from "./processMetrics.js";
import { serveRpc } from "./rpc.js";
import type { WindowReport } from "./tally.js";

/*
 * The load generator process: bot clients over colyseus.js, driven by the orchestrator over
 * IPC. Kept out of the server's process so the server's CPU figures are its own.
 */

export type LoadReport = WindowReport & {
  readonly tables: number;
  readonly clients: number;
  readonly process: ProcessSample;
  /** This process's own event-loop delay over the window: when it lags, latencies include the lag. */
  readonly loop: LoopDelay;
};

export type LoadMethods = {
  open: (params: FleetPlan & { readonly concurrency: number }) => Promise<{ opened: number; failed: number; ms: number }>;
  addWatchers: (params: { readonly concurrency: number }) => Promise<{ ms: number }>;
  pace: (params: Pace) => null;
  drops: (params: DropPlan | null) => null;
  /** Start a new measurement window. */
  mark: (params: null) => null;
  report: (params: null) => LoadReport;
  stop: (params: { readonly concurrency: number }) => Promise<{ ms: number }>;
};

// colyseus.js matchmakes over http.globalAgent. A busy load generator's idle-socket timers fire
// late, so a kept-alive socket can be reused just after the server closed it ("socket hang up"):
// a load artefact, not a server fault. One connection per request avoids it.
(globalAgent as typeof globalAgent & { keepAlive: boolean }).keepAlive = false;

let fleet: Fleet | null = null;
const early: string[] = [];
const loop = new LoopDelayWindow();

function current(): Fleet {
  if (!fleet) throw new Error("no tables yet: call open first");
  return fleet;
}

// A throw in a colyseus.js callback (a decode failure) must be counted, not crash the load.
const counted = (error: unknown) => {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (fleet) fleet.tally.error("client_exception", text);
  else early.push(text);
};
process.on("uncaughtException", counted);
process.on("unhandledRejection", counted);

const timed = async (work: () => Promise<unknown>) => {
  const t0 = performance.now();
  await work();
  return Math.round(performance.now() - t0);
};

const methods: LoadMethods = {
  open: async ({ concurrency, ...plan }) => {
    fleet = new Fleet(plan);
    for (const text of early.splice(0)) fleet.tally.error("client_exception", text);
    const t0 = performance.now();
    const result = await fleet.open(concurrency);
    return { ...result, ms: Math.round(performance.now() - t0) };
  },
  addWatchers: async ({ concurrency }) => ({ ms: await timed(() => current().addWatchers(concurrency)) }),
  pace: (pace) => {
    current().setPace(pace);
    return null;
  },
  drops: (plan) => {
    current().setDrops(plan);
    return null;
  },
  mark: () => {
    current().tally.reset();
    loop.open();
    return null;
  },
  report: () => {
    const f = current();
    return { ...f.tally.report(), ...f.counts, process: sampleProcess(), loop: loop.read() };
  },
  stop: async ({ concurrency }) => ({ ms: await timed(() => current().stop(concurrency)) }),
};

if (!serveRpc(methods)) {
  process.stderr.write("loadgen runs as a child of bench:load or soak (it needs an IPC channel)\n");
  process.exit(2);
}
process.on("disconnect", () => process.exit(0));
