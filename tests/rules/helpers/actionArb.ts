import fc from "fast-check";
import { ROLES, TURN_ACTIONS, capAllows, issueValues, otherRole, type Action, type Role, type TableOptions, type TableState } from "../../../shared/engine/index.js";

/*
 * Random play. A generated step is an intent ("the side to act offers these indices", "the
 * other side tries to accept") that `resolve` turns into a concrete Action against the current
 * state, so random games get deep into their rounds instead of stalling on refusals. Resolution
 * is deterministic: the same intents on the same state give the same actions.
 */

type Who = "toAct" | "other" | Role;

export type Intent =
  /** `overCap`: ignore the offerer's own limits (otherwise the terms keep within its caps and must-haves). */
  | { readonly kind: "offer"; readonly who: Who; readonly picks: readonly number[]; readonly offGrid: boolean; readonly overCap: boolean; readonly message: string | null }
  | { readonly kind: "accept" | "walk_away"; readonly who: Who }
  | { readonly kind: "ask"; readonly who: Who; readonly pick: number }
  | { readonly kind: "note"; readonly who: Who; readonly text: string }
  | { readonly kind: "timeout" | "pause" | "resume" | "end" }
  | { readonly kind: "curveball"; readonly pick: number | null }
  | { readonly kind: "add_time"; readonly seconds: number }
  | { readonly kind: "abandon"; readonly who: Who }
  | { readonly kind: "ready"; readonly who: Who }
  | { readonly kind: "start_now" };

/** One step: an intent and how many whole seconds pass before it. */
export type Step = { readonly intent: Intent; readonly seconds: number };

const who: fc.Arbitrary<Who> = fc.oneof({ weight: 6, arbitrary: fc.constant("toAct" as const) }, { weight: 2, arbitrary: fc.constantFrom("other" as const, "buyer" as const, "seller" as const) });

const rarely = fc.integer({ min: 0, max: 19 }).map((n) => n === 0);
const message = fc.option(fc.constantFrom("Fair?", "Last offer", "Meet me halfway", "x".repeat(281)), { freq: 2 });

// Weights keep games going for several rounds: walking away, ending and abandoning are rare.
export const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 30, arbitrary: fc.record({ kind: fc.constant("offer" as const), who, picks: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), offGrid: rarely, overCap: rarely, message }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("accept" as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("walk_away" as const), who }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("ask" as const), who, pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("note" as const), who, text: fc.constantFrom("They anchored high.", "", "  ", "Ask about dates") }) },
  { weight: 8, arbitrary: fc.constant({ kind: "timeout" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "pause" as const }) },
  { weight: 4, arbitrary: fc.constant({ kind: "resume" as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("curveball" as const), pick: fc.option(fc.nat()) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("add_time" as const), seconds: fc.integer({ min: -5, max: 120 }) }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant({ kind: "end" as const }), fc.record({ kind: fc.constant("abandon" as const), who })) },
  // Refused once reading time is over, which is most of a game: kept light so play is not drowned in refusals.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("ready" as const), who }) },
  { weight: 1, arbitrary: fc.constant({ kind: "start_now" as const }) },
);

/** How a table opens: straight into play, or with reading time that some seats' "ready" may cut short. */
export type Opening = Pick<TableOptions, "preparationSeconds" | "readySeats">;

export const openingArb: fc.Arbitrary<Opening> = fc.oneof(
  fc.constant({}),
  fc.record({ preparationSeconds: fc.integer({ min: 1, max: 300 }), readySeats: fc.subarray([...ROLES]) }),
);

export const stepArb: fc.Arbitrary<Step> = fc.record({
  intent: intentArb,
  seconds: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 15 }) }, { weight: 1, arbitrary: fc.integer({ min: 15, max: 240 }) }),
});

export const stepsArb = (maxLength = 40) => fc.array(stepArb, { minLength: 1, maxLength, size: "max" });

function role(w: Who, state: TableState): Role {
  if (w === "toAct") return state.toAct;
  if (w === "other") return otherRole(state.toAct);
  return w;
}

function terms(state: TableState, by: Role, intent: Extract<Intent, { kind: "offer" }>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  state.scenario.issues.forEach((issue, i) => {
    let values = issueValues(issue);
    if (!intent.overCap) {
      const under = values.filter((v) => capAllows(state.sides[by], issue.id, v));
      if (under.length > 0) values = under;
    }
    out[issue.id] = values[(intent.picks[i] ?? 0) % values.length] as number | string;
  });
  if (intent.offGrid) out.price = (out.price as number) + 1;
  return out;
}

export function resolve(intent: Intent, state: TableState): Action {
  const { scenario } = state;
  switch (intent.kind) {
    case "offer": {
      const by = role(intent.who, state);
      const base = { type: "offer" as const, by, terms: terms(state, by, intent) };
      return intent.message === null ? base : { ...base, message: intent.message };
    }
    case "accept":
    case "walk_away":
      return { type: intent.kind, by: role(intent.who, state) };
    case "ask": {
      const ids = [...scenario.questions.map((q) => q.id), "no-such-question"];
      return { type: "ask", by: role(intent.who, state), questionId: ids[intent.pick % ids.length] as string };
    }
    case "note": {
      // Signed by the writer, so one side's note can never pass for the other's in a leak scan.
      const by = role(intent.who, state);
      return { type: "note", by, text: intent.text.trim() === "" ? intent.text : `${intent.text} (${by})` };
    }
    case "curveball": {
      if (intent.pick === null) return { type: "curveball" };
      const ids = [...scenario.deck.cards.map((c) => c.id), "no-such-card"];
      return { type: "curveball", cardId: ids[intent.pick % ids.length] as string };
    }
    case "add_time":
      return { type: "add_time", seconds: intent.seconds };
    case "abandon":
    case "ready":
      return { type: intent.kind, by: role(intent.who, state) };
    case "timeout":
    case "pause":
    case "resume":
    case "end":
    case "start_now":
      return { type: intent.kind };
  }
}

export function isTurnAction(action: Action): action is Extract<Action, { by: Role; type: (typeof TURN_ACTIONS)[number] }> {
  return (TURN_ACTIONS as readonly string[]).includes(action.type);
}
