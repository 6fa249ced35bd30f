import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_TYPES, apply, drawZone, type Action, type ActionType } from "../../shared/engine/index.js";
import { openingArb, stepsArb } from "./helpers/actionArb.js";
import { expectedSurplus } from "./helpers/oracle.js";
import { T0 } from "./helpers/play.js";
import { playSteps } from "./helpers/runner.js";
import { runs } from "./helpers/runs.js";
import { scenarioArb } from "./helpers/scenarioArb.js";

/** One well-formed action of every kind, for both sides where it has one. */
const everyAction: Action[] = ACTION_TYPES.flatMap((type: ActionType): Action[] => {
  switch (type) {
    case "offer":
      return [{ type, by: "buyer", terms: { price: 0 } }, { type, by: "seller", terms: { price: 0 } }];
    case "accept":
    case "walk_away":
    case "abandon":
    case "ready":
      return [{ type, by: "buyer" }, { type, by: "seller" }];
    case "ask":
      return [{ type, by: "buyer", questionId: "q0" }, { type, by: "seller", questionId: "q0" }];
    case "note":
      return [{ type, by: "buyer", text: "late note" }];
    case "curveball":
      return [{ type }, { type, cardId: "c0" }];
    case "add_time":
      return [{ type, seconds: 10 }];
    case "timeout":
    case "pause":
    case "resume":
    case "end":
    case "start_now":
      return [{ type }];
  }
});

describe("outcomes (random scenarios × seeds × random play)", () => {
  it("a game has exactly one outcome, and a finished game refuses every action with rule/game_over", () => {
    let finished = 0;
    fc.assert(
      fc.property(scenarioArb, fc.string({ maxLength: 6 }), stepsArb(), openingArb, (scenario, seed, steps, opening) => {
        const { final } = playSteps(scenario, seed, steps, undefined, opening);
        const overs = final.timeline.filter((e) => e.type === "game_over");
        if (final.phase !== "finished") {
          expect(overs).toEqual([]);
          expect(final.outcome).toBeNull();
          expect(final.score).toBeNull();
          return;
        }
        finished++;
        expect(overs).toHaveLength(1);
        expect(final.timeline.at(-1)).toBe(overs[0]);
        expect(overs[0]).toMatchObject({ outcome: final.outcome, score: final.score });
        for (const action of everyAction) {
          const result = apply(final, action, T0 + 10 ** 9);
          expect(result).toMatchObject({ ok: false, error: { code: "rule/game_over" } });
          expect(result.state).toBe(final);
        }
      }),
      { numRuns: runs(200) },
    );
    expect(finished).toBeGreaterThan(100);
  });

  it("every deal scores by GAME.md §2 (buyer + seller = joint); every other ending scores 0/0", () => {
    let deals = 0;
    fc.assert(
      fc.property(scenarioArb, fc.string({ maxLength: 6 }), stepsArb(), openingArb, (scenario, seed, steps, opening) => {
        const { final } = playSteps(scenario, seed, steps, undefined, opening);
        if (!final.score) return;
        const { surplus, joint, efficiency } = final.score;
        expect(surplus).toEqual(expectedSurplus(final));
        expect(joint).toBe(surplus.buyer + surplus.seller);
        const best = drawZone(final.scenario, final.sides).bestJoint;
        if (final.outcome?.kind === "deal") {
          deals++;
          expect(efficiency).toBeGreaterThanOrEqual(0);
          expect(efficiency).toBeLessThanOrEqual(1);
          // A deal both gained from cannot beat the best such deal.
          if (surplus.buyer >= 0 && surplus.seller >= 0 && best > 0) expect(joint).toBeLessThanOrEqual(best);
        } else {
          expect(surplus).toEqual({ buyer: 0, seller: 0 });
          expect(joint).toBe(0);
          expect(efficiency).toBe(best > 0 ? 0 : 1);
        }
      }),
      { numRuns: runs(200) },
    );
    expect(deals).toBeGreaterThan(20);
  });
});
