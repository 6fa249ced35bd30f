import { join } from "node:path";
import type { FloorLoadMethods } from "./floorLoad.js";
import type { FloorServerMethods } from "./floorServer.js";
import { RpcChild } from "./rpc.js";

/*
 * The floor measurement: the `ws` echo server and its load in two processes, closed loop, for
 * a fixed window after a warm-up. Server CPU per message is the figure Parley is held against.
 */

export type FloorPlan = {
  readonly connections: number;
  readonly messageBytes: number;
  readonly maxPayload: number;
  readonly warmupMs: number;
  readonly windowMs: number;
  /** The idle part: no messages, only pings at Colyseus' interval, measured over this long. */
  readonly idleMs: number;
  readonly workDir: string;
};

export type FloorResult = {
  readonly connections: number;
  readonly messageBytes: number;
  readonly messagesPerSecond: number;
  readonly cpuUsPerMessage: number;
  /** Share of one core the echo server used during the window. */
  readonly serverCore: number;
  /** Server CPU per idle connection that is only pinged every 3 s (Colyseus' heartbeat), µs/s. */
  readonly idleUsPerConnectionPerSecond: number;
  readonly errors: number;
};

/** @colyseus/ws-transport pings every client this often (its default pingInterval). */
const COLYSEUS_PING_MS = 3000;

const HERE = new URL(".", import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureFloor(plan: FloorPlan): Promise<FloorResult> {
  const output = join(plan.workDir, "floor.log");
  const server = RpcChild.start<FloorServerMethods>("floor-server", { script: join(HERE, "floorServer.ts"), output });
  const load = RpcChild.start<FloorLoadMethods>("floor-load", { script: join(HERE, "floorLoad.ts"), output });
  try {
    const { port } = await server.call("listen", { maxPayload: plan.maxPayload });
    const connected = await load.call("connect", { url: `ws://127.0.0.1:${port}`, connections: plan.connections }, 120_000);
    await load.call("start", { size: plan.messageBytes });
    await sleep(plan.warmupMs);
    const s0 = await server.call("sample", null);
    await sleep(plan.windowMs);
    const s1 = await server.call("sample", null);
    const stopped = await load.call("stop", null);
    // Let the last echoes drain, then measure the connections doing nothing but answer pings.
    await sleep(500);
    await server.call("heartbeat", { intervalMs: COLYSEUS_PING_MS });
    const i0 = await server.call("sample", null);
    await sleep(plan.idleMs);
    const i1 = await server.call("sample", null);
    const messages = s1.messages - s0.messages;
    const seconds = (s1.at - s0.at) / 1000;
    return {
      idleUsPerConnectionPerSecond: ((i1.cpuUs - i0.cpuUs) / ((i1.at - i0.at) / 1000)) / Math.max(1, connected.open),
      connections: connected.open,
      messageBytes: plan.messageBytes,
      messagesPerSecond: messages / seconds,
      cpuUsPerMessage: messages > 0 ? (s1.cpuUs - s0.cpuUs) / messages : Number.NaN,
      serverCore: (s1.cpuUs - s0.cpuUs) / 1e6 / seconds,
      errors: connected.failed + stopped.errors,
    };
  } finally {
    await load.call("close", null).catch(() => undefined);
    await server.call("close", null).catch(() => undefined);
    await Promise.all([load.stop(), server.stop()]);
  }
}
