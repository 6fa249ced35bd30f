import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeDraw, createTable, sameTerms, termsProblem } from "../../shared/engine/index.js";
import { allPackages, signable, utilityOf } from "./helpers/oracle.js";
import { T0 } from "./helpers/play.js";
import { runs } from "./helpers/runs.js";
import { scenarioArb } from "./helpers/scenarioArb.js";

type Point = { buyer: number; seller: number };
const dominates = (a: Point, b: Point) => a.buyer >= b.buyer && a.seller >= b.seller && (a.buyer > b.buyer || a.seller > b.seller);

describe("analyzeDraw against brute force (random scenarios × draws)", () => {
  it("zone of agreement, best joint surplus, Pareto frontier and Nash point", () => {
    let withZopa = 0;
    let withoutZopa = 0;
    fc.assert(
      fc.property(scenarioArb, fc.string({ maxLength: 6 }), (scenario, drawSeed) => {
        const { sides } = createTable(scenario, "t", { now: T0, drawSeed });
        const a = analyzeDraw(scenario, sides);
        const points = allPackages(scenario).filter((terms) => signable(sides, terms)).map((terms) => ({
          terms,
          buyer: utilityOf(scenario, "buyer", sides.buyer, terms),
          seller: utilityOf(scenario, "seller", sides.seller, terms),
        }));
        const acceptable = points.filter((p) => p.buyer >= 0 && p.seller >= 0);

        expect(a.exists).toBe(acceptable.length > 0);
        expect(a.bestJoint).toBe(acceptable.length > 0 ? Math.max(...acceptable.map((p) => p.buyer + p.seller)) : 0);
        if (a.exists) {
          // The zone is exactly the prices both could sign with a gain on its terms, and its terms are the best.
          const onTerms = acceptable.filter((p) => sameTerms(p.terms, a.zone.terms)).map((p) => p.terms.price as number);
          expect([a.zone.low, a.zone.high]).toEqual([Math.min(...onTerms), Math.max(...onTerms)]);
          expect(a.zone.joint).toBe(a.bestJoint);
        } else {
          expect([a.zone.low, a.zone.high]).toEqual([null, null]);
          expect(a.noZone).not.toBeNull();
        }
        if (acceptable.length > 0) withZopa++;
        else withoutZopa++;

        for (const f of a.pareto) {
          expect(termsProblem(scenario, f.terms)).toBeNull();
          expect(f.buyer).toBe(utilityOf(scenario, "buyer", sides.buyer, f.terms));
          expect(f.seller).toBe(utilityOf(scenario, "seller", sides.seller, f.terms));
          expect(f.buyer >= 0 && f.seller >= 0).toBe(true);
          expect(acceptable.some((p) => dominates(p, f))).toBe(false);
        }
        // Nothing acceptable is left off the frontier unless a frontier point is at least as good for both.
        for (const p of acceptable) expect(a.pareto.some((f) => f.buyer >= p.buyer && f.seller >= p.seller)).toBe(true);
        for (let i = 1; i < a.pareto.length; i++) {
          expect(a.pareto[i]!.buyer).toBeGreaterThan(a.pareto[i - 1]!.buyer);
          expect(a.pareto[i]!.seller).toBeLessThan(a.pareto[i - 1]!.seller);
        }

        if (acceptable.length === 0) expect(a.nash).toBeNull();
        else {
          const nash = a.nash!;
          expect(nash.buyer >= 0 && nash.seller >= 0).toBe(true);
          expect(termsProblem(scenario, nash.terms)).toBeNull();
          const best = Math.max(...acceptable.map((p) => p.buyer * p.seller));
          expect(nash.buyer * nash.seller).toBe(best);
          expect(a.pareto.some((f) => f.buyer === nash.buyer && f.seller === nash.seller) || best === 0).toBe(true);
        }
      }),
      { numRuns: runs(300) },
    );
    expect(withZopa).toBeGreaterThan(30);
    expect(withoutZopa).toBeGreaterThan(30);
  });
});
