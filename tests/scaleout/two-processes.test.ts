import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../shared/engine/index.js";
import { CLOSE_CODES } from "../../shared/protocol/join.js";
import { openPostgresStore } from "../../server/storage/postgres.js";
import { bundleServer, openTableOver, ServerProcess } from "../recovery/helpers/serverProcess.js";
import { freePort } from "../helpers/freePort.js";
import { SeatPlayer, termsOf, until } from "../recovery/helpers/seatPlayer.js";
import { freshSchema, listenToRedis, startRedis } from "./services.js";
import { authoredDocument } from "../server/helpers/authoredScenario.js";
import { propose, seatOf, settingsOf, startRound, tokenOf } from "../workshop/helpers/setup.js";
import { createWorkshop, WorkshopMember } from "../workshop/helpers/workshopClient.js";

/*
 * Two server processes on different ports sharing one Redis (presence, room listings) and one
 * PostgreSQL store, each with its own public address: players who join through different
 * processes meet at one table; when the process hosting it dies, the other resumes it from
 * PostgreSQL and the players finish there.
 */

const LEASE_SECONDS = 2;

let bundle: { file: string; remove: () => void };
let redis: Awaited<ReturnType<typeof startRedis>>;
let db: Awaited<ReturnType<typeof freshSchema>>;
const servers: ServerProcess[] = [];
const players: SeatPlayer[] = [];

beforeAll(async () => {
  [bundle, redis, db] = await Promise.all([bundleServer(), startRedis(), freshSchema()]);
});
// Each test has processes of its own: none of an earlier test may sweep up its tables.
const stopAll = async () => {
  await Promise.all(players.map((p) => p.leave()));
  await Promise.all(servers.filter((s) => s.running).map((s) => s.kill9()));
};
afterEach(stopAll);
afterAll(async () => {
  await stopAll();
  await redis?.stop();
  await db?.drop();
  bundle?.remove();
});

async function startProcess(): Promise<ServerProcess> {
  const port = await freePort();
  const server = await ServerProcess.start(bundle.file, port, {
    REDIS_URL: redis.url,
    DATABASE_URL: db.url,
    PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    LEASE_SECONDS: String(LEASE_SECONDS),
  });
  servers.push(server);
  return server;
}

const joinedOn = (server: ServerProcess, code: string) => server.logs.filter((l) => l.msg === "joined" && l.table === code).map((l) => l.viewer);

describe("two processes sharing Redis and PostgreSQL", () => {
  it("seats players who came through different processes at one table, and resumes it on the other when its host dies", { timeout: 90_000 }, async () => {
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    const table = await openTableOver(a.http, "backup-appliance");
    // Each player goes through "their" process, and to whichever is alive once it is gone.
    const via = (first: ServerProcess) => () => (first.running ? first : [a, b].find((s) => s.running)!).endpoint;
    const [seller, buyer] = ROLES.slice().reverse().map((role, i) => new SeatPlayer(table.code, role, table.seats[role], via(i === 0 ? a : b), 12, 7 + i));
    players.push(seller!, buyer!);
    await Promise.all(players.map((p) => p.join()));
    await until("both seated and playing", () => players.every((p) => p.live && p.state!.started), 10_000);

    // One table, hosted by A: the buyer's join through B was handed a seat on A.
    expect(joinedOn(a, table.code).sort()).toEqual(["buyer", "seller"]);
    expect(joinedOn(b, table.code)).toEqual([]);
    expect(buyer!.state!.code).toBe(seller!.state!.code);

    await until("a few moves", () => (seller!.view?.turn ?? 0) >= 3, 15_000);
    const before = { turn: seller!.view!.turn, offers: termsOf(seller!.view!.offers) };
    await a.kill9();
    const killedAt = Date.now();
    await until("both players back, on B", () => players.every((p) => p.arrivals.length >= 2 && p.live), 30_000);
    const resumeMs = Date.now() - killedAt;
    expect(b.logs.some((l) => l.msg === "table resumed" && l.table === table.code)).toBe(true);
    for (const p of players) {
      const found = p.arrivals[1]!;
      expect(found.turn - before.turn).toBeGreaterThanOrEqual(0);
      expect(found.turn - before.turn).toBeLessThanOrEqual(1);
      expect(found.offers.slice(0, before.offers.length)).toEqual(before.offers);
    }

    await until("game over on B", () => players.every((p) => p.finished), 40_000);
    const store = await openPostgresStore({ connectionString: db.url });
    const finished = await store.listFinishedTables();
    const open = await store.loadOpenTables();
    await store.close();
    expect(open).toEqual([]);
    expect(finished.map((t) => t.code)).toEqual([table.code]);
    expect(finished[0]!.result!.outcome.kind).toBe(seller!.final!.outcome);
    expect(finished[0]!.log.length).toBeGreaterThanOrEqual(seller!.final!.offers.length);
    console.log(`scale-out: host killed at turn ${before.turn}; both players back on the other process after ${resumeMs} ms (lease ${LEASE_SECONDS} s); game finished there as ${finished[0]!.result!.outcome.kind}`);
  });
});

