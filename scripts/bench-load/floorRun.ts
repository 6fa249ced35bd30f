import { join } from "node:path";
import type { FloorLoadMethods } from "./floorLoad.js";
import type { FloorServerMethods } from "./floorServer.js";
import { RpcChild } from "./rpc.js";

/*
 * The floor: the `ws` echo server and its load in two processes, with the benchmark's
 * connection count and message size. Closed loop, as the issue asks; idle, with Colyseus'
 * 3-s ping; and open loop at a given rate. The last one matters on this kind of machine: a
 * process woken for each message pays far more CPU per message than one kept busy (a bare
 * echo costs several times more at 50 msg/s than in a closed loop), so an action at a human
 * pace is also compared with an echo at the same pace.
 */

export type FloorSetup = { readonly connections: number; readonly messageBytes: number; readonly maxPayload: number; readonly workDir: string };

export type FloorResult = {
  readonly connections: number;
  readonly messageBytes: number;
  readonly messagesPerSecond: number;
  /** Closed loop: server CPU per echoed message. */
  readonly cpuUsPerMessage: number;
  /** Share of one core the echo server used during the closed-loop window. */
  readonly serverCore: number;
  /** Server CPU per idle connection that is only pinged every 3 s (Colyseus' heartbeat), µs/s. */
  readonly idleUsPerConnectionPerSecond: number;
  readonly errors: number;
};

/** An open-loop echo at one rate. */
export type PacedFloor = { readonly perSecond: number; readonly messagesPerSecond: number; readonly cpuUsPerMessage: number };

/** @colyseus/ws-transport pings every client this often (its default pingInterval). */
const COLYSEUS_PING_MS = 3000;

const HERE = new URL(".", import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type FloorSession = {
  readonly closedLoop: (warmupMs: number, windowMs: number) => Promise<Omit<FloorResult, "idleUsPerConnectionPerSecond">>;
  readonly idle: (windowMs: number) => Promise<number>;
  readonly paced: (perSecond: number, warmupMs: number, windowMs: number) => Promise<PacedFloor>;
  readonly close: () => Promise<void>;
};

/** Start the echo server and its load, connected; measure with the session, then close it. */
export async function openFloor(setup: FloorSetup): Promise<FloorSession> {
  const output = join(setup.workDir, "floor.log");
  const server = RpcChild.start<FloorServerMethods>("floor-server", { script: join(HERE, "floorServer.ts"), output });
  const load = RpcChild.start<FloorLoadMethods>("floor-load", { script: join(HERE, "floorLoad.ts"), output });
  const close = async () => {
    await load.call("close", null).catch(() => undefined);
    await server.call("close", null).catch(() => undefined);
    await Promise.all([load.stop(), server.stop()]);
  };
  try {
    const { port } = await server.call("listen", { maxPayload: setup.maxPayload });
    const connected = await load.call("connect", { url: `ws://127.0.0.1:${port}`, connections: setup.connections }, 120_000);
    /** Server CPU per message over a window of whatever the load is doing. */
    const window = async (warmupMs: number, windowMs: number) => {
      await sleep(warmupMs);
      const s0 = await server.call("sample", null);
      await sleep(windowMs);
      const s1 = await server.call("sample", null);
      const stopped = await load.call("stop", null);
      // Let the last echoes drain before anything else is measured.
      await sleep(500);
      const messages = s1.messages - s0.messages;
      const seconds = (s1.at - s0.at) / 1000;
      return { messages, seconds, cpuUs: s1.cpuUs - s0.cpuUs, errors: stopped.errors };
    };
    return {
      closedLoop: async (warmupMs, windowMs) => {
        await load.call("start", { size: setup.messageBytes });
        const w = await window(warmupMs, windowMs);
        return {
          connections: connected.open,
          messageBytes: setup.messageBytes,
          messagesPerSecond: w.messages / w.seconds,
          cpuUsPerMessage: w.messages > 0 ? w.cpuUs / w.messages : Number.NaN,
          serverCore: w.cpuUs / 1e6 / w.seconds,
          errors: connected.failed + w.errors,
        };
      },
      idle: async (windowMs) => {
        await server.call("heartbeat", { intervalMs: COLYSEUS_PING_MS });
        const i0 = await server.call("sample", null);
        await sleep(windowMs);
        const i1 = await server.call("sample", null);
        return (i1.cpuUs - i0.cpuUs) / ((i1.at - i0.at) / 1000) / Math.max(1, connected.open);
      },
      paced: async (perSecond, warmupMs, windowMs) => {
        await load.call("pace", { size: setup.messageBytes, perSecond });
        const w = await window(warmupMs, windowMs);
        return { perSecond, messagesPerSecond: w.messages / w.seconds, cpuUsPerMessage: w.messages > 0 ? w.cpuUs / w.messages : Number.NaN };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
