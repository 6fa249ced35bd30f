import type { PerRole, Role } from "./roles.js";
import type { Scenario } from "./scenario.js";
import type { Package, SidePrivate } from "./state.js";
import { issueValues, priceIssue, termCombinations } from "./terms.js";
import { brokenCap, capAllows, limitsTerms, termsMoney } from "./valuation.js";

/*
 * The zone of agreement as a deal could actually be signed (docs/scoring.md). Walk-aways are net
 * figures; on given non-price terms they become prices: the seller's floor (walk-away + what the
 * terms cost the seller) and the buyer's ceiling (walk-away + what the terms are worth to the
 * buyer). The zone on those terms is every price on the offer grid between floor and ceiling
 * that the price range and every budget cap of both sides allow. Every screen, line and export
 * that shows a zone reads one of these objects, so none of them can disagree.
 */

/** What sets one end of a zone. */
export type ZoneLimit =
  | { readonly kind: "floor" }
  | { readonly kind: "ceiling" }
  | { readonly kind: "range" }
  /** A side's budget cap on price. Its label is that side's private text, which an observer's reveal must not carry. */
  | { readonly kind: "cap"; readonly role: Role; readonly max: number };

export type PriceZone = {
  /** The non-price terms this zone is priced on (no price key). */
  readonly terms: Package;
  /** The seller's walk-away as a price on these terms. */
  readonly floor: number;
  /** The buyer's walk-away as a price on these terms. */
  readonly ceiling: number;
  /** The highest price both sides may sign at all: the price range's top or the lowest cap on price. */
  readonly top: number;
  readonly topBy: Extract<ZoneLimit, { kind: "range" | "cap" }>;
  /** First and last signable price on the grid; null when no grid price is signable. */
  readonly low: number | null;
  readonly high: number | null;
  readonly lowBy: Extract<ZoneLimit, { kind: "floor" | "range" }>;
  readonly highBy: Extract<ZoneLimit, { kind: "ceiling" | "range" | "cap" }>;
  /** Joint surplus of any deal on these terms (ceiling − floor), before hot-button penalties. */
  readonly joint: number;
};

/** Why a draw has no zone, said of the terms that came closest. */
export type NoZoneReason =
  /** The walk-aways do not overlap on any terms both may sign. */
  | { readonly kind: "apart" }
  /** Floor and ceiling overlap, but a cap (or the price range's top) sits below the floor. */
  | { readonly kind: "top_below_floor" }
  /** The buyer's ceiling sits below the lowest price on the table. */
  | { readonly kind: "ceiling_below_range" }
  /** Floor and ceiling overlap by less than one price step, between two grid prices. */
  | { readonly kind: "between_steps"; readonly step: number }
  /** Budget caps on other issues rule out every package. */
  | { readonly kind: "no_terms" };

export type DrawZone = {
  readonly exists: boolean;
  /** The zone on the best terms (most joint surplus among terms with a zone); without one, on the terms that came closest. */
  readonly zone: PriceZone;
  readonly noZone: NoZoneReason | null;
  /** The most joint surplus a deal both could sign, each at or above their walk-away, could make (0 without a zone). */
  readonly bestJoint: number;
};

/** The band a strip or chart draws: the zone itself, or the gap between what the seller needs and the buyer may pay. */
export type ZoneBand = { readonly exists: boolean; readonly low: number; readonly high: number };

const firstAtOrAbove = (min: number, step: number, x: number) => min + Math.max(0, Math.ceil((x - min) / step)) * step;
const lastAtOrBelow = (min: number, step: number, x: number) => min + Math.floor((x - min) / step) * step;

/** The highest price both sides may sign on any terms, and what sets it. */
function priceTop(scenario: Scenario, sides: PerRole<SidePrivate>): { top: number; by: PriceZone["topBy"] } {
  const price = priceIssue(scenario);
  let top = price.max;
  let by: PriceZone["topBy"] = { kind: "range" };
  for (const role of ["buyer", "seller"] as const)
    for (const h of sides[role].hotButtons)
      if (h.kind === "budgetCap" && h.issueId === price.id && h.max < top) {
        top = h.max;
        by = { kind: "cap", role, max: h.max };
      }
  return { top, by };
}

function zoneFrom(scenario: Scenario, terms: Package, floor: number, ceiling: number, limit: { top: number; by: PriceZone["topBy"] }): PriceZone {
  const price = priceIssue(scenario);
  const low = firstAtOrAbove(price.min, price.step, floor);
  const high = lastAtOrBelow(price.min, price.step, Math.min(ceiling, limit.top));
  const signable = low <= high;
  return {
    terms,
    floor,
    ceiling,
    top: limit.top,
    topBy: limit.by,
    low: signable ? low : null,
    high: signable ? high : null,
    lowBy: floor >= price.min ? { kind: "floor" } : { kind: "range" },
    highBy: ceiling <= limit.top ? { kind: "ceiling" } : limit.by,
    joint: ceiling - floor,
  };
}

