import { otherRole, type Role, type TableView } from "../engine/index.js";
import type { OtherSideFacts } from "./facts.js";
import type { PackageSpace } from "./space.js";

/*
 * The bot's guess of the other side's money (worth to a buyer, cost to a seller). Where a fact
 * told the exact figures they are used. Elsewhere the prior is that every issue matters to them
 * alike (the average of what the issues swing for the bot), rising from 0 at their least
 * favoured value toward their end of the issue, which is public. Under that prior the bot trades
 * away first what is cheap for it and holds what is dear, the usual advice. Issues they have held
 * at their own end more often than the others are guessed to matter more to them.
 */

export type OpponentModel = {
  /** Guessed money per value, by axis. */
  readonly perAxis: readonly Float64Array[];
  readonly walkAway: number | null;
  readonly pressed: boolean;
};

/** How much more an issue the other side holds more stubbornly than average is guessed to be worth to them. */
const STUBBORN_WEIGHT = 1;

export function opponentModel(view: TableView, me: Role, space: PackageSpace, spreads: Float64Array, facts: OtherSideFacts): OpponentModel {
  const them = otherRole(me);
  const theirEnd = them === "buyer" ? 1 : 0;
  const theirOffers = view.offers.filter((o) => o.by === them);
  const held = space.axes.map((axis) => {
    let n = 0;
    for (const o of theirOffers) if (axis.toward[axis.indexOf.get(o.terms[axis.issue.id] as number | string) ?? -1] === theirEnd) n++;
    return theirOffers.length === 0 ? 0 : n / theirOffers.length;
  });
  const meanHeld = held.reduce((a, b) => a + b, 0) / Math.max(1, held.length);
  const unit = spreads.reduce((a, b) => a + b, 0) / Math.max(1, spreads.length);
  const perAxis = space.axes.map((axis, a) => {
    const exact = facts.money.get(a);
    if (exact) return exact;
    const weight = unit * (1 + STUBBORN_WEIGHT * ((held[a] as number) - meanHeld));
    // Worth to a buyer and cost to a seller both rise toward the buyer's end of an issue.
    return axis.toward.map((t) => t * weight);
  });
  return { perAxis, walkAway: facts.walkAway, pressed: facts.pressed };
}

/** The guessed money of the other side for combination c. */
export function theirMoney(model: OpponentModel, space: PackageSpace, combo: number): number {
  const A = space.axes.length;
  let sum = 0;
  for (let a = 0; a < A; a++) sum += (model.perAxis[a] as Float64Array)[space.index[combo * A + a] as number] as number;
  return sum;
}
