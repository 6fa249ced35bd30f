import { otherRole, penaltyAt } from "../engine/index.js";
import { theirMoney } from "./opponent.js";
import { bestPrice, netOf, netOfPackage, type Position } from "./position.js";
import type { BotProfile } from "./profiles.js";

/*
 * How much the bot asks for this turn, in its own net utility. Time-dependent tactics follow
 * Faratin, Sierra & Jennings (1998): target(t) = min + (1 − α(t))·(max − min) with
 * α(t) = k + (1 − k)·(t/T)^(1/β), T being the bot's own deadline. Tit-for-tat gives back what the
 * other side gave, valued in the bot's own money, and never falls behind its own curve.
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
  // The bot's last offer before the final turn: it settles for its walk-away rather than lose a deal it can take.
  const lastOffer = pos.view.turn + 2 >= pos.view.lastRound * 2;
  const most = lastOffer ? null : mostTheyCanGive(pos);
  if (most === null || most <= 0) return { min: 0, max };
  const top = Math.min(max, most);
  return { min: Math.min(top, most * KNOWN_FLOOR_SHARE), max: top };
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
      return curve;
    case "tit_for_tat": {
      const mine = pos.view.standing[pos.me];
      const last = mine ? (netOfPackage(pos, mine.terms, pos.penaltyAtStrike) ?? range.max) : range.max;
      const mirrored = last - mirroredConcession(pos, mine?.turn ?? -1);
      return Math.min(range.max, Math.max(range.min, Math.min(mirrored, curve)));
    }
  }
}

/**
 * What the other side conceded since the bot's last offer, read off the public ledger (shares of
 * each issue's range) and valued in the bot's own money for that issue.
 */
export function mirroredConcession(pos: Position, sinceTurn: number): number {
  const them = otherRole(pos.me);
  const { space } = pos;
  let money = 0;
  for (const c of pos.view.ledger) {
    if (c.by !== them || c.turn <= sinceTurn) continue;
    if (c.issueId === space.price.id) money += c.share * (space.price.max - space.price.min);
    else {
      const a = space.axes.findIndex((axis) => axis.issue.id === c.issueId);
      if (a >= 0) money += c.share * (pos.money.spreads[a] as number);
    }
  }
  return money;
}
