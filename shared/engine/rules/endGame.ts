import type { ActionOf } from "../actions.js";
import type { RuleError } from "../errors.js";
import { finish, type Step } from "../flow.js";
import { currentRound } from "../state.js";

/** The facilitator ends the round for this table: no deal, and nobody walked away. */
export function end(step: Step): RuleError | null {
  finish(step, { kind: "ended", round: currentRound(step.state) });
  return null;
}

/** A player left for good: no deal, recorded as abandoned, never as a walk-away. */
export function abandon(step: Step, action: ActionOf<"abandon">): RuleError | null {
  finish(step, { kind: "abandoned", by: action.by, round: currentRound(step.state) });
  return null;
}
