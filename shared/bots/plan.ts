import type { Package } from "../engine/index.js";
import { theirMoney, theirMoneyBounds } from "./opponent.js";
import { theirGain, type Position } from "./position.js";
import { comboOf, packageOf, Scratch, snapPrice } from "./space.js";

export type Plan = { readonly terms: Package; readonly net: number };

/* Each group's price and net for this move's target, from the first pass over the groups. */
const pricesScratch = new Scratch();
const netsScratch = new Scratch();

/**
 * The package for this turn: as close to the target as the price grid allows, never below the
 * walk-away net of expected penalties; among packages equally close, the one the other side is
 * guessed to like best, then the one nearest to their own standing offer, then the first.
 *
 * Combinations with equal money for the bot get the same price and net, so those are worked out
 * once per group; "equally close" means within one price step of the closest miss (rounding to
 * the grid moves utility by up to a step).
 */
export function planOffer(pos: Position, target: number): Plan | null {
  const penalty = pos.penaltyAtStrike;
  const { space, seller, walkAway, ceiling } = pos;
  const { groups } = pos;
  const G = groups.money.length;
  const prices = pricesScratch.get(G);
  const nets = netsScratch.get(G);
  const grid = space.price;
  let closest = Infinity;
  for (let g = 0; g < G; g++) {
    // priceFor and netOf, unrolled: this loop runs on every move.
    const m = groups.money[g] as number;
    const price = seller
      ? snapPrice(grid, walkAway + m + penalty + target, "up", ceiling)
      : snapPrice(grid, walkAway + m - penalty - target, "down", ceiling);
    const net = seller ? price - m - walkAway - penalty : walkAway + m - price - penalty;
    prices[g] = price;
    nets[g] = net;
    if (net >= 0) closest = Math.min(closest, Math.abs(net - target));
  }
  if (closest === Infinity) return null;

  const tolerance = closest + grid.step;
  const their = theirMoney(pos.opponent, space);
  const theirs = pos.view.standing[seller ? "buyer" : "seller"];
  const theirCombo = theirs ? comboOf(space, theirs.terms) : -1;
  const { start, members } = groups;
  let best = -1;
  let bestPrice = 0;
  let bestNet = 0;
  let bestGain = -Infinity;
  let bestLikeness = -1;
  const bounds = theirMoneyBounds(pos.opponent, space);
  // Groups come in ascending order of the bot's money, and a group's price rises with it. The
  // other side's guessed gain is their money minus the price for a seller, the price minus their
  // money for a buyer, so its ceiling (with their most or least money) only falls as a seller
  // walks the groups up and a buyer walks them down. Once the ceiling is below the best gain
  // found, no later group can reach it, nor tie.
  for (let k = 0; k < G; k++) {
    const g = seller ? k : G - 1 - k;
    const price = prices[g] as number;
    if (theirGain(pos, seller ? bounds.most : bounds.least, price) < bestGain) break;
    const net = nets[g] as number;
    if (net < 0 || Math.abs(net - target) > tolerance) continue;
    for (let j = start[g] as number; j < (start[g + 1] as number); j++) {
      const c = members[j] as number;
      const gain = theirGain(pos, their[c] as number, price);
      if (gain < bestGain) continue;
      const likeness = theirCombo < 0 ? 0 : sameTerms(pos, c, theirCombo);
      // The first of equals wins, as in one pass over the combinations in order.
      if (gain > bestGain || likeness > bestLikeness || (likeness === bestLikeness && c < best)) {
        best = c;
        bestPrice = price;
        bestNet = net;
        bestGain = gain;
        bestLikeness = likeness;
      }
    }
  }
  return { terms: packageOf(space, best, bestPrice), net: bestNet };
}

function sameTerms(pos: Position, a: number, b: number): number {
  const A = pos.space.axes.length;
  let same = 0;
  for (let i = 0; i < A; i++) if (pos.space.index[a * A + i] === pos.space.index[b * A + i]) same++;
  return same;
}
