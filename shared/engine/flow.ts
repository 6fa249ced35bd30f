import type { Audience, EventBody, GameEvent } from "./events.js";
import { otherRole } from "./roles.js";
import { drawScheduledCard } from "./curveballs.js";
import { scoreOutcome } from "./scoring.js";
import { currentRound, type Outcome, type TableState } from "./state.js";

/**
 * One apply() in progress: the state as it is being rebuilt plus the events it emits. Rules
 * replace `state` with updated copies; the caller's state object is never mutated. Events are
 * joined to the timeline once, in `result()`, not copied in one by one.
 */
export class Step {
  readonly events: GameEvent[] = [];

  constructor(
    public state: TableState,
    readonly now: number,
  ) {}

  update(patch: Partial<TableState>): void {
    this.state = { ...this.state, ...patch };
  }

  emit(body: EventBody, audience: Audience = "all"): void {
    this.events.push({
      ...body,
      seq: this.state.timeline.length + this.events.length,
      turn: this.state.turn,
      round: currentRound(this.state),
      at: this.now,
      audience,
    } as GameEvent);
  }

  /** The new state, its timeline carrying this step's events. */
  result(): TableState {
    return this.events.length === 0 ? this.state : { ...this.state, timeline: [...this.state.timeline, ...this.events] };
  }
}

/** The turn is over: hand it to the other side, start a new round, or end at the deadline. */
export function passTurn(step: Step): void {
  const { state } = step;
  const turn = state.turn + 1;
  if (turn >= state.lastRound * 2) {
    step.update({ turn: Math.min(turn, state.lastRound * 2 - 1) });
    finish(step, { kind: "expired", round: state.lastRound });
    return;
  }
  step.update({ turn, toAct: otherRole(state.toAct), turnEndsAt: step.now + state.turnMs });
  if (turn % 2 === 0) beginRound(step);
}

/** Announce the round and, if the deck schedule says so, draw a curve ball. */
export function beginRound(step: Step): void {
  const round = currentRound(step.state);
  step.emit({ type: "round_started", round, lastRound: step.state.lastRound });
  drawScheduledCard(step);
}

export function finish(step: Step, outcome: Outcome): void {
  const score = scoreOutcome(step.state, outcome);
  step.update({ phase: "finished", outcome, score, turnEndsAt: null, pausedRemainingMs: null });
  step.emit({ type: "game_over", outcome, score });
}
