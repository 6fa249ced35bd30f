import { describe, expect, it } from "vitest";
import { netOf, netOfPackage, positionOf, priceFor } from "../../shared/bots/position.js";
import { comboOf, packageOf, packageSpace } from "../../shared/bots/space.js";
import { brokenCap, createTable, ROLES, termCombinations, viewFor } from "../../shared/engine/index.js";
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
  }
});
