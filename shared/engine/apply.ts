import { actionProblem } from "./actionCheck.js";
import { MAX_MESSAGE_LENGTH, TURN_ACTIONS, type Action } from "./actions.js";
import { ruleError, type RuleError } from "./errors.js";
import type { GameEvent } from "./events.js";
import { Step } from "./flow.js";
import { withRole } from "./roles.js";
import type { TableState } from "./state.js";
import { accept } from "./rules/accept.js";
import { addTime } from "./rules/addTime.js";
import { ask } from "./rules/ask.js";
import { curveball } from "./rules/curveball.js";
import { abandon, end } from "./rules/endGame.js";
import { note } from "./rules/note.js";
import { offer } from "./rules/offer.js";
import { pause, resume } from "./rules/pause.js";
import { PREPARING, ready, startNow } from "./rules/prepare.js";
import { timeout } from "./rules/timeout.js";
import { walkAway } from "./rules/walkAway.js";

export type ApplyResult =
  | { readonly ok: true; readonly state: TableState; readonly events: readonly GameEvent[] }
  /**
   * A refused action changes nothing, with one exception the rules ask for: acting out of turn
   * is counted as an interruption, so `state` and `events` carry that count.
   */
  | { readonly ok: false; readonly error: RuleError; readonly state: TableState; readonly events: readonly GameEvent[] };

/** The engine's one entry point: a pure function of the state, the action and the time. */
export function apply(state: TableState, action: Action, now: number): ApplyResult {
  if (state.phase === "finished") return refuse(state, ruleError("rule/game_over", "This game is over."));
  const problem = Number.isFinite(now) ? actionProblem(action) : "The time of the action is not a valid epoch ms.";
  if (problem) return refuse(state, ruleError("rule/bad_action", problem));
  const step = new Step(state, now);

  if (isTurnAction(action)) {
    if (state.phase === "paused") return refuse(state, ruleError("rule/paused", "The game is paused."));
    // Before the first turn there is no turn to take, so nothing here counts as an interruption.
    if (state.phase === "preparing") return refuse(state, PREPARING);
    // Speaking out of turn is an interruption whatever was said, so this comes before checking the message.
    if (action.by !== state.toAct) {
      step.update({ interruptions: withRole(state.interruptions, action.by, state.interruptions[action.by] + 1) });
      step.emit({ type: "interruption", by: action.by, attempted: action.type });
      return { ok: false, error: ruleError("rule/not_your_turn", "It is the other side's turn: wait for their move."), state: step.result(), events: step.events };
    }
    if (action.message !== undefined && action.message.length > MAX_MESSAGE_LENGTH)
      return refuse(state, ruleError("rule/message_too_long", `A message can hold at most ${MAX_MESSAGE_LENGTH} characters.`));
  }

  const error = dispatch(step, action);
  return error ? refuse(state, error) : { ok: true, state: step.result(), events: step.events };
}

type TurnAction = Extract<Action, { type: (typeof TURN_ACTIONS)[number] }>;

function isTurnAction(action: Action): action is TurnAction {
  return (TURN_ACTIONS as readonly string[]).includes(action.type);
}

function dispatch(step: Step, action: Action): RuleError | null {
  switch (action.type) {
    case "offer":
      return offer(step, action);
    case "accept":
      return accept(step, action);
    case "ask":
      return ask(step, action);
    case "walk_away":
      return walkAway(step, action);
    case "note":
      return note(step, action);
    case "timeout":
      return timeout(step);
    case "curveball":
      return curveball(step, action);
    case "pause":
      return pause(step);
    case "resume":
      return resume(step);
    case "add_time":
      return addTime(step, action);
    case "end":
      return end(step);
    case "abandon":
      return abandon(step, action);
    case "ready":
      return ready(step, action);
    case "start_now":
      return startNow(step);
    default:
      return unreachable(action);
  }
}

function unreachable(action: never): never {
  throw new Error(`unhandled action ${JSON.stringify(action)}`);
}

function refuse(state: TableState, error: RuleError): ApplyResult {
  return { ok: false, error, state, events: [] };
}
