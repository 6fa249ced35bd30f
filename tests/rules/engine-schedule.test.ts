import { describe, expect, it } from "vitest";
import { createTable, type TableState } from "../../shared/engine/index.js";
import { backupAppliance, fixture } from "./helpers/fixture.js";
import { act, offer, T0 } from "./helpers/play.js";

const scenario = backupAppliance();
const TURN = scenario.turnSeconds * 1000;

/** Play every turn to the deadline: by timeouts, or by repeating one fair offer. */
function playOut(s: TableState, style: "timeouts" | "offers"): TableState {
  let now = T0;
  while (s.phase === "playing") {
    now += TURN;
    const terms = { price: 20000, support: "business", warranty: 24, delivery: 4, payment: "net30" };
    s = style === "timeouts" ? act(s, { type: "timeout" }, now) : act(s, offer(s.toAct, terms), now);
  }
  return s;
}

const drawOf = (s: TableState) => ({
  walkAways: { buyer: s.sides.buyer.walkAway, seller: s.sides.seller.walkAway },
  hotButtons: { buyer: s.sides.buyer.hotButtons, seller: s.sides.seller.hotButtons },
  deckOrder: s.deckOrder,
});
const cardsOf = (s: TableState) => s.cards.map((c) => ({ id: c.card.id, round: c.round, thrownBy: c.thrownBy }));

describe("scheduled draws", () => {
  it("the same draw seed gives every table the same walk-aways, hot buttons and cards in the same rounds", () => {
    const seeds = Array.from({ length: 12 }, (_, i) => `deck-${i}`);
    for (const drawSeed of seeds) {
      const a = playOut(createTable(scenario, "table-a", { now: T0, drawSeed }), "timeouts");
      const b = playOut(createTable(scenario, "table-b", { now: T0 + 99, drawSeed }), "offers");
      expect(drawOf(b)).toEqual(drawOf(a));
      expect(cardsOf(b)).toEqual(cardsOf(a));
      // The schedule's own limits hold: never before firstRound, never more than maxCards.
      expect(cardsOf(a).length).toBeLessThanOrEqual(scenario.deck.maxCards);
      for (const c of cardsOf(a)) expect(c.round).toBeGreaterThanOrEqual(scenario.deck.firstRound);
    }
  });

  it("without a draw seed, the table seed is the draw seed", () => {
    const a = createTable(scenario, "same", { now: T0 });
    const b = createTable(scenario, "other", { now: T0, drawSeed: "same" });
    expect(drawOf(a)).toEqual(drawOf(b));
  });

  it("different draw seeds give different draws and different schedules", () => {
    const tables = Array.from({ length: 30 }, (_, i) => playOut(createTable(scenario, "t", { now: T0, drawSeed: `seed-${i}` }), "timeouts"));
    const distinct = (f: (s: TableState) => unknown) => new Set(tables.map((t) => JSON.stringify(f(t)))).size;
    expect(distinct((t) => t.sides.buyer.walkAway)).toBeGreaterThan(5);
    expect(distinct((t) => t.sides.seller.walkAway)).toBeGreaterThan(5);
    expect(distinct((t) => t.sides.buyer.hotButtons)).toBeGreaterThan(3);
    expect(distinct((t) => t.deckOrder)).toBeGreaterThan(10);
    expect(distinct(cardsOf)).toBeGreaterThan(5);
  });

  it("draws stay inside the scenario's ranges and steps", () => {
    for (let i = 0; i < 50; i++) {
      const s = createTable(scenario, `r-${i}`, { now: T0 });
      const { min, max, step } = scenario.roles.buyer.walkAway;
      expect(s.sides.buyer.walkAway).toBeGreaterThanOrEqual(min);
      expect(s.sides.buyer.walkAway).toBeLessThanOrEqual(max);
      expect((s.sides.buyer.walkAway - min) % step).toBe(0);
      const audit = s.sides.buyer.hotButtons.find((h) => h.id === "audit");
      expect(audit).toMatchObject({ kind: "compliance" });
      if (audit?.kind === "compliance") {
        expect(audit.byRound).toBeGreaterThanOrEqual(4);
        expect(audit.byRound).toBeLessThanOrEqual(6);
        expect(audit.text).toContain(`after round ${audit.byRound}`);
      }
    }
  });

  it("a certain schedule draws one card a round from firstRound until maxCards, in deck order", () => {
    const certain = fixture((raw) => Object.assign(raw.deck, { firstRound: 2, chancePerRound: 1, maxCards: 2 }));
    let s = createTable(certain, "s", { now: T0 });
    expect(s.cards).toEqual([]);
    s = playOutFixture(s);
    expect(cardsOf(s)).toEqual([
      { id: s.deckOrder[0], round: 2, thrownBy: "schedule" },
      { id: s.deckOrder[1], round: 3, thrownBy: "schedule" },
    ]);
  });

  it("a zero chance never draws", () => {
    const s = playOutFixture(createTable(fixture((raw) => Object.assign(raw.deck, { maxCards: 3 })), "s", { now: T0 }));
    expect(s.cards).toEqual([]);
  });
});

function playOutFixture(s: TableState): TableState {
  let now = T0;
  while (s.phase === "playing") s = act(s, { type: "timeout" }, (now += s.turnMs));
  return s;
}
