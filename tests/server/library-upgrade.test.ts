import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { configWith } from "../../server/config.js";
import { createLogger } from "../../server/logger.js";
import { startServer, type RunningServer } from "../../server/start.js";
import { hashSecret, newSecret } from "../../server/storage/secrets.js";
import { SQLITE_MIGRATIONS } from "../../server/storage/sqliteMigrations.js";
import { freePort } from "../helpers/freePort.js";
import { Player } from "./helpers/player.js";
import { until } from "./helpers/wait.js";

/*
 * A database written by the build before the scenario library (schema version 4: no library,
 * no scenario version on tables or rounds) still works: its game in progress is resumed on the
 * shipped scenario, which the upgraded store knows as version 1.
 */

const BEFORE_LIBRARY = 4;
let dir: string;
let running: RunningServer | null = null;
let player: Player | null = null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "parley-upgrade-"));
});
afterAll(async () => {
  await player?.room.leave(true).catch(() => undefined);
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A database file exactly as the earlier build left it, with one started table. */
function oldDatabase(path: string, seats: { buyer: string; seller: string }): void {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  for (const sql of SQLITE_MIGRATIONS.slice(0, BEFORE_LIBRARY)) db.exec(sql);
  db.pragma(`user_version = ${BEFORE_LIBRARY}`);
  const now = Date.now();
  db.prepare(
    `INSERT INTO game_tables (code, scenario_id, seed, draw_seed, options, created_at, started_at, buyer_token_hash, buyer_name, seller_token_hash, seller_name)
     VALUES ('UPGRD2', 'backup-appliance', 'old-seed', 'old-seed', '{}', @now, @now, @buyer, 'Bea', @seller, 'Sam')`,
  ).run({ now, buyer: hashSecret(seats.buyer), seller: hashSecret(seats.seller) });
  db.prepare(`INSERT INTO table_actions (code, seq, action, at) VALUES ('UPGRD2', 1, @action, @at)`).run({
    action: JSON.stringify({ type: "offer", by: "seller", terms: { price: 24000, support: "business", warranty: 24, delivery: 4, payment: "net30" } }),
    at: now + 1000,
  });
  db.close();
}

describe("a database from before the scenario library", () => {
  it("is upgraded at start and resumes its game on version 1 of the shipped scenario", async () => {
    const path = join(dir, "parley.sqlite");
    const seats = { buyer: newSecret(), seller: newSecret() };
    oldDatabase(path, seats);
    const port = await freePort();
    running = await startServer(configWith({ PORT: port, HOST: "127.0.0.1", SQLITE_PATH: path, LOG_LEVEL: "silent" }), { logger: createLogger("silent") });
    expect(running.recovered.tables).toBe(1);
    const stored = await running.services.store.loadTable("UPGRD2");
    expect(stored?.scenarioVersion).toBe(1);
    expect(stored?.log).toHaveLength(1);
    expect((await running.services.store.loadScenario("backup-appliance"))?.version).toBe(1);

    player = await Player.join(`ws://127.0.0.1:${port}`, "UPGRD2", { seat: seats.buyer, name: "Bea" }, "buyer");
    await until("the welcome", () => player!.last("welcome") !== undefined);
    expect(player.view.scenario.title).toBe(SCENARIOS["backup-appliance"]!.title);
    expect(player.view.offers.length).toBe(1);
    const upgraded = new Database(path, { readonly: true });
    expect(upgraded.pragma("user_version", { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    upgraded.close();
  });
});
