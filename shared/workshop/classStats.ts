import { ROLES, type Role } from "../engine/roles.js";
import type { CurveResponse } from "./curveResponses.js";
import type { GameSummary } from "./summary.js";

/*
 * The class debrief: what happened across all tables of a round, and how rounds compare. Pure
 * arithmetic over finished games' summaries; the charts and the export read these numbers.
 */

/** A game as the class debrief carries it: the per-person debrief lines go only to each person. */
export type ClassGame = Omit<GameSummary, "debrief">;

export function classGame(game: ClassGame | GameSummary): ClassGame {
  if (!("debrief" in game)) return game;
  const { debrief: _personal, ...rest } = game;
  return rest;
}

export type RoundTotals = {
  readonly tables: number;
  readonly deals: number;
  /** Deals that left someone below their walk-away (a negative surplus). */
  readonly dealsBelowWalkAway: number;
  readonly walkAwaysRight: number;
  readonly walkAwaysWrong: number;
  /** Tables whose draw had a zone of agreement. */
  readonly withZopa: number;
  /** Other endings: time ran out, ended by the facilitator, abandoned. */
  readonly otherNoDeal: number;
  readonly dealRate: number;
  readonly meanEfficiency: number | null;
  readonly meanPrice: number | null;
  readonly medianPrice: number | null;
  readonly meanJoint: number | null;
  readonly meanSurplus: Record<Role, number | null>;
  readonly concessions: number;
  /** Moves back away from the other side. */
  readonly retractions: number;
  /** Concessions the other side never answered, and their share of all concessions. */
  readonly unreciprocated: number;
  readonly unreciprocatedRate: number | null;
};

export type CurveBallComparison = {
  readonly cardId: string;
  readonly title: string;
  readonly side: Role;
  /** `names` is "seller / buyer", as every table is labelled. */
  readonly answers: readonly { readonly code: string; readonly index: number; readonly names: string; readonly response: CurveResponse; readonly text: string; readonly outcome: GameSummary["outcome"] }[];
};

export type RoundDebrief = {
  readonly round: number;
  readonly scenarioTitle: string;
  readonly currency: string;
  readonly deck: "same" | "random";
  /** Games not over yet when this was computed. */
  readonly pending: number;
  readonly games: readonly ClassGame[];
  readonly totals: RoundTotals;
  readonly curveBalls: readonly CurveBallComparison[];
};

export type ClassDebrief = { readonly rounds: readonly RoundDebrief[] };

export function roundDebrief(round: number, games: readonly ClassGame[], pending: number, fallback: { scenarioTitle: string; currency: string; deck: "same" | "random" }): RoundDebrief {
  const sorted = games.map(classGame).sort((a, b) => a.index - b.index);
  const first = sorted[0];
  return {
    round,
    scenarioTitle: first?.scenarioTitle ?? fallback.scenarioTitle,
    currency: first?.currency ?? fallback.currency,
    deck: first?.deck ?? fallback.deck,
    pending,
    games: sorted,
    totals: roundTotals(sorted),
    curveBalls: compareCurveBalls(sorted),
  };
}

export function roundTotals(games: readonly ClassGame[]): RoundTotals {
  const deals = games.filter((g) => g.outcome === "deal");
  const walks = games.filter((g) => g.walkAway !== null);
  const prices = deals.map((g) => g.price as number);
  const all = games.flatMap((g) => ROLES.map((r) => g.concessions[r]));
  const concessions = sum(all.map((f) => f.concessions));
  const unreciprocated = sum(all.map((f) => f.unreciprocated));
  return {
    tables: games.length,
    deals: deals.length,
    dealsBelowWalkAway: deals.filter((g) => ROLES.some((r) => g.surplus[r] < 0)).length,
    walkAwaysRight: walks.filter((g) => g.walkAway?.right).length,
    walkAwaysWrong: walks.filter((g) => !g.walkAway?.right).length,
    withZopa: games.filter((g) => g.zopa.exists).length,
    otherNoDeal: games.length - deals.length - walks.length,
    dealRate: games.length > 0 ? round3(deals.length / games.length) : 0,
    meanEfficiency: mean(games.map((g) => g.efficiency), 3),
    meanPrice: mean(prices, 0),
    medianPrice: median(prices),
    meanJoint: mean(deals.map((g) => g.joint), 0),
    meanSurplus: { buyer: mean(deals.map((g) => g.surplus.buyer), 0), seller: mean(deals.map((g) => g.surplus.seller), 0) },
    concessions,
    retractions: sum(all.map((f) => f.retractions)),
    unreciprocated,
    unreciprocatedRate: concessions > 0 ? round3(unreciprocated / concessions) : null,
  };
}

function compareCurveBalls(games: readonly ClassGame[]): CurveBallComparison[] {
  const byCard = new Map<string, { title: string; side: Role; answers: CurveBallComparison["answers"][number][] }>();
  for (const g of games)
    for (const c of g.cards) {
      let entry = byCard.get(c.cardId);
      if (!entry) byCard.set(c.cardId, (entry = { title: c.title, side: c.side, answers: [] }));
      entry.answers.push({ code: g.code, index: g.index, names: `${g.players.seller.name} / ${g.players.buyer.name}`, response: c.response, text: c.text, outcome: g.outcome });
    }
  return [...byCard.entries()]
    .map(([cardId, e]) => ({ cardId, title: e.title, side: e.side, answers: e.answers }))
    .sort((a, b) => b.answers.length - a.answers.length || a.title.localeCompare(b.title));
}

/** Where one person's result sits among everyone who played the same role in the same round. */
export type Standing = {
  readonly role: Role;
  readonly surplus: number;
  /** 1 is the best surplus; ties share a rank. */
  readonly rank: number;
  readonly of: number;
  readonly median: number;
  readonly best: number;
  readonly dealPrice: number | null;
  readonly classMedianPrice: number | null;
  readonly classDeals: number;
  readonly classTables: number;
};

/** A participant's standing in one round, or null if they did not play a finished game in it. */
export function standingOf(participantId: string, games: readonly ClassGame[]): Standing | null {
  const mine = games.find((g) => ROLES.some((r) => g.players[r].participantId === participantId));
  if (!mine) return null;
  const role = ROLES.find((r) => mine.players[r].participantId === participantId) as Role;
  const peers = games.filter((g) => !g.players[role].bot).map((g) => g.surplus[role]);
  const surplus = mine.surplus[role];
  const prices = games.filter((g) => g.price !== null).map((g) => g.price as number);
  return {
    role,
    surplus,
    rank: 1 + peers.filter((s) => s > surplus).length,
    of: peers.length,
    median: median(peers) ?? surplus,
    best: Math.max(...peers),
    dealPrice: mine.price,
    classMedianPrice: median(prices),
    classDeals: prices.length,
    classTables: games.length,
  };
}

export function mean(values: readonly number[], digits: number): number | null {
  if (values.length === 0) return null;
  const f = 10 ** digits;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * f) / f;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : Math.round(((s[mid - 1] as number) + (s[mid] as number)) / 2);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const round3 = (n: number) => Math.round(n * 1000) / 1000;
