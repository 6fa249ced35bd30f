import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../shared/engine/index.js";
import { CLOSE_CODES } from "../../shared/protocol/join.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { replayTable } from "../../server/persistence/replay.js";
import { SqliteStore } from "../../server/storage/sqlite.js";
import { bundleServer, openTableOver, ServerProcess } from "./helpers/serverProcess.js";
import { freePort } from "../helpers/freePort.js";
import { SeatPlayer, until } from "./helpers/seatPlayer.js";

let bundle: { file: string; remove: () => void };
let dataDir: string;
let server: ServerProcess | null = null;
const players: SeatPlayer[] = [];
beforeAll(async () => {
  bundle = await bundleServer();
  dataDir = mkdtempSync(join(tmpdir(), "parley-sigterm-"));
});
afterAll(async () => {
  await Promise.all(players.map((p) => p.leave()));
  if (server?.running) await server.kill9();
  bundle?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("graceful shutdown (SIGTERM)", () => {
  it("drains mid-game, exits cleanly, keeps the game open and unscored, and the game resumes after a restart", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir };
    server = await ServerProcess.start(bundle.file, port, env);
    const table = await openTableOver(server.http, "backup-appliance");
    for (const role of ROLES) players.push(new SeatPlayer(table.code, role, table.seats[role], () => server!.endpoint, 10, role.length));
    await Promise.all(players.map((p) => p.join()));
    await until("a few moves made", () => (players[0]!.view?.turn ?? 0) >= 3, 15_000);

    const seen = Math.max(...players.map((p) => p.view!.turn));
    const termAt = Date.now();
    expect(await server.terminate()).toBe(0);
    const drainMs = Date.now() - termAt;
    await until("both players told", () => players.every((p) => p.closes.length > 0), 5000);
    for (const p of players) expect(p.closes[0]).toBe(CLOSE_CODES.serverShutdown);

    // While it is down: open, nobody's lease, unscored; the log replays to a game in progress.
    const store = new SqliteStore({ path: join(dataDir, "parley.sqlite") });
    const stored = (await store.loadTable(table.code))!;
    await store.close();
    expect(stored).toMatchObject({ status: "open", owner: null, leaseUntil: null, result: null });
    expect(stored.log.map((e) => e.action.type)).not.toContain("abandon");
    expect(stored.log.map((e) => e.action.type)).not.toContain("walk_away");
    const down = replayTable(stored, SCENARIOS["backup-appliance"]!);
    expect(down.phase).toBe("playing");
    expect(down.outcome).toBeNull();
    // Every move the players saw was written before they saw it.
    expect(down.turn).toBeGreaterThanOrEqual(seen);

    // Back up: the players (still trying) rejoin with their seat tokens, at the turn the log left, and finish.
    const restartAt = Date.now();
    server = await ServerProcess.start(bundle.file, port, env);
    await until("both back", () => players.every((p) => p.arrivals.length >= 2), 15_000);
    const backMs = Date.now() - restartAt;
    for (const p of players) expect(p.arrivals[1]!.turn).toBe(down.turn);
    await until("game over", () => players.every((p) => p.finished), 30_000);
    expect(await server.terminate()).toBe(0);

    const after = new SqliteStore({ path: join(dataDir, "parley.sqlite") });
    const finished = await after.listFinishedTables();
    await after.close();
    expect(finished.map((t) => t.code)).toEqual([table.code]);
    expect(finished[0]!.result!.outcome.kind).toBe(players[0]!.final!.outcome);
    console.log(`SIGTERM: drained and exited in ${drainMs} ms at turn ${down.turn} (clients had seen turn ${seen}); restart → both players seated ${backMs} ms`);
  });
});
