import type { ActionOf } from "../actions.js";
import type { RuleError } from "../errors.js";
import { finish, type Step, withMessage } from "../flow.js";
import { currentRound } from "../state.js";

/** Leave the table: no deal, both sides fall back on their alternatives. */
export function walkAway(step: Step, action: ActionOf<"walk_away">): RuleError | null {
  step.emit(withMessage({ type: "walked_away", by: action.by }, action.message));
  finish(step, { kind: "walkaway", by: action.by, round: currentRound(step.state) });
  return null;
}
