import { mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildServer, SERVER_ENTRY } from "../buildServer.js";
import { RpcChild } from "./rpc.js";
import { countLog, listeningUrl, type LogCounts } from "./serverLog.js";
import type { ProbeMethods } from "./serverProbe.js";

/*
 * The real Parley server in a child process as `npm start` runs it (built from the current
 * sources, by plain node), with production settings, its log going straight to a file, plus
 * the metrics probe, built alongside so that both load the same copy of @colyseus/core.
 */

export type ServerLaunch = {
  readonly workDir: string;
  /** Settings on top of production defaults (e.g. a shorter TABLE_IDLE_SECONDS). */
  readonly settings?: Readonly<Record<string, string>>;
  readonly nodeFlags?: readonly string[];
};

export type ParleyServer = {
  readonly probe: RpcChild<ProbeMethods>;
  readonly endpoint: string;
  readonly httpBase: string;
  readonly logFile: string;
  readonly dataDir: string;
  /** Errors and warnings in the log so far. */
  readonly log: () => Promise<LogCounts>;
  /** Size of the durable store's files in DATA_DIR (0 while the server keeps none). */
  readonly storedBytes: () => number;
  readonly stop: () => Promise<number>;
};

const READY_TIMEOUT_MS = 60_000;

export async function startParley(launch: ServerLaunch): Promise<ParleyServer> {
  const dataDir = join(launch.workDir, "data");
  mkdirSync(dataDir, { recursive: true });
  const logFile = join(launch.workDir, "server.log");
  const built = await buildServer({ ...SERVER_ENTRY, "bench/serverProbe": "scripts/bench-load/serverProbe.ts" });
  const probe = RpcChild.start<ProbeMethods>("parley-server", {
    script: built["server/main"]!,
    preload: [built["bench/serverProbe"]!],
    nodeFlags: launch.nodeFlags ?? [],
    output: logFile,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      PARLEY_BENCH_PROBE: "1",
      // Every bot comes from this one address: the per-address limits on opening tables, joining
      // and looking codes up would stop the load.
      CREATE_PER_MINUTE: "0",
      JOIN_PER_MINUTE: "0",
      LOOKUP_PER_MINUTE: "0",
      ...launch.settings,
    },
  });
  let httpBase: string;
  try {
    httpBase = await listeningUrl(logFile, Date.now() + READY_TIMEOUT_MS, () => probe.running);
  } catch (error) {
    await probe.stop();
    throw error;
  }
  return {
    probe,
    endpoint: httpBase.replace(/^http/, "ws"),
    httpBase,
    logFile,
    dataDir,
    log: () => countLog(logFile),
    storedBytes: () => readdirSync(dataDir).reduce((sum, f) => sum + statSync(join(dataDir, f)).size, 0),
    stop: () => probe.stop(),
  };
}