describe("handing a table over between processes", () => {
  it("a SIGTERM on the host hands its games back at once: the other process resumes them without waiting for a lease", { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    const table = await openTableOver(a.http, "backup-appliance");
    const alive = () => [a, b].find((s) => s.running)!.endpoint;
    const seats = ROLES.map((role, i) => new SeatPlayer(table.code, role, table.seats[role], alive, 12, 21 + i));
    players.push(...seats);
    await Promise.all(seats.map((p) => p.join()));
    await until("a few moves", () => (seats[0]!.view?.turn ?? 0) >= 3, 15_000);
    const turn = seats[0]!.view!.turn;

    const termAt = Date.now();
    expect(await a.terminate()).toBe(0);
    await until("both players back, on B", () => seats.every((p) => p.arrivals.length >= 2 && p.live), 20_000);
    const handoverMs = Date.now() - termAt;
    for (const p of seats) expect(p.closes[0]).toBe(CLOSE_CODES.serverShutdown);
    for (const p of seats) expect(p.arrivals[1]!.turn).toBeGreaterThanOrEqual(turn);
    expect(b.logs.some((l) => l.msg === "table resumed" && l.table === table.code)).toBe(true);
    await until("game over on B", () => seats.every((p) => p.finished), 40_000);
    await b.terminate();
    console.log(`scale-out: SIGTERM on the host at turn ${turn}; both players back on the other process after ${handoverMs} ms`);
  });

  it("a host that froze past its lease writes nothing more once it wakes: its copy closes and the players move to the new host", { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    const table = await openTableOver(a.http, "backup-appliance");
    const seats = ROLES.map((role, i) => new SeatPlayer(table.code, role, table.seats[role], () => b.endpoint, 14, 41 + i));
    players.push(...seats);
    await Promise.all(seats.map((p) => p.join()));
    await until("a few moves", () => (seats[0]!.view?.turn ?? 0) >= 2, 15_000);

    a.pause();
    // B's sweep takes the game over once A's lease has run out.
    await until("B resumed the game", () => b.logs.some((l) => l.msg === "table resumed" && l.table === table.code), 15_000);
    const store = await openPostgresStore({ connectionString: db.url });
    const atTakeover = (await store.loadTable(table.code))!;
    expect(atTakeover.owner).toBe(`127.0.0.1:${b.port}`);
    a.resume();

    // A finds out (its next renewal, or its next append refused by the owner check) and sends the players on.
    await until("A let the table go", () => a.logs.some((l) => l.table === table.code && (l.msg === "table lease lost: another process resumes it" || l.msg === "the store holds a newer copy of this table: closing it here")), 15_000);
    await until("both players on B", () => seats.every((p) => p.closes.includes(CLOSE_CODES.tableMoved) && p.live), 20_000);
    await until("game over on B", () => seats.every((p) => p.finished), 40_000);
    const done = (await store.loadTable(table.code))!;
    await store.close();
    // Everything after the takeover was written by B: the log runs on from where B found it, without a gap or a double.
    expect(done.status).toBe("finished");
    expect(done.log.slice(0, atTakeover.log.length)).toEqual(atTakeover.log);
    expect(done.log.map((e) => e.seq)).toEqual(done.log.map((_, i) => i + 1));
    await Promise.all([a.terminate(), b.terminate()]);
  });
});

