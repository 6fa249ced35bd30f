import type { Role, Viewer } from "./roles.js";
import type { Card } from "./scenario.js";
import type { Concession, Outcome, Package, Score } from "./state.js";

/**
 * Who may see an event: "all" (both sides, observers, facilitators), "players" (both sides and
 * facilitators, not observers: an answer, which the asker hears and the answered side gave), or
 * one side (that side and facilitators). Notes are further held back from facilitators until the
 * game ends (view.ts).
 */
export type Audience = "all" | "players" | Role;

/** Whether `viewer` is in `audience` (before view.ts holds notes back from facilitators). */
export function reaches(audience: Audience, viewer: Viewer): boolean {
  if (audience === "all" || viewer === "facilitator") return true;
  return audience === "players" ? viewer !== "observer" : audience === viewer;
}

type Stamp = { readonly seq: number; readonly turn: number; readonly round: number; readonly at: number; readonly audience: Audience };

export type EventBody =
  | { readonly type: "offer_made"; readonly by: Role; readonly terms: Package; readonly message?: string }
  /** `money` is the conceder's private figure: viewFor strips it for everyone else. */
  | { readonly type: "concessions"; readonly by: Role; readonly entries: readonly (Omit<Concession, "money"> & { readonly money?: number })[] }
  | { readonly type: "question_asked"; readonly by: Role; readonly questionId: string; readonly text: string; readonly message?: string }
  | { readonly type: "question_answered"; readonly to: Role; readonly questionId: string; readonly answer: string }
  | { readonly type: "walked_away"; readonly by: Role; readonly message?: string }
  | { readonly type: "deal"; readonly acceptedBy: Role; readonly terms: Package; readonly message?: string }
  | { readonly type: "note_taken"; readonly by: Role; readonly text: string }
  | { readonly type: "turn_timed_out"; readonly by: Role }
  | { readonly type: "round_started"; readonly round: number; readonly lastRound: number }
  /**
   * The card: public, or private to the side it lands on. Its typed `effect` (new valuations,
   * amounts) is private to that side and facilitators: viewFor removes it for everyone else,
   * who read the card's text.
   */
  | { readonly type: "card_drawn"; readonly card: EventCard; readonly text: string; readonly thrownBy: "schedule" | "facilitator" }
  /** What the other side learns of a private card: that something happened. */
  | { readonly type: "card_hidden"; readonly side: Role; readonly thrownBy: "schedule" | "facilitator" }
  | { readonly type: "fact_revealed"; readonly to: Role; readonly text: string }
  | { readonly type: "deadline_changed"; readonly lastRound: number }
  | { readonly type: "interruption"; readonly by: Role; readonly attempted: string }
  | { readonly type: "paused" }
  /** `turnEndsAt` is null when the game resumes its reading time (the state's preparation says until when). */
  | { readonly type: "resumed"; readonly turnEndsAt: number | null }
  /** `clock` says which one got the time: the turn's, or the reading time before the first turn. */
  | { readonly type: "time_added"; readonly seconds: number; readonly clock: "turn" | "preparation"; readonly turnEndsAt: number | null }
  /** Reading time begins: no move until it ends. */
  | { readonly type: "preparation_started"; readonly endsAt: number; readonly seconds: number }
  | { readonly type: "seat_ready"; readonly by: Role }
  /** Reading time is over and the first turn's clock runs: its time ran out, the facilitator started it, or every seat was ready. */
  | { readonly type: "preparation_ended"; readonly how: "time" | "facilitator" | "ready"; readonly turnEndsAt: number }
  | { readonly type: "game_over"; readonly outcome: Outcome; readonly score: Score };

/** A card inside an event: `effect` is absent in the views of those the card does not land on. */
export type EventCard = Omit<Card, "effect"> & { readonly effect?: Card["effect"] };

export type GameEvent = EventBody & Stamp;
export type GameEventType = GameEvent["type"];
