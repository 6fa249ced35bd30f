import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, viewFor } from "../../shared/engine/index.js";
import { finishedTables } from "./helpers/history.js";
import { shippedLibrary } from "../helpers/library.js";
import { SqliteStore } from "../../server/storage/sqlite.js";
import { bundleServer, openTableOver, ServerProcess } from "./helpers/serverProcess.js";
import { freePort } from "../helpers/freePort.js";
import { drawOf, prng, SeatPlayer, sleep, termsOf, until } from "./helpers/seatPlayer.js";

/*
 * kill -9 in the middle of games, again and again: every game must come back where it was —
 * same turn, same hidden draw, every acknowledged move still there — and end exactly once in
 * the store, its result matching a replay of its log.
 */

const KILLS = Number(process.env.PARLEY_RECOVERY_KILLS ?? 20);
/** Where the kills fall and how the players play: the same on every run, another with PARLEY_RECOVERY_SEED. */
const SEED = Number(process.env.PARLEY_RECOVERY_SEED ?? 20261203);
const GAMES_AT_ONCE = 3;

type Game = { readonly code: string; readonly players: readonly SeatPlayer[] };

let bundle: { file: string; remove: () => void };
let dataDir: string;
let server: ServerProcess | null = null;
const games: Game[] = [];
beforeAll(async () => {
  bundle = await bundleServer();
  dataDir = mkdtempSync(join(tmpdir(), "parley-crash-"));
});
afterAll(async () => {
  await Promise.all(games.flatMap((g) => g.players.map((p) => p.leave())));
  if (server?.running) await server.kill9();
  bundle?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("crash recovery (SQLite, kill -9)", () => {
  it(`survives ${KILLS} kills at random points (seed ${SEED}) with no finished result lost, doubled or partial`, { timeout: 150_000 }, async () => {
    const random = prng(SEED);
    const port = await freePort();
    const env = { DATA_DIR: dataDir, RECONNECT_SECONDS: "60" };
    server = await ServerProcess.start(bundle.file, port, env);
    let seed = Math.floor(random() * 2 ** 31);
    const started = Date.now();

    const openGame = async () => {
      const table = await openTableOver(server!.http, "backup-appliance");
      const players = ROLES.map((role) => new SeatPlayer(table.code, role, table.seats[role], () => server!.endpoint, 6 + (seed % 9), ++seed));
      games.push({ code: table.code, players });
      await Promise.all(players.map((p) => p.join()));
    };
    const active = () => games.filter((g) => !g.players.every((p) => p.finished));

    const restarts: { listeningMs: number; backMs: number; resumed: number; resumeMs: number }[] = [];
    const checks = { turns: 0, offers: 0, draws: 0 };
    for (let kill = 0; kill < KILLS; ) {
      while (active().length < GAMES_AT_ONCE) await openGame();
      await until("every game under way", () => active().every((g) => g.players.every((p) => p.live && p.state!.started && p.view !== null)), 15_000);
      // A random point: somewhere in the middle of moves being made.
      await sleep(100 + random() * 500);
      if (active().length === 0) continue;
      kill += 1;
      const before = new Map(
        active().map((g) => [
          g.code,
          {
            // The furthest either player has seen: the other's patch may still be on its way.
            turn: Math.max(...g.players.map((p) => p.view!.turn)),
            offers: termsOf(g.players[0]!.view!.offers),
            arrivals: g.players.map((p) => p.arrivals.length),
            greetings: g.players.map((p) => p.greetings.length),
            draws: g.players.map((p) => p.lastDraw),
          },
        ]),
      );
      await server.kill9();
      const killedAt = Date.now();
      server = await ServerProcess.start(bundle.file, port, env);
      const listeningMs = Date.now() - killedAt;
      const resumedLog = await server.waitForLog("games in progress resumed", 0).catch(() => null);
      const playing = games.filter((g) => before.has(g.code));
      // Back in their seat (or, for a game whose last move landed just before the kill, done with it).
      const back = (g: Game, p: SeatPlayer, i: number) => p.greetings.length > before.get(g.code)!.greetings[i]!;
      await until("every player back in their seat", () => playing.every((g) => g.players.every((p, i) => p.finished || (p.live && back(g, p, i)))), 20_000);
      restarts.push({ listeningMs, backMs: Date.now() - killedAt, resumed: Number(resumedLog?.tables ?? 0), resumeMs: Number(resumedLog?.ms ?? 0) });

      for (const g of playing) {
        const was = before.get(g.code)!;
        g.players.forEach((p, i) => {
          if (!back(g, p, i)) return;
          // What each player found on coming back: the same turn, or one further if a move was in
          // flight when the process died; every offer they had seen, unchanged.
          const found = p.arrivals[was.arrivals[i]!]!;
          expect(found.turn - was.turn).toBeGreaterThanOrEqual(0);
          expect(found.turn - was.turn).toBeLessThanOrEqual(1);
          expect(found.offers.slice(0, was.offers.length)).toEqual(was.offers);
          // The same hidden side as before the kill, unless a move was in flight (it may start a round, and a card).
          if (found.turn === was.turn) {
            expect(p.greetings[was.greetings[i]!]).toBe(was.draws[i]);
            checks.draws += 1;
          }
          checks.turns += 1;
          checks.offers += was.offers.length;
        });
      }
    }
    await until("every game finished", () => active().length === 0, 60_000).catch((error: unknown) => {
      for (const g of active()) console.log(g.code, g.players.map((p) => ({ role: p.role, live: p.live, phase: p.view?.phase, turn: p.view?.turn, toAct: p.view?.toAct, errors: p.errors.slice(-3) })));
      throw error;
    });
    const clientResults = new Map(games.map((g) => [g.code, g.players.map((p) => p.final!.outcome)]));
    const clientOffers = new Map(games.map((g) => [g.code, g.players[0]!.final!.offers]));
    await Promise.all(games.flatMap((g) => g.players.map((p) => p.leave())));
    expect(await server!.terminate()).toBe(0);

    const store = new SqliteStore({ path: join(dataDir, "parley.sqlite") });
    const history = await finishedTables(store, await shippedLibrary(store));
    const open = await store.loadOpenTables();
    await store.close();
    expect(history.unreadable).toEqual([]);
    expect(open).toEqual([]);
    const codes = history.tables.map((t) => t.code);
    // Every game ended once: none lost, none doubled, each whole (result = replay of its log).
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(games.map((g) => g.code).sort());
    for (const t of history.tables) {
      expect(clientResults.get(t.code)).toEqual([t.result.outcome.kind, t.result.outcome.kind]);
      // What each player last held of their hidden side is what the replayed game ends with.
      for (const p of games.find((g) => g.code === t.code)!.players) expect(p.lastDraw).toBe(drawOf(viewFor(t.state, p.role).sides[p.role]));
      expect(termsOf(t.state.offers)).toEqual(clientOffers.get(t.code));
    }
    const logEntries = history.tables.reduce((n, t) => n + t.state.timeline.length, 0);
    const rejoins = games.reduce((n, g) => n + g.players.reduce((m, p) => m + p.rejoins, 0), 0);
    const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    console.log(
      `crash recovery: ${KILLS} kills survived, ${games.length} games, ${rejoins} rejoins; checked ${history.tables.length} finished results ` +
        `(${logEntries} timeline events replayed), ${checks.turns} resumed turns, ${checks.offers} acknowledged offers, ${checks.draws} hidden draws; ` +
        `kill → listening avg ${avg(restarts.map((r) => r.listeningMs))} ms (max ${Math.max(...restarts.map((r) => r.listeningMs))}), ` +
        `${restarts.reduce((n, r) => n + r.resumed, 0)} games resumed at start in avg ${avg(restarts.map((r) => r.resumeMs))} ms (max ${Math.max(...restarts.map((r) => r.resumeMs))}), ` +
        `kill → both players seated avg ${avg(restarts.map((r) => r.backMs))} ms (max ${Math.max(...restarts.map((r) => r.backMs))}); total ${Date.now() - started} ms`,
    );
  });
});
