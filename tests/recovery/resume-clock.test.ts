import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../shared/engine/index.js";
import { configWith } from "../../server/config.js";
import { createLogger } from "../../server/logger.js";
import { startServer, type RunningServer } from "../../server/start.js";
import { SqliteStore } from "../../server/storage/sqlite.js";
import { openTable } from "../../server/tables/openTable.js";
import { freePort } from "../helpers/freePort.js";
import { SeatPlayer, sleep, until } from "./helpers/seatPlayer.js";

/*
 * The turn clock across a restart (here a graceful stop and a new server on the same file, in
 * this process): a deadline still ahead is kept as it was; one that passed while the server was
 * down is applied once as the engine's timeout when the table is back, and the next player gets
 * a full turn from then.
 */

let dir: string;
let port: number;
let running: RunningServer | null = null;
const players: SeatPlayer[] = [];
const offer = { price: 24000, support: "business", warranty: 24, delivery: 4, payment: "net30" };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-clock-"));
  port = await freePort();
});
afterAll(async () => {
  await Promise.all(players.map((p) => p.leave()));
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const boot = async () => {
  running = await startServer(configWith({ PORT: port, SQLITE_PATH: join(dir, "parley.sqlite"), LOG_LEVEL: "silent" }), { logger: createLogger("silent") });
  return running;
};

async function seatedTable(turnSeconds: number): Promise<{ code: string; players: Record<Role, SeatPlayer> }> {
  const opened = await openTable({ scenarioId: "backup-appliance", turnSeconds }, running!.services);
  if (!opened.ok) throw new Error(opened.error.message);
  const { code, seats } = opened.table;
  const seated = Object.fromEntries(ROLES.map((role) => [role, new SeatPlayer(code, role, seats[role]!, () => `ws://127.0.0.1:${port}`, 0, 1, false)])) as Record<Role, SeatPlayer>;
  players.push(...Object.values(seated));
  await Promise.all(Object.values(seated).map((p) => p.join()));
  await until("started", () => seated.buyer.state?.started === true);
  seated.seller.room!.send("offer", { terms: offer });
  await until("the buyer's turn", () => seated.buyer.view?.turn === 1);
  return { code, players: seated };
}

describe("turn clocks after a restart", () => {
  it("keep a deadline that is still ahead, and apply one that passed while down as a single timeout", { timeout: 30_000 }, async () => {
    await boot();
    const slow = await seatedTable(60);
    const quick = await seatedTable(2);
    const slowDeadline = slow.players.buyer.view!.turnEndsAt;
    expect(slowDeadline).toEqual(expect.any(Number));

    await running!.stop();
    // Down for longer than the quick table's turn (and less than the slow one's).
    await sleep(2500);
    const back = await boot();
    const restartedAt = Date.now();
    expect(back.recovered.tables).toBe(2);

    await until("players back", () => players.every((p) => p.arrivals.length === 2), 10_000);
    const slowNow = slow.players.buyer.view!;
    expect(slowNow).toMatchObject({ turn: 1, toAct: "buyer", turnEndsAt: slowDeadline });

    // The quick table's buyer ran out of time while the server was down: one timeout, at the restart.
    const quickNow = quick.players.seller.arrivals[1]!;
    expect(quickNow.turn).toBe(2);
    const store = new SqliteStore({ path: join(dir, "parley.sqlite") });
    const log = (await store.loadTable(quick.code))!.log;
    await store.close();
    expect(log.map((e) => e.action.type)).toEqual(["offer", "timeout"]);
    expect(log[1]!.at).toBeGreaterThanOrEqual(restartedAt - 1000);
    // …and the seller has a whole turn from then, not what was left of an old one.
    expect(quick.players.seller.view!.turnEndsAt! - log[1]!.at).toBe(2000);
  });
});
