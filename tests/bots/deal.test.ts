import { describe, expect, it } from "vitest";
import { tacticProfile } from "../../shared/bots/index.js";
import { createTable, priceIssue, termCombinations, termsMoney, type Scenario, type TableState } from "../../shared/engine/index.js";
import { playGame } from "../../shared/sim/play.js";
import { T0 } from "./helpers/moves.js";
import { calm, SHIPPED } from "./helpers/scenarios.js";

/*
 * Linear against linear reaches a deal whenever a ZOPA exists and the rounds suffice. Neither bot
 * knows the other's valuations, so the promise holds where the zone does not depend on guessing
 * them: on draws where every combination of terms leaves a price both sides accept. On calm
 * variants (no penalties, no cards) even one round suffices: the first mover offers at its
 * walk-away in the last round.
 */

/** Whether every combination of the non-price terms has a price on the grid that both sides accept. */
function zoneOnEveryCombination(state: TableState): boolean {
  const { scenario, sides } = state;
  const price = priceIssue(scenario);
  return termCombinations(scenario).every((terms) => {
    const low = Math.max(price.min, sides.seller.walkAway + termsMoney(scenario, sides.seller, terms));
    const high = Math.min(price.max, sides.buyer.walkAway + termsMoney(scenario, sides.buyer, terms));
    const first = price.min + Math.ceil((low - price.min) / price.step) * price.step;
    return first <= high;
  });
}

/** The buyer's walk-away range moved up, so that more draws leave room on every combination. */
function generous(scenario: Scenario, by: number): Scenario {
  const w = scenario.roles.buyer.walkAway;
  return { ...scenario, roles: { ...scenario.roles, buyer: { ...scenario.roles.buyer, walkAway: { ...w, min: w.min + by, max: w.max + by } } } };
}

describe("linear vs linear", () => {
  for (const scenario of SHIPPED) {
    for (const rounds of [1, 2, 3, scenario.rounds]) {
      it(`${scenario.id}, ${rounds} round(s): a deal on every draw with a zone on every combination of terms`, () => {
        const price = priceIssue(scenario);
        const variant = generous(calm(scenario, { rounds }), Math.round((price.max - price.min) / 4 / price.step) * price.step);
        let qualifying = 0;
        for (let i = 0; i < 80; i++) {
          const seed = `deal:${rounds}:${i}`;
          if (!zoneOnEveryCombination(createTable(variant, seed, { now: T0 }))) continue;
          qualifying++;
          const game = playGame({ scenario: variant, seed, buyer: tacticProfile("linear", `${seed}:b`), seller: tacticProfile("linear", `${seed}:s`) });
          expect(game.final.outcome?.kind, seed).toBe("deal");
        }
        expect(qualifying).toBeGreaterThan(20);
      });
    }
  }
});
