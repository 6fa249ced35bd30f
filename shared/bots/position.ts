import {
  brokenCap,
  otherRole,
  penaltyAt,
  roundOf,
  type Package,
  type PrivateView,
  type Role,
  type Issues,
  type SidePrivate,
  type TableView,
  type HotButton,
} from "../engine/index.js";
import { factsFrom, type LearnedCap } from "./facts.js";
import { opponentModel, type OpponentModel } from "./opponent.js";
import { sideOf } from "./ownSide.js";
import { allowedCombos, allowedMoney, comboOf, packageSpace, priceCeiling, sideMoney, snapPrice, type AllowedMoney, type MoneyTable, type PackageSpace } from "./space.js";

/*
 * Where a bot stands on its turn, from its own view only: its utility for every package, what
 * its hot buttons will cost, what it guesses of the other side. Utility is the bot's surplus
 * (valuation.ts) net of the penalties it expects in the round a package would be agreed.
 */

export type Position = {
  readonly view: TableView;
  readonly me: Role;
  /** me === "seller" and own.walkAway, kept at hand for the loops over every combination. */
  readonly seller: boolean;
  readonly walkAway: number;
  readonly own: PrivateView;
  readonly side: SidePrivate;
  readonly scenario: Issues;
  readonly space: PackageSpace;
  /** The bot's own money (worth or cost) per value and per combination of the non-price terms. */
  readonly money: MoneyTable;
  /** Combinations the bot may offer: within its own budget caps and those it learned the other side has (no use offering what they cannot sign). */
  readonly allowed: Int32Array;
  /** The allowed combinations by the bot's money. */
  readonly groups: AllowedMoney;
  /** The highest price the bot offers, on the grid: the top of the range, or its own cap or the other side's it learned, whichever is lower. */
  readonly ceiling: number;
  /** The round in which the other side could accept an offer made now. */
  readonly strikeRound: number;
  readonly penaltyNow: number;
  readonly penaltyAtStrike: number;
  readonly opponent: OpponentModel;
};

export function positionOf(view: TableView, me: Role, own: PrivateView): Position {
  const scenario = view.scenario;
  const facts = factsFrom(own.learned, packageSpace(scenario.issues), otherRole(me));
  const tables = sideTables(me, scenario, own, facts.caps);
  const { space, money } = tables;
  const strikeRound = roundOf(view.turn + 1);
  return {
    view,
    me,
    seller: me === "seller",
    walkAway: own.walkAway,
    own,
    side: sideOf(own),
    scenario,
    space,
    money,
    allowed: tables.allowed,
    groups: tables.groups,
    ceiling: tables.ceiling,
    strikeRound,
    penaltyNow: penaltyAt(own.hotButtons, view.round),
    penaltyAtStrike: penaltyAt(own.hotButtons, strikeRound),
    opponent: opponentModel(view, me, space, money.spreads, facts),
  };
}

/** The tables a side's valuations and hot buttons give it, for the issues, valuation and hot-button list they were built from. */
type SideTables = {
  readonly issues: Issues["issues"];
  readonly values: PrivateView["values"];
  readonly hotButtons: PrivateView["hotButtons"];
  readonly caps: readonly LearnedCap[];
  readonly space: PackageSpace;
  readonly money: MoneyTable;
  readonly allowed: Int32Array;
  readonly groups: AllowedMoney;
  readonly ceiling: number;
};

/*
 * The last tables per seat. A bot's valuations and hot buttons are the same objects move after
 * move (cards replace them), so one identity check stands in for the lookups in each cache.
 */
const lastTables: Record<Role, SideTables | null> = { buyer: null, seller: null };

function sideTables(me: Role, scenario: Issues, own: PrivateView, caps: readonly LearnedCap[]): SideTables {
  const last = lastTables[me];
  if (last && last.issues === scenario.issues && last.values === own.values && last.hotButtons === own.hotButtons && last.caps === caps) return last;
  const space = packageSpace(scenario.issues);
  const money = sideMoney(space, scenario, own.values);
  const limits = caps.length === 0 ? own.hotButtons : [...own.hotButtons, ...caps.map(asCap)];
  const allowed = allowedCombos(space, limits);
  const tables: SideTables = {
    issues: scenario.issues,
    values: own.values,
    hotButtons: own.hotButtons,
    caps,
    space,
    money,
    allowed,
    groups: allowedMoney(money, allowed),
    ceiling: priceCeiling(space, limits),
  };
  lastTables[me] = tables;
  return tables;
}

/** A learned cap in the shape of the bot's own caps, so one set of helpers limits both. */
const asCap = (cap: LearnedCap): HotButton => ({ kind: "budgetCap", id: `learned:${cap.issueId}`, label: "", text: "", issueId: cap.issueId, max: cap.max });

/** The bot's utility for combination c at a price, net of a penalty. */
export function netOf(pos: Position, combo: number, price: number, penalty: number): number {
  const money = pos.money.combos[combo] as number;
  return pos.seller ? price - money - pos.walkAway - penalty : pos.walkAway + money - price - penalty;
}

/** The price on the grid that gives the bot at least `target` on combination c (or the best it can get). */
export function priceFor(pos: Position, combo: number, target: number, penalty: number): number {
  const money = pos.money.combos[combo] as number;
  return pos.seller
    ? snapPrice(pos.space.price, pos.walkAway + money + penalty + target, "up", pos.ceiling)
    : snapPrice(pos.space.price, pos.walkAway + money - penalty - target, "down", pos.ceiling);
}

/** The price the bot likes best: the top it may ask as seller, the bottom of the range as buyer. */
export function bestPrice(pos: Position): number {
  return pos.seller ? pos.ceiling : pos.space.price.min;
}

/** The guessed utility of the other side for a package whose terms they are guessed to value at `theirMoney`, up to their unknown walk-away. */
export function theirGain(pos: Position, theirMoney: number, price: number): number {
  return pos.seller ? theirMoney - price : price - theirMoney;
}

/**
 * The bot's net utility for a package on the table, or null if its budget caps forbid it. Read
 * off the same tables as its own offers (built with valuation.ts, equal to its utility():
 * tests/bots/space.test.ts), so accepting and offering weigh packages alike.
 */
export function netOfPackage(pos: Position, terms: Package, penalty: number): number | null {
  const combo = comboOf(pos.space, terms);
  const price = terms[pos.space.price.id];
  if (combo < 0 || typeof price !== "number" || brokenCap(pos.side, terms)) return null;
  return netOf(pos, combo, price, penalty);
}
