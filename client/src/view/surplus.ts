import type { Role } from "../../../shared/engine/roles.js";
import type { Issue, IssueValue } from "../../../shared/engine/scenario.js";
import type { Package } from "../../../shared/engine/state.js";
import type { PrivateView } from "../../../shared/engine/view.js";

/*
 * Surplus as the player's own brief defines it (GAME.md §2), computed from what the client holds:
 * the public issues and its own private valuations. The engine's valuation functions take a full
 * Scenario, which never reaches a client; tests check these agree with them on every package.
 */

export function issueWorth(issue: Issue, valuation: IssueValue, value: number | string): number {
  if ("byOption" in valuation) return valuation.byOption[value as string] ?? 0;
  if (issue.kind !== "range") return 0;
  const t = ((value as number) - issue.min) / (issue.max - issue.min);
  return Math.round(valuation.atMin + (valuation.atMax - valuation.atMin) * t);
}

/** What the non-price terms are worth to the buyer, or cost the seller. */
export function termsWorth(issues: readonly Issue[], side: Pick<PrivateView, "values">, terms: Package): number {
  let total = 0;
  for (const issue of issues) {
    const valuation = side.values[issue.id];
    const value = terms[issue.id];
    if (valuation && value !== undefined) total += issueWorth(issue, valuation, value);
  }
  return total;
}

/** Buyer: net cost (price − worth of terms). Seller: net revenue (price − cost of terms). */
export function netOf(issues: readonly Issue[], side: Pick<PrivateView, "values">, terms: Package): number {
  return (terms.price as number) - termsWorth(issues, side, terms);
}

/** How far a package leaves this side above its walk-away, before hot-button penalties. */
export function surplusOf(issues: readonly Issue[], role: Role, side: Pick<PrivateView, "values" | "walkAway">, terms: Package): number {
  const net = netOf(issues, side, terms);
  return role === "buyer" ? side.walkAway - net : net - side.walkAway;
}
