import { formatMoney } from "../../../shared/engine/terms.js";
import type { ScenarioProblem } from "../../../shared/engine/scenario.js";
import { CALIBRATION_BOTS_TEXT, type CalibrationReport, type OutcomeGroup } from "../../../shared/sim/calibrate.js";
import type { Verdict, VerdictLevel } from "../../../shared/sim/verdict.js";
import { percent } from "../view/labels.js";

/*
 * What the calibration panel shows, worked out from a report: the words and the bar lengths.
 * The panel only draws these, so every figure a trainer reads is tested here.
 */

/** One slice of the outcome bar; the slices' shares add up to 1. */
export type OutcomeSlice = { readonly key: "deal" | "buyer-walks" | "seller-walks" | "time-up"; readonly label: string; readonly share: number };

/** A figure with an optional bar (0..1) drawn under its words. */
export type FigureRow = { readonly label: string; readonly value: string; readonly bar: number | null };

export type VerdictRow = { readonly level: VerdictLevel; readonly label: string; readonly text: string };

export type CardRow = {
  readonly title: string;
  readonly drawn: string;
  readonly deals: string;
  readonly joint: string;
  readonly buyer: string;
  readonly seller: string;
};

export type CalibrationView = {
  readonly summary: string;
  readonly outcomes: readonly OutcomeSlice[];
  readonly figures: readonly FigureRow[];
  readonly verdicts: readonly VerdictRow[];
  readonly cards: readonly CardRow[];
};

const LEVEL_LABELS: Record<VerdictLevel, string> = { ok: "OK", warning: "Warning", problem: "Problem" };

export function calibrationView(r: CalibrationReport, found: readonly Verdict[]): CalibrationView {
  const money = (n: number) => formatMoney(n, r.scenario.currency);
  const noDeals = "no deals";
  const withWithout = (pick: (g: OutcomeGroup) => string, c: { withCard: OutcomeGroup; withoutCard: OutcomeGroup }) =>
    `${c.withCard.games === 0 ? "–" : pick(c.withCard)} with, ${c.withoutCard.games === 0 ? "–" : pick(c.withoutCard)} without`;
  return {
    summary: `${r.games.toLocaleString("en-US")} games of “${r.scenario.title}” between ${CALIBRATION_BOTS_TEXT}.`,
    outcomes: [
      { key: "deal", label: `Deal ${percent(r.outcomes.deal)}`, share: r.outcomes.deal },
      { key: "buyer-walks", label: `Buyer walks away ${percent(r.outcomes.walkAway.buyer)}`, share: r.outcomes.walkAway.buyer },
      { key: "seller-walks", label: `Seller walks away ${percent(r.outcomes.walkAway.seller)}`, share: r.outcomes.walkAway.seller },
      { key: "time-up", label: `Out of time ${percent(r.outcomes.timeUp)}`, share: r.outcomes.timeUp },
    ],
    figures: [
      { label: "Draws with a zone of agreement", value: percent(r.zoneShare), bar: r.zoneShare },
      { label: "Deals on draws with a zone", value: r.dealRateWithZone === null ? "no draw had a zone" : percent(r.dealRateWithZone), bar: r.dealRateWithZone },
      {
        label: "Walk-aways on draws with a zone (a deal was there)",
        value: r.walkAwayWithZone === null ? "no draw had a zone" : `buyer ${percent(r.walkAwayWithZone.buyer)}, seller ${percent(r.walkAwayWithZone.seller)}`,
        bar: null,
      },
      {
        label: "Efficiency of deals (share of the best joint surplus)",
        value: r.efficiency ? `${percent(r.efficiency.mean)} on average, median ${percent(r.efficiency.median)}` : noDeals,
        bar: r.efficiency?.mean ?? null,
      },
      {
        label: "Where deals land (0 at the seller's walk-away, 1 at the buyer's)",
        value: r.zonePosition ? `${r.zonePosition.mean.toFixed(2)} on average; ${percent(r.zonePosition.nearMidpoint)} near the midpoint` : noDeals,
        bar: r.zonePosition?.mean ?? null,
      },
      {
        label: "Share of the joint surplus to the buyer",
        value: r.surplusSplit ? `buyer ${percent(r.surplusSplit.buyer)}, seller ${percent(r.surplusSplit.seller)}` : noDeals,
        bar: r.surplusSplit?.buyer ?? null,
      },
      { label: "Rounds to a deal", value: r.roundsToDeal === null ? noDeals : `${r.roundsToDeal.toFixed(1)} on average`, bar: null },
    ],
    verdicts: found.map((v) => ({ level: v.level, label: LEVEL_LABELS[v.level], text: v.text })),
    cards: r.cards.map((c) => ({
      title: `${c.title} (${c.side})`,
      drawn: percent(c.drawnShare),
      deals: withWithout((g) => percent(g.dealRate), c),
      joint: withWithout((g) => money(g.joint), c),
      buyer: withWithout((g) => money(g.surplus.buyer), c),
      seller: withWithout((g) => money(g.surplus.seller), c),
    })),
  };
}

/** The progress line under the bar. */
export function progressText(done: number, total: number): string {
  return `Played ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} games…`;
}

/** Why a draft cannot be calibrated, one line a problem. */
export function problemLines(problems: readonly ScenarioProblem[]): string[] {
  return problems.map((p) => `${p.path || "(whole file)"}: ${p.message}`);
}
