import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { matchMaker } from "@colyseus/core";
import { collectGarbage, LoopDelayWindow, sampleProcess, type LoopDelay, type ProcessSample } from "./processMetrics.js";
import { serveRpc } from "./rpc.js";
import { WORKSHOP_ROOM } from "../../shared/protocol/workshop.js";

/*
 * Preloaded (node --import) into the Parley server by the benchmark and the soak, never by
 * `npm start`: it answers over the IPC channel only, and only when PARLEY_BENCH_PROBE=1, so a
 * normal server has no metrics endpoint at all. It reports process figures and room/client
 * counts — numbers, never table data.
 */

/**
 * `workshops`: workshop rooms among `rooms`. A load opens one for every table with a facilitator
 * (only a workshop's table has one), and an empty workshop is kept for hours by design, so they
 * are told apart from tables, which must drain.
 */
export type ServerFigures = ProcessSample & { readonly rooms: number; readonly workshops: number; readonly clients: number; readonly uncaught: number };

export type ProbeMethods = {
  sample: (params: { gc: boolean }) => Promise<ServerFigures & { readonly collected: boolean }>;
  openLoopWindow: (params: null) => null;
  closeLoopWindow: (params: null) => LoopDelay;
  /** CPU profile of a window only (the V8 sampler through node:inspector), written as .cpuprofile. */
  startProfile: (params: null) => Promise<null>;
  stopProfile: (params: { path: string }) => Promise<null>;
};

let uncaught = 0;
const loop = new LoopDelayWindow();
let profiler: Session | null = null;

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

async function figures(): Promise<ServerFigures> {
  const { roomCount, ccu } = matchMaker.stats.local;
  const sampled = sampleProcess();
  const workshops = (await matchMaker.query({ name: WORKSHOP_ROOM, processId: matchMaker.processId })).length;
  return { ...sampled, rooms: roomCount, workshops, clients: ccu, uncaught };
}

if (process.env.PARLEY_BENCH_PROBE === "1") {
  // Counted, not handled: the server's own handling (or crash) stays exactly as it is.
  process.on("uncaughtExceptionMonitor", () => {
    uncaught += 1;
  });
  const methods: ProbeMethods = {
    sample: async ({ gc }) => {
      const collected = gc && collectGarbage();
      return { ...(await figures()), collected };
    },
    openLoopWindow: () => {
      loop.open();
      return null;
    },
    closeLoopWindow: () => loop.close(),
    startProfile: async () => {
      profiler ??= new Session();
      profiler.connect();
      await post(profiler, "Profiler.enable");
      await post(profiler, "Profiler.setSamplingInterval", { interval: 250 });
      await post(profiler, "Profiler.start");
      return null;
    },
    stopProfile: async ({ path }) => {
      if (!profiler) throw new Error("no profile running");
      const { profile } = await post<{ profile: object }>(profiler, "Profiler.stop");
      profiler.disconnect();
      writeFileSync(path, JSON.stringify(profile));
      return null;
    },
  };
  serveRpc(methods);
  // Started by a benchmark that is gone: shut down the way SIGTERM does, never linger.
  process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
}
