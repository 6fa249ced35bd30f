import type { Audience, EventBody, GameEvent } from "./events.js";
import { otherRole } from "./roles.js";
import { drawScheduledCard } from "./curveballs.js";
import { scoreOutcome } from "./scoring.js";
import { currentRound, type Outcome, type TableState } from "./state.js";

/**
 * One apply() in progress: the state as it is being rebuilt plus the events it emits. The
 * caller's state object is never mutated: the first update copies it into a draft that this
 * step alone holds, and later updates write into that draft instead of copying the whole state
 * again (the copies were most of apply's cost). A rule that keeps `step.state` across an update
 * therefore sees the update; rules read what they need before they update. Events are joined to
 * the timeline once, in `result()`, which hands the draft over and starts afresh.
 */
export class Step {
  readonly events: GameEvent[] = [];
  private base: TableState;
  private draft: Mutable<TableState> | null = null;

  constructor(
    state: TableState,
    readonly now: number,
  ) {
    this.base = state;
  }

  get state(): TableState {
    return this.draft ?? this.base;
  }

  update(patch: Partial<TableState>): void {
    this.draft ??= copyState(this.base);
    Object.assign(this.draft, patch);
  }

  /**
   * Stamp and record an event. `body` must be a fresh object literal, which becomes the event:
   * stamping it in place spares a copy of every event (a spread over this many event shapes is slow).
   */
  emit(body: EventBody, audience: Audience = "all"): void {
    const event = body as Mutable<GameEvent>;
    event.seq = this.state.timeline.length + this.events.length;
    event.turn = this.state.turn;
    event.round = currentRound(this.state);
    event.at = this.now;
    event.audience = audience;
    this.events.push(event);
  }

  /** The new state, its timeline carrying this step's events. */
  result(): TableState {
    if (this.events.length > 0) this.update({ timeline: [...this.state.timeline, ...this.events] });
    const done = this.state;
    this.base = done;
    this.draft = null;
    return done;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A fresh object literal with `message` added last when there is one: what
 * `{ ...body, ...(message ? { message } : {}) }` gives, without the two object copies.
 */
export function withMessage<T extends object>(body: T, message: string | undefined): T & { message?: string } {
  if (message) (body as T & { message?: string }).message = message;
  return body;
}

/**
 * A shallow copy of a state, field by field in createTable's order: ten times faster than a
 * spread of this many fields. The type checker refuses it if a field of TableState is missing.
 */
function copyState(s: TableState): Mutable<TableState> {
  return {
    scenario: s.scenario,
    seed: s.seed,
    drawSeed: s.drawSeed,
    turnMs: s.turnMs,
    phase: s.phase,
    turn: s.turn,
    toAct: s.toAct,
    lastRound: s.lastRound,
    turnEndsAt: s.turnEndsAt,
    pausedRemainingMs: s.pausedRemainingMs,
    preparation: s.preparation,
    sides: s.sides,
    offers: s.offers,
    standing: s.standing,
    ledger: s.ledger,
    asked: s.asked,
    interruptions: s.interruptions,
    cards: s.cards,
    deckOrder: s.deckOrder,
    rng: s.rng,
    outcome: s.outcome,
    score: s.score,
    timeline: s.timeline,
  };
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
  step.update({ phase: "finished", outcome, score, turnEndsAt: null, pausedRemainingMs: null, preparation: null });
  step.emit({ type: "game_over", outcome, score });
}
