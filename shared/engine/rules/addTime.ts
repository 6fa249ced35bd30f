import type { ActionOf } from "../actions.js";
import { ruleError, type RuleError } from "../errors.js";
import type { Step } from "../flow.js";

export const MAX_ADDED_SECONDS = 3600;

/** A facilitator gives the player to act more time on this turn, or the table more reading time. */
export function addTime(step: Step, action: ActionOf<"add_time">): RuleError | null {
  const { seconds } = action;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_ADDED_SECONDS)
    return ruleError("rule/bad_time", `Add between 1 and ${MAX_ADDED_SECONDS} whole seconds.`);
  const s = step.state;
  const ms = seconds * 1000;
  const clock = s.preparation ? "preparation" : "turn";
  // A clock that has already run out (its timeout not yet applied) gets the time from now.
  const later = (endsAt: number | null) => Math.max(endsAt ?? step.now, step.now) + ms;
  if (s.phase === "paused") step.update({ pausedRemainingMs: (s.pausedRemainingMs ?? 0) + ms });
  else if (s.preparation) step.update({ preparation: { ...s.preparation, endsAt: later(s.preparation.endsAt) } });
  else step.update({ turnEndsAt: later(s.turnEndsAt) });
  step.emit({ type: "time_added", seconds, clock, turnEndsAt: step.state.turnEndsAt });
  return null;
}
