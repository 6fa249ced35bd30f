import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VIEWERS, apply, createTable, viewFor } from "../../shared/engine/index.js";
import { openingArb, stepsArb } from "./helpers/actionArb.js";
import { T0 } from "./helpers/play.js";
import { playSteps } from "./helpers/runner.js";
import { runs } from "./helpers/runs.js";
import { scenarioArb } from "./helpers/scenarioArb.js";

const seedArb = fc.string({ minLength: 1, maxLength: 8 });

describe("determinism (random scenarios × seeds × random play)", () => {
  it("the same seed and the same actions give the identical state and events", () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, stepsArb(), openingArb, (scenario, seed, steps, opening) => {
        const a = playSteps(scenario, seed, steps, undefined, opening);
        const b = playSteps(scenario, seed, steps, undefined, opening);
        expect(b.final).toEqual(a.final);
        expect(b.played.map((p) => p.result)).toEqual(a.played.map((p) => p.result));
      }),
      { numRuns: runs(150) },
    );
  });

  it("replaying the recorded (action, now) log from createTable rebuilds the identical state", () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, stepsArb(), openingArb, (scenario, seed, steps, opening) => {
        const game = playSteps(scenario, seed, steps, undefined, opening);
        // A server only needs to record what changed the table: refusals must change nothing, so skipping them is safe.
        const log = game.played.filter((p) => p.result.state !== p.before).map(({ action, now }) => ({ action, now }));
        let state = createTable(scenario, seed, { now: T0, ...opening });
        for (const { action, now } of log) state = apply(state, action, now).state;
        expect(state).toEqual(game.final);
        // The events handed out one apply at a time add up to the timeline, each with its place in it.
        const handedOut = [...game.initial.timeline, ...game.played.flatMap((p) => p.result.events)];
        expect(handedOut).toEqual(game.final.timeline);
        game.final.timeline.forEach((e, i) => expect(e.seq).toBe(i));
      }),
      { numRuns: runs(200) },
    );
  });

  it("a refusal other than an interruption hands back the very same state and no events", () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, stepsArb(), openingArb, (scenario, seed, steps, opening) => {
        for (const p of playSteps(scenario, seed, steps, undefined, opening).played) {
          if (p.result.ok || p.result.error.code === "rule/not_your_turn") continue;
          expect(p.result.state).toBe(p.before);
          expect(p.result.events).toEqual([]);
        }
      }),
      { numRuns: runs(150) },
    );
  });
});

describe("plain data (random scenarios × seeds × random play)", () => {
  it("every state and every view survives JSON unchanged, as the wire and the store need", () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, stepsArb(20), openingArb, (scenario, seed, steps, opening) => {
        const { played } = playSteps(scenario, seed, steps, undefined, opening);
        const last = played.at(-1)?.result.state;
        for (const state of [played[0]?.before, last]) {
          if (!state) continue;
          expect(JSON.parse(JSON.stringify(state))).toEqual(state);
          for (const viewer of VIEWERS) {
            const view = viewFor(state, viewer);
            expect(JSON.parse(JSON.stringify(view))).toStrictEqual(view);
          }
        }
      }),
      { numRuns: runs(100) },
    );
  });
});
