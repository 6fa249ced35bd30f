import type { Role } from "./roles.js";
import type { Issue, IssueValue } from "./scenario.js";
import type { HotButton, Package, SidePrivate } from "./state.js";

/** All valuation needs of a scenario is its issues: bots, holding only the public scenario, use these helpers too. */
export type Issues = { readonly issues: readonly Issue[] };

const issueMaps = new WeakMap<readonly Issue[], ReadonlyMap<string, Issue>>();

/** Issues by id, built once per scenario: valuation runs in the engine's and the bots' hot loops. */
export function issueById(scenario: Issues, issueId: string): Issue | undefined {
  return issuesById(scenario).get(issueId);
}

/** The map issueById reads, for callers that look up several ids at once. */
export function issuesById(scenario: Issues): ReadonlyMap<string, Issue> {
  let map = issueMaps.get(scenario.issues);
  if (!map) {
    map = new Map(scenario.issues.map((i) => [i.id, i]));
    issueMaps.set(scenario.issues, map);
  }
  return map;
}

/** What one issue's value is worth to the buyer (or costs the seller), rounded to whole money. */
export function issueMoney(scenario: Issues, issueId: string, valuation: IssueValue, value: number | string): number {
  if ("byOption" in valuation) return Object.hasOwn(valuation.byOption, value) ? (valuation.byOption[value as string] as number) : 0;
  return issueMoneyOf(issueById(scenario, issueId), valuation, value);
}

/** issueMoney for a caller that holds the issue already. */
export function issueMoneyOf(issue: Issue | undefined, valuation: IssueValue, value: number | string): number {
  if ("byOption" in valuation) return Object.hasOwn(valuation.byOption, value) ? (valuation.byOption[value as string] as number) : 0;
  if (!issue || issue.kind !== "range") return 0;
  const t = ((value as number) - issue.min) / (issue.max - issue.min);
  // `|| 0` turns Math.round(-0.4) = -0 into 0: JSON would, so a stored state would differ from the live one.
  return Math.round(valuation.atMin + (valuation.atMax - valuation.atMin) * t) || 0;
}

/** Sum of a side's valuations of the non-price terms of a package. */
export function termsMoney(scenario: Issues, side: SidePrivate, terms: Package): number {
  let total = 0;
  const issues = issuesById(scenario);
  // for...in visits the same keys in the same order as Object.entries, without building the pairs.
  for (const issueId in side.values) {
    if (!Object.hasOwn(side.values, issueId)) continue;
    const value = terms[issueId];
    if (value !== undefined) total += issueMoneyOf(issues.get(issueId), side.values[issueId] as IssueValue, value);
  }
  return total;
}

/**
 * A side's surplus from a package before hot-button penalties (GAME.md §2):
 * seller: price − cost of terms − walk-away; buyer: walk-away + worth of terms − price.
 */
export function utility(scenario: Issues, role: Role, side: SidePrivate, terms: Package): number {
  const price = terms.price as number;
  const terms$ = termsMoney(scenario, side, terms);
  return role === "seller" ? price - terms$ - side.walkAway : side.walkAway + terms$ - price;
}

/** What a side's hot buttons cost it if the deal is struck in `round`. */
export function penaltyAt(hotButtons: readonly HotButton[], round: number): number {
  let total = 0;
  for (const h of hotButtons) {
    if (h.kind === "deadline") total += h.costPerRound * Math.max(0, round - h.afterRound);
    else if (h.kind === "compliance" && round > h.byRound) total += h.penalty;
  }
  return total;
}

/** The budget cap a package breaks for this side, if any. */
export function brokenCap(side: SidePrivate, terms: Package): Extract<HotButton, { kind: "budgetCap" }> | null {
  for (const h of side.hotButtons) {
    if (h.kind !== "budgetCap") continue;
    const value = terms[h.issueId];
    if (typeof value === "number" && value > h.max) return h;
  }
  return null;
}

/** Whether this side's budget caps allow `value` on one issue. */
export function capAllows(side: SidePrivate, issueId: string, value: number | string): boolean {
  for (const h of side.hotButtons) if (h.kind === "budgetCap" && h.issueId === issueId && typeof value === "number" && value > h.max) return false;
  return true;
}
