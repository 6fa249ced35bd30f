import { describe, expect, it } from "vitest";
import type { CalibrationReport, CardFigures, OutcomeGroup } from "../../shared/sim/calibrate.js";
import { verdicts, type Verdict } from "../../shared/sim/verdict.js";

/* The verdict rules on made-up reports: each case changes the figures one rule reads. */

const group = (games: number, dealRate: number): OutcomeGroup => ({
  games,
  dealRate,
  walkAwayRate: 1 - dealRate,
  joint: 5000,
  surplus: { buyer: 2500, seller: 2500 },
});

const card = (title: string, withGames: number, withDeals: number, withoutDeals: number): CardFigures => ({
  id: title.toLowerCase().replace(/\W+/g, "-"),
  title,
  side: "buyer",
  drawnShare: withGames / 500,
  withCard: group(withGames, withDeals),
  withoutCard: group(500 - withGames, withoutDeals),
});

/** A report every rule finds balanced: 80 % deals, 15 % of draws without a zone, deals spread out, even split. */
const BALANCED: CalibrationReport = {
  scenario: { id: "draft", title: "A draft", currency: "USD" },
  seed: "s",
  games: 500,
  bots: [{ buyer: "firm", seller: "firm" }],
  zoneShare: 0.85,
  dealRateWithZone: 0.9,
  walkAwayWithZone: { buyer: 0.05, seller: 0.05 },
  outcomes: { deal: 0.8, walkAway: { buyer: 0.1, seller: 0.1 }, timeUp: 0 },
  efficiency: { mean: 0.85, median: 0.9 },
  zonePosition: { mean: 0.5, nearMidpoint: 0.3 },
  surplusSplit: { buyer: 0.5, seller: 0.5 },
  roundsToDeal: 4,
  cards: [card("Budget freeze", 100, 0.75, 0.81)],
};

