import type { GameEvent } from "../../shared/engine/events.js";
import { otherRole, ROLES, type Role } from "../../shared/engine/roles.js";
import type { Issue } from "../../shared/engine/scenario.js";
import type { Package } from "../../shared/engine/state.js";
import type { GameSummary } from "../../shared/workshop/summary.js";

/*
 * The workshop export as rows: one per game (results), one per person per game (participants)
 * and one per event (the full log). The fixed columns keep their order from one export to the
 * next, so a spreadsheet built on one works on the next; a scenario's terms follow them, one
 * column per issue in the scenario's order. Money is in whole currency units, shares are
 * percentages (45 for 45 %, columns ending in _pct), times ISO 8601 (UTC).
 */

export const RESULT_COLUMNS = [
  "workshop",
  "round",
  "table",
  "table_number",
  "scenario",
  "scenario_version",
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
  "buyer_walk_away",
  "seller_walk_away",
  "zopa_exists",
  "zopa_low",
  "zopa_high",
  "zopa_cut_by",
  "deal_zone_low",
  "deal_zone_high",
  "buyer_surplus",
  "seller_surplus",
  "buyer_penalties",
  "seller_penalties",
  "joint_surplus",
  "best_joint_surplus",
  "efficiency_pct",
  "nash_price",
  "walk_away_verdict",
  "buyer_concessions",
  "seller_concessions",
  "buyer_retractions",
  "seller_retractions",
  "buyer_concession_money",
  "seller_concession_money",
  "buyer_concession_pct_of_gap",
  "seller_concession_pct_of_gap",
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

type Cell = string | number | boolean | null;
/** The fixed columns, then a scenario's term columns (termColumns). */
export type ResultRow = Record<(typeof RESULT_COLUMNS)[number], Cell> & Readonly<Record<string, Cell>>;

const iso = (ms: number) => new Date(ms).toISOString();

/** A share (0.45) as a percentage with one decimal (45), as a spreadsheet reader expects it. */
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/**
 * The term columns of the scenarios in an export, each issue but price (it has its column):
 * the deal's terms (term_support) then the terms the zone of agreement is priced on
 * (zopa_term_support). Scenarios in the order given, issues in scenario order; an issue id two
 * scenarios share is one column.
 */
export function termColumns(scenarios: readonly (readonly Issue[])[]): string[] {
  const ids = [...new Set(scenarios.flatMap((issues) => issues.filter((i) => i.kind !== "price").map((i) => i.id)))];
  return [...ids.map((id) => `term_${id}`), ...ids.map((id) => `zopa_term_${id}`)];
}

/** An option by its label (what the briefs say), a range by its number. */
function termValue(issue: Issue, value: number | string | undefined): Cell {
  if (value === undefined) return null;
  return issue.kind === "options" ? (issue.options.find((o) => o.id === value)?.label ?? String(value)) : value;
}

function termCells(issues: readonly Issue[], prefix: string, terms: Package | null): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const issue of issues) if (issue.kind !== "price") cells[`${prefix}${issue.id}`] = terms ? termValue(issue, terms[issue.id]) : null;
  return cells;
}

/** One game's row; `issues` are its scenario's (the library version the round played), for the term columns. */
export function resultRow(workshop: string, g: GameSummary, issues: readonly Issue[], scenarioVersion: number): ResultRow {
  return {
    workshop,
    round: g.round,
    table: g.code,
    table_number: g.index + 1,
    scenario: g.scenarioId,
    scenario_version: scenarioVersion,
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
    buyer_walk_away: g.walkAways.buyer,
    seller_walk_away: g.walkAways.seller,
    zopa_exists: g.zopa.exists,
    zopa_low: g.zopa.low,
    zopa_high: g.zopa.high,
    zopa_cut_by: g.zopa.cutBy,
    deal_zone_low: g.dealZone?.low ?? null,
    deal_zone_high: g.dealZone?.high ?? null,
    buyer_surplus: g.surplus.buyer,
    seller_surplus: g.surplus.seller,
    buyer_penalties: g.penalties.buyer,
    seller_penalties: g.penalties.seller,
    joint_surplus: g.joint,
    best_joint_surplus: g.bestJoint,
    efficiency_pct: pct(g.efficiency),
    nash_price: g.nash?.price ?? null,
    walk_away_verdict: g.walkAway ? `${g.walkAway.right ? "right" : "wrong"}:${g.walkAway.reason}` : null,
    // Money is each side's own, net of retractions; the share is of the distance between the two
    // openings (null when there was none) and passes 100 only past the other side's opening.
    buyer_concessions: g.concessions.buyer.concessions,
    seller_concessions: g.concessions.seller.concessions,
    buyer_retractions: g.concessions.buyer.retractions,
    seller_retractions: g.concessions.seller.retractions,
    buyer_concession_money: g.concessions.buyer.money,
    seller_concession_money: g.concessions.seller.money,
    buyer_concession_pct_of_gap: pct(g.concessions.buyer.share),
    seller_concession_pct_of_gap: pct(g.concessions.seller.share),
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
    ...termCells(issues, "term_", g.terms),
    ...termCells(issues, "zopa_term_", g.zopa.terms),
  };
}

export const PARTICIPANT_COLUMNS = [
  "workshop",
  "round",
  "table",
  "table_number",
  "scenario",
  "participant",
  "name",
  "role",
  "opponent",
  "opponent_is_bot",
  "outcome",
  "ended_by",
  "price",
  "surplus",
  "penalties",
  "walk_away",
  "walked_away",
  "walk_away_verdict",
  "zopa_exists",
  "zopa_low",
  "zopa_high",
  "efficiency_pct",
  "concessions",
  "retractions",
  "unreciprocated",
  "concession_money",
  "concession_pct_of_gap",
  "past_their_opening",
  "questions",
  "interruptions",
  "finished_at",
] as const;
export type ParticipantRow = Record<(typeof PARTICIPANT_COLUMNS)[number], Cell>;

/** One row per person at a game (a bot's seat has none), from that person's side of the table. */
export function participantRows(workshop: string, g: GameSummary): ParticipantRow[] {
  return ROLES.flatMap((role: Role) => {
    const me = g.players[role];
    if (me.bot || me.participantId === null) return [];
    const them = g.players[otherRole(role)];
    const c = g.concessions[role];
    const walked = g.walkAway?.by === role ? g.walkAway : null;
    return [
      {
        workshop,
        round: g.round,
        table: g.code,
        table_number: g.index + 1,
        scenario: g.scenarioId,
        participant: me.participantId,
        name: me.name,
        role,
        opponent: them.name,
        opponent_is_bot: them.bot,
        outcome: g.outcome,
        ended_by: g.endedBy === null ? null : g.endedBy === role ? "self" : "opponent",
        price: g.price,
        surplus: g.surplus[role],
        penalties: g.penalties[role],
        walk_away: g.walkAways[role],
        walked_away: walked !== null,
        walk_away_verdict: walked ? `${walked.right ? "right" : "wrong"}:${walked.reason}` : null,
        zopa_exists: g.zopa.exists,
        zopa_low: g.zopa.low,
        zopa_high: g.zopa.high,
        efficiency_pct: pct(g.efficiency),
        concessions: c.concessions,
        retractions: c.retractions,
        unreciprocated: c.unreciprocated,
        concession_money: c.money,
        concession_pct_of_gap: pct(c.share),
        past_their_opening: c.pastTheirOpening,
        questions: g.questions[role],
        interruptions: g.interruptions[role],
        finished_at: iso(g.finishedAt),
      },
    ];
  });
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
