import { describe, expect, it } from "vitest";
import { netOf, netOfPackage, positionOf, priceFor } from "../../shared/bots/position.js";
import { comboOf, packageOf, packageSpace } from "../../shared/bots/space.js";
import { analyzeDraw, brokenCap, createTable, priceIssue, ROLES, termCombinations, viewFor, type HotButton, type PerRole, type SidePrivate } from "../../shared/engine/index.js";
import { zoneOf } from "../../shared/sim/zone.js";
import { trueNet, T0 } from "./helpers/moves.js";
import { SHIPPED } from "./helpers/scenarios.js";

describe("the bots' package space", () => {
  for (const scenario of SHIPPED) {
    it(`${scenario.id}: one combination per engine term combination, in the same order, round-tripping`, () => {
      const space = packageSpace(scenario.issues);
      const combos = termCombinations(scenario);
      expect(space.size).toBe(combos.length);
      combos.forEach((terms, c) => {
        expect(comboOf(space, { ...terms, price: 0 })).toBe(c);
        expect(packageOf(space, c, 123)).toEqual({ ...terms, price: 123 });
      });
    });

    it(`${scenario.id}: a bot's utility for every package is the engine's, net of the penalty`, () => {
      const state = createTable(scenario, "space", { now: T0 });
      for (const role of ROLES) {
        const pos = positionOf(viewFor(state, role), role, viewFor(state, role).sides[role]!);
        const price = scenario.issues.find((i) => i.kind === "price")!;
        for (let c = 0; c < pos.space.size; c += 7) {
          for (const p of [price.min, (price.min + price.max) / 2, price.max]) {
            const terms = packageOf(pos.space, c, p);
            expect(netOf(pos, c, p, 500)).toBe(trueNet(state, role, terms, 1) - 500);
            expect(netOfPackage(pos, terms, 500)).toBe(brokenCap(state.sides[role], terms) ? null : trueNet(state, role, terms, 1) - 500);
          }
          // The price for a target gives at least the target, within one step, unless the range runs out.
          const target = 1000;
          const p = priceFor(pos, c, target, 0);
          const net = netOf(pos, c, p, 0);
          if (p > price.min && p < pos.ceiling) {
            expect(net).toBeGreaterThanOrEqual(target);
            expect(net).toBeLessThan(target + price.step);
          }
        }
      }
    });

    it(`${scenario.id}: the simulator's ZOPA is analyzeDraw's, with and without a zone, with caps that matter`, () => {
      const price = priceIssue(scenario);
      const range = scenario.issues.find((i) => i.kind === "range");
      const cap = (issueId: string, max: number): HotButton => ({ kind: "budgetCap", id: "test-cap", label: "Cap", text: "Cap", issueId, max });
      const variants: ((s: PerRole<SidePrivate>) => PerRole<SidePrivate>)[] = [
        (s) => s,
        (s) => ({ ...s, seller: { ...s.seller, walkAway: s.buyer.walkAway + (price.max - price.min) / 2 } }),
        (s) => ({ ...s, buyer: { ...s.buyer, hotButtons: [...s.buyer.hotButtons, cap("price", s.seller.walkAway + price.step)] } }),
        (s) => ({ ...s, seller: { ...s.seller, hotButtons: [cap("price", price.min - 1)] } }),
        (s) => (range ? { ...s, seller: { ...s.seller, hotButtons: [...s.seller.hotButtons, cap(range.id, range.min)] } } : s),
      ];
      const seen = { with: 0, without: 0 };
      for (let i = 0; i < 20; i++) {
        const state = createTable(scenario, `zone:${i}`, { now: T0 });
        for (const vary of variants) {
          const sides = vary(state.sides);
          const engine = analyzeDraw(scenario, sides);
          const zone = zoneOf(scenario, sides);
          expect(zone).toEqual({ exists: engine.zopaExists, low: engine.zopa.low, high: engine.zopa.high, mid: (engine.zopa.low + engine.zopa.high) / 2 });
          seen[zone.exists ? "with" : "without"]++;
        }
      }
      expect(seen.with).toBeGreaterThan(20);
      expect(seen.without).toBeGreaterThan(20);
    });
  }
});
