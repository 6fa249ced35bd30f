import { sameTerms } from "../../../shared/engine/terms.js";
import type { ClassGame, RoundDebrief } from "../../../shared/workshop/classStats.js";
import { shortName } from "../../../shared/workshop/names.js";
import { concessionWords } from "./words.js";

/*
 * The numbers behind each debrief chart, as plain data (unit-tested without a canvas): chart.js
 * configs are built from these in charts.ts.
 */

export const tableLabel = (g: ClassGame) => `T${g.index + 1} ${g.players.seller.name} / ${g.players.buyer.name}`;

/** Characters of each name on a chart axis: two cut names and the table number fit under a bar; the tooltip has them whole. */
const TICK_NAME = 14;

/** A table under a chart's bar: each name cut short on its own, so a long one leaves the other readable. */
export const tableTick = (g: ClassGame) => `T${g.index + 1} ${shortName(g.players.seller.name, TICK_NAME)} / ${shortName(g.players.buyer.name, TICK_NAME)}`;

export type PriceChart = {
  /** Whole table labels (tooltips) and the cut ones the axis shows. */
  readonly labels: readonly string[];
  readonly ticks: readonly string[];
  /** [low, high] of each table's zone — on the deal's own terms where there was a deal, else on the best terms; the gap for a table with none. */
  readonly zones: readonly { readonly range: readonly [number, number]; readonly exists: boolean }[];
  readonly deals: readonly (number | null)[];
  readonly nash: readonly (number | null)[];
};

export function priceChart(round: RoundDebrief): PriceChart {
  return {
    labels: round.games.map(tableLabel),
    ticks: round.games.map(tableTick),
    zones: round.games.map((g) => {
      const zone = g.dealZone ?? g.zopa;
      return { range: [Math.min(zone.low, zone.high), Math.max(zone.low, zone.high)] as const, exists: zone.exists };
    }),
    deals: round.games.map((g) => g.price),
    // The Nash point belongs on a table's bar only when it is priced on the terms the bar is for.
    nash: round.games.map((g) => {
      const terms = g.dealZone ? g.terms : g.zopa.terms;
      return g.nash && terms && sameTerms(g.nash.terms, terms) ? g.nash.price : null;
    }),
  };
}

export type SurplusChart = {
  readonly points: readonly { readonly label: string; readonly x: number; readonly y: number; readonly deal: boolean }[];
  /** One Pareto frontier per distinct draw (a same-deck round has one). */
  readonly frontiers: readonly { readonly label: string; readonly points: readonly { readonly x: number; readonly y: number }[] }[];
  readonly nash: readonly { readonly label: string; readonly x: number; readonly y: number }[];
};

export function surplusChart(round: RoundDebrief): SurplusChart {
  const frontiers = new Map<string, { label: string; points: { x: number; y: number }[] }>();
  const nash = new Map<string, { label: string; x: number; y: number }>();
  for (const g of round.games) {
    if (g.pareto.length === 0) continue;
    const key = JSON.stringify(g.pareto);
    const tables = frontiers.get(key);
    if (tables) tables.label += `, T${g.index + 1}`;
    else frontiers.set(key, { label: `Pareto frontier T${g.index + 1}`, points: g.pareto.map((p) => ({ x: p.buyer, y: p.seller })) });
    if (g.nash) nash.set(key, { label: `Nash point (T${g.index + 1})`, x: g.nash.buyer, y: g.nash.seller });
  }
  return {
    points: round.games.map((g) => ({ label: tableLabel(g), x: g.surplus.buyer, y: g.surplus.seller, deal: g.outcome === "deal" })),
    frontiers: [...frontiers.values()],
    nash: [...nash.values()],
  };
}

export const OUTCOME_BUCKETS = ["Deal", "Deal below a limit", "Walked away: right", "Walked away: wrong", "Time ran out", "Ended by you", "Someone left"] as const;

export function outcomeCounts(round: RoundDebrief): number[] {
  const counts = OUTCOME_BUCKETS.map(() => 0);
  for (const g of round.games) counts[OUTCOME_BUCKETS.indexOf(bucketOf(g))]! += 1;
  return counts;
}

export function bucketOf(g: ClassGame): (typeof OUTCOME_BUCKETS)[number] {
  switch (g.outcome) {
    case "deal":
      return g.surplus.buyer < 0 || g.surplus.seller < 0 ? "Deal below a limit" : "Deal";
    case "walkaway":
      return g.walkAway?.right ? "Walked away: right" : "Walked away: wrong";
    case "expired":
      return "Time ran out";
    case "ended":
      return "Ended by you";
    case "abandoned":
      return "Someone left";
  }
}

export type ReciprocityChart = {
  readonly labels: readonly string[];
  readonly ticks: readonly string[];
  /** Per table, what the side gave up net in % of the distance between the two openings (null: the openings left no gap). */
  readonly seller: readonly (number | null)[];
  readonly buyer: readonly (number | null)[];
  /** Per table and side, the tooltip words: counts, unanswered, retractions, past the other's opening. */
  readonly details: readonly { readonly seller: string; readonly buyer: string }[];
};

/** What each side gave up net, in % of the distance between the openings, from the engine's concession figures. */
export function reciprocityChart(round: RoundDebrief): ReciprocityChart {
  const pct = (share: number | null) => (share === null ? null : Math.round(share * 100));
  return {
    labels: round.games.map(tableLabel),
    ticks: round.games.map(tableTick),
    seller: round.games.map((g) => pct(g.concessions.seller.share)),
    buyer: round.games.map((g) => pct(g.concessions.buyer.share)),
    details: round.games.map((g) => ({ seller: `Concessions: ${concessionWords(g.concessions.seller)}`, buyer: `Concessions: ${concessionWords(g.concessions.buyer)}` })),
  };
}

export type RoundsChart = { readonly labels: readonly string[]; readonly dealRate: readonly number[]; readonly efficiency: readonly (number | null)[]; readonly rightWalkAways: readonly number[] };

/** Rounds side by side: how often tables agreed, how much of the value they found, how many walk-aways were right. */
export function roundsChart(rounds: readonly RoundDebrief[]): RoundsChart {
  return {
    labels: rounds.map((r) => `Round ${r.round}: ${r.scenarioTitle}`),
    dealRate: rounds.map((r) => Math.round(r.totals.dealRate * 100)),
    efficiency: rounds.map((r) => (r.totals.meanEfficiency === null ? null : Math.round(r.totals.meanEfficiency * 100))),
    rightWalkAways: rounds.map((r) => {
      const walks = r.totals.walkAwaysRight + r.totals.walkAwaysWrong;
      return walks === 0 ? 0 : Math.round((r.totals.walkAwaysRight / walks) * 100);
    }),
  };
}
