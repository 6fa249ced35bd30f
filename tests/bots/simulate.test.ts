import { describe, expect, it } from "vitest";
import { simulate } from "../../shared/sim/simulate.js";
import { formatReport } from "../../shared/sim/report.js";
import { shipped, SHIPPED } from "./helpers/scenarios.js";

describe("the simulator", () => {
  it("gives identical results for identical seeds, and different ones for another seed", () => {
    const scenario = shipped("partner-reseller");
    const options = { games: 120, buyer: "tough", seller: "tit_for_tat", seed: "same" } as const;
    const first = simulate(scenario, options);
    expect(simulate(scenario, options)).toEqual(first);
    expect(simulate(scenario, { ...options, seed: "other" }).summary).not.toEqual(first.summary);
  });

  for (const scenario of SHIPPED) {
    it(`${scenario.id}: the figures add up`, () => {
      let done = 0;
      const result = simulate(scenario, { games: 150, buyer: "firm", seller: "firm", seed: "sums" }, (n) => (done = n));
      const s = result.summary;
      expect(done).toBe(150);
      expect(s.games).toBe(150);
      expect(s.dealRate + s.walkAwayRate + s.otherEndRate).toBeCloseTo(1, 3);
      expect(s.walkAwaysBy.buyer + s.walkAwaysBy.seller).toBeCloseTo(s.walkAwayRate, 3);
      const { withCards, withoutCards } = s.curveBalls;
      expect(withCards.games + withoutCards.games).toBe(150);
      expect(s.zopaShare).toBeGreaterThan(0);
      expect(s.efficiency).toBeGreaterThan(0);
      expect(s.efficiency).toBeLessThanOrEqual(1);
      if (s.price && s.zopaMidpoint && s.priceVsMidpoint) expect(s.priceVsMidpoint.mean).toBeCloseTo(s.price.mean - s.zopaMidpoint.mean, -1);
      const report = formatReport(result);
      expect(report).toContain(scenario.id);
      expect(report).toContain("Curve balls");
    });
  }

  // Surplus left to a fixed opponent (the firm bot) by an easy, a firm and a tough bot in each role, on the same draws.
  for (const scenario of SHIPPED) {
    it(`${scenario.id}: easy leaves the other side more than firm, firm more than tough, in both roles`, () => {
      const left = (role: "buyer" | "seller", level: "easy" | "firm" | "tough") => {
        const options = role === "seller" ? { buyer: "firm" as const, seller: level } : { buyer: level, seller: "firm" as const };
        return simulate(scenario, { games: 150, seed: "order", ...options }).summary.surplus[role === "seller" ? "buyer" : "seller"];
      };
      for (const role of ["buyer", "seller"] as const) {
        const [easy, firm, tough] = (["easy", "firm", "tough"] as const).map((level) => left(role, level));
        expect(easy, `${role}: easy over firm`).toBeGreaterThan(firm as number);
        expect(firm, `${role}: firm over tough`).toBeGreaterThan(tough as number);
      }
    });
  }
});
