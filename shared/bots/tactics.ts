import { otherRole, penaltyAt, type Package, type TableView } from "../engine/index.js";
import { theirMoney } from "./opponent.js";
import { bestPrice, netOf, type Position } from "./position.js";
import type { BotProfile } from "./profiles.js";
import { comboOf } from "./space.js";

/*
 * How much the bot asks for this turn, in its own net utility. Time-dependent tactics follow
 * Faratin, Sierra & Jennings (1998): target(t) = min + (1 − α(t))·(max − min) with
 * α(t) = k + (1 − k)·(t/T)^(1/β), T being the bot's own deadline.
 *
 * Tit-for-tat is their relative tit-for-tat: the bot concedes, in its own terms, the same
 * proportion the other side conceded in its last move. That move closed a share of the distance
 * between the other side's previous offer and the bot's standing one (both valued in the bot's
 * own net utility); the bot closes the same share of the distance that is left. It cooperates
 * first (one step of its curve while the other side has only opened), then only mirrors: against
 * a side that never concedes it holds, to the end.
 *
 * Every bot's last offer (the first mover's in the last round, the second mover's in the round
 * before, since the final turn only accepts or walks) is at its walk-away, so a deal it could
 * take is not lost; tit-for-tat makes that offer only to a side that has made a concession (the
 * public ledger's count: a side that only took ground back is a wall too).
 */

export type UtilityRange = { readonly min: number; readonly max: number };

/** Knowing the other side is pressed by a date or a cap, the bot holds out longer. */
const PRESSED_BETA = 0.6;

/** Of what the other side's known walk-away leaves on the table, the share the bot insists on. */
const KNOWN_FLOOR_SHARE = 0.5;

/** The bot's best and worst acceptable net utility this turn, or null when nothing beats walking away. */
export function utilityRange(pos: Position): UtilityRange | null {
  if (pos.ceiling < pos.space.price.min) return null;
  const penalty = pos.penaltyAtStrike;
  const max = bestNet(pos, bestPrice(pos), penalty);
  if (max < 0) return null;
  const most = mostTheyCanGive(pos);
  // Known limits leave the bot nothing at or above its walk-away: walking is right.
  if (most !== null && most < 0) return null;
  if (most === null || isLastOffer(pos.view)) return { min: 0, max };
  const top = Math.min(max, most);
  return { min: Math.min(top, most * KNOWN_FLOOR_SHARE), max: top };
}

/**
 * Whether this turn is the bot's last chance to offer: its next turn would be the final one
 * (turn 2 · lastRound − 1, which only accepts or walks away) or past the end. True in the last
 * round for the side that moves first and in the round before for the side that moves second.
 */
export function isLastOffer(view: TableView): boolean {
  return view.turn + 2 >= view.lastRound * 2 - 1;
}

/**
 * The bot's best net at one price over the combinations it may offer (-Infinity when none). The
 * net falls as the bot's own money rises for a seller (a cost) and rises with it for a buyer (a
 * worth), and each rounding step keeps that order, so the best is the net of the cheapest or the
 * dearest combination: the same figure as taking every net's maximum.
 */
function bestNet(pos: Position, price: number, penalty: number): number {
  const { cheapest, dearest } = pos.groups;
  const best = pos.seller ? cheapest : dearest;
  return best < 0 ? -Infinity : netOf(pos, best, price, penalty);
}

/** With the other side's walk-away known: the bot's best utility on a package that leaves them exactly at it. */
function mostTheyCanGive(pos: Position): number | null {
  const walkAway = pos.opponent.walkAway;
  if (walkAway === null) return null;
  const { price } = pos.space;
  const their = theirMoney(pos.opponent, pos.space);
  let most = -Infinity;
  for (const c of pos.allowed) {
    // Their limit: a buyer pays up to walk-away + worth, a seller takes down to walk-away + cost.
    const limit = walkAway + (their[c] as number);
    const p = Math.min(Math.max(limit, price.min), pos.ceiling);
    most = Math.max(most, netOf(pos, c, p, pos.penaltyAtStrike));
  }
  return most;
}

/**
 * The bot's own deadline T (Faratin's t_max): the last round in which a deal costs it no more
 * than one struck in round 1, so it has given all it will before its hot buttons bite; the
 * table's last round when they never do. It never plans to give everything in less than half the
 * game, so a cost that starts late does not make it fold at once.
 */
export function ownDeadline(pos: Position): number {
  const { lastRound } = pos.view;
  const hot = pos.own.hotButtons;
  const free = penaltyAt(hot, 1);
  for (let r = 2; r <= lastRound; r++) if (penaltyAt(hot, r) > free) return Math.max(r - 1, Math.ceil(lastRound / 2));
  return lastRound;
}

/** α(t): the share of the range conceded by round `round`, with the bot's deadline at `deadline`. */
export function concededShare(profile: BotProfile, round: number, deadline: number, pressed: boolean): number {
  const span = deadline - 1;
  const x = span <= 0 ? 1 : Math.min(1, Math.max(0, (round - 1) / span));
  const beta = pressed ? profile.beta * PRESSED_BETA : profile.beta;
  return profile.k + (1 - profile.k) * Math.pow(x, 1 / beta);
}

export function targetUtility(pos: Position, profile: BotProfile, range: UtilityRange): number {
  const alpha = concededShare(profile, pos.view.round, ownDeadline(pos), pos.opponent.pressed);
  const curve = range.min + (1 - alpha) * (range.max - range.min);
  switch (profile.tactic) {
    case "boulware":
    case "linear":
    case "conceder":
      return isLastOffer(pos.view) ? range.min : curve;
    case "tit_for_tat":
      return titForTat(pos, range, curve);
  }
}

function titForTat(pos: Position, range: UtilityRange, curve: number): number {
  const clamp = (u: number) => Math.min(range.max, Math.max(range.min, u));
  const mine = pos.view.standing[pos.me];
  const own = mine ? valueOf(pos, mine.terms) : null;
  const theirs = pos.view.offers.filter((o) => o.by !== pos.me);
  const previous = theirs.at(-2);
  const last = theirs.at(-1);
  if (own === null || !previous || !last) return clamp(own === null ? range.max : curve);
  const value = (terms: Package) => valueOf(pos, terms) ?? -Infinity;
  // A side that has made any concession (the public ledger's count) is no wall: the bot's last offer goes to its walk-away.
  if (isLastOffer(pos.view) && pos.view.balance[otherRole(pos.me)].concessions > 0) return range.min;
  const before = own - value(previous.terms);
  const gained = value(last.terms) - value(previous.terms);
  const proportion = before <= 0 ? 1 : Math.min(1, Math.max(0, gained / before));
  return clamp(own - proportion * (own - value(last.terms)));
}

/** The bot's net utility for a package whatever its caps (a measure of moves, not a package to sign); null outside the space. */
function valueOf(pos: Position, terms: Package): number | null {
  const combo = comboOf(pos.space, terms);
  const price = terms[pos.space.price.id];
  return combo < 0 || typeof price !== "number" ? null : netOf(pos, combo, price, pos.penaltyAtStrike);
}
