import type { ActionOf } from "../actions.js";
import { ruleError, type RuleError } from "../errors.js";
import { beginRound, type Step } from "../flow.js";
import { ROLES } from "../roles.js";
import type { Preparation, TableState } from "../state.js";

/*
 * Reading time before the first turn: every seat reads its brief while no clock of a turn runs.
 * It ends by its own clock (a `timeout` once endsAt has passed), by the facilitator's "start
 * now", or when every seat that counts has said it is ready. Then round 1 begins, as a table
 * without reading time begins it at creation.
 */

export const PREPARING = ruleError("rule/preparing", "The table is still reading its briefs.");

const NOT_PREPARING = ruleError("rule/not_preparing", "Reading time is over: the clock is running.");

/** The deadline of whichever clock runs now: the turn's, or the reading time's; null while paused or over. */
export function clockEndsAt(state: TableState): number | null {
  return state.phase === "preparing" ? (state.preparation?.endsAt ?? null) : state.turnEndsAt;
}

/** A seat has read its brief: the clock starts once every seat that counts has said so. */
export function ready(step: Step, action: ActionOf<"ready">): RuleError | null {
  const s = step.state;
  const prep = s.preparation;
  if (!prep) return NOT_PREPARING;
  if (s.phase === "paused") return ruleError("rule/paused", "The game is paused.");
  const mine = prep.ready[action.by];
  if (mine === undefined) return ruleError("rule/ready_not_counted", "At this table the clock starts when reading time ends or the facilitator starts it.");
  if (mine) return ruleError("rule/already_ready", "You have said you are ready already.");
  const next: Preparation = { ...prep, ready: { ...prep.ready, [action.by]: true } };
  step.update({ preparation: next });
  step.emit({ type: "seat_ready", by: action.by });
  if (ROLES.every((role) => next.ready[role] !== false)) endPreparation(step, "ready");
  return null;
}

/** The facilitator cuts reading time short. */
export function startNow(step: Step): RuleError | null {
  const s = step.state;
  if (!s.preparation) return NOT_PREPARING;
  if (s.phase === "paused") return ruleError("rule/paused", "The game is paused: resume it first.");
  endPreparation(step, "facilitator");
  return null;
}

/** Reading time's own clock ran out (the `timeout` action while preparing). */
export function preparationTimeout(step: Step): RuleError | null {
  const endsAt = step.state.preparation?.endsAt ?? null;
  if (endsAt === null || step.now < endsAt) return ruleError("rule/timer_not_expired", "Reading time is not over yet.");
  endPreparation(step, "time");
  return null;
}

function endPreparation(step: Step, how: "time" | "facilitator" | "ready"): void {
  const turnEndsAt = step.now + step.state.turnMs;
  step.update({ phase: "playing", preparation: null, turnEndsAt });
  step.emit({ type: "preparation_ended", how, turnEndsAt });
  beginRound(step);
}
