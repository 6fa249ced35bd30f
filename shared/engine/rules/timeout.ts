import { ruleError, type RuleError } from "../errors.js";
import { passTurn, type Step } from "../flow.js";
import { preparationTimeout } from "./prepare.js";

/** The turn timer ran out: the turn passes and the standing offers stay as they are. While preparing, reading time ends. */
export function timeout(step: Step): RuleError | null {
  const s = step.state;
  if (s.phase === "paused") return ruleError("rule/paused", "The game is paused.");
  if (s.phase === "preparing") return preparationTimeout(step);
  if (s.turnEndsAt === null || step.now < s.turnEndsAt) return ruleError("rule/timer_not_expired", "The turn still has time left.");
  step.emit({ type: "turn_timed_out", by: s.toAct });
  passTurn(step);
  return null;
}