describe("a workshop and its tables on different processes", () => {
  it("is rebuilt on another process after its own died, and watches and controls its table hosted elsewhere", { timeout: 90_000 }, async () => {
    // Everything the tables tell their workshop over Redis, from the first table on.
    const link = listenToRedis(redis.url, "parley:table-changes:*");
    await link.ready;
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    const created = await createWorkshop(a.http, { title: "Two offices" });
    // Colyseus places a new room on the process with the fewest: find out which one it was.
    const host = [a, b].find((s) => s.logs.some((l) => l.msg === "workshop opened" && l.workshop === created.code))!;
    const other = host === a ? b : a;
    const facilitator = await WorkshopMember.join(a.endpoint, created.code, { facilitator: created.facilitatorSecret }, "facilitator");
    const people = [await WorkshopMember.join(a.endpoint, created.code, { name: "Ana" }, "Ana"), await WorkshopMember.join(b.endpoint, created.code, { name: "Ben" }, "Ben")];
    const w = { created, facilitator, people };
    await facilitator.latest("lobby", (l) => l.roster.length === 2 && l.roster.every((r) => r.online));
    await startRound(w, await propose(w, "bot"), settingsOf({ turnSeconds: 300 }));
    const seat = seatOf(people[0]!);
    // The workshop opens its tables where it runs.
    expect(host.logs.some((l) => l.msg === "table opened" && l.table === seat.table)).toBe(true);
    const alive = () => [other, host].find((s) => s.running)!.endpoint;
    const seats = people.map((p, i) => new SeatPlayer(seat.table, seatOf(p).role, tokenOf(p), alive, 12, 61 + i, false));
    players.push(...seats);
    await Promise.all(seats.map((p) => p.join()));
    for (const p of seats) p.play(true);
    await until("a few moves", () => (seats[0]!.view?.turn ?? 0) >= 3, 15_000);
    for (const p of seats) p.play(false);

    // The host of the workshop and the table dies: the players' rejoin brings the table back on the other process.
    await host.kill9();
    await until("both players back, on the other process", () => seats.every((p) => p.arrivals.length >= 2 && p.live), 30_000);
    expect(other.logs.some((l) => l.msg === "table resumed" && l.table === seat.table)).toBe(true);

    // A new process C rebuilds the workshop at start: the workshop is on C, its table elsewhere.
    const c = await startProcess();
    await c.waitForLog("workshop resumed", 15_000);
    const again = await WorkshopMember.join(c.endpoint, created.code, { facilitator: created.facilitatorSecret }, "facilitator on C");
    // The grid on C shows the game as it stands on the other process, players connected there.
    const offers = seats[0]!.view!.offers.length;
    await again.latest("grid", (g) => g.tiles.length === 1 && g.tiles[0]!.offers === offers && g.tiles[0]!.seats.buyer.connected && g.tiles[0]!.seats.seller.connected, 15_000);
    const paused = await again.control("pause", {});
    expect("results" in paused && paused.results.every((r) => r.ok)).toBe(true);
    await until("the table is paused", () => seats.every((p) => p.view?.phase === "paused"), 10_000);
    await again.latest("grid", (g) => g.tiles[0]!.status === "paused", 10_000);
    expect("results" in (await again.control("resume", {}))).toBe(true);
    for (const p of seats) p.play(true);
    await until("game over", () => seats.every((p) => p.finished), 40_000);
    const debrief = await again.latest("debrief", (d) => d.rounds[0]?.games.length === 1, 15_000);
    expect(debrief.rounds[0]!.games[0]!.code).toBe(seat.table);
    expect(other.logs.some((l) => l.msg === "workshop resumed")).toBe(false);

    // Over Redis went tiles and public seats, never a table's engine state (its hidden draw).
    await link.stop();
    expect(link.heard.length).toBeGreaterThan(5);
    for (const { payload } of link.heard) {
      const published = JSON.parse(payload) as Record<string, unknown>;
      expect(Object.keys(published).sort()).toEqual(["facts", "seats"]);
      for (const key of ["sides", "scenario", "timeline", "notes", "values", "hotButtons", "seed", "drawSeed"]) expect(payload).not.toContain(`"${key}"`);
      expect(payload).not.toContain(created.facilitatorSecret);
      for (const p of people) expect(payload).not.toContain(tokenOf(p));
    }
    await Promise.all([again, facilitator, ...people].map((m) => m.leave().catch(() => undefined)));
    await Promise.all([other.terminate(), c.terminate()]);
  });
});

describe("the scenario library on two processes", () => {
  it("serves a scenario saved through one process from the other: its tables, its versions, its author's list", { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    const send = async (server: ServerProcess, method: string, path: string, body?: unknown, key?: string) => {
      const headers: Record<string, string> = { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(key ? { authorization: `Bearer ${key}` } : {}) };
      const res = await fetch(`${server.http}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    // B looks the id up before it exists, so a cache that kept "unknown" would show below.
    expect((await send(b, "GET", "/api/scenarios/shared-cranes")).status).toBe(404);
    const created = await send(a, "POST", "/api/scenarios", authoredDocument("shared-cranes", "Shared v1"));
    expect(created.status).toBe(201);
    const editKey = String(created.body["editKey"]);
    expect((await send(b, "GET", "/api/scenarios/shared-cranes")).body).toMatchObject({ title: "Shared v1" });
    expect((await send(b, "POST", "/api/tables", { scenarioId: "shared-cranes" })).body).toMatchObject({ scenarioVersion: 1 });

    expect((await send(a, "PUT", "/api/scenarios/shared-cranes", authoredDocument("shared-cranes", "Shared v2"), editKey)).body).toEqual({ id: "shared-cranes", version: 2 });
    expect((await send(b, "POST", "/api/tables", { scenarioId: "shared-cranes" })).body).toMatchObject({ scenarioVersion: 2 });
    expect((await send(b, "GET", "/api/scenarios/shared-cranes")).body).toMatchObject({ title: "Shared v2" });
    expect((await send(b, "GET", "/api/scenarios/shared-cranes?version=1")).body).toMatchObject({ title: "Shared v1" });
    const listed = await fetch(`${b.http}/api/scenarios`, { headers: { authorization: `Bearer ${editKey}` } });
    expect(((await listed.json()) as { id: string; version: number }[]).find((s) => s.id === "shared-cranes")).toMatchObject({ version: 2, editable: true });
    // B refuses what A stored: the same id cannot be taken twice.
    expect((await send(b, "POST", "/api/scenarios", authoredDocument("shared-cranes"))).status).toBe(409);
  });
});
