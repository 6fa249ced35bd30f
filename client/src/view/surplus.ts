import type { Role } from "../../../shared/engine/roles.js";
import type { Issue } from "../../../shared/engine/scenario.js";
import type { Package, SidePrivate } from "../../../shared/engine/state.js";
import { termsMoney, utility } from "../../../shared/engine/valuation.js";
import type { PrivateView } from "../../../shared/engine/view.js";

/*
 * Surplus as the player's own brief defines it (GAME.md §2), with the engine's own valuation
 * from what the client holds: the public issues and the viewer's private side.
 */

/** The engine's valuation reads walk-away and values only; a view may lack the notepad. */
export const asSide = (side: PrivateView): SidePrivate => ({ ...side, notes: side.notes ?? [] });

/** Buyer: net cost (price − worth of terms). Seller: net revenue (price − cost of terms). */
export function netOf(issues: readonly Issue[], side: PrivateView, terms: Package): number {
  return (terms.price as number) - termsMoney({ issues }, asSide(side), terms);
}

/** How far a package leaves this side above its walk-away, before hot-button penalties. */
export function surplusOf(issues: readonly Issue[], role: Role, side: PrivateView, terms: Package): number {
  return utility({ issues }, role, asSide(side), terms);
}
