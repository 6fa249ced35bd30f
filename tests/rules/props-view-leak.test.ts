import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { viewFor } from "../../shared/engine/index.js";
import { openingArb, stepsArb } from "./helpers/actionArb.js";
import { leaksIn, missingForFacilitator } from "./helpers/leak.js";
import { playSteps } from "./helpers/runner.js";
import { runs } from "./helpers/runs.js";
import { sentinelScenario } from "./helpers/sentinels.js";

const scenario = sentinelScenario();

describe("viewFor leaks nothing, whatever the play (sentinel scenario × seeds × random play)", () => {
  it("players and observers never see the other side's secrets while the game runs; facilitators see them all", () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), stepsArb(30), openingArb, (drawSeed, steps, opening) => {
        const game = playSteps(scenario, "leak", steps, drawSeed, opening);
        const states = [game.initial, ...game.played.filter((p) => p.result.state !== p.before).map((p) => p.result.state)];
        for (const state of states) {
          if (state.phase === "finished") {
            const observer = viewFor(state, "observer");
            expect(observer.reveal?.walkAways).toEqual({ buyer: state.sides.buyer.walkAway, seller: state.sides.seller.walkAway });
            expect(leaksIn(observer, state, "observer", true)).toEqual([]);
            continue;
          }
          checked++;
          for (const viewer of ["buyer", "seller", "observer"] as const) expect(leaksIn(viewFor(state, viewer), state, viewer), viewer).toEqual([]);
          expect(missingForFacilitator(viewFor(state, "facilitator"), state)).toEqual([]);
        }
      }),
      { numRuns: runs(120) },
    );
    expect(checked).toBeGreaterThan(500);
  });
});
