import type { Package } from "../engine/index.js";
import { theirMoney } from "./opponent.js";
import { netOf, priceFor, theirGain, type Position } from "./position.js";
import { comboOf, packageOf, Scratch, snapPrice } from "./space.js";

export type Plan = { readonly terms: Package; readonly net: number };

/** Combinations whose net misses the target by more than a price step: judged once the closest miss is known. */
const farScratch = new Scratch();

/**
 * The package for this turn: as close to the target as the price grid allows, never below the
 * walk-away net of expected penalties; among packages equally close, the one the other side is
 * guessed to like best, then the one nearest to their own standing offer, then the first.
 *
 * "Equally close" means within one price step of the closest miss (rounding to the grid moves
 * utility by up to a step), so a package within one step of the target always qualifies and is
 * weighed in the same pass; the few further off wait until the closest miss is known.
 */
export function planOffer(pos: Position, target: number): Plan | null {
  const penalty = pos.penaltyAtStrike;
  const { allowed, space } = pos;
  const step = space.price.step;
  const their = theirMoney(pos.opponent, space);
  const theirs = pos.view.standing[pos.me === "buyer" ? "seller" : "buyer"];
  const theirCombo = theirs ? comboOf(space, theirs.terms) : -1;
  const n = allowed.length;
  const far = farScratch.get(n);
  let farCount = 0;
  let closest = Infinity;
  let best = -1;
  let bestPrice = 0;
  let bestNet = 0;
  let bestGain = -Infinity;
  let bestLikeness = -1;
  // priceFor and netOf, unrolled: this loop runs over every combination on every move.
  const { seller, walkAway, ceiling } = pos;
  const money = pos.money.combos;
  const grid = space.price;
  for (let i = 0; i < n; i++) {
    const c = allowed[i] as number;
    const m = money[c] as number;
    const price = seller
      ? snapPrice(grid, walkAway + m + penalty + target, "up", ceiling)
      : snapPrice(grid, walkAway + m - penalty - target, "down", ceiling);
    const net = seller ? price - m - walkAway - penalty : walkAway + m - price - penalty;
    if (net < 0) continue;
    const off = Math.abs(net - target);
    if (off < closest) closest = off;
    if (off > step) {
      far[farCount++] = i;
      continue;
    }
    const gain = theirGain(pos, their[c] as number, price);
    if (gain < bestGain) continue;
    const likeness = theirCombo < 0 ? 0 : sameTerms(pos, c, theirCombo);
    if (gain > bestGain || likeness > bestLikeness) {
      best = i;
      bestPrice = price;
      bestNet = net;
      bestGain = gain;
      bestLikeness = likeness;
    }
  }
  if (closest === Infinity) return null;

  const tolerance = closest + step;
  for (let k = 0; k < farCount; k++) {
    const i = far[k] as number;
    const c = allowed[i] as number;
    const price = priceFor(pos, c, target, penalty);
    const net = netOf(pos, c, price, penalty);
    if (Math.abs(net - target) > tolerance) continue;
    const gain = theirGain(pos, their[c] as number, price);
    if (gain < bestGain) continue;
    const likeness = theirCombo < 0 ? 0 : sameTerms(pos, c, theirCombo);
    // The first of equals wins, as in one pass in order.
    if (gain > bestGain || likeness > bestLikeness || (likeness === bestLikeness && i < best)) {
      best = i;
      bestPrice = price;
      bestNet = net;
      bestGain = gain;
      bestLikeness = likeness;
    }
  }
  return { terms: packageOf(space, allowed[best] as number, bestPrice), net: bestNet };
}

function sameTerms(pos: Position, a: number, b: number): number {
  const A = pos.space.axes.length;
  let same = 0;
  for (let i = 0; i < A; i++) if (pos.space.index[a * A + i] === pos.space.index[b * A + i]) same++;
  return same;
}
