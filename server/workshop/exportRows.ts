import type { GameEvent } from "../../shared/engine/events.js";
import type { GameSummary } from "../../shared/workshop/summary.js";

/*
 * The workshop export as rows: one per game (results) and one per event (the full log), with a
 * fixed column order so a spreadsheet built on one export works on the next. Money is in whole
 * currency units, efficiency 0..1, times ISO 8601 (UTC).
 */

export const RESULT_COLUMNS = [
  "workshop",
  "round",
  "table",
  "table_number",
  "scenario",
  "deck",
  "draw_seed",
  "buyer",
  "seller",
  "buyer_is_bot",
  "seller_is_bot",
  "outcome",
  "ended_by",
  "ended_in_round",
  "last_round",
  "price",
  "terms",
  "buyer_walk_away",
  "seller_walk_away",
  "zopa_exists",
  "zopa_low",
  "zopa_high",
  "zopa_terms",
  "zopa_cut_by",
  "deal_zone_low",
  "deal_zone_high",
  "buyer_surplus",
  "seller_surplus",
  "buyer_penalties",
  "seller_penalties",
  "joint_surplus",
  "best_joint_surplus",
  "efficiency",
  "nash_price",
  "walk_away_verdict",
  "buyer_concessions",
  "seller_concessions",
  "buyer_retractions",
  "seller_retractions",
  "buyer_concession_money",
  "seller_concession_money",
  "buyer_concession_share_of_gap",
  "seller_concession_share_of_gap",
  "buyer_past_their_opening",
  "seller_past_their_opening",
  "buyer_unreciprocated",
  "seller_unreciprocated",
  "buyer_questions",
  "seller_questions",
  "buyer_interruptions",
  "seller_interruptions",
  "offers",
  "curve_balls",
  "started_at",
  "finished_at",
] as const;

export type ResultRow = Record<(typeof RESULT_COLUMNS)[number], string | number | boolean | null>;

const iso = (ms: number) => new Date(ms).toISOString();

export function resultRow(workshop: string, g: GameSummary): ResultRow {
  return {
    workshop,
    round: g.round,
    table: g.code,
    table_number: g.index + 1,
    scenario: g.scenarioId,
    deck: g.deck,
    draw_seed: g.drawSeed,
    buyer: g.players.buyer.name,
    seller: g.players.seller.name,
    buyer_is_bot: g.players.buyer.bot,
    seller_is_bot: g.players.seller.bot,
    outcome: g.outcome,
    ended_by: g.endedBy,
    ended_in_round: g.endedInRound,
    last_round: g.lastRound,
    price: g.price,
    terms: g.terms ? JSON.stringify(g.terms) : null,
    buyer_walk_away: g.walkAways.buyer,
    seller_walk_away: g.walkAways.seller,
    zopa_exists: g.zopa.exists,
    zopa_low: g.zopa.low,
    zopa_high: g.zopa.high,
    zopa_terms: JSON.stringify(g.zopa.terms),
    zopa_cut_by: g.zopa.cutBy,
    deal_zone_low: g.dealZone?.low ?? null,
    deal_zone_high: g.dealZone?.high ?? null,
    buyer_surplus: g.surplus.buyer,
    seller_surplus: g.surplus.seller,
    buyer_penalties: g.penalties.buyer,
    seller_penalties: g.penalties.seller,
    joint_surplus: g.joint,
    best_joint_surplus: g.bestJoint,
    efficiency: g.efficiency,
    nash_price: g.nash?.price ?? null,
    walk_away_verdict: g.walkAway ? `${g.walkAway.right ? "right" : "wrong"}:${g.walkAway.reason}` : null,
    // Money is each side's own, net of retractions; the share is of the distance between the two
    // openings (null when there was none) and passes 1 only past the other side's opening.
    buyer_concessions: g.concessions.buyer.concessions,
    seller_concessions: g.concessions.seller.concessions,
    buyer_retractions: g.concessions.buyer.retractions,
    seller_retractions: g.concessions.seller.retractions,
    buyer_concession_money: g.concessions.buyer.money,
    seller_concession_money: g.concessions.seller.money,
    buyer_concession_share_of_gap: g.concessions.buyer.share === null ? null : Math.round(g.concessions.buyer.share * 1000) / 1000,
    seller_concession_share_of_gap: g.concessions.seller.share === null ? null : Math.round(g.concessions.seller.share * 1000) / 1000,
    buyer_past_their_opening: g.concessions.buyer.pastTheirOpening,
    seller_past_their_opening: g.concessions.seller.pastTheirOpening,
    buyer_unreciprocated: g.concessions.buyer.unreciprocated,
    seller_unreciprocated: g.concessions.seller.unreciprocated,
    buyer_questions: g.questions.buyer,
    seller_questions: g.questions.seller,
    buyer_interruptions: g.interruptions.buyer,
    seller_interruptions: g.interruptions.seller,
    offers: g.offers,
    curve_balls: g.cards.map((c) => c.cardId).join(" "),
    started_at: iso(g.startedAt),
    finished_at: iso(g.finishedAt),
  };
}

export const LOG_COLUMNS = ["workshop", "round", "table", "seq", "at", "game_round", "turn", "type", "by", "audience", "detail"] as const;
export type LogRow = Record<(typeof LOG_COLUMNS)[number], string | number | null>;

/** Every event of one game, as a facilitator sees it after the end (notes included). */
export function logRows(workshop: string, round: number, table: string, timeline: readonly GameEvent[]): LogRow[] {
  return timeline.map((e) => {
    const { seq, at, round: gameRound, turn, audience, type, ...detail } = e;
    const by = "by" in e ? e.by : "acceptedBy" in e ? e.acceptedBy : "to" in e ? e.to : null;
    return { workshop, round, table, seq, at: iso(at), game_round: gameRound, turn, type, by, audience, detail: JSON.stringify(detail) };
  });
}
