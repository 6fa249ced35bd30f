import { describe, expect, it } from "vitest";
import { drawZone, type Package, type Scenario, type TableState } from "../../shared/engine/index.js";
import { fixture } from "./helpers/fixture.js";
import { act, newTable, offer, pkg } from "./helpers/play.js";

/** The seller offers `terms` on the first turn of `round` and the buyer accepts them. */
function dealIn(round: number, terms: Package, scenario: Scenario = fixture()): TableState {
  let s = newTable(scenario);
  while (s.turn < 2 * (round - 1)) s = act(s, offer(s.toAct, pkg({ price: 2500 })));
  return act(act(s, offer("seller", terms)), { type: "accept", by: "buyer" });
}

describe("surplus (GAME.md §2), hand-computed on the fixture", () => {
  // Buyer: walk-away 2500; worth premium 400, warranty 120/month-step (0/120/240), delivery 2→120, 4→60, 6→0; audit after round 3 costs 200.
  // Seller: walk-away 1500; cost premium 100, warranty 0/30/60, delivery 2→90, 4→45, 6→0; quarter after round 2 costs 50 a round.
  // Best joint: 2500 − 1500 + (400 − 100) + (240 − 60) + (120 − 90) = 1510.
  const cases: { name: string; round: number; terms: Package; buyer: number; seller: number; penalties: { buyer: number; seller: number }; efficiency: number }[] = [
    { name: "plain terms, round 1", round: 1, terms: pkg({ price: 2000 }), buyer: 500, seller: 500, penalties: { buyer: 0, seller: 0 }, efficiency: 0.662 },
    {
      name: "the efficient package",
      round: 1,
      terms: pkg({ price: 2600, support: "premium", warranty: 24, delivery: 2 }),
      buyer: 2500 + 400 + 240 + 120 - 2600,
      seller: 2600 - 100 - 60 - 90 - 1500,
      penalties: { buyer: 0, seller: 0 },
      efficiency: 1,
    },
    {
      name: "midpoints of the ranges, round 3: the seller's quarter has closed",
      round: 3,
      terms: pkg({ price: 2200, support: "premium", warranty: 12, delivery: 4 }),
      buyer: 2500 + 400 + 120 + 60 - 2200,
      seller: 2200 - 100 - 30 - 45 - 1500 - 50,
      penalties: { buyer: 0, seller: 50 },
      efficiency: 0.897,
    },
    {
      name: "round 4: audit missed, two rounds past the quarter; the buyer pays over its walk-away",
      round: 4,
      terms: pkg({ price: 2800 }),
      buyer: 2500 - 2800 - 200,
      seller: 2800 - 1500 - 100,
      penalties: { buyer: 200, seller: 100 },
      efficiency: 0.464,
    },
  ];
  it.each(cases)("$name", ({ round, terms, buyer, seller, penalties, efficiency }) => {
    const s = dealIn(round, terms);
    expect(s.outcome).toMatchObject({ kind: "deal", round });
    expect(s.score).toEqual({ surplus: { buyer, seller }, penalties, joint: buyer + seller, efficiency });
  });

  it("the best joint surplus of the draw is 1510", () => {
    const s = newTable();
    expect(drawZone(s.scenario, s.sides).bestJoint).toBe(1510);
  });
});

describe("no deal", () => {
  it.each([
    ["walk-away", { type: "walk_away", by: "seller" }],
    ["end", { type: "end" }],
    ["abandon", { type: "abandon", by: "buyer" }],
  ] as const)("%s scores 0 for both and efficiency 0 when a deal was possible", (_label, action) => {
    const s = act(newTable(), action);
    expect(s.score).toEqual({ surplus: { buyer: 0, seller: 0 }, penalties: { buyer: 0, seller: 0 }, joint: 0, efficiency: 0 });
  });

  it("walking away from a draw with no possible agreement is the right answer: efficiency 1", () => {
    const noZopa = fixture((raw) => {
      raw.roles.buyer.walkAway = { min: 1000, max: 1000 };
      raw.roles.seller.walkAway = { min: 2900, max: 2900 };
    });
    const s = act(newTable(noZopa), { type: "walk_away", by: "seller" });
    // The walk-aways are $1,390 apart even on the best terms: no deal could leave both with a gain.
    expect(drawZone(s.scenario, s.sides)).toMatchObject({ exists: false, noZone: { kind: "apart" }, bestJoint: 0 });
    expect(drawZone(s.scenario, s.sides).zone.ceiling - drawZone(s.scenario, s.sides).zone.floor).toBe(1000 - 2900 + 300 + 180 + 30);
    expect(s.score).toMatchObject({ surplus: { buyer: 0, seller: 0 }, joint: 0, efficiency: 1 });
  });
});
