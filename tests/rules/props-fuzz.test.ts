import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_TYPES, RULE_ERROR_CODES, apply, type Action, type TableState } from "../../shared/engine/index.js";
import { openingArb, stepsArb } from "./helpers/actionArb.js";
import { T0 } from "./helpers/play.js";
import { playSteps } from "./helpers/runner.js";
import { runs } from "./helpers/runs.js";
import { scenarioArb } from "./helpers/scenarioArb.js";

/*
 * The engine's callers validate at the edge, but a bug there must not crash a room: apply gets
 * every action type with arbitrary values in every field it reads, and must answer, not throw.
 */

const anyValue = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }),
  fc.constantFrom("buyer", "seller", "facilitator", "", "__proto__", "constructor", "toString", Number.NaN, Infinity, -0, null, undefined),
);
const fieldsOf: Record<string, readonly string[]> = {
  offer: ["by", "terms", "message"],
  accept: ["by", "message"],
  ask: ["by", "questionId", "message"],
  walk_away: ["by", "message"],
  note: ["by", "text"],
  timeout: [],
  curveball: ["cardId"],
  pause: [],
  resume: [],
  add_time: ["seconds"],
  end: [],
  abandon: ["by"],
  ready: ["by"],
  start_now: [],
};

const fuzzedAction: fc.Arbitrary<Action> = fc
  .tuple(fc.constantFrom(...ACTION_TYPES), fc.array(anyValue, { minLength: 3, maxLength: 3 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }))
  .map(([type, values, keep]) => {
    const action: Record<string, unknown> = { type };
    (fieldsOf[type] ?? []).forEach((field, i) => {
      if (keep[i]) action[field] = values[i];
    });
    return action as Action;
  });

const fuzzedTerms: fc.Arbitrary<Action> = fc
  .tuple(fc.constantFrom("buyer", "seller"), fc.dictionary(fc.constantFrom("price", "i0", "i1", "__proto__", "constructor", "x"), anyValue))
  .map(([by, terms]) => ({ type: "offer", by, terms }) as Action);

/** Mostly a sane clock, sometimes any double at all (NaN and infinities included). */
const nowArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: T0, max: T0 + 10 ** 7 }) }, { weight: 1, arbitrary: fc.double() });

function checkAnswer(state: TableState, action: Action, now: number): void {
  const result = apply(state, action, now);
  if (result.ok) return;
  expect(RULE_ERROR_CODES).toContain(result.error.code);
  expect(typeof result.error.message).toBe("string");
  if (result.error.code !== "rule/not_your_turn") expect(result.state).toBe(state);
}

describe("apply never throws (fuzz)", () => {
  it("on any action type with arbitrary field values (or no action at all), at any time, at any point of a random game", () => {
    fc.assert(
      fc.property(scenarioArb, stepsArb(20), fc.array(fc.tuple(fc.oneof(fuzzedAction, fuzzedTerms, anyValue.map((v) => v as Action)), nowArb), { minLength: 1, maxLength: 8 }), openingArb, (scenario, steps, fuzz, opening) => {
        const { played } = playSteps(scenario, "fuzz", steps, undefined, opening);
        const states = [played[0]?.before, ...played.map((p) => p.result.state)].filter((s): s is TableState => s !== undefined);
        for (const [i, [action, now]] of fuzz.entries()) checkAnswer(states[(i * 7) % states.length] as TableState, action, now);
      }),
      { numRuns: runs(400) },
    );
  });
});
