import { BOT_LEVELS } from "../bots/index.js";
import { perRole, priceIssue, zoneOn, type Card, type PerRole, type Role, type Scenario, type TableState } from "../engine/index.js";
import { recordGame, type GameRecord } from "./record.js";
import { playSimGame, type Pairing } from "./simulate.js";
import { fine, mean, median, share } from "./summary.js";

/*
 * Calibration: a trainer's draft played many times by bots before any class sees it, to show
 * whether its numbers leave a real negotiation (issue #14). It plays the simulator's games
 * (playSimGame) and measures what tells a case designer the balance: how often a zone exists,
 * how games end and for whom, where deals land, and what each card does to the outcomes.
 */

/**
 * Every pairing of the three levels a facilitator can pick, played in turn, so a verdict does not
 * hang on one bot's style: an easy seller against a tough buyer finds other deals than two firm bots.
 */
export const CALIBRATION_PAIRINGS: readonly Pairing[] = BOT_LEVELS.flatMap((buyer) => BOT_LEVELS.map((seller) => ({ buyer, seller })));

/** The same pairings in words, for every report that shows the figures. */
export const CALIBRATION_BOTS_TEXT = `bots at easy, firm and tough on each side, all ${CALIBRATION_PAIRINGS.length} pairings in turn`;

/** A deal this close to the middle of its zone (share of the zone's width either side) counts as "at the midpoint". */
export const MIDPOINT_BAND = 0.1;

export type CalibrationOptions = {
  readonly games: number;
  /** Same seed, same games, same report. */
  readonly seed: string;
  /** Hears after each game (a worker turns it into progress messages). */
  readonly onProgress?: (done: number, total: number) => void;
};

/** How a group of games ended and what they paid: with a card on the table, or without it. */
export type OutcomeGroup = {
  readonly games: number;
  readonly dealRate: number;
  readonly walkAwayRate: number;
  /** Mean joint surplus per game (a game without a deal counts 0). */
  readonly joint: number;
  readonly surplus: PerRole<number>;
};

export type CardFigures = {
  readonly id: string;
  readonly title: string;
  /** Whose brief the card changes. */
  readonly side: Role;
  /** Share of games in which it was drawn. */
  readonly drawnShare: number;
  readonly withCard: OutcomeGroup;
  readonly withoutCard: OutcomeGroup;
};

export type CalibrationReport = {
  readonly scenario: { readonly id: string; readonly title: string; readonly currency: string };
  readonly seed: string;
  readonly games: number;
  /** The bot pairings played, in turn (game i plays pairing i mod their count). */
  readonly bots: readonly Pairing[];
  /** Share of draws (walk-aways as drawn, before any card) with a signable zone: the zone the reveal shows. */
  readonly zoneShare: number;
  /** Share of the draws with a zone that ended in a deal (null when no draw had one): deals the bots could have had. */
  readonly dealRateWithZone: number | null;
  /**
   * Walk-aways by side on the draws that had a zone (null when none had one): those walked away
   * from a deal both could have signed, unlike a walk-away on a draw without a zone, which is right.
   */
  readonly walkAwayWithZone: PerRole<number> | null;
  /** How games ended; the four shares add up to 1. */
  readonly outcomes: { readonly deal: number; readonly walkAway: PerRole<number>; readonly timeUp: number };
  /** Efficiency of the deals (joint surplus ÷ best joint surplus, as scored); null without deals. */
  readonly efficiency: { readonly mean: number; readonly median: number } | null;
  /**
   * Where deals land in the zone on the terms signed: 0 is the seller's floor, 1 the buyer's
   * ceiling; `nearMidpoint` is the share of those deals within MIDPOINT_BAND of 0.5. Null without
   * a deal that had room between floor and ceiling.
   */
  readonly zonePosition: { readonly mean: number; readonly nearMidpoint: number } | null;
  /** Mean share of each deal's joint surplus that went to each side (penalties included); null without deals that made any. */
  readonly surplusSplit: PerRole<number> | null;
  /** Mean round in which deals were struck; null without deals. */
  readonly roundsToDeal: number | null;
  /** Every card of the deck, in deck order. */
  readonly cards: readonly CardFigures[];
};

/** What calibration keeps of one game: the simulator's record plus where the deal landed and which cards came up. */
type CalibrationGame = { readonly record: GameRecord; readonly position: number | null; readonly cardIds: ReadonlySet<string> };

