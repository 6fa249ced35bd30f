import { perRole, type PerRole } from "../engine/index.js";
import type { GameRecord } from "./record.js";

/** Mean and median of a sample (null for an empty one). */
export type Spread = { readonly mean: number; readonly median: number };

/** How a group of games went: used for all games with and without curve balls. */
export type GroupSummary = {
  readonly games: number;
  readonly dealRate: number;
  readonly walkAwayRate: number;
  readonly efficiency: number;
  readonly surplus: PerRole<number>;
  /** Deal price minus the ZOPA midpoint, over deals. */
  readonly priceVsMidpoint: Spread | null;
};

export type SimSummary = {
  readonly games: number;
  /** Share of draws (walk-aways as drawn, before any card) that leave a zone of possible agreement. */
  readonly zopaShare: number;
  readonly dealRate: number;
  readonly walkAwayRate: number;
  readonly walkAwaysBy: PerRole<number>;
  /** Games that ran out of rounds or ended any other way than a deal or a walk-away. */
  readonly otherEndRate: number;
  /** Deal rate over the draws that had a ZOPA; walk-away rate over those that had none. */
  readonly dealRateWithZopa: number | null;
  readonly noDealRateWithoutZopa: number | null;
  readonly price: Spread | null;
  readonly zopaMidpoint: Spread | null;
  readonly priceVsMidpoint: Spread | null;
  readonly efficiency: number;
  readonly surplus: PerRole<number>;
  readonly concessions: PerRole<{ readonly count: number; readonly retractions: number; readonly share: number }>;
  readonly questions: PerRole<number>;
  readonly rounds: number;
  readonly actions: number;
  readonly curveBalls: { readonly withCards: GroupSummary; readonly withoutCards: GroupSummary };
};

export const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const spread = (xs: readonly number[]): Spread | null => (xs.length === 0 ? null : { mean: money(mean(xs)), median: money(median(xs)) });
/** part ÷ whole to four places (0 for an empty whole). */
export const share = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);
const money = (n: number): number => Math.round(n);
/** To three places: rates and efficiencies as the reports print them. */
export const fine = (n: number): number => Math.round(n * 1000) / 1000;

function group(records: readonly GameRecord[]): GroupSummary {
  const deals = records.filter((r) => r.outcome === "deal");
  return {
    games: records.length,
    dealRate: share(deals.length, records.length),
    walkAwayRate: share(records.filter((r) => r.outcome === "walkaway").length, records.length),
    efficiency: fine(mean(records.map((r) => r.efficiency))),
    surplus: perRole((role) => money(mean(records.map((r) => r.surplus[role])))),
    priceVsMidpoint: spread(deals.map((r) => (r.price as number) - r.zopa.mid)),
  };
}

export function summarize(records: readonly GameRecord[]): SimSummary {
  const n = records.length;
  const deals = records.filter((r) => r.outcome === "deal");
  const walks = records.filter((r) => r.outcome === "walkaway");
  const withZopa = records.filter((r) => r.zopaAtDraw);
  const withoutZopa = records.filter((r) => !r.zopaAtDraw);
  return {
    games: n,
    zopaShare: share(withZopa.length, n),
    dealRate: share(deals.length, n),
    walkAwayRate: share(walks.length, n),
    walkAwaysBy: perRole((role) => share(walks.filter((r) => r.walkedAwayBy === role).length, n)),
    otherEndRate: share(n - deals.length - walks.length, n),
    dealRateWithZopa: withZopa.length === 0 ? null : share(withZopa.filter((r) => r.outcome === "deal").length, withZopa.length),
    noDealRateWithoutZopa: withoutZopa.length === 0 ? null : share(withoutZopa.filter((r) => r.outcome !== "deal").length, withoutZopa.length),
    price: spread(deals.map((r) => r.price as number)),
    zopaMidpoint: spread(deals.map((r) => r.zopa.mid)),
    priceVsMidpoint: spread(deals.map((r) => (r.price as number) - r.zopa.mid)),
    efficiency: fine(mean(records.map((r) => r.efficiency))),
    surplus: perRole((role) => money(mean(records.map((r) => r.surplus[role])))),
    concessions: perRole((role) => ({
      count: fine(mean(records.map((r) => r.concessions[role].count))),
      retractions: fine(mean(records.map((r) => r.concessions[role].retractions))),
      share: fine(mean(records.map((r) => r.concessions[role].share))),
    })),
    questions: perRole((role) => fine(mean(records.map((r) => r.questions[role])))),
    rounds: fine(mean(records.map((r) => r.round))),
    actions: fine(mean(records.map((r) => r.actions))),
    curveBalls: { withCards: group(records.filter((r) => r.cards > 0)), withoutCards: group(records.filter((r) => r.cards === 0)) },
  };
}
