import type { ActionOf } from "../actions.js";
import { ruleError, type RuleError } from "../errors.js";
import type { Step } from "../flow.js";

export const MAX_ADDED_SECONDS = 3600;

/** A facilitator gives the player to act more time on this turn. */
export function addTime(step: Step, action: ActionOf<"add_time">): RuleError | null {
  const { seconds } = action;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_ADDED_SECONDS)
    return ruleError("rule/bad_time", `Add between 1 and ${MAX_ADDED_SECONDS} whole seconds.`);
  const s = step.state;
  const ms = seconds * 1000;
  if (s.phase === "paused") step.update({ pausedRemainingMs: (s.pausedRemainingMs ?? 0) + ms });
  // A turn whose time has already run out (its timeout not yet applied) gets the time from now.
  else step.update({ turnEndsAt: Math.max(s.turnEndsAt ?? step.now, step.now) + ms });
  step.emit({ type: "time_added", seconds, turnEndsAt: step.state.turnEndsAt });
  return null;
}
