import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apply, type Action, type TableState } from "../../shared/engine/index.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { finishedTables } from "./helpers/history.js";
import { initialState } from "../../server/persistence/replay.js";
import { shippedLibrary } from "../helpers/library.js";
import { hashSecret } from "../../server/storage/secrets.js";
import { SqliteStore } from "../../server/storage/sqlite.js";
import type { NewTable } from "../../server/storage/store.js";

const scenario = SCENARIOS["backup-appliance"]!;
const T0 = Date.UTC(2026, 2, 1, 9);
const terms = (price: number) => ({ price, support: "business", warranty: 24, delivery: 4, payment: "net30" });

let store: SqliteStore;
beforeEach(() => {
  store = new SqliteStore({ path: ":memory:" });
});
afterEach(() => store.close());

const record = (code: string, extra: Partial<NewTable> = {}): NewTable => ({
  code,
  scenarioId: scenario.id,
  scenarioVersion: 1,
  seed: `seed-${code}`,
  drawSeed: "deck",
  options: { rounds: 6 },
  createdAt: T0,
  workshopId: null,
  workshopRound: null,
  seats: { buyer: { tokenHash: hashSecret(`b-${code}`), name: "Bea" }, seller: { tokenHash: hashSecret(`s-${code}`), name: "Sam" } },
  facilitatorSecretHash: hashSecret(`f-${code}`),
  bot: null,
  ...extra,
});

/** What the server does: start, then log every action that changed the state, the last one with the result. */
async function play(code: string, actions: readonly Action[], extra: Partial<NewTable> = {}): Promise<TableState> {
  await store.createTable(record(code, extra));
  const startedAt = T0 + 5000;
  await store.startTable(code, startedAt);
  let state = initialState({ ...record(code, extra), startedAt }, scenario);
  let at = startedAt;
  for (const [i, action] of actions.entries()) {
    at += 3000;
    const result = apply(state, action, at);
    expect(result.state).not.toBe(state);
    state = result.state;
    const finish = state.phase === "finished" ? { finishedAt: at, outcome: state.outcome!, score: state.score! } : undefined;
    await store.appendAction(code, { seq: i + 1, action, at }, finish ? { finish } : {});
  }
  return state;
}

const deal: Action[] = [
  { type: "offer", by: "seller", terms: terms(24000) },
  { type: "note", by: "buyer", text: "high anchor" },
  { type: "offer", by: "seller", terms: terms(23000) },
  { type: "offer", by: "buyer", terms: terms(19000) },
  { type: "accept", by: "seller" },
];

describe("history of finished games", () => {
  it("rebuilds each finished game's final state from the store alone, filtered by workshop and round", async () => {
    await store.createWorkshop({ id: "w1", joinCode: "JOIN01", facilitatorSecretHash: hashSecret("w1"), settings: {}, createdAt: T0 });
    const lone = await play("AAAAAA", deal);
    const paired = await play("BBBBBB", [{ type: "offer", by: "seller", terms: terms(25000) }, { type: "walk_away", by: "buyer" }], { workshopId: "w1", workshopRound: 1 });
    await store.createTable(record("CCCCCC"));

    const all = await finishedTables(store, await shippedLibrary(store));
    expect(all.unreadable).toEqual([]);
    // In the order they finished.
    expect(all.tables.map((t) => t.code)).toEqual(["BBBBBB", "AAAAAA"]);
    expect(all.tables[1]!.state).toEqual(lone);
    expect(all.tables[1]).toMatchObject({ names: { buyer: "Bea", seller: "Sam" }, startedAt: T0 + 5000, result: { outcome: lone.outcome, score: lone.score } });
    expect(all.tables[1]!.state.sides.buyer.notes.map((n) => n.text)).toEqual(["high anchor"]);

    const round = await finishedTables(store, await shippedLibrary(store), { workshopId: "w1", round: 1 });
    expect(round.tables.map((t) => [t.code, t.state.outcome?.kind])).toEqual([["BBBBBB", "walkaway"]]);
    expect(round.tables[0]!.state).toEqual(paired);
  });

  it("reports a game it cannot rebuild instead of returning a wrong one", async () => {
    // A log with an action that changes nothing where it stands (a timeout long before the deadline).
    await store.createTable(record("BADLOG"));
    await store.appendAction("BADLOG", { seq: 1, action: { type: "timeout" }, at: T0 + 1000 });
    await store.finishTable("BADLOG", { finishedAt: T0 + 2000, outcome: { kind: "ended", round: 1 }, score: { surplus: { buyer: 0, seller: 0 }, penalties: { buyer: 0, seller: 0 }, joint: 0, efficiency: 0 } });
    // A result that is not where the log ends.
    const real = await play("WRONGR", deal);
    const other = { ...real.score!, joint: real.score!.joint + 1 };
    await store.createTable(record("SHIFTD"));
    await store.startTable("SHIFTD", T0 + 5000);
    const log = (await store.loadTable("WRONGR"))!.log;
    for (const e of log) await store.appendAction("SHIFTD", e, e.seq === log.length ? { finish: { finishedAt: e.at, outcome: real.outcome!, score: other } } : {});
    await store.createTable(record("NOSCEN", { scenarioId: "gone" }));
    await store.finishTable("NOSCEN", { finishedAt: T0, outcome: { kind: "ended", round: 1 }, score: other });
    // A version the library never had: never replayed on another version instead.
    await store.createTable(record("NOVERS", { scenarioVersion: 9 }));
    await store.finishTable("NOVERS", { finishedAt: T0, outcome: { kind: "ended", round: 1 }, score: other });

    const history = await finishedTables(store, await shippedLibrary(store));
    expect(history.tables.map((t) => t.code)).toEqual(["WRONGR"]);
    expect(Object.fromEntries(history.unreadable.map((u) => [u.code, u.reason]))).toEqual({
      BADLOG: expect.stringContaining("#1 (timeout) changes nothing"),
      SHIFTD: "the replayed game does not end with the stored result",
      NOSCEN: 'unknown scenario "gone" version 1',
      NOVERS: 'unknown scenario "backup-appliance" version 9',
    });
  });
});
