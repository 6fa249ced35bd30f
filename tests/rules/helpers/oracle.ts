import { issueValues, type IssueValue, type Package, type Role, type Scenario, type SidePrivate, type TableState } from "../../../shared/engine/index.js";

/*
 * GAME.md §2 written out again, independently of the engine's scoring code, so tests compare
 * the engine against the rule rather than against itself.
 */

function worth(scenario: Scenario, value: IssueValue, issueId: string, picked: number | string): number {
  if ("byOption" in value) return value.byOption[picked as string] as number;
  if ("byValue" in value) return value.byValue[String(picked)] as number;
  const issue = scenario.issues.find((i) => i.id === issueId);
  if (issue?.kind !== "range") throw new Error(`not a range issue: ${issueId}`);
  const t = ((picked as number) - issue.min) / (issue.max - issue.min);
  return Math.round(value.atMin + t * (value.atMax - value.atMin));
}

export function termsWorth(scenario: Scenario, side: SidePrivate, terms: Package): number {
  return scenario.issues
    .filter((i) => i.kind !== "price")
    .reduce((sum, i) => sum + worth(scenario, side.values[i.id] as IssueValue, i.id, terms[i.id] as number | string), 0);
}

export function penaltyOf(side: SidePrivate, round: number): number {
  let total = 0;
  for (const h of side.hotButtons) {
    if (h.kind === "deadline" && round > h.afterRound) total += (round - h.afterRound) * h.costPerRound;
    if (h.kind === "compliance" && round > h.byRound) total += h.penalty;
  }
  return total;
}

/** Surplus of one side for `terms`, before hot-button penalties. */
export function utilityOf(scenario: Scenario, role: Role, side: SidePrivate, terms: Package): number {
  const price = terms.price as number;
  const w = termsWorth(scenario, side, terms);
  return role === "seller" ? price - w - side.walkAway : side.walkAway + w - price;
}

/** Surplus of one side for a deal on `terms` in `round`, hot-button penalties included. */
export function surplusOf(state: TableState, role: Role, terms: Package, round: number): number {
  return utilityOf(state.scenario, role, state.sides[role], terms) - penaltyOf(state.sides[role], round);
}

/** Every complete package of a scenario, price included. */
export function allPackages(scenario: Scenario): Package[] {
  let out: Record<string, number | string>[] = [{}];
  for (const issue of scenario.issues) out = out.flatMap((p) => issueValues(issue).map((v) => ({ ...p, [issue.id]: v })));
  return out;
}

/** Whether both sides may sign `terms`: no value above either side's budget cap. */
export function signable(sides: { buyer: SidePrivate; seller: SidePrivate }, terms: Package): boolean {
  return [sides.buyer, sides.seller].every((side) =>
    side.hotButtons.every((h) => h.kind !== "budgetCap" || typeof terms[h.issueId] !== "number" || (terms[h.issueId] as number) <= h.max),
  );
}

/** Both surpluses as the rule says they should be for the state's outcome. */
export function expectedSurplus(state: TableState): { buyer: number; seller: number } {
  const o = state.outcome;
  if (o?.kind !== "deal") return { buyer: 0, seller: 0 };
  return { buyer: surplusOf(state, "buyer", o.terms, o.round), seller: surplusOf(state, "seller", o.terms, o.round) };
}
