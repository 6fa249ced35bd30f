import { ruleError, type RuleError } from "../errors.js";
import type { Step } from "../flow.js";

/** Freeze the table: the turn timer stops with what was left of it. */
export function pause(step: Step): RuleError | null {
  const s = step.state;
  if (s.phase === "paused") return ruleError("rule/paused", "The game is already paused.");
  const remaining = Math.max(0, (s.turnEndsAt ?? step.now) - step.now);
  step.update({ phase: "paused", turnEndsAt: null, pausedRemainingMs: remaining });
  step.emit({ type: "paused" });
  return null;
}

/** Carry on: the turn gets back the time it had left when paused. */
export function resume(step: Step): RuleError | null {
  const s = step.state;
  if (s.phase !== "paused") return ruleError("rule/not_paused", "The game is not paused.");
  const turnEndsAt = step.now + (s.pausedRemainingMs ?? s.turnMs);
  step.update({ phase: "playing", turnEndsAt, pausedRemainingMs: null });
  step.emit({ type: "resumed", turnEndsAt });
  return null;
}
