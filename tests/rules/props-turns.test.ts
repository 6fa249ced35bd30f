import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { otherRole } from "../../shared/engine/index.js";
import { isTurnAction, openingArb, stepsArb } from "./helpers/actionArb.js";
import { playSteps } from "./helpers/runner.js";
import { runs } from "./helpers/runs.js";
import { scenarioArb } from "./helpers/scenarioArb.js";

describe("turns (random scenarios × seeds × random play)", () => {
  it("only the side to act changes anything with a turn action; out of turn only counts an interruption", () => {
    let outOfTurn = 0;
    fc.assert(
      fc.property(scenarioArb, fc.string({ maxLength: 6 }), stepsArb(), openingArb, (scenario, seed, steps, opening) => {
        for (const { before, action, result } of playSteps(scenario, seed, steps, undefined, opening).played) {
          if (!isTurnAction(action) || before.phase !== "playing") continue;
          if (action.by === before.toAct) {
            if (result.ok) expect(result.state.phase === "finished" || result.state.toAct === otherRole(action.by)).toBe(true);
            continue;
          }
          outOfTurn++;
          expect(result.ok).toBe(false);
          if (result.ok) continue;
          expect(result.error.code).toBe("rule/not_your_turn");
          const { interruptions, timeline, ...rest } = result.state;
          const { interruptions: was, timeline: wasTimeline, ...restBefore } = before;
          expect(rest).toEqual(restBefore);
          expect(interruptions[action.by]).toBe(was[action.by] + 1);
          expect(interruptions[otherRole(action.by)]).toBe(was[otherRole(action.by)]);
          expect(timeline.slice(0, -1)).toEqual(wasTimeline);
          expect(timeline.at(-1)).toMatchObject({ type: "interruption", by: action.by, attempted: action.type });
        }
      }),
      { numRuns: runs(200) },
    );
    // The property must have met the case it is about, many times over.
    expect(outOfTurn).toBeGreaterThan(60);
  });

  it("the turn counter and the side to act only move together, one turn at a time, while rounds stay within the deadline", () => {
    fc.assert(
      fc.property(scenarioArb, fc.string({ maxLength: 6 }), stepsArb(), openingArb, (scenario, seed, steps, opening) => {
        for (const { before, result } of playSteps(scenario, seed, steps, undefined, opening).played) {
          const after = result.state;
          expect(after.turn - before.turn === 0 || after.turn - before.turn === 1).toBe(true);
          if (after.turn !== before.turn) expect(after.toAct).toBe(otherRole(before.toAct));
          else expect(after.toAct).toBe(before.toAct);
          expect(Math.floor(after.turn / 2) + 1).toBeLessThanOrEqual(after.lastRound);
          expect(after.turnEndsAt === null).toBe(after.phase !== "playing");
          expect(after.pausedRemainingMs === null).toBe(after.phase !== "paused");
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it("reading time: no move is taken, no turn passes, and the first turn's whole clock starts the moment it ends", () => {
    let ended = 0;
    let refusedMoves = 0;
    fc.assert(
      fc.property(scenarioArb, fc.string({ maxLength: 6 }), stepsArb(), openingArb, (scenario, seed, steps, opening) => {
        for (const { before, action, now, result } of playSteps(scenario, seed, steps, undefined, opening).played) {
          const after = result.state;
          expect(after.phase === "preparing").toBe(after.preparation !== null && after.preparation.endsAt !== null);
          if (!before.preparation) {
            // Reading time never comes back once over.
            expect(after.preparation).toBeNull();
            continue;
          }
          expect(after.turn).toBe(0);
          if (isTurnAction(action)) {
            refusedMoves++;
            expect(result).toMatchObject({ ok: false, error: { code: before.phase === "paused" ? "rule/paused" : "rule/preparing" } });
            expect(after).toBe(before);
          }
          if (after.phase === "playing") {
            ended++;
            expect(after.turnEndsAt).toBe(now + after.turnMs);
            expect(after.toAct).toBe(scenario.firstMover);
          }
        }
      }),
      { numRuns: runs(200) },
    );
    expect(ended).toBeGreaterThan(30);
    expect(refusedMoves).toBeGreaterThan(30);
  });
});
