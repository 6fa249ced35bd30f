import type { Package } from "../engine/index.js";
import { netOf, priceFor, theirGain, type Position } from "./position.js";
import { comboOf, packageOf } from "./space.js";

export type Plan = { readonly terms: Package; readonly net: number };

/**
 * The package for this turn: as close to the target as the price grid allows, never below the
 * walk-away net of expected penalties; among packages equally close, the one the other side is
 * guessed to like best, then the one nearest to their own standing offer.
 */
export function planOffer(pos: Position, target: number): Plan | null {
  const penalty = pos.penaltyAtStrike;
  const { allowed } = pos;
  let closest = Infinity;
  for (const c of allowed) {
    const net = netOf(pos, c, priceFor(pos, c, target, penalty), penalty);
    if (net >= 0) closest = Math.min(closest, Math.abs(net - target));
  }
  if (closest === Infinity) return null;

  // Rounding to the price grid moves utility by up to one step: packages within it are equally close.
  const tolerance = closest + pos.space.price.step;
  const theirs = pos.view.standing[pos.me === "buyer" ? "seller" : "buyer"];
  const theirCombo = theirs ? comboOf(pos.space, theirs.terms) : -1;
  let best = -1;
  let bestPrice = 0;
  let bestNet = 0;
  let bestGain = -Infinity;
  let bestLikeness = -1;
  for (const c of allowed) {
    const price = priceFor(pos, c, target, penalty);
    const net = netOf(pos, c, price, penalty);
    if (net < 0 || Math.abs(net - target) > tolerance) continue;
    const gain = theirGain(pos, c, price);
    if (gain < bestGain) continue;
    const likeness = theirCombo < 0 ? 0 : sameTerms(pos, c, theirCombo);
    if (gain > bestGain || likeness > bestLikeness) {
      best = c;
      bestPrice = price;
      bestNet = net;
      bestGain = gain;
      bestLikeness = likeness;
    }
  }
  return { terms: packageOf(pos.space, best, bestPrice), net: bestNet };
}

function sameTerms(pos: Position, a: number, b: number): number {
  const A = pos.space.axes.length;
  let same = 0;
  for (let i = 0; i < A; i++) if (pos.space.index[a * A + i] === pos.space.index[b * A + i]) same++;
  return same;
}
