import { formatMoney } from "../engine/index.js";
import type { SimResult } from "./simulate.js";
import type { GroupSummary, Spread } from "./summary.js";

/** The simulator's result as a plain-text table for a terminal. */
export function formatReport(result: SimResult): string {
  const { summary: s, scenario } = result;
  const money = (n: number) => formatMoney(n, scenario.currency);
  const signed = (n: number) => (n > 0 ? `+${money(n)}` : money(n));
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const spread = (sp: Spread | null, fmt: (n: number) => string) => (sp ? `mean ${fmt(sp.mean)}   median ${fmt(sp.median)}` : "no deals");
  const maybe = (x: number | null) => (x === null ? "n/a" : pct(x));
  const row = (label: string, value: string) => `${label.padEnd(22)}${value}`;

  const lines = [
    row("Scenario", `${scenario.id}: ${scenario.title}`),
    row("Bots", `buyer ${result.buyer} vs seller ${result.seller}, ${s.games.toLocaleString("en-US")} games, seed "${result.seed}"`),
    "",
    row("Draws with a ZOPA", pct(s.zopaShare)),
    row("Deals", `${pct(s.dealRate)}   (with a ZOPA: ${maybe(s.dealRateWithZopa)}; no deal without one: ${maybe(s.noDealRateWithoutZopa)})`),
    row("Walk-aways", `${pct(s.walkAwayRate)}   (buyer ${pct(s.walkAwaysBy.buyer)}, seller ${pct(s.walkAwaysBy.seller)})`),
    row("Other endings", pct(s.otherEndRate)),
    row("Deal price", spread(s.price, money)),
    row("ZOPA midpoint", spread(s.zopaMidpoint, money)),
    row("Price − midpoint", spread(s.priceVsMidpoint, signed)),
    row("Efficiency", `mean ${s.efficiency.toFixed(3)}`),
    row("Surplus", `buyer mean ${money(s.surplus.buyer)}   seller mean ${money(s.surplus.seller)}`),
    row(
      "Concessions",
      (["buyer", "seller"] as const)
        .map((role) => {
          const c = s.concessions[role];
          return `${role} mean ${c.count.toFixed(2)} (${pct(c.share)} of the gap, ${c.retractions.toFixed(2)} retractions)`;
        })
        .join("   "),
    ),
    row("Questions asked", `buyer mean ${s.questions.buyer.toFixed(2)}   seller mean ${s.questions.seller.toFixed(2)}`),
    row("Game length", `mean ${s.rounds.toFixed(2)} rounds, ${s.actions.toFixed(1)} actions`),
    "",
    ...curveBallTable(s.curveBalls.withCards, s.curveBalls.withoutCards, s.games, { money, signed, pct }),
  ];
  return lines.join("\n");
}

type Formats = { money: (n: number) => string; signed: (n: number) => string; pct: (x: number) => string };

function curveBallTable(withCards: GroupSummary, without: GroupSummary, games: number, f: Formats): string[] {
  const cell = (g: GroupSummary, pick: (g: GroupSummary) => string) => (g.games === 0 ? "-" : pick(g)).padEnd(18);
  const row = (label: string, pick: (g: GroupSummary) => string) => `  ${label.padEnd(20)}${cell(withCards, pick)}${cell(without, pick)}`;
  return [
    `${"Curve balls".padEnd(22)}${"with cards".padEnd(18)}${"without".padEnd(18)}`,
    `  ${"games".padEnd(20)}${`${withCards.games} (${f.pct(games === 0 ? 0 : withCards.games / games)})`.padEnd(18)}${String(without.games).padEnd(18)}`,
    row("deal rate", (g) => f.pct(g.dealRate)),
    row("walk-away rate", (g) => f.pct(g.walkAwayRate)),
    row("efficiency", (g) => g.efficiency.toFixed(3)),
    row("buyer surplus", (g) => f.money(g.surplus.buyer)),
    row("seller surplus", (g) => f.money(g.surplus.seller)),
    row("price − midpoint", (g) => (g.priceVsMidpoint ? f.signed(g.priceVsMidpoint.mean) : "no deals")),
  ].map((l) => l.trimEnd());
}
