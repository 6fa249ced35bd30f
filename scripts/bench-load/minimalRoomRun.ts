import { join } from "node:path";
import type { Pace } from "./botSeat.js";
import type { MinimalLoadMethods } from "./minimalRoomLoad.js";
import type { MinimalServerMethods } from "./minimalRoomServer.js";
import type { LoadKind } from "./parleyRun.js";
import { RpcChild } from "./rpc.js";

/*
 * The minimal Colyseus room (minimalRoomServer.ts) under the same tables, clients and pacing
 * as Parley: server CPU per accepted action, for each load Parley ran.
 */

export type MinimalRoomResult = { readonly kind: LoadKind; readonly actionsPerSecond: number; readonly cpuUsPerAction: number; readonly errors: number };

/**
 * The minimal room's loads, and its own table turnover: server CPU per table to create a room,
 * seat a second client and have both leave (the room closes itself). It puts Parley's turnover
 * next to what Colyseus' matchmaking and WebSocket joins cost by themselves on this machine.
 */
export type MinimalRoomRun = { readonly loads: readonly MinimalRoomResult[]; readonly turnoverUs: number };

export type MinimalRoomPlan = {
  readonly workDir: string;
  readonly tables: number;
  readonly maxPayload: number;
  readonly loads: readonly { readonly kind: LoadKind; readonly pace: Pace }[];
  readonly warmupMs: number;
  readonly windowMs: number;
  readonly joinConcurrency: number;
};

const HERE = new URL(".", import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureMinimalRoom(plan: MinimalRoomPlan): Promise<MinimalRoomRun> {
  const output = join(plan.workDir, "minimal-room.log");
  const server = RpcChild.start<MinimalServerMethods>("minimal-room", { script: join(HERE, "minimalRoomServer.ts"), output });
  const load = RpcChild.start<MinimalLoadMethods>("minimal-load", { script: join(HERE, "minimalRoomLoad.ts"), output });
  try {
    const { port } = await server.call("listen", { maxPayload: plan.maxPayload });
    const beforeOpen = (await server.call("sample", null)).cpuUs;
    const connected = await load.call("connect", { endpoint: `ws://127.0.0.1:${port}`, tables: plan.tables, concurrency: plan.joinConcurrency }, 300_000);
    const openUs = (await server.call("sample", null)).cpuUs - beforeOpen;
    const results: MinimalRoomResult[] = [];
    for (const { kind, pace } of plan.loads) {
      await load.call("pace", pace);
      await sleep(plan.warmupMs);
      const s0 = await server.call("sample", null);
      await sleep(plan.windowMs);
      const s1 = await server.call("sample", null);
      const stopped = await load.call("stop", null);
      await sleep(500);
      const actions = s1.actions - s0.actions;
      results.push({
        kind,
        actionsPerSecond: actions / ((s1.at - s0.at) / 1000),
        cpuUsPerAction: actions > 0 ? (s1.cpuUs - s0.cpuUs) / actions : Number.NaN,
        errors: connected.failed + stopped.errors,
      });
    }
    const beforeLeave = (await server.call("sample", null)).cpuUs;
    await load.call("close", null);
    // Leaves and room disposal run after the clients' close frames: give them a moment.
    await sleep(1000);
    const leaveUs = (await server.call("sample", null)).cpuUs - beforeLeave;
    return { loads: results, turnoverUs: (openUs + leaveUs) / Math.max(1, connected.open / 2) };
  } finally {
    await load.call("close", null).catch(() => undefined);
    await server.call("close", null).catch(() => undefined);
    await Promise.all([load.stop(), server.stop()]);
  }
}
