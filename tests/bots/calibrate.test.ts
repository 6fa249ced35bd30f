import { describe, expect, it } from "vitest";
import type { Scenario } from "../../shared/engine/index.js";
import { calibrate, CALIBRATION_PAIRINGS } from "../../shared/sim/calibrate.js";
import { verdicts } from "../../shared/sim/verdict.js";
import { calm, shipped, SHIPPED } from "./helpers/scenarios.js";

/* Calibration on the shipped scenarios and on drafts made to fail one way. */

const GAMES = 180;

/** Backup appliance with the seller's walk-away range moved (a draft a trainer might write). */
function withSellerRange(min: number, max: number): Scenario {
  const base = calm(shipped("backup-appliance"));
  return { ...base, roles: { ...base.roles, seller: { ...base.roles.seller, walkAway: { min, max, step: 250 } } } };
}

/** Calm backup appliance whose only card, drawn at about half the tables, takes the buyer's room away. */
function withCrushingCard(): Scenario {
  const base = calm(shipped("backup-appliance"));
  const card = {
    id: "budget-freeze",
    title: "Budget freeze",
    text: "Finance freezes the budget: your walk-away drops by {by}.",
    visibility: "private" as const,
    side: "buyer" as const,
    effect: { kind: "shiftWalkAway" as const, by: -6000 },
  };
  return { ...base, deck: { firstRound: 2, chancePerRound: 0.12, maxCards: 1, cards: [card] } };
}

describe("calibration", () => {
  it("gives the same report for the same seed, and another for another seed", () => {
    const scenario = shipped("partner-reseller");
    const first = calibrate(scenario, { games: 90, seed: "same" });
    expect(calibrate(scenario, { games: 90, seed: "same" })).toEqual(first);
    expect(calibrate(scenario, { games: 90, seed: "other" })).not.toEqual(first);
  });

  for (const scenario of SHIPPED) {
    it(`${scenario.id}: the figures are plausible and add up`, () => {
      const heard: number[] = [];
      const r = calibrate(scenario, { games: GAMES, seed: "sums", onProgress: (done, total) => heard.push(done / total) });
      expect(heard).toHaveLength(GAMES);
      expect(heard.at(-1)).toBe(1);
      expect(r.games).toBe(GAMES);
      expect(r.bots).toEqual(CALIBRATION_PAIRINGS);
      expect(r.zoneShare).toBeGreaterThan(0);
      expect(r.zoneShare).toBeLessThanOrEqual(1);
      const { deal, walkAway, timeUp } = r.outcomes;
      expect(deal + walkAway.buyer + walkAway.seller + timeUp).toBeCloseTo(1, 3);
      expect(r.efficiency?.mean).toBeGreaterThan(0);
      expect(r.efficiency?.median).toBeLessThanOrEqual(1);
      expect(r.zonePosition?.mean).toBeGreaterThanOrEqual(0);
      expect(r.zonePosition?.mean).toBeLessThanOrEqual(1);
      expect((r.surplusSplit?.buyer ?? 0) + (r.surplusSplit?.seller ?? 0)).toBeCloseTo(1, 2);
      expect(r.roundsToDeal).toBeGreaterThanOrEqual(1);
      expect(r.roundsToDeal).toBeLessThanOrEqual(scenario.rounds);
      expect(r.cards.map((c) => c.id)).toEqual(scenario.deck.cards.map((c) => c.id));
      for (const c of r.cards) {
        expect(c.withCard.games + c.withoutCard.games).toBe(GAMES);
        expect(c.drawnShare).toBeCloseTo(c.withCard.games / GAMES, 3);
      }
      expect(verdicts(r).length).toBeGreaterThan(0);
    });
  }

  it("plays every pairing of easy, firm and tough in turn", () => {
    expect(CALIBRATION_PAIRINGS).toHaveLength(9);
    expect(new Set(CALIBRATION_PAIRINGS.map((p) => `${p.buyer}/${p.seller}`)).size).toBe(9);
  });

  it("finds no zone and no deal when the seller needs more than any buyer may pay, and says so", () => {
    const r = calibrate(withSellerRange(40_000, 42_000), { games: 45, seed: "apart" });
    expect(r.zoneShare).toBe(0);
    expect(r.outcomes.deal).toBe(0);
    expect(r.dealRateWithZone).toBeNull();
    expect(r.efficiency).toBeNull();
    expect(verdicts(r)).toContainEqual({ level: "problem", text: "No zone on 100 % of draws: the walk-away ranges barely overlap. Move them closer together." });
  });

  it("finds a zone on every draw when the ranges overlap whatever is drawn, and the bots take those deals", () => {
    const r = calibrate(withSellerRange(15_000, 16_000), { games: 90, seed: "overlap" });
    expect(r.zoneShare).toBe(1);
    expect(r.dealRateWithZone).toBeGreaterThan(0.9);
    expect(r.cards).toEqual([]);
  });

  it("places deals in the zone as the surplus splits, when no pressure costs either side anything", () => {
    // Without hot buttons, the seller's surplus is price − floor and the zone is ceiling − floor: the same ratio.
    const r = calibrate(calm(shipped("partner-reseller")), { games: 90, seed: "split" });
    expect(r.zonePosition?.mean).toBeCloseTo(r.surplusSplit?.seller ?? -1, 2);
    expect(r.zonePosition?.nearMidpoint).toBeGreaterThanOrEqual(0);
    expect(r.zonePosition?.nearMidpoint).toBeLessThanOrEqual(1);
  });

  it("shows a card that takes the buyer's room away costing deals, and names it in a verdict", () => {
    const r = calibrate(withCrushingCard(), { games: 180, seed: "card" });
    const [card] = r.cards;
    expect(card?.title).toBe("Budget freeze");
    expect(card?.withCard.games).toBeGreaterThan(40);
    expect(card?.withCard.dealRate).toBeLessThan((card?.withoutCard.dealRate ?? 0) - 0.3);
    expect(card?.withCard.walkAwayRate).toBeGreaterThan(card?.withoutCard.walkAwayRate ?? 1);
    expect(verdicts(r).some((v) => v.level !== "ok" && v.text.startsWith("Card 'Budget freeze' turns"))).toBe(true);
  });

  it("refuses a run of no games", () => {
    expect(() => calibrate(shipped("backup-appliance"), { games: 0, seed: "x" })).toThrow(RangeError);
  });
});
