import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkshop } from "../workshop/helpers/workshopClient.js";
import { freePort } from "../helpers/freePort.js";
import { ROLES } from "../../shared/engine/index.js";
import { bundleServer, openTableOver, ServerProcess } from "./helpers/serverProcess.js";
import { SeatPlayer, until } from "./helpers/seatPlayer.js";

/*
 * At every start one line says what was taken up from the store, zero included, so an
 * operator who restarts after a crash sees at once whether the games came back.
 */

let bundle: { file: string; remove: () => void };
let dataDir: string;
let server: ServerProcess | null = null;
const players: SeatPlayer[] = [];

beforeAll(async () => {
  bundle = await bundleServer();
  dataDir = mkdtempSync(join(tmpdir(), "parley-start-log-"));
});
afterAll(async () => {
  await Promise.all(players.map((p) => p.leave()));
  if (server?.running) await server.kill9();
  bundle?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A table whose game has started (both seats taken): a game in progress, resumed at the next start. */
async function gameInProgress(s: ServerProcess, scenarioId: string): Promise<void> {
  const { code, seats } = await openTableOver(s.http, scenarioId);
  const seated = ROLES.map((role) => new SeatPlayer(code, role, seats[role], () => s.endpoint, 0, 1, false));
  players.push(...seated);
  await Promise.all(seated.map((p) => p.join()));
  await until("the game started", () => seated.every((p) => p.room?.state.started === true));
}

const resumedLines = (s: ServerProcess) => s.logs.filter((l) => l.msg.startsWith("resumed from the store"));

describe("the start log", () => {
  it("says how many open tables and workshops were resumed, on a fresh store and after kill -9", { timeout: 60_000 }, async () => {
    const port = await freePort();
    server = await ServerProcess.start(bundle.file, port, { DATA_DIR: dataDir, LOG_LEVEL: "info" });
    expect(resumedLines(server)).toEqual([expect.objectContaining({ msg: "resumed from the store: 0 open tables, 0 workshops", tables: 0, workshops: 0 })]);

    await gameInProgress(server, "backup-appliance");
    await gameInProgress(server, "partner-reseller");
    // Opened but never joined: nothing to resume.
    await openTableOver(server.http, "fleet-maintenance");
    await createWorkshop(server.http, { title: "Start log" });
    await server.kill9();

    server = await ServerProcess.start(bundle.file, port, { DATA_DIR: dataDir, LOG_LEVEL: "info" });
    expect(resumedLines(server)).toEqual([expect.objectContaining({ msg: "resumed from the store: 2 open tables, 1 workshop", tables: 2, workshops: 1 })]);
    expect(await server.terminate()).toBe(0);
  });
});