/** Only the non-price terms of a package. */
function termsOnly(scenario: Scenario, terms: Package): Package {
  const price = priceIssue(scenario).id;
  const out: Record<string, number | string> = {};
  for (const key of Object.keys(terms)) if (key !== price) out[key] = terms[key] as number | string;
  return out;
}

/** The zone on one set of terms (a deal's, say): the price line a reveal draws for them. */
export function zoneOn(scenario: Scenario, sides: PerRole<SidePrivate>, terms: Package): PriceZone {
  const own = termsOnly(scenario, terms);
  const floor = sides.seller.walkAway + termsMoney(scenario, sides.seller, own);
  const ceiling = sides.buyer.walkAway + termsMoney(scenario, sides.buyer, own);
  return zoneFrom(scenario, own, floor, ceiling, priceTop(scenario, sides));
}

/**
 * The draw's zone. Joint surplus is a sum over issues and a cap binds one issue, so the terms
 * with the most joint surplus are each issue's best allowed value; when those terms hold a
 * signable price (most draws) they are the answer at the cost of one pass over the issues. Only
 * otherwise is every combination both sides' caps allow priced, in closed form (both surpluses
 * are linear in price). This runs at every game's end.
 */
export function drawZone(scenario: Scenario, sides: PerRole<SidePrivate>): DrawZone {
  const limit = priceTop(scenario, sides);
  const top = bestTerms(scenario, sides);
  if (top) {
    const zone = zoneFrom(scenario, top, sides.seller.walkAway + termsMoney(scenario, sides.seller, top), sides.buyer.walkAway + termsMoney(scenario, sides.buyer, top), limit);
    if (zone.low !== null) return { exists: true, zone, noZone: null, bestJoint: zone.joint };
  }
  return searchZone(scenario, sides, limit);
}

/** Per non-price issue, its values by joint surplus, best first (ties in value order). */
type IssueJoint = { readonly issueId: string; readonly values: readonly (number | string)[] };

const ownJoint = new WeakMap<Scenario, readonly IssueJoint[]>();

/** Each issue's best value both sides' caps allow: the terms with the most joint surplus (null when caps allow no value of some issue). */
function bestTerms(scenario: Scenario, sides: PerRole<SidePrivate>): Package | null {
  const own = sides.buyer.values === scenario.roles.buyer.values && sides.seller.values === scenario.roles.seller.values;
  let table = own ? ownJoint.get(scenario) : undefined;
  if (!table) {
    table = scenario.issues
      .filter((issue) => issue.kind !== "price")
      .map((issue) => {
        const rows = issueValues(issue).map((value) => {
          const terms = { [issue.id]: value };
          return { value, joint: termsMoney(scenario, sides.buyer, terms) - termsMoney(scenario, sides.seller, terms) };
        });
        rows.sort((a, b) => b.joint - a.joint);
        return { issueId: issue.id, values: rows.map((r) => r.value) };
      });
    if (own) ownJoint.set(scenario, table);
  }
  const terms: Record<string, number | string> = {};
  for (const { issueId, values } of table) {
    const value = values.find((v) => capAllows(sides.buyer, issueId, v) && capAllows(sides.seller, issueId, v));
    if (value === undefined) return null;
    terms[issueId] = value;
  }
  return terms;
}

/** Every combination both sides' caps allow: the best that holds a signable price, else the one that came closest. */
function searchZone(scenario: Scenario, sides: PerRole<SidePrivate>, limit: { top: number; by: PriceZone["topBy"] }): DrawZone {
  const price = priceIssue(scenario);
  const combos = termCombinations(scenario);
  const cost = comboMoney(scenario, "seller", sides.seller);
  const worth = comboMoney(scenario, "buyer", sides.buyer);
  const capped = hasTermCap(sides, price.id);
  // Plain numbers in the loop: this runs at every game's end, a zone object is built only for the answer.
  let best = -1;
  let closest = -1;
  for (let i = 0; i < combos.length; i++) {
    if (capped && (brokenCap(sides.buyer, combos[i] as Package) || brokenCap(sides.seller, combos[i] as Package))) continue;
    const floor = sides.seller.walkAway + (cost[i] as number);
    const ceiling = sides.buyer.walkAway + (worth[i] as number);
    const joint = ceiling - floor;
    if (firstAtOrAbove(price.min, price.step, floor) <= lastAtOrBelow(price.min, price.step, Math.min(ceiling, limit.top))) {
      if (best < 0 || joint > (worth[best] as number) - (cost[best] as number) + sides.buyer.walkAway - sides.seller.walkAway) best = i;
    } else if (best < 0 && (closest < 0 || isCloser(price.min, limit.top, floor, ceiling, sides.seller.walkAway + (cost[closest] as number), sides.buyer.walkAway + (worth[closest] as number)))) closest = i;
  }
  const zoneAt = (i: number) => zoneFrom(scenario, combos[i] as Package, sides.seller.walkAway + (cost[i] as number), sides.buyer.walkAway + (worth[i] as number), limit);
  if (best >= 0) {
    const zone = zoneAt(best);
    return { exists: true, zone, noZone: null, bestJoint: zone.joint };
  }
  if (closest < 0) return { exists: false, zone: zoneOn(scenario, sides, combos[0] ?? {}), noZone: { kind: "no_terms" }, bestJoint: 0 };
  const zone = zoneAt(closest);
  return { exists: false, zone, noZone: reasonOf(scenario, zone), bestJoint: 0 };
}

