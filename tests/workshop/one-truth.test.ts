import { describe, expect, it } from "vitest";
import { revealOf } from "../../client/src/view/reveal.js";
import { priceChart } from "../../client/src/workshop/chartData.js";
import { BOT_TACTICS, tacticProfile } from "../../shared/bots/profiles.js";
import {
  analyzeTable,
  brokenCap,
  createTable,
  debrief,
  drawZone,
  formatMoney,
  priceIssue,
  ROLES,
  zoneBand,
  type PerRole,
  type PriceZone,
  type Scenario,
  type SidePrivate,
  type TableState,
} from "../../shared/engine/index.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { playGame } from "../../shared/sim/play.js";
import { roundDebrief } from "../../shared/workshop/classStats.js";
import { summarizeGame } from "../../shared/workshop/summary.js";
import { tileOf } from "../../shared/workshop/tile.js";
import { resultRow } from "../../server/workshop/exportRows.js";
import { zoneBandOfDraw } from "../../server/tables/tileSnapshot.js";
import { clientView, contextFor } from "../client/helpers/tables.js";
import { utilityOf } from "../rules/helpers/oracle.js";
import { parseOrThrow } from "../rules/helpers/fixture.js";
import { readFileSync } from "node:fs";

/*
 * "One analysis, one truth": every zone Parley shows is one a deal could be signed in, and the
 * reveal, each player's debrief, the facilitator's grid tile, the class debrief, its chart and
 * the export all carry the same zone, deal, surpluses and efficiency for the same game. The
 * utilities are recomputed by the test's own oracle, not the engine's.
 */

/** A trainer's case in the format's newer shapes (listed values, labels for ids, wants, relative cards), beside the shipped ones. */
const trainerCase = (file: string): Scenario => parseOrThrow(JSON.parse(readFileSync(new URL(`../rules/fixtures/${file}`, import.meta.url), "utf8")));
const cases = [...Object.values(SCENARIOS), trainerCase("lab-service.json"), trainerCase("venue-booking.json")];
const DRAWS = 2_000;
const GAMES = 150;

/** Every price in the zone is on the offer grid, inside the range, under every cap, and leaves both sides at or above their walk-away. */
function expectSignable(scenario: Scenario, sides: PerRole<SidePrivate>, zone: PriceZone, label: string): void {
  const price = priceIssue(scenario);
  const low = zone.low as number;
  const high = zone.high as number;
  expect(low, label).toBeLessThanOrEqual(high);
  expect((low - price.min) % price.step, label).toBe(0);
  expect((high - price.min) % price.step, label).toBe(0);
  expect(low, label).toBeGreaterThanOrEqual(price.min);
  expect(high, label).toBeLessThanOrEqual(price.max);
  for (const p of [low, high]) {
    const terms = { ...zone.terms, price: p };
    for (const role of ROLES) {
      expect(brokenCap(sides[role], terms), `${label}: ${role}'s cap at ${p}`).toBeNull();
      expect(utilityOf(scenario, role, sides[role], terms), `${label}: ${role} at ${p}`).toBeGreaterThanOrEqual(0);
    }
  }
  // And nothing signable lies just outside it.
  for (const p of [low - price.step, high + price.step]) {
    if (p < price.min || p > price.max) continue;
    const terms = { ...zone.terms, price: p };
    const fine = ROLES.every((role) => !brokenCap(sides[role], terms) && utilityOf(scenario, role, sides[role], terms) >= 0);
    expect(fine, `${label}: ${p} is signable but outside the zone`).toBe(false);
  }
}

describe("every zone shown is signable", () => {
  it.each(cases.map((s) => [s.id, s] as const))("%s: 2,000 seeded draws", (_id, scenario) => {
    let withZone = 0;
    for (let i = 0; i < DRAWS; i++) {
      const { sides } = createTable(scenario, "truth", { now: 0, drawSeed: `draw-${i}` });
      const draw = drawZone(scenario, sides);
      if (!draw.exists) {
        expect([draw.zone.low, draw.zone.high]).toEqual([null, null]);
        expect(draw.noZone).not.toBeNull();
        expect(draw.bestJoint).toBe(0);
        continue;
      }
      withZone++;
      expectSignable(scenario, sides, draw.zone, `${scenario.id} draw-${i}`);
      expect(draw.bestJoint).toBe(draw.zone.ceiling - draw.zone.floor);
    }
    expect(withZone).toBeGreaterThan(DRAWS / 2);
  });
});

type Played = { readonly seed: string; readonly state: TableState };

function botGames(scenario: Scenario): Played[] {
  return Array.from({ length: GAMES }, (_, i) => {
    const seed = `truth-${scenario.id}-${i}`;
    const buyer = tacticProfile(BOT_TACTICS[i % BOT_TACTICS.length] as (typeof BOT_TACTICS)[number], `${seed}-b`);
    const seller = tacticProfile(BOT_TACTICS[Math.floor(i / BOT_TACTICS.length) % BOT_TACTICS.length] as (typeof BOT_TACTICS)[number], `${seed}-s`);
    return { seed, state: playGame({ scenario, seed, buyer, seller }).final };
  });
}

/** "$17,200" → 17200; "−$500" → −500. */
const amount = (text: string) => (text.startsWith("−") ? -1 : 1) * Number(text.replace(/[^0-9]/g, ""));