export function calibrate(scenario: Scenario, options: CalibrationOptions): CalibrationReport {
  if (!Number.isInteger(options.games) || options.games < 1) throw new RangeError(`calibrate: games must be a whole number of at least 1 (got ${options.games})`);
  const games: CalibrationGame[] = [];
  for (let i = 0; i < options.games; i++) {
    const bots = CALIBRATION_PAIRINGS[i % CALIBRATION_PAIRINGS.length] as Pairing;
    const { seed, game } = playSimGame(scenario, bots, options.seed, i);
    games.push({ record: recordGame(seed, game), position: dealPosition(game.final), cardIds: new Set(game.final.cards.map((c) => c.card.id)) });
    options.onProgress?.(i + 1, options.games);
  }
  return report(scenario, options, games);
}

/** Where a deal's price sits between the seller's floor (0) and the buyer's ceiling (1) on the terms signed. */
function dealPosition(final: TableState): number | null {
  const outcome = final.outcome;
  if (outcome?.kind !== "deal") return null;
  const zone = zoneOn(final.scenario, final.sides, outcome.terms);
  if (zone.ceiling <= zone.floor) return null;
  return ((outcome.terms[priceIssue(final.scenario).id] as number) - zone.floor) / (zone.ceiling - zone.floor);
}

function report(scenario: Scenario, options: CalibrationOptions, games: readonly CalibrationGame[]): CalibrationReport {
  const n = games.length;
  const records = games.map((g) => g.record);
  const deals = records.filter((r) => r.outcome === "deal");
  const walks = (role: Role) => records.filter((r) => r.walkedAwayBy === role).length;
  const positions = games.flatMap((g) => (g.position === null ? [] : [g.position]));
  const splits = deals.filter((r) => r.surplus.buyer + r.surplus.seller > 0);
  const walkAway = perRole((role) => share(walks(role), n));
  const withZone = records.filter((r) => r.zopaAtDraw);
  return {
    scenario: { id: scenario.id, title: scenario.title, currency: scenario.currency },
    seed: options.seed,
    games: n,
    bots: CALIBRATION_PAIRINGS,
    zoneShare: share(withZone.length, n),
    dealRateWithZone: withZone.length === 0 ? null : share(withZone.filter((r) => r.outcome === "deal").length, withZone.length),
    walkAwayWithZone: withZone.length === 0 ? null : perRole((role) => share(withZone.filter((r) => r.walkedAwayBy === role).length, withZone.length)),
    outcomes: { deal: share(deals.length, n), walkAway, timeUp: share(n - deals.length - walks("buyer") - walks("seller"), n) },
    efficiency: deals.length === 0 ? null : { mean: fine(mean(deals.map((r) => r.efficiency))), median: fine(median(deals.map((r) => r.efficiency))) },
    zonePosition:
      positions.length === 0 ? null : { mean: fine(mean(positions)), nearMidpoint: share(positions.filter((p) => Math.abs(p - 0.5) <= MIDPOINT_BAND).length, positions.length) },
    surplusSplit: splits.length === 0 ? null : perRole((role) => fine(mean(splits.map((r) => r.surplus[role] / (r.surplus.buyer + r.surplus.seller))))),
    roundsToDeal: deals.length === 0 ? null : fine(mean(deals.map((r) => r.round))),
    cards: scenario.deck.cards.map((card) => cardFigures(card, games)),
  };
}

function cardFigures(card: Card, games: readonly CalibrationGame[]): CardFigures {
  const withCard = games.filter((g) => g.cardIds.has(card.id)).map((g) => g.record);
  const withoutCard = games.filter((g) => !g.cardIds.has(card.id)).map((g) => g.record);
  return { id: card.id, title: card.title, side: card.side, drawnShare: share(withCard.length, games.length), withCard: group(withCard), withoutCard: group(withoutCard) };
}

function group(records: readonly GameRecord[]): OutcomeGroup {
  const surplus = perRole((role) => Math.round(mean(records.map((r) => r.surplus[role]))));
  return {
    games: records.length,
    dealRate: share(records.filter((r) => r.outcome === "deal").length, records.length),
    walkAwayRate: share(records.filter((r) => r.outcome === "walkaway").length, records.length),
    joint: Math.round(mean(records.map((r) => r.surplus.buyer + r.surplus.seller))),
    surplus,
  };
}
