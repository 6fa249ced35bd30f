import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/engine/scenario.js";
import type { CalibrationReport } from "../../shared/sim/calibrate.js";
import { boundedGames, CALIBRATION_GAMES, runCalibration, type CalibrateMessage } from "../../client/src/studio/calibrateJob.js";
import { calibrationView, problemLines, progressText } from "../../client/src/studio/calibrationView.js";

/* The studio's calibration: the worker's job run in node, and the panel's view-model. */

const ROOT = resolve(import.meta.dirname, "../..");
const shippedDocument = (id: string): unknown => JSON.parse(readFileSync(resolve(ROOT, `shared/scenarios/${id}.json`), "utf8"));

function run(document: unknown, games: number): CalibrateMessage[] {
  const messages: CalibrateMessage[] = [];
  runCalibration({ document, games }, (m) => messages.push(m));
  return messages;
}

describe("the calibration worker's job", () => {
  it("plays a valid draft, reporting progress up to the end and then the report with its verdicts", () => {
    const messages = run(shippedDocument("backup-appliance"), 40);
    const progress = messages.filter((m) => m.kind === "progress");
    expect(progress.map((m) => m.done)).toEqual([...progress.map((m) => m.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ kind: "progress", done: 40, total: 40 });
    const last = messages.at(-1);
    if (last?.kind !== "report") throw new Error(`ended with ${last?.kind}`);
    expect(last.report.games).toBe(40);
    expect(last.report.scenario.id).toBe("backup-appliance");
    expect(last.verdicts.length).toBeGreaterThan(0);
  });

  it("gives the same report for the same draft twice (one seed for every run)", () => {
    const doc = shippedDocument("partner-reseller");
    expect(run(doc, 20).at(-1)).toEqual(run(doc, 20).at(-1));
  });

  it("sends back every problem of an invalid draft and plays nothing", () => {
    const draft = { ...(shippedDocument("backup-appliance") as object), id: "Bad Id", rounds: 0, title: "" };
    const parsed = parseScenario(draft);
    if (parsed.ok) throw new Error("the draft parsed");
    expect(run(draft, 40)).toEqual([{ kind: "invalid", problems: parsed.error }]);
    expect(parsed.error.length).toBeGreaterThan(1);
  });

  const bounds: [string, number, number][] = [
    ["too few games", 3, CALIBRATION_GAMES.min],
    ["too many games", 50_000, CALIBRATION_GAMES.max],
    ["a fraction", 120.4, 120],
    ["an empty field (NaN)", Number.NaN, CALIBRATION_GAMES.initial],
  ];
  for (const [what, typed, expected] of bounds) it(`keeps ${what} inside the bounds`, () => expect(boundedGames(typed)).toBe(expected));
});

const REPORT: CalibrationReport = {
  scenario: { id: "draft", title: "The <b>new</b> case", currency: "EUR" },
  seed: "studio",
  games: 200,
  bots: [{ buyer: "firm", seller: "firm" }],
  zoneShare: 0.85,
  dealRateWithZone: 0.9,
  walkAwayWithZone: { buyer: 0.06, seller: 0.04 },
  outcomes: { deal: 0.765, walkAway: { buyer: 0.15, seller: 0.085 }, timeUp: 0 },
  efficiency: { mean: 0.82, median: 0.9 },
  zonePosition: { mean: 0.46, nearMidpoint: 0.3 },
  surplusSplit: { buyer: 0.55, seller: 0.45 },
  roundsToDeal: 4.25,
  cards: [
    {
      id: "freeze",
      title: "Budget freeze",
      side: "buyer",
      drawnShare: 0.2,
      withCard: { games: 40, dealRate: 0.5, walkAwayRate: 0.5, joint: 2500, surplus: { buyer: 1000, seller: 1500 } },
      withoutCard: { games: 160, dealRate: 0.83, walkAwayRate: 0.17, joint: 6000, surplus: { buyer: 3500, seller: 2500 } },
    },
    {
      id: "never",
      title: "Never drawn",
      side: "seller",
      drawnShare: 0,
      withCard: { games: 0, dealRate: 0, walkAwayRate: 0, joint: 0, surplus: { buyer: 0, seller: 0 } },
      withoutCard: { games: 200, dealRate: 0.765, walkAwayRate: 0.235, joint: 5300, surplus: { buyer: 3000, seller: 2300 } },
    },
  ],
};

describe("the calibration panel's view-model", () => {
  const view = calibrationView(REPORT, [{ level: "warning", text: "Card 'Budget freeze' turns 40 % of deals into no deal." }]);

  it("splits the outcome bar into deals and each side's walk-aways, adding up to the whole", () => {
    expect(view.outcomes.map((o) => [o.key, o.label])).toEqual([
      ["deal", "Deal 77 %"],
      ["buyer-walks", "Buyer walks away 15 %"],
      ["seller-walks", "Seller walks away 9 %"],
      ["time-up", "Out of time 0 %"],
    ]);
    expect(view.outcomes.reduce((sum, o) => sum + o.share, 0)).toBeCloseTo(1, 6);
  });

  it("says what was played, with the draft's title as given", () => {
    expect(view.summary).toBe("200 games of “The <b>new</b> case” between bots at easy, firm and tough on each side, all 9 pairings in turn.");
  });

  it("words each figure and draws a bar only for shares", () => {
    expect(view.figures).toEqual([
      { label: "Draws with a zone of agreement", value: "85 %", bar: 0.85 },
      { label: "Deals on draws with a zone", value: "90 %", bar: 0.9 },
      { label: "Walk-aways on draws with a zone (a deal was there)", value: "buyer 6 %, seller 4 %", bar: null },
      { label: "Efficiency of deals (share of the best joint surplus)", value: "82 % on average, median 90 %", bar: 0.82 },
      { label: "Where deals land (0 at the seller's walk-away, 1 at the buyer's)", value: "0.46 on average; 30 % near the midpoint", bar: 0.46 },
      { label: "Share of the joint surplus to the buyer", value: "buyer 55 %, seller 45 %", bar: 0.55 },
      { label: "Rounds to a deal", value: "4.3 on average", bar: null },
    ]);
  });

  it("says 'no deals' instead of figures that need deals", () => {
    const none = calibrationView({ ...REPORT, dealRateWithZone: null, walkAwayWithZone: null, efficiency: null, zonePosition: null, surplusSplit: null, roundsToDeal: null }, []);
    expect(none.figures.map((f) => f.value)).toEqual(["85 %", "no draw had a zone", "no draw had a zone", "no deals", "no deals", "no deals", "no deals"]);
    expect(none.figures.filter((f) => f.bar !== null).map((f) => f.label)).toEqual(["Draws with a zone of agreement"]);
  });

  it("labels verdicts by level", () => {
    expect(view.verdicts).toEqual([{ level: "warning", label: "Warning", text: "Card 'Budget freeze' turns 40 % of deals into no deal." }]);
  });

  it("sets each card's outcomes with it against without it, in the draft's currency", () => {
    expect(view.cards).toEqual([
      { title: "Budget freeze (buyer)", drawn: "20 %", deals: "50 % with, 83 % without", joint: "€2,500 with, €6,000 without", buyer: "€1,000 with, €3,500 without", seller: "€1,500 with, €2,500 without" },
      { title: "Never drawn (seller)", drawn: "0 %", deals: "– with, 77 % without", joint: "– with, €5,300 without", buyer: "– with, €3,000 without", seller: "– with, €2,300 without" },
    ]);
  });

  it("words progress and problems", () => {
    expect(progressText(1200, 2000)).toBe("Played 1,200 of 2,000 games…");
    expect(problemLines([{ path: "", message: "must be an object" }, { path: "rounds", message: "too small" }])).toEqual(["(whole file): must be an object", "rounds: too small"]);
  });
});