describe("every screen, line and export carries the same figures", () => {
  it.each(cases.map((s) => [s.id, s] as const))("%s: bot games through reveal, debrief, tile, class debrief, chart and export", (_id, scenario) => {
    const games = botGames(scenario);
    const money = (n: number) => formatMoney(n, scenario.currency);
    let deals = 0;
    for (const { seed, state } of games) {
      const analysis = analyzeTable(state);
      const score = state.score!;
      const outcome = state.outcome!;
      const band = zoneBand(scenario, analysis.zone);
      const price = outcome.kind === "deal" ? (outcome.terms.price as number) : null;
      if (analysis.exists) expectSignable(scenario, state.sides, analysis.zone, seed);
      const zoneWords = analysis.exists ? (analysis.zone.low === analysis.zone.high ? `only at ${money(band.low)}` : `from ${money(band.low)} to ${money(band.high)}`) : null;

      // The reveal, for every viewer.
      let dealBand: { exists: boolean; low: number; high: number } | null = null;
      for (const viewer of ["observer", "buyer", "seller", "facilitator"] as const) {
        const r = revealOf(clientView(state, viewer), contextFor())!;
        expect(r.zone.exists, seed).toBe(analysis.exists);
        if (zoneWords) expect(r.zone.text, seed).toContain(`any price ${zoneWords}`);
        expect(r.surplus.map((s) => [s.role, s.amount])).toEqual([
          ["seller", score.surplus.seller],
          ["buyer", score.surplus.buyer],
        ]);
        expect(r.efficiency).toBe(`${Math.round(score.efficiency * 100)} %`);
        expect([r.joint, r.bestJoint]).toEqual([score.joint, analysis.bestJoint]);
        expect(r.deal?.price ?? null).toBe(price);
        if (price === null) expect(r.line.band).toEqual(band);
        else {
          dealBand = r.line.band;
          // A deal both sides gained from is drawn inside the zone of its own terms.
          if (score.surplus.buyer >= 0 && score.surplus.seller >= 0) {
            expect(r.line.band.exists, seed).toBe(true);
            expect(price, seed).toBeGreaterThanOrEqual(r.line.band.low);
            expect(price, seed).toBeLessThanOrEqual(r.line.band.high);
          }
        }
      }

      // Each player's debrief quotes the same zone and the same surplus.
      for (const role of ROLES) {
        const lines = debrief(state, role);
        for (const l of lines)
          for (const m of l.text.matchAll(/any price (from \S+ to \S+|only at \S+)(?= worked)/g)) expect(m[1], `${seed} ${role} ${l.lesson}`).toBe(zoneWords);
        if (outcome.kind === "deal") {
          const walk = lines.find((l) => l.lesson === "walk-away")!.text;
          const last = [...walk.matchAll(/(\S*\d[\d,]*) (better|worse)(?: in the end)?\./g)].at(-1)!;
          expect(amount(last[1]!) * (last[2] === "worse" ? -1 : 1), `${seed} ${role}: ${walk}`).toBe(score.surplus[role]);
        }
      }

      // The facilitator's grid tile.
      const seats = { buyer: { name: "B", bot: true, connected: true }, seller: { name: "S", bot: true, connected: true } };
      const tile = tileOf({ code: "T1", index: 0, state, started: true, seats, zopa: zoneBandOfDraw(state), now: state.timeline.at(-1)!.at });
      expect(tile.zopa).toEqual(band);
      expect(tile.deal).toBe(price);
      expect(tile.dealZone).toEqual(dealBand);

      // The class debrief, its price chart and the export row.
      const meta = { round: 1, code: "T1", index: 0, deck: "same" as const, players: { buyer: { participantId: "b", name: "B", bot: false }, seller: { participantId: "s", name: "S", bot: false } } };
      const summary = summarizeGame(state, analysis, meta);
      expect(summary.zopa).toMatchObject(band);
      expect(summary.dealZone).toEqual(dealBand);
      expect([summary.price, summary.surplus, summary.joint, summary.bestJoint, summary.efficiency]).toEqual([price, score.surplus, score.joint, analysis.bestJoint, score.efficiency]);
      const round = roundDebrief(1, [summary], 0, { scenarioTitle: scenario.title, currency: scenario.currency, deck: "same" });
      expect(round.totals.meanEfficiency).toBe(score.efficiency);
      expect(round.totals.withZopa).toBe(analysis.exists ? 1 : 0);
      if (price !== null) expect(round.totals.meanSurplus).toEqual(score.surplus);
      const chart = priceChart(round);
      const shown = dealBand ?? band;
      expect(chart.zones[0]).toEqual({ range: [Math.min(shown.low, shown.high), Math.max(shown.low, shown.high)], exists: shown.exists });
      expect(chart.deals[0]).toBe(price);
      const row = resultRow("W1", summary, scenario.issues, 1);
      expect([row.zopa_exists, row.zopa_low, row.zopa_high]).toEqual([band.exists, band.low, band.high]);
      expect([row.deal_zone_low, row.deal_zone_high]).toEqual([dealBand?.low ?? null, dealBand?.high ?? null]);
      expect([row.price, row.buyer_surplus, row.seller_surplus, row.joint_surplus, row.best_joint_surplus, row.efficiency_pct]).toEqual([
        price,
        score.surplus.buyer,
        score.surplus.seller,
        score.joint,
        analysis.bestJoint,
        Math.round(score.efficiency * 1000) / 10,
      ]);
      if (price !== null) deals++;
    }
    expect(deals).toBeGreaterThan(GAMES / 4);
  });
});
