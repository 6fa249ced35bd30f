import { cached } from "./cached.js";
import type { PerRole } from "./roles.js";
import type { Scenario } from "./scenario.js";
import type { Outcome, Package, Score, SidePrivate, TableState } from "./state.js";
import { Heap } from "./heap.js";
import { priceIssue } from "./terms.js";
import { penaltyAt, utility } from "./valuation.js";
import { drawZone, type DrawZone, signableRuns } from "./zone.js";

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
 * signable zone, along which the buyer's surplus falls as the seller's rises by the same step.
 * A draw has tens of thousands of acceptable packages and a frontier of a few dozen: the runs are
 * walked without listing their packages, and only the answers become package objects.
 */
export function analyzeDraw(scenario: Scenario, sides: PerRole<SidePrivate>): DrawAnalysis {
  const price = priceIssue(scenario);
  const runs: PriceRun[] = signableRuns(scenario, sides).map((z) => ({ ...z, step: price.step, count: Math.floor((z.high - z.low) / price.step) + 1 }));
  const point = ({ run, at }: RunPoint): SurplusPoint => {
    const p = priceAt(run, at);
    return { terms: { ...run.terms, [price.id]: p }, buyer: run.ceiling - p, seller: p - run.floor };
  };
  const nash = nashPoint(runs);
  return { ...drawZone(scenario, sides), pareto: paretoFrontier(runs).map(point), nash: nash ? point(nash) : null };
}

/** A finished table's draw no longer changes, and its reveal is asked for by every viewer: analyse it once. */
const analyses = new WeakMap<PerRole<SidePrivate>, DrawAnalysis>();
const zones = new WeakMap<PerRole<SidePrivate>, DrawZone>();

export function analyzeTable(state: TableState): DrawAnalysis {
  return cached(analyses, state.sides, (sides) => analyzeDraw(state.scenario, sides));
}

/** The zone alone (no frontier): what scoring needs at every game's end. */
export function drawZoneOf(state: TableState): DrawZone {
  const known = analyses.get(state.sides) ?? zones.get(state.sides);
  if (known) return known;
  const zone = drawZone(state.scenario, state.sides);
  zones.set(state.sides, zone);
  return zone;
}

/** One term combination's acceptable packages: `count` grid prices from `low`. */
type PriceRun = { readonly terms: Package; readonly low: number; readonly step: number; readonly count: number; readonly ceiling: number; readonly floor: number };
type RunPoint = { readonly run: PriceRun; readonly at: number };

const priceAt = (run: PriceRun, at: number) => run.low + at * run.step;
const buyerAt = (run: PriceRun, at: number) => run.ceiling - priceAt(run, at);
const sellerAt = (run: PriceRun, at: number) => priceAt(run, at) - run.floor;
const productAt = (run: PriceRun, at: number) => buyerAt(run, at) * sellerAt(run, at);

/**
 * The acceptable package with the largest product of surpluses; the first one listed (by term
 * combination, then price) among equals. Along a run the product is a parabola peaking at the
 * midpoint of floor and ceiling, so only the two grid prices around it can be the run's best.
 */
function nashPoint(runs: readonly PriceRun[]): RunPoint | null {
  let best: RunPoint | null = null;
  for (const run of runs) {
    const below = Math.min(run.count - 1, Math.max(0, Math.floor((run.ceiling + run.floor - 2 * run.low) / (2 * run.step))));
    for (const at of below + 1 < run.count ? [below, below + 1] : [below])
      if (!best || productAt(run, at) > productAt(best.run, best.at)) best = { run, at };
  }
  return best;
}

/**
 * The packages no other package beats for both sides, by buyer surplus ascending; of packages
 * with equal surpluses the first listed stands for them all. A sweep from the buyer's best
 * downwards keeps each package that gives the seller more than everything before it. Every run
 * is already in that order, so the sweep takes the next package of whichever run is ahead, and
 * a run whose next packages give the seller no more than the best so far skips them at once.
 */
function paretoFrontier(runs: readonly PriceRun[]): RunPoint[] {
  type Head = { readonly run: PriceRun; readonly order: number; at: number; buyer: number; seller: number };
  const moveTo = (head: Head, at: number) => {
    head.at = at;
    head.buyer = buyerAt(head.run, at);
    head.seller = sellerAt(head.run, at);
  };
  // Ahead: more for the buyer, then more for the seller, then listed first.
  const queue = new Heap<Head>((a, b) => (a.buyer !== b.buyer ? a.buyer > b.buyer : a.seller !== b.seller ? a.seller > b.seller : a.order < b.order));
  runs.forEach((run, order) => queue.push({ run, order, at: 0, buyer: buyerAt(run, 0), seller: sellerAt(run, 0) }));
  const frontier: RunPoint[] = [];
  let bestSeller = -Infinity;
  for (let head = queue.pop(); head; head = queue.pop()) {
    const { run, at, seller } = head;
    if (seller > bestSeller) {
      frontier.push({ run, at });
      bestSeller = seller;
      moveTo(head, at + 1);
    } else moveTo(head, Math.max(at + 1, Math.floor((bestSeller + run.floor - run.low) / run.step) + 1));
    if (head.at < run.count) queue.push(head);
  }
  return frontier.reverse();
}
