import { ruleError, type RuleError } from "../errors.js";
import type { Step } from "../flow.js";
import { clockEndsAt } from "./prepare.js";

/** Freeze the table: the running clock (the turn's, or reading time's) stops with what was left of it. */
export function pause(step: Step): RuleError | null {
  const s = step.state;
  if (s.phase === "paused") return ruleError("rule/paused", "The game is already paused.");
  const remaining = Math.max(0, (clockEndsAt(s) ?? step.now) - step.now);
  const preparation = s.preparation && { ...s.preparation, endsAt: null };
  step.update({ phase: "paused", turnEndsAt: null, pausedRemainingMs: remaining, preparation });
  step.emit({ type: "paused" });
  return null;
}

/** Carry on: the turn (or reading time) gets back the time it had left when paused. */
export function resume(step: Step): RuleError | null {
  const s = step.state;
  if (s.phase !== "paused") return ruleError("rule/not_paused", "The game is not paused.");
  if (s.preparation) {
    const endsAt = step.now + (s.pausedRemainingMs ?? 0);
    step.update({ phase: "preparing", preparation: { ...s.preparation, endsAt }, pausedRemainingMs: null });
    step.emit({ type: "resumed", turnEndsAt: null });
    return null;
  }
  const turnEndsAt = step.now + (s.pausedRemainingMs ?? s.turnMs);
  step.update({ phase: "playing", turnEndsAt, pausedRemainingMs: null });
  step.emit({ type: "resumed", turnEndsAt });
  return null;
}
