import { describe, expect, it } from "vitest";
import { firstAmount, readFacts } from "../../shared/bots/facts.js";
import { packageSpace } from "../../shared/bots/space.js";
import { createTable, describeFact, issueMoney, ROLES, type FactRef, type KnownFact } from "../../shared/engine/index.js";
import { T0 } from "./helpers/moves.js";
import { SHIPPED } from "./helpers/scenarios.js";

/* A bot reads the numbers of a learned fact back from the sentence describeFact writes: pinned here. */

const known = (fact: FactRef, text: string): KnownFact => ({ fact, text, turn: 0, source: "answer" });

describe("reading learned facts", () => {
  it("reads amounts the way formatMoney writes them", () => {
    expect(firstAmount("The seller will not go below $18,250 net for the deal.")).toBe(18250);
    expect(firstAmount("costs −€300 a round")).toBe(-300);
    expect(firstAmount("at most CHF 1,000, and no more")).toBe(1000);
    expect(firstAmount("£7")).toBe(7);
    expect(firstAmount("no money here")).toBeNull();
  });

  for (const scenario of SHIPPED) {
    it(`${scenario.id}: every walk-away and valuation a fact can tell, for both sides, on many draws`, () => {
      const space = packageSpace(scenario.issues);
      for (let i = 0; i < 20; i++) {
        const state = createTable(scenario, `facts:${i}`, { now: T0 });
        for (const owner of ROLES) {
          const side = state.sides[owner];
          const walkAway = describeFact(scenario, owner, side, { kind: "walkAway" });
          expect(readFacts([known({ kind: "walkAway" }, walkAway)], space, owner).walkAway).toBe(side.walkAway);
          space.axes.forEach((axis, a) => {
            const valuation = side.values[axis.issue.id];
            if (!valuation) return;
            const fact: FactRef = { kind: "value", issueId: axis.issue.id };
            const read = readFacts([known(fact, describeFact(scenario, owner, side, fact))], space, owner).money.get(a);
            expect(read && [...read], axis.issue.id).toEqual(axis.values.map((v) => issueMoney(scenario, axis.issue.id, valuation, v)));
          });
        }
      }
    });
  }

  it("a hot button let slip marks the other side as pressed; nothing learned, nothing assumed", () => {
    const scenario = SHIPPED[0]!;
    const space = packageSpace(scenario.issues);
    const state = createTable(scenario, "facts:hot", { now: T0 });
    const hot = state.sides.seller.hotButtons[0]!;
    const fact: FactRef = { kind: "hotButton", id: hot.id };
    expect(readFacts([known(fact, describeFact(scenario, "seller", state.sides.seller, fact))], space, "seller")).toMatchObject({ pressed: true, walkAway: null });
    const none = readFacts([], space, "seller");
    expect(none).toMatchObject({ pressed: false, walkAway: null });
    expect(none.money.size).toBe(0);
  });
});
