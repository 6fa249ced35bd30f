import { otherRole, type Role, type TableView } from "../engine/index.js";
import type { OtherSideFacts } from "./facts.js";
import { comboSumsInto, type PackageSpace } from "./space.js";

/*
 * The bot's guess of the other side's money (worth to a buyer, cost to a seller). Where a fact
 * told the exact figures they are used. Elsewhere the prior is that every issue matters to them
 * alike (the average of what the issues swing for the bot), rising from 0 at their least
 * favoured value toward their end of the issue, which is public. Under that prior the bot trades
 * away first what is cheap for it and holds what is dear, the usual advice. Issues they have held
 * at their own end more often than the others are guessed to matter more to them.
 */

export type OpponentModel = {
  /** Guessed money per value, by axis (theirMoneyInto sums it per combination). */
  readonly perAxis: readonly ArrayLike<number>[];
  readonly walkAway: number | null;
  readonly pressed: boolean;
};

/** How much more an issue the other side holds more stubbornly than average is guessed to be worth to them. */
const STUBBORN_WEIGHT = 1;

export function opponentModel(view: TableView, me: Role, space: PackageSpace, spreads: Float64Array, facts: OtherSideFacts): OpponentModel {
  const them = otherRole(me);
  const theirEnd = them === "buyer" ? 1 : 0;
  const A = space.axes.length;
  // Per axis, how many of their offers held it at their own end.
  const heldCount: number[] = new Array<number>(A).fill(0);
  let theirOffers = 0;
  for (const o of view.offers) {
    if (o.by !== them) continue;
    theirOffers++;
    for (let a = 0; a < A; a++) {
      const axis = space.axes[a] as PackageSpace["axes"][number];
      if (axis.toward[axis.indexOf.get(o.terms[axis.issue.id] as number | string) ?? -1] === theirEnd) heldCount[a] = (heldCount[a] as number) + 1;
    }
  }
  const held: number[] = [];
  let heldSum = 0;
  for (let a = 0; a < A; a++) {
    held.push(theirOffers === 0 ? 0 : (heldCount[a] as number) / theirOffers);
    heldSum += held[a] as number;
  }
  const meanHeld = heldSum / Math.max(1, A);
  let spreadSum = 0;
  for (const s of spreads) spreadSum += s;
  const unit = spreadSum / Math.max(1, spreads.length);
  const perAxis: ArrayLike<number>[] = [];
  for (let a = 0; a < A; a++) {
    const exact = facts.money.get(a);
    if (exact) {
      perAxis.push(exact);
      continue;
    }
    const weight = unit * (1 + STUBBORN_WEIGHT * ((held[a] as number) - meanHeld));
    // Worth to a buyer and cost to a seller both rise toward the buyer's end of an issue.
    const toward = (space.axes[a] as PackageSpace["axes"][number]).toward;
    const money: number[] = [];
    for (const t of toward) money.push(t * weight);
    perAxis.push(money);
  }
  return { perAxis, walkAway: facts.walkAway, pressed: facts.pressed };
}

/**
 * The other side's guessed money for every combination, written into `out`: the caller's
 * scratch, reused move after move, since a table this size per move is most of what a bot
 * would otherwise allocate.
 */
export function theirMoneyInto(model: OpponentModel, space: PackageSpace, out: number[]): void {
  comboSumsInto(space, model.perAxis, out);
}
