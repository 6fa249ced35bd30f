import type { ActionOf } from "../actions.js";
import { ruleError, type RuleError } from "../errors.js";
import { passTurn, type Step, withMessage } from "../flow.js";
import { recordOffer } from "../ledger.js";
import { withRole } from "../roles.js";
import { currentRound, type Offer } from "../state.js";
import { limitWords, termsProblem } from "../terms.js";
import { brokenCap } from "../valuation.js";

/** Put a full package on the table; it replaces the offerer's standing offer. */
export function offer(step: Step, action: ActionOf<"offer">): RuleError | null {
  const s = step.state;
  const problem = termsProblem(s.scenario, action.terms);
  if (problem) return ruleError("rule/bad_terms", problem);
  const cap = brokenCap(s.sides[action.by], action.terms);
  if (cap) return ruleError("rule/budget_cap", `${cap.label}: you cannot go ${limitWords(s.scenario, cap)}`);

  const made: Offer = withMessage({ by: action.by, terms: { ...action.terms }, turn: s.turn, round: currentRound(s), at: step.now }, action.message);
  const ledger = recordOffer(s, made, s.standing[action.by]);
  step.update({ offers: [...s.offers, made], standing: withRole(s.standing, action.by, made), ledger });
  step.emit(withMessage({ type: "offer_made", by: made.by, terms: made.terms }, made.message));
  const fresh = ledger.slice(s.ledger.length);
  if (fresh.length > 0) step.emit({ type: "concessions", by: action.by, entries: fresh });
  passTurn(step);
  return null;
}

