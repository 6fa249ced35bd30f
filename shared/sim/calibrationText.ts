import { formatMoney } from "../engine/index.js";
import { CALIBRATION_BOTS_TEXT, type CalibrationReport, type OutcomeGroup } from "./calibrate.js";
import type { Verdict } from "./verdict.js";

const LEVEL_WORDS: Record<Verdict["level"], string> = { ok: "OK", warning: "WARNING", problem: "PROBLEM" };

/** A calibration report and its verdicts as plain text for a terminal. */
export function formatCalibration(r: CalibrationReport, found: readonly Verdict[]): string {
  const money = (n: number) => formatMoney(n, r.scenario.currency);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const maybe = <T>(x: T | null, show: (x: T) => string) => (x === null ? "no deals" : show(x));
  const row = (label: string, value: string) => `${label.padEnd(24)}${value}`;
  const group = (g: OutcomeGroup) =>
    g.games === 0 ? "-" : `${g.games} games, deals ${pct(g.dealRate)}, walk-aways ${pct(g.walkAwayRate)}, joint ${money(g.joint)} (buyer ${money(g.surplus.buyer)}, seller ${money(g.surplus.seller)})`;
  return [
    row("Scenario", `${r.scenario.id}: ${r.scenario.title}`),
    row("Games", `${r.games.toLocaleString("en-US")}, seed "${r.seed}", ${CALIBRATION_BOTS_TEXT}`),
    "",
    row("Draws with a zone", pct(r.zoneShare)),
    row("Deals", `${pct(r.outcomes.deal)}   (on draws with a zone: ${r.dealRateWithZone === null ? "n/a" : pct(r.dealRateWithZone)})`),
    row(
      "Walk-aways",
      `buyer ${pct(r.outcomes.walkAway.buyer)}   seller ${pct(r.outcomes.walkAway.seller)}` +
        (r.walkAwayWithZone ? `   (on draws with a zone: buyer ${pct(r.walkAwayWithZone.buyer)}, seller ${pct(r.walkAwayWithZone.seller)})` : ""),
    ),
    row("Out of time", pct(r.outcomes.timeUp)),
    row("Efficiency of deals", maybe(r.efficiency, (e) => `mean ${pct(e.mean)}   median ${pct(e.median)}`)),
    row("Where deals land", maybe(r.zonePosition, (p) => `mean ${p.mean.toFixed(2)} (0 seller's floor, 1 buyer's ceiling); ${pct(p.nearMidpoint)} at the midpoint`)),
    row("Surplus split", maybe(r.surplusSplit, (s) => `buyer ${pct(s.buyer)}   seller ${pct(s.seller)}`)),
    row("Rounds to a deal", maybe(r.roundsToDeal, (n) => `mean ${n.toFixed(1)}`)),
    "",
    "Cards",
    ...r.cards.flatMap((c) => [
      `  ${c.title} (${c.side}), drawn in ${pct(c.drawnShare)} of games`,
      `    with it:    ${group(c.withCard)}`,
      `    without it: ${group(c.withoutCard)}`,
    ]),
    ...(r.cards.length === 0 ? ["  (the deck is empty)"] : []),
    "",
    "Verdict",
    ...found.map((v) => `  ${LEVEL_WORDS[v.level].padEnd(9)}${v.text}`),
  ].join("\n");
}
