import type { Role } from "./roles.js";
import type { Issue, IssueValue, OptionsIssue, RangeIssue } from "./scenario.js";
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
  return issueMoneyOf(issueById(scenario, issueId), valuation, value);
}

/** issueMoney for a caller that holds the issue already. */
export function issueMoneyOf(issue: Issue | undefined, valuation: IssueValue, value: number | string): number {
  if ("byOption" in valuation) return Object.hasOwn(valuation.byOption, value) ? (valuation.byOption[value as string] as number) : 0;
  if ("byValue" in valuation) {
    const key = String(value);
    return Object.hasOwn(valuation.byValue, key) ? (valuation.byValue[key] as number) : 0;
  }
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

/** A limit a side cannot sign past: a budget cap, or a value it must have. */
export type Limit = Extract<HotButton, { kind: "budgetCap" }> | Extract<HotButton, { kind: "wants" }>;

/** The limit a package breaks for this side, if any. */
export function brokenCap(side: SidePrivate, terms: Package): Limit | null {
  for (const h of side.hotButtons) {
    if (h.kind !== "budgetCap" && h.kind !== "wants") continue;
    const value = terms[h.issueId];
    if (value !== undefined && !limitAllows(h, value)) return h;
  }
  return null;
}

/** Whether this side's limits allow `value` on one issue. */
export function capAllows(side: SidePrivate, issueId: string, value: number | string): boolean {
  for (const h of side.hotButtons) if ((h.kind === "budgetCap" || h.kind === "wants") && h.issueId === issueId && !limitAllows(h, value)) return false;
  return true;
}

export function limitAllows(h: HotButton, value: number | string): boolean {
  if (h.kind === "budgetCap") return typeof value !== "number" || value <= h.max;
  if (h.kind === "wants") return !h.mustHave || value === h.value;
  return true;
}

/** Whether a side has a limit that rules out some value of an issue other than price. */
export function limitsTerms(hotButtons: readonly HotButton[], priceId: string): boolean {
  for (const h of hotButtons) if ((h.kind === "budgetCap" && h.issueId !== priceId) || (h.kind === "wants" && h.mustHave)) return true;
  return false;
}

/** A valuation as one amount per value of the issue. */
export function pointwise(issue: RangeIssue | OptionsIssue, moneyOf: (value: number | string) => number): IssueValue {
  if (issue.kind === "options") return { byOption: Object.fromEntries(issue.options.map((o) => [o.id, moneyOf(o.id)])) };
  return { byValue: Object.fromEntries(issue.values.map((v) => [String(v), moneyOf(v)])) };
}

/** A valuation with `by` added to one option's amount, or to every value's when no option is named. */
export function shiftedValue(issue: RangeIssue | OptionsIssue, valuation: IssueValue, by: number, optionId?: string): IssueValue {
  if ("atMin" in valuation) return { atMin: valuation.atMin + by, atMax: valuation.atMax + by };
  return pointwise(issue, (v) => issueMoneyOf(issue, valuation, v) + (optionId === undefined || v === optionId ? by : 0));
}

/**
 * A side's valuations with what each missing want costs it counted in (only those of `issueId`
 * when given): a deal without the wanted value is worth that much less to the buyer, costs the
 * seller that much more. Counted here once, every part that prices terms sees it.
 */
export function valuesWithWants(
  scenario: Issues,
  role: Role,
  values: Readonly<Record<string, IssueValue>>,
  hotButtons: readonly HotButton[],
  issueId?: string,
): Readonly<Record<string, IssueValue>> {
  let out = values;
  for (const h of hotButtons) {
    if (h.kind !== "wants" || h.costIfMissing === 0 || (issueId !== undefined && h.issueId !== issueId)) continue;
    const issue = issueById(scenario, h.issueId);
    const valuation = out[h.issueId];
    if (!issue || issue.kind === "price" || !valuation) continue;
    const cost = role === "buyer" ? -h.costIfMissing : h.costIfMissing;
    out = { ...out, [h.issueId]: pointwise(issue, (v) => issueMoneyOf(issue, valuation, v) + (v === h.value ? 0 : cost)) };
  }
  return out;
}
