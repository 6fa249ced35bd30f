import type { PerRole } from "./roles.js";
import type { Scenario } from "./scenario.js";
import type { Outcome, Package, Score, SidePrivate, TableState } from "./state.js";
import { priceIssue, termCombinations } from "./terms.js";
import { brokenCap, penaltyAt, utility } from "./valuation.js";
import { drawZone, type DrawZone, zoneOn } from "./zone.js";

/*
 * Surplus is the one scoring rule (docs/scoring.md). Analysis of a draw (zone of agreement, best
 * joint surplus, Pareto frontier, Nash point) ignores hot-button penalties: it describes what
 * the table could have signed in round one.
 */

export function scoreOutcome(state: TableState, outcome: Outcome): Score {
  const best = drawZoneOf(state).bestJoint;
  if (outcome.kind !== "deal") {
    const zero = { buyer: 0, seller: 0 };
    // With nothing to gain from a deal, walking away (or any no-deal) is the right answer: full marks.
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
  return { surplus, penalties, joint, efficiency: efficiencyOf(joint, best) };
}

/**
 * Joint surplus over the best a deal both could sign with a gain could make. A deal that left a
 * side below its walk-away can carry more joint value than that (on terms no fair price fits):
 * it counts as 100 %, and the reveal says who paid for it. With nothing to gain, no deal is 100 %.
 */
function efficiencyOf(joint: number, best: number): number {
  if (best <= 0) return joint >= best ? 1 : 0;
  return Math.min(1, Math.max(0, Math.round((joint / best) * 1000) / 1000));
}

export type SurplusPoint = { readonly terms: Package; readonly buyer: number; readonly seller: number };

export type DrawAnalysis = DrawZone & {
  /** Packages no other package beats for both sides, among those both sides could sign with a gain; by buyer surplus. */
  readonly pareto: readonly SurplusPoint[];
  /** The acceptable package that maximises the product of the two surpluses. */
  readonly nash: SurplusPoint | null;
};

/**
 * The draw's zone plus the Pareto frontier and the Nash point. Both surpluses are linear in
 * price, so each term combination's acceptable packages are one run of grid prices inside its
 * signable zone: no package is scored twice and none outside that run is visited.
 */
export function analyzeDraw(scenario: Scenario, sides: PerRole<SidePrivate>): DrawAnalysis {
  const price = priceIssue(scenario);
  const acceptable: SurplusPoint[] = [];
  for (const terms of termCombinations(scenario)) {
    if (brokenCap(sides.buyer, terms) || brokenCap(sides.seller, terms)) continue;
    const z = zoneOn(scenario, sides, terms);
    if (z.low === null || z.high === null) continue;
    for (let p = z.low; p <= z.high; p += price.step)
      acceptable.push({ terms: { ...terms, [price.id]: p }, buyer: z.ceiling - p, seller: p - z.floor });
  }
  let nash: SurplusPoint | null = null;
  for (const point of acceptable) if (!nash || point.buyer * point.seller > nash.buyer * nash.seller) nash = point;
  return { ...drawZone(scenario, sides), pareto: paretoFrontier(acceptable), nash };
}

/** A finished table's draw no longer changes, and its reveal is asked for by every viewer: analyse it once. */
const analyses = new WeakMap<PerRole<SidePrivate>, DrawAnalysis>();
const zones = new WeakMap<PerRole<SidePrivate>, DrawZone>();

export function analyzeTable(state: TableState): DrawAnalysis {
  let analysis = analyses.get(state.sides);
  if (!analysis) {
    analysis = analyzeDraw(state.scenario, state.sides);
    analyses.set(state.sides, analysis);
  }
  return analysis;
}

/** The zone alone (no frontier): what scoring needs at every game's end. */
export function drawZoneOf(state: TableState): DrawZone {
  const known = analyses.get(state.sides) ?? zones.get(state.sides);
  if (known) return known;
  const zone = drawZone(state.scenario, state.sides);
  zones.set(state.sides, zone);
  return zone;
}

function paretoFrontier(points: SurplusPoint[]): SurplusPoint[] {
  const sorted = points.sort((a, b) => b.buyer - a.buyer || b.seller - a.seller);
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
