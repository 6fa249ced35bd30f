import type { Package } from "../engine/index.js";
import { netOf, priceFor, theirGain, type Position } from "./position.js";
import { theirMoneyInto } from "./opponent.js";
import { comboOf, packageOf, Scratch } from "./space.js";

export type Plan = { readonly terms: Package; readonly net: number };

/* Prices and nets of the first pass, read back by the second, and the other side's money per combination. */
const pricesScratch = new Scratch();
const netsScratch = new Scratch();
const theirScratch = new Scratch();

/**
 * The package for this turn: as close to the target as the price grid allows, never below the
 * walk-away net of expected penalties; among packages equally close, the one the other side is
 * guessed to like best, then the one nearest to their own standing offer.
 */
export function planOffer(pos: Position, target: number): Plan | null {
  const penalty = pos.penaltyAtStrike;
  const { allowed } = pos;
  const n = allowed.length;
  const prices = pricesScratch.get(n);
  const nets = netsScratch.get(n);
  let closest = Infinity;
  for (let i = 0; i < n; i++) {
    const c = allowed[i] as number;
    const price = priceFor(pos, c, target, penalty);
    const net = netOf(pos, c, price, penalty);
    prices[i] = price;
    nets[i] = net;
    if (net >= 0) closest = Math.min(closest, Math.abs(net - target));
  }
  if (closest === Infinity) return null;

  // Rounding to the price grid moves utility by up to one step: packages within it are equally close.
  const tolerance = closest + pos.space.price.step;
  const theirs = pos.view.standing[pos.me === "buyer" ? "seller" : "buyer"];
  const theirCombo = theirs ? comboOf(pos.space, theirs.terms) : -1;
  const their = theirScratch.get(pos.space.size);
  theirMoneyInto(pos.opponent, pos.space, their);
  let best = -1;
  let bestGain = -Infinity;
  let bestLikeness = -1;
  for (let i = 0; i < n; i++) {
    const net = nets[i] as number;
    if (net < 0 || Math.abs(net - target) > tolerance) continue;
    const c = allowed[i] as number;
    const gain = theirGain(pos, their[c] as number, prices[i] as number);
    if (gain < bestGain) continue;
    const likeness = theirCombo < 0 ? 0 : sameTerms(pos, c, theirCombo);
    if (gain > bestGain || likeness > bestLikeness) {
      best = i;
      bestGain = gain;
      bestLikeness = likeness;
    }
  }
  return { terms: packageOf(pos.space, allowed[best] as number, prices[best] as number), net: nets[best] as number };
}

function sameTerms(pos: Position, a: number, b: number): number {
  const A = pos.space.axes.length;
  let same = 0;
  for (let i = 0; i < A; i++) if (pos.space.index[a * A + i] === pos.space.index[b * A + i]) same++;
  return same;
}
