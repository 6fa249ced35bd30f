import { describe, expect, it } from "vitest";
import { analyzeDraw, createTable } from "../../shared/engine/index.js";
import { fixture } from "./helpers/fixture.js";
import { T0 } from "./helpers/play.js";

/*
 * A draw small enough to enumerate by hand: price 100..400 (step 100) and one option "extra",
 * worth 150 to the buyer and costing the seller 50. Buyer walk-away 300, seller 150.
 *   extra=no:  buyer 300 − p,  seller p − 150   → acceptable p = 200 (100, 50), 300 (0, 150)
 *   extra=yes: buyer 450 − p,  seller p − 200   → acceptable p = 200 (250, 0), 300 (150, 100), 400 (50, 200)
 * Pareto (ascending buyer): (50, 200), (150, 100), (250, 0). Nash: max product 150·100 at yes/300.
 */
function tiny(buyerWalkAway: number, sellerWalkAway: number) {
  const scenario = fixture((raw) => {
    raw.issues = [
      { kind: "price", id: "price", label: "Price", min: 100, max: 400, step: 100, unit: "USD" },
      { kind: "options", id: "extra", label: "Extra", options: [{ id: "no", label: "No" }, { id: "yes", label: "Yes" }] },
    ];
    raw.roles.buyer.walkAway = { min: buyerWalkAway, max: buyerWalkAway };
    raw.roles.seller.walkAway = { min: sellerWalkAway, max: sellerWalkAway };
    raw.roles.buyer.values = { extra: { byOption: { no: 0, yes: 150 } } };
    raw.roles.seller.values = { extra: { byOption: { no: 0, yes: 50 } } };
    raw.roles.buyer.hotButtons = [];
    raw.roles.buyer.weaknesses = [];
    raw.questions = raw.questions.filter((q: { reveals?: { kind: string } }) => q.reveals?.kind === "walkAway");
    raw.deck.cards = raw.deck.cards.filter((c: { effect: { kind: string } }) => ["shiftWalkAway", "changeDeadline"].includes(c.effect.kind));
  });
  return createTable(scenario, "s", { now: T0 });
}

describe("analyzeDraw", () => {
  it("matches the hand-computed zone, best joint surplus, Pareto frontier and Nash point", () => {
    const s = tiny(300, 150);
    const a = analyzeDraw(s.scenario, s.sides);
    expect(a.exists).toBe(true);
    expect(a.zone.floor).toBe(150 + 50);
    expect(a.zone.ceiling).toBe(300 + 150);
    // The textbook band reaches $450, but no price above $400 can be offered: the zone stops there.
    expect([a.zone.low, a.zone.high]).toEqual([200, 400]);
    expect(a.zone.highBy).toEqual({ kind: "range" });
    expect(a.zone.terms).toEqual({ extra: "yes" });
    expect(a.bestJoint).toBe(250);
    expect(a.pareto).toEqual([
      { terms: { extra: "yes", price: 400 }, buyer: 50, seller: 200 },
      { terms: { extra: "yes", price: 300 }, buyer: 150, seller: 100 },
      { terms: { extra: "yes", price: 200 }, buyer: 250, seller: 0 },
    ]);
    expect(a.nash).toEqual({ terms: { extra: "yes", price: 300 }, buyer: 150, seller: 100 });
  });

  it("finds no ZOPA, no frontier and no Nash point when the walk-aways do not overlap", () => {
    const s = tiny(100, 350);
    const a = analyzeDraw(s.scenario, s.sides);
    expect(a.exists).toBe(false);
    expect(a.noZone).toEqual({ kind: "apart" });
    expect(a.zone.floor).toBeGreaterThan(a.zone.ceiling);
    expect([a.zone.low, a.zone.high]).toEqual([null, null]);
    // With no deal both could sign with a gain, no deal is the best outcome.
    expect(a.bestJoint).toBe(0);
    expect(a.pareto).toEqual([]);
    expect(a.nash).toBeNull();
  });
});
