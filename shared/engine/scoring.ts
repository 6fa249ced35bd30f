import type { PerRole } from "./roles.js";
import type { Scenario } from "./scenario.js";
import type { Outcome, Package, Score, SidePrivate, TableState } from "./state.js";
import { priceIssue, termCombinations } from "./terms.js";
import { penaltyAt, termsMoney, utility } from "./valuation.js";

/*
 * Surplus is the one scoring rule (GAME.md §2). Analysis of a draw (ZOPA, best joint surplus,
 * Pareto frontier, Nash point) ignores hot-button penalties: it describes what the table could
 * have agreed in round one.
 */

export function scoreOutcome(state: TableState, outcome: Outcome): Score {
  const best = bestJointSurplus(state.scenario, state.sides);
  if (outcome.kind !== "deal") {
    const zero = { buyer: 0, seller: 0 };
    // With no ZOPA, walking away (or any no-deal) is the right answer: full marks.
    return { surplus: zero, penalties: zero, joint: 0, efficiency: best > 0 ? 0 : 1 };
  }
  const penalties = {
    buyer: penaltyAt(state.sides.buyer.hotButtons, outcome.round),
    seller: penaltyAt(state.sides.seller.hotButtons, outcome.round),
  };
  const surplus = {
    buyer: utility(state.scenario, "buyer", state.sides.buyer, outcome.terms) - penalties.buyer,
    seller: utility(state.scenario, "seller", state.sides.seller, outcome.terms) - penalties.seller,
  };
  const joint = surplus.buyer + surplus.seller;
  return { surplus, penalties, joint, efficiency: best > 0 ? Math.round((joint / best) * 1000) / 1000 : 0 };
}

/** Joint surplus of the non-price terms: price moves money from one side to the other and cancels out. */
function termsJoint(scenario: Scenario, sides: PerRole<SidePrivate>, terms: Package): number {
  return sides.buyer.walkAway - sides.seller.walkAway + termsMoney(scenario, sides.buyer, terms) - termsMoney(scenario, sides.seller, terms);
}

export function bestJointSurplus(scenario: Scenario, sides: PerRole<SidePrivate>): number {
  let best = -Infinity;
  for (const terms of termCombinations(scenario)) best = Math.max(best, termsJoint(scenario, sides, terms));
  return best;
}

export type SurplusPoint = { readonly terms: Package; readonly buyer: number; readonly seller: number };

export type DrawAnalysis = {
  /** Whether some package on the price grid leaves both sides at or above their walk-away. */
  readonly zopaExists: boolean;
  /**
   * The textbook band between the two walk-aways on the best non-price terms (low > high when they
   * do not overlap). It is money, not the offer grid: it may reach past the negotiable price range,
   * which is why `zopaExists` can be false on a band with low ≤ high (never the other way round).
   */
  readonly zopa: { readonly low: number; readonly high: number; readonly terms: Package };
  readonly bestJoint: number;
  /** Packages no other package beats for both sides, among those both sides could accept; by buyer surplus. */
  readonly pareto: readonly SurplusPoint[];
  /** The acceptable package that maximises the product of the two surpluses. */
  readonly nash: SurplusPoint | null;
};

export function analyzeDraw(scenario: Scenario, sides: PerRole<SidePrivate>): DrawAnalysis {
  const price = priceIssue(scenario);
  const combos = termCombinations(scenario);
  let bestTerms: Package = combos[0] ?? {};
  let bestJoint = -Infinity;
  const acceptable: SurplusPoint[] = [];
  for (const combo of combos) {
    const joint = termsJoint(scenario, sides, combo);
    if (joint > bestJoint) {
      bestJoint = joint;
      bestTerms = combo;
    }
    for (let p = price.min; p <= price.max; p += price.step) {
      const terms = { ...combo, price: p };
      const seller = utility(scenario, "seller", sides.seller, terms);
      if (seller < 0) continue;
      const buyer = utility(scenario, "buyer", sides.buyer, terms);
      if (buyer < 0) break; // buyer surplus only falls as price rises
      acceptable.push({ terms, buyer, seller });
    }
  }
  const low = sides.seller.walkAway + termsMoney(scenario, sides.seller, bestTerms);
  const high = sides.buyer.walkAway + termsMoney(scenario, sides.buyer, bestTerms);
  let nash: SurplusPoint | null = null;
  for (const point of acceptable) if (!nash || point.buyer * point.seller > nash.buyer * nash.seller) nash = point;
  return {
    zopaExists: acceptable.length > 0,
    zopa: { low, high, terms: { ...bestTerms, price: Math.round((low + high) / 2) } },
    bestJoint,
    pareto: paretoFrontier(acceptable),
    nash,
  };
}

export function analyzeTable(state: TableState): DrawAnalysis {
  return analyzeDraw(state.scenario, state.sides);
}

function paretoFrontier(points: readonly SurplusPoint[]): SurplusPoint[] {
  const sorted = [...points].sort((a, b) => b.buyer - a.buyer || b.seller - a.seller);
  const frontier: SurplusPoint[] = [];
  let bestSeller = -Infinity;
  for (const p of sorted) {
    if (p.seller > bestSeller) {
      frontier.push(p);
      bestSeller = p.seller;
    }
  }
  return frontier.reverse();
}
