import type { ActionOf } from "../actions.js";
import { ruleError, type RuleError } from "../errors.js";
import { finish, type Step, withMessage } from "../flow.js";
import { otherRole } from "../roles.js";
import { currentRound } from "../state.js";
import { brokenCap } from "../valuation.js";
import { limitWords } from "../terms.js";

/** Accept the other side's standing offer: the deal is struck on its terms and the game ends. */
export function accept(step: Step, action: ActionOf<"accept">): RuleError | null {
  const s = step.state;
  const standing = s.standing[otherRole(action.by)];
  if (!standing) return ruleError("rule/no_offer_to_accept", "The other side has not made an offer yet.");
  const cap = brokenCap(s.sides[action.by], standing.terms);
  if (cap) return ruleError("rule/budget_cap", `${cap.label}: you cannot accept ${limitWords(s.scenario, cap, true)}`);
  step.emit(withMessage({ type: "deal", acceptedBy: action.by, terms: standing.terms }, action.message));
  finish(step, { kind: "deal", terms: standing.terms, acceptedBy: action.by, round: currentRound(s) });
  return null;
}
