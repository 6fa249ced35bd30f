import type { PerRole } from "./roles.js";
import type { Scenario } from "./scenario.js";
import type { Outcome, Package, Score, SidePrivate, TableState } from "./state.js";
import { issueValues, priceIssue, termCombinations } from "./terms.js";
import { brokenCap, capAllows, issueMoney, penaltyAt, termsMoney, utility } from "./valuation.js";

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

/** A combination of non-price terms with what it is worth to the buyer and costs the seller. */
type PricedCombo = { readonly terms: Package; readonly worth: number; readonly cost: number };

/** The term combinations both sides may sign: a budget cap on a non-price issue rules some out. */
function signableCombos(scenario: Scenario, sides: PerRole<SidePrivate>): PricedCombo[] {
  const out: PricedCombo[] = [];
  for (const terms of termCombinations(scenario)) {
    if (brokenCap(sides.buyer, terms) || brokenCap(sides.seller, terms)) continue;
    out.push({ terms, worth: termsMoney(scenario, sides.buyer, terms), cost: termsMoney(scenario, sides.seller, terms) });
  }
  return out;
}

/** The highest price either side may sign (budget caps on price), within the price issue's range. */
function priceCeiling(scenario: Scenario, sides: PerRole<SidePrivate>): number {
  let ceiling = priceIssue(scenario).max;
  for (const side of [sides.buyer, sides.seller])
    for (const h of side.hotButtons) if (h.kind === "budgetCap" && h.issueId === "price") ceiling = Math.min(ceiling, h.max);
  return ceiling;
}

/** Joint surplus does not depend on price: price moves money from one side to the other. */
const jointOf = (sides: PerRole<SidePrivate>, c: PricedCombo) => sides.buyer.walkAway - sides.seller.walkAway + c.worth - c.cost;

/**
 * The most joint surplus any signable package could make. Joint surplus is a sum over issues and
 * budget caps bind one issue each, so the best value of each issue can be taken on its own: this
 * runs at every game's end and must not walk the whole package space.
 */
export function bestJointSurplus(scenario: Scenario, sides: PerRole<SidePrivate>): number {
  let best = sides.buyer.walkAway - sides.seller.walkAway;
  for (const { issueId, values, joint } of jointByValue(scenario, sides)) {
    let top = -Infinity;
    // Values come best first: the first both sides' caps allow is the issue's best.
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number | string;
      if (!capAllows(sides.buyer, issueId, value) || !capAllows(sides.seller, issueId, value)) continue;
      top = joint[i] as number;
      break;
    }
    best += top;
  }
  return best;
}

/** Per non-price issue, its values and their worth minus cost, best first (ties in value order). */
type IssueJoint = { readonly issueId: string; readonly values: readonly (number | string)[]; readonly joint: readonly number[] };

const jointTables = new WeakMap<Scenario, readonly IssueJoint[]>();

/**
 * Worked out once per scenario for its own valuations, which every table shares until a card
 * changes one; a table with a changed valuation gets its own, uncached (caching on objects that
 * live one game would cost more than it saves).
 */
function jointByValue(scenario: Scenario, sides: PerRole<SidePrivate>): readonly IssueJoint[] {
  const own = sides.buyer.values === scenario.roles.buyer.values && sides.seller.values === scenario.roles.seller.values;
  let table = own ? jointTables.get(scenario) : undefined;
  if (!table) {
    table = scenario.issues
      .filter((issue) => issue.kind !== "price")
      .map((issue) => {
        const rows = issueValues(issue).map((value) => ({
          value,
          joint: sideIssueMoney(scenario, sides.buyer, issue.id, value) - sideIssueMoney(scenario, sides.seller, issue.id, value),
        }));
        rows.sort((a, b) => b.joint - a.joint);
        return { issueId: issue.id, values: rows.map((r) => r.value), joint: rows.map((r) => r.joint) };
      });
    if (own) jointTables.set(scenario, table);
  }
  return table;
}

function sideIssueMoney(scenario: Scenario, side: SidePrivate, issueId: string, value: number | string): number {
  const valuation = side.values[issueId];
  return valuation ? issueMoney(scenario, issueId, valuation, value) : 0;
}

export type SurplusPoint = { readonly terms: Package; readonly buyer: number; readonly seller: number };

export type DrawAnalysis = {
  /** Whether some signable package on the price grid leaves both sides at or above their walk-away. */
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

/**
 * Both surpluses are linear in price, so each term combination's acceptable packages are one
 * run of grid prices between the seller's floor and the buyer's ceiling: no package is scored
 * twice and none outside that run is visited.
 */
export function analyzeDraw(scenario: Scenario, sides: PerRole<SidePrivate>): DrawAnalysis {
  const price = priceIssue(scenario);
  const ceiling = priceCeiling(scenario, sides);
  const combos = signableCombos(scenario, sides);
  let best: PricedCombo | null = null;
  // Acceptable packages as (combo, price) pairs; terms objects are built only for the few reported.
  const acceptable: Candidate[] = [];
  for (const combo of combos) {
    if (!best || jointOf(sides, combo) > jointOf(sides, best)) best = combo;
    const floor = sides.seller.walkAway + combo.cost;
    const top = Math.min(ceiling, sides.buyer.walkAway + combo.worth);
    const first = price.min + Math.max(0, Math.ceil((floor - price.min) / price.step)) * price.step;
    for (let p = first; p <= top; p += price.step)
      acceptable.push({ combo, price: p, buyer: sides.buyer.walkAway + combo.worth - p, seller: p - combo.cost - sides.seller.walkAway });
  }
  const low = sides.seller.walkAway + (best?.cost ?? 0);
  const high = sides.buyer.walkAway + (best?.worth ?? 0);
  let nash: Candidate | null = null;
  for (const point of acceptable) if (!nash || point.buyer * point.seller > nash.buyer * nash.seller) nash = point;
  return {
    zopaExists: acceptable.length > 0,
    zopa: { low, high, terms: { ...(best?.terms ?? {}), price: Math.round((low + high) / 2) } },
    bestJoint: best ? jointOf(sides, best) : -Infinity,
    pareto: paretoFrontier(acceptable).map(toPoint),
    nash: nash ? toPoint(nash) : null,
  };
}

type Candidate = { readonly combo: PricedCombo; readonly price: number; readonly buyer: number; readonly seller: number };

const toPoint = (c: Candidate): SurplusPoint => ({ terms: { ...c.combo.terms, price: c.price }, buyer: c.buyer, seller: c.seller });

/** A finished table's draw no longer changes, and its reveal is asked for by every viewer: analyse it once. */
const analyses = new WeakMap<PerRole<SidePrivate>, DrawAnalysis>();

export function analyzeTable(state: TableState): DrawAnalysis {
  let analysis = analyses.get(state.sides);
  if (!analysis) {
    analysis = analyzeDraw(state.scenario, state.sides);
    analyses.set(state.sides, analysis);
  }
  return analysis;
}

function paretoFrontier(points: Candidate[]): Candidate[] {
  const sorted = points.sort((a, b) => b.buyer - a.buyer || b.seller - a.seller);
  const frontier: Candidate[] = [];
  let bestSeller = -Infinity;
  for (const p of sorted) {
    if (p.seller > bestSeller) {
      frontier.push(p);
      bestSeller = p.seller;
    }
  }
  return frontier.reverse();
}
