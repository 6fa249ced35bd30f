import type { Role } from "./roles.js";
import type { Package } from "./state.js";

/** Every action the engine understands; the union below is derived from this list. */
export const ACTION_TYPES = [
  "offer",
  "accept",
  "ask",
  "walk_away",
  "note",
  "timeout",
  "curveball",
  "pause",
  "resume",
  "add_time",
  "end",
  "abandon",
  "ready",
  "start_now",
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** The four moves that take a turn; only the side to act may make them. */
export const TURN_ACTIONS = ["offer", "accept", "ask", "walk_away"] as const satisfies readonly ActionType[];

export const MAX_MESSAGE_LENGTH = 280;
export const MAX_NOTE_LENGTH = 2000;
/**
 * A side's notepad holds at most this many notes and characters in all: enough for a long game
 * written up closely, and a bound on what a table keeps and replays for anyone.
 */
export const MAX_NOTES_PER_SIDE = 200;
export const MAX_NOTEPAD_CHARS = 50_000;

export type Action =
  | { readonly type: "offer"; readonly by: Role; readonly terms: Package; readonly message?: string }
  | { readonly type: "accept"; readonly by: Role; readonly message?: string }
  | { readonly type: "ask"; readonly by: Role; readonly questionId: string; readonly message?: string }
  | { readonly type: "walk_away"; readonly by: Role; readonly message?: string }
  | { readonly type: "note"; readonly by: Role; readonly text: string }
  /** The running clock ran out: the turn passes (the standing offer stays), or reading time ends. */
  | { readonly type: "timeout" }
  /** A facilitator throws a card in; without a card id the next card of the deck is drawn. */
  | { readonly type: "curveball"; readonly cardId?: string }
  | { readonly type: "pause" }
  | { readonly type: "resume" }
  | { readonly type: "add_time"; readonly seconds: number }
  /** The facilitator ends the round for this table: no deal. */
  | { readonly type: "end" }
  /** A player is gone for good: no deal, recorded as abandoned (never as a walk-away). */
  | { readonly type: "abandon"; readonly by: Role }
  /** A seat has read its brief; when every seat that counts has, the turn clock starts. */
  | { readonly type: "ready"; readonly by: Role }
  /** The facilitator ends reading time: the turn clock starts now. */
  | { readonly type: "start_now" };

export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
