import type { Package } from "../engine/index.js";
import { theirMoney } from "./opponent.js";
import { netOf, priceFor, theirGain, type Position } from "./position.js";
import { allowedMoney, comboOf, packageOf, Scratch, snapPrice, type AllowedMoney } from "./space.js";

export type Plan = { readonly terms: Package; readonly net: number };

/** Groups whose net misses the target by more than a price step: judged once the closest miss is known. */
const farScratch = new Scratch();

/**
 * The package for this turn: as close to the target as the price grid allows, never below the
 * walk-away net of expected penalties; among packages equally close, the one the other side is
 * guessed to like best, then the one nearest to their own standing offer, then the first.
 *
 * Combinations with equal money for the bot get the same price and net, so those are worked out
 * once per group. "Equally close" means within one price step of the closest miss (rounding to
 * the grid moves utility by up to a step), so a group within one step of the target always
 * qualifies and is weighed in the same pass; the few further off wait until the closest miss is
 * known.
 */
export function planOffer(pos: Position, target: number): Plan | null {
  const penalty = pos.penaltyAtStrike;
  const { allowed, space } = pos;
  const step = space.price.step;
  const their = theirMoney(pos.opponent, space);
  const theirs = pos.view.standing[pos.me === "buyer" ? "seller" : "buyer"];
  const theirCombo = theirs ? comboOf(space, theirs.terms) : -1;
  const groups = allowedMoney(pos.money, allowed);
  const { start, members } = groups;
  const G = groups.money.length;
  const far = farScratch.get(G);
  let farCount = 0;
  let closest = Infinity;
  const best: Best = { i: -1, price: 0, net: 0, gain: -Infinity, likeness: -1 };
  // priceFor and netOf, unrolled: this loop runs on every move.
  const { seller, walkAway, ceiling } = pos;
  const grid = space.price;
  for (let g = 0; g < G; g++) {
    const m = groups.money[g] as number;
    const price = seller
      ? snapPrice(grid, walkAway + m + penalty + target, "up", ceiling)
      : snapPrice(grid, walkAway + m - penalty - target, "down", ceiling);
    const net = seller ? price - m - walkAway - penalty : walkAway + m - price - penalty;
    if (net < 0) continue;
    const off = Math.abs(net - target);
    if (off < closest) closest = off;
    if (off > step) far[farCount++] = g;
    else weigh(pos, their, theirCombo, groups, g, price, net, best);
  }
  if (closest === Infinity) return null;

  const tolerance = closest + step;
  for (let k = 0; k < farCount; k++) {
    const g = far[k] as number;
    const c = allowed[members[start[g] as number] as number] as number;
    const price = priceFor(pos, c, target, penalty);
    const net = netOf(pos, c, price, penalty);
    if (Math.abs(net - target) <= tolerance) weigh(pos, their, theirCombo, groups, g, price, net, best);
  }
  return { terms: packageOf(space, allowed[best.i] as number, best.price), net: best.net };
}

/** The package chosen so far: its position in `allowed`, price, net, the other side's guessed gain and likeness to their offer. */
type Best = { i: number; price: number; net: number; gain: number; likeness: number };

/** Weigh group g's members, at the group's price and net, against the best so far. */
function weigh(pos: Position, their: readonly number[], theirCombo: number, groups: AllowedMoney, g: number, price: number, net: number, best: Best): void {
  const { allowed } = pos;
  for (let k = groups.start[g] as number; k < (groups.start[g + 1] as number); k++) {
    const i = groups.members[k] as number;
    const c = allowed[i] as number;
    const gain = theirGain(pos, their[c] as number, price);
    if (gain < best.gain) continue;
    const likeness = theirCombo < 0 ? 0 : sameTerms(pos, c, theirCombo);
    // The first of equals wins, as in one pass over the combinations in order.
    if (gain > best.gain || likeness > best.likeness || (likeness === best.likeness && i < best.i)) {
      best.i = i;
      best.price = price;
      best.net = net;
      best.gain = gain;
      best.likeness = likeness;
    }
  }
}

function sameTerms(pos: Position, a: number, b: number): number {
  const A = pos.space.axes.length;
  let same = 0;
  for (let i = 0; i < A; i++) if (pos.space.index[a * A + i] === pos.space.index[b * A + i]) same++;
  return same;
}
