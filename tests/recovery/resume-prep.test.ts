import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../shared/engine/index.js";
import { SqliteStore } from "../../server/storage/sqlite.js";
import { freePort } from "../helpers/freePort.js";
import { bundleServer, ServerProcess } from "./helpers/serverProcess.js";
import { SeatPlayer, sleep, until } from "./helpers/seatPlayer.js";

/*
 * Reading time across a kill -9: its end is the engine's own (replayed from the start time and
 * the log), so a table still reading comes back reading until the same moment, with who said
 * "ready"; one paused while reading keeps what was left; one whose reading time ran out while
 * the server was down gets its timeout once when it is back, and the first turn a whole clock.
 */

let bundle: { file: string; remove: () => void };
let dir: string;
let server: ServerProcess | null = null;
const players: SeatPlayer[] = [];

beforeAll(async () => {
  bundle = await bundleServer();
  dir = mkdtempSync(join(tmpdir(), "parley-prep-"));
});
afterAll(async () => {
  await Promise.all(players.map((p) => p.leave()));
  if (server?.running) await server.kill9();
  bundle?.remove();
  rmSync(dir, { recursive: true, force: true });
});

type Opened = { code: string; players: Record<Role, SeatPlayer> };

async function readingTable(readingSeconds: number): Promise<Opened> {
  const res = await fetch(`${server!.http}/api/tables`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenarioId: "backup-appliance", readingSeconds }),
  });
  expect(res.status).toBe(201);
  const { code, seats } = (await res.json()) as { code: string; seats: Record<Role, string> };
  const seated = Object.fromEntries(ROLES.map((role) => [role, new SeatPlayer(code, role, seats[role], () => server!.endpoint, 0, 1, false)])) as Record<Role, SeatPlayer>;
  players.push(...Object.values(seated));
  await Promise.all(Object.values(seated).map((p) => p.join()));
  await until("started", () => seated.buyer.state?.started === true && (seated.buyer.view?.preparation ?? null) !== null);
  return { code, players: seated };
}

async function logOf(code: string) {
  const store = new SqliteStore({ path: join(dir, "parley.sqlite") });
  try {
    return (await store.loadTable(code))!.log;
  } finally {
    await store.close();
  }
}

describe("reading time after kill -9", () => {
  // A paused table's reading time is the engine's (tests/rules/engine-prep.test.ts): only a
  // workshop's table has a facilitator to pause it, and replay rebuilds it like any other.
  it("resumes reading until the same moment, and settles one that ran out once", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const env = { DATA_DIR: dir, RECONNECT_SECONDS: "60" };
    server = await ServerProcess.start(bundle.file, port, env);

    const steady = await readingTable(120);
    const short = await readingTable(2);

    steady.players.buyer.room!.send("ready", {});
    await until("the buyer is ready", () => steady.players.seller.view?.preparation?.ready.buyer === true);
    const steadyEnd = steady.players.buyer.view!.preparation!.endsAt;
    expect(steadyEnd).toEqual(expect.any(Number));
    expect(steady.players.buyer.view).toMatchObject({ phase: "preparing", preparation: { ready: { seller: false } }, turnEndsAt: null });

    await server.kill9();
    // Down for longer than the short table's reading time.
    await sleep(2500);
    server = await ServerProcess.start(bundle.file, port, env);
    const restartedAt = Date.now();
    await until("players back", () => players.every((p) => p.live && p.arrivals.length === 2), 20_000);

    // Still reading, until the very same moment, with the buyer's "ready" kept.
    expect(steady.players.seller.view).toMatchObject({ phase: "preparing", preparation: { endsAt: steadyEnd, ready: { buyer: true, seller: false } }, turn: 0 });

    // Reading time ran out while down: one timeout at the restart, and the first turn gets its whole clock.
    await until("the short table plays", () => short.players.seller.view?.phase === "playing");
    const shortLog = await logOf(short.code);
    expect(shortLog.map((e) => e.action.type)).toEqual(["timeout"]);
    expect(shortLog[0]!.at).toBeGreaterThanOrEqual(restartedAt - 1000);
    const view = short.players.seller.view!;
    expect(view).toMatchObject({ preparation: null, turn: 0 });
    expect(view.turnEndsAt! - shortLog[0]!.at).toBe(view.turnMs);
  });
});