const cases: [string, Partial<CalibrationReport>, Verdict[]][] = [
  ["a balanced report", {}, [{ level: "ok", text: "Balanced: 80 % of games end in a deal, 15 % of draws have no zone, and deals spread across the zone. Ready for class." }]],
  [
    "deals nearly always, most at the midpoint",
    { outcomes: { deal: 0.98, walkAway: { buyer: 0.01, seller: 0.01 }, timeUp: 0 }, zonePosition: { mean: 0.5, nearMidpoint: 0.7 }, dealRateWithZone: 1 },
    [{ level: "problem", text: "Too easy: 98 % of games end in a deal, most at the midpoint. Widen the gap between the walk-away ranges or add a cap." }],
  ],
  [
    "deals nearly always, spread across the zone",
    { outcomes: { deal: 0.96, walkAway: { buyer: 0.02, seller: 0.02 }, timeUp: 0 }, dealRateWithZone: 1 },
    [{ level: "warning", text: "Almost every game ends in a deal (96 %): walking away is never the right call. Let the walk-away ranges miss each other on some draws if that is part of the lesson." }],
  ],
  [
    "most deals at the midpoint, with walk-aways",
    { zonePosition: { mean: 0.5, nearMidpoint: 0.55 } },
    [{ level: "warning", text: "Split the difference: 55 % of deals land at the midpoint of the zone. Give the sides different pressures so where a deal lands depends on how they negotiate." }],
  ],
  [
    "no zone on most draws",
    { zoneShare: 0.4, outcomes: { deal: 0.36, walkAway: { buyer: 0.32, seller: 0.32 }, timeUp: 0 } },
    [{ level: "problem", text: "No zone on 60 % of draws: the walk-away ranges barely overlap. Move them closer together." }],
  ],
  [
    "no zone on a third of draws",
    { zoneShare: 0.67, outcomes: { deal: 0.6, walkAway: { buyer: 0.2, seller: 0.2 }, timeUp: 0 } },
    [{ level: "warning", text: "No zone on 33 % of draws: many tables can only walk away. Fine if walking away is the lesson; otherwise move the walk-away ranges closer." }],
  ],
  [
    "deals missed on half the draws with a zone",
    { dealRateWithZone: 0.5, outcomes: { deal: 0.45, walkAway: { buyer: 0.2, seller: 0.2 }, timeUp: 0.15 } },
    [{ level: "problem", text: "Deals are missed: 50 % of the draws that had a zone ended without a deal. Check that the pressures and cards leave both sides room to agree." }],
  ],
  [
    "sellers walking away from deals that were there far more often than buyers",
    { outcomes: { deal: 0.5, walkAway: { buyer: 0.05, seller: 0.45 }, timeUp: 0 }, dealRateWithZone: 0.55, walkAwayWithZone: { buyer: 0.03, seller: 0.42 } },
    [
      { level: "problem", text: "Deals are missed: 45 % of the draws that had a zone ended without a deal. Check that the pressures and cards leave both sides room to agree." },
      { level: "problem", text: "One-sided: on draws with a zone, sellers walk away from 42 % of games, buyers from 3 %. The seller's walk-away range or pressures leave it too little." },
    ],
  ],
  [
    "buyers walking away often, but mostly where no deal was possible (walking away was right)",
    { outcomes: { deal: 0.47, walkAway: { buyer: 0.4, seller: 0.13 }, timeUp: 0 }, zoneShare: 0.72, dealRateWithZone: 0.78, walkAwayWithZone: { buyer: 0.15, seller: 0.07 } },
    [],
  ],
  [
    "buyers walking away often, but not twice as often as sellers",
    { outcomes: { deal: 0.4, walkAway: { buyer: 0.3, seller: 0.3 }, timeUp: 0 }, zoneShare: 0.75, dealRateWithZone: 0.8 },
    [],
  ],
  [
    "a surplus split that favours the buyer",
    { surplusSplit: { buyer: 0.72, seller: 0.28 } },
    [{ level: "warning", text: "Deals favour the buyer: buyers take 72 % of the joint surplus on average. Check that the pressures and cards weigh on both sides." }],
  ],
  [
    "a card that costs a third of the deals",
    { cards: [card("Budget freeze", 150, 0.5, 0.8)] },
    [{ level: "warning", text: "Card 'Budget freeze' turns 38 % of deals into no deal: 50 % of games with it end in a deal, 80 % without it." }],
  ],
  [
    "a card that costs most of the deals",
    { cards: [card("Budget freeze", 150, 0.2, 0.8)] },
    [{ level: "problem", text: "Card 'Budget freeze' turns 75 % of deals into no deal: 20 % of games with it end in a deal, 80 % without it." }],
  ],
  ["a card drawn too rarely to judge", { cards: [card("Budget freeze", 12, 0, 0.8)] }, []],
  [
    "a card never drawn",
    { cards: [card("Budget freeze", 0, 0, 0.8)] },
    [{ level: "warning", text: "Card 'Budget freeze' never came up in 500 games: check the deck's first round, chance per round and card limit." }],
  ],
];

describe("calibration verdicts", () => {
  for (const [what, change, expected] of cases)
    it(`on ${what}`, () => {
      const found = verdicts({ ...BALANCED, ...change });
      expect(found).toEqual(expected.length > 0 ? expected : [{ level: "ok", text: expect.stringMatching(/^Balanced: /) }]);
    });

  it("lists problems before warnings, and adds a caution on a small run", () => {
    const found = verdicts({ ...BALANCED, games: 60, zoneShare: 0.3, surplusSplit: { buyer: 0.2, seller: 0.8 }, outcomes: { deal: 0.3, walkAway: { buyer: 0.35, seller: 0.35 }, timeUp: 0 } });
    expect(found.map((v) => v.level)).toEqual(["problem", "warning", "warning"]);
    expect(found.at(-1)?.text).toBe("Only 60 games: these shares can move by several points. Run more games for a firmer reading.");
  });

  it("says nothing about where deals land or how surplus splits when there were no deals", () => {
    const found = verdicts({ ...BALANCED, zoneShare: 0, dealRateWithZone: null, outcomes: { deal: 0, walkAway: { buyer: 0.5, seller: 0.5 }, timeUp: 0 }, efficiency: null, zonePosition: null, surplusSplit: null, roundsToDeal: null, cards: [] });
    expect(found).toEqual([{ level: "problem", text: "No zone on 100 % of draws: the walk-away ranges barely overlap. Move them closer together." }]);
  });
});
