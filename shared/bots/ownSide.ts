import type { PrivateView, SidePrivate } from "../engine/index.js";

/* A bot holds only its view: the public scenario and its own private side. */

/** The bot's own side in the shape the engine's valuation helpers take. */
export function sideOf(own: PrivateView): SidePrivate {
  return { walkAway: own.walkAway, values: own.values, hotButtons: own.hotButtons, learned: own.learned, notes: own.notes ?? [] };
}