/** One term combination's signable prices: every grid price from `low` to `high`. */
export type SignableRun = { readonly terms: Package; readonly floor: number; readonly ceiling: number; readonly low: number; readonly high: number };

/** Every combination both sides' caps allow that holds a signable price, in termCombinations order. */
export function signableRuns(scenario: Scenario, sides: PerRole<SidePrivate>): SignableRun[] {
  const price = priceIssue(scenario);
  const combos = termCombinations(scenario);
  const cost = comboMoney(scenario, "seller", sides.seller);
  const worth = comboMoney(scenario, "buyer", sides.buyer);
  const capped = hasTermCap(sides, price.id);
  const { top } = priceTop(scenario, sides);
  const runs: SignableRun[] = [];
  for (let i = 0; i < combos.length; i++) {
    const terms = combos[i] as Package;
    if (capped && (brokenCap(sides.buyer, terms) || brokenCap(sides.seller, terms))) continue;
    const floor = sides.seller.walkAway + (cost[i] as number);
    const ceiling = sides.buyer.walkAway + (worth[i] as number);
    const low = firstAtOrAbove(price.min, price.step, floor);
    const high = lastAtOrBelow(price.min, price.step, Math.min(ceiling, top));
    if (low <= high) runs.push({ terms, floor, ceiling, low, high });
  }
  return runs;
}

/** Whether either side has a limit that rules some terms out (a cap on an issue other than price, a must-have). */
function hasTermCap(sides: PerRole<SidePrivate>, priceId: string): boolean {
  return limitsTerms(sides.buyer.hotButtons, priceId) || limitsTerms(sides.seller.hotButtons, priceId);
}

const ownMoney = { buyer: new WeakMap<Scenario, Float64Array>(), seller: new WeakMap<Scenario, Float64Array>() };

/**
 * What each term combination is worth to the buyer (costs the seller), in termCombinations
 * order. Worked out once per scenario for its own valuations, which every table shares until a
 * card changes one; a changed valuation is priced afresh (it lives one game).
 */
function comboMoney(scenario: Scenario, role: Role, side: SidePrivate): Float64Array {
  const own = side.values === scenario.roles[role].values;
  const cached = own ? ownMoney[role].get(scenario) : undefined;
  if (cached) return cached;
  const combos = termCombinations(scenario);
  const money = new Float64Array(combos.length);
  for (let i = 0; i < combos.length; i++) money[i] = termsMoney(scenario, side, combos[i] as Package);
  if (own) ownMoney[role].set(scenario, money);
  return money;
}

/**
 * Terms that overlap (floor ≤ ceiling) explain a missing zone better than terms that do not;
 * among those, the one nearest to holding a signable price, then the most joint surplus.
 */
function isCloser(min: number, top: number, floorA: number, ceilingA: number, floorB: number, ceilingB: number): boolean {
  const overlapA = floorA <= ceilingA;
  const overlapB = floorB <= ceilingB;
  if (overlapA !== overlapB) return overlapA;
  if (!overlapA) return ceilingA - floorA > ceilingB - floorB;
  // How far each is from holding one signable price.
  const shortA = Math.max(floorA, min) - Math.min(ceilingA, top);
  const shortB = Math.max(floorB, min) - Math.min(ceilingB, top);
  return shortA !== shortB ? shortA < shortB : ceilingA - floorA > ceilingB - floorB;
}

function reasonOf(scenario: Scenario, z: PriceZone): NoZoneReason {
  const price = priceIssue(scenario);
  if (z.ceiling < z.floor) return { kind: "apart" };
  if (z.top < z.floor) return { kind: "top_below_floor" };
  if (z.ceiling < price.min) return { kind: "ceiling_below_range" };
  return { kind: "between_steps", step: price.step };
}

/** The band to draw for a zone: its signable prices, or the gap between what the seller needs and the buyer may pay. */
export function zoneBand(scenario: Scenario, z: PriceZone): ZoneBand {
  if (z.low !== null && z.high !== null) return { exists: true, low: z.low, high: z.high };
  const price = priceIssue(scenario);
  return { exists: false, low: Math.max(z.floor, price.min), high: Math.min(z.ceiling, z.top) };
}
