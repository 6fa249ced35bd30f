import type { GameEvent } from "../../../shared/engine/events.js";
import type { PerRole } from "../../../shared/engine/roles.js";
import type { PrivateData, Reveal } from "../../../shared/engine/view.js";
import type { ServerMessages } from "../../../shared/protocol/messages.js";
import type { PublicTableSnapshot } from "./snapshot.js";

/*
 * Everything the client knows about its table, as plain immutable data: the synced public
 * state plus the direct messages only this client received. `reduceModel` is the one way it
 * changes, so the connection stays thin and every transition is unit-testable.
 */

export type LinkState = "connecting" | "live" | "reconnecting" | "closed";

export type Refusal = { readonly code: string; readonly message: string; readonly request: string | null; readonly at: number };

export type ClientModel = {
  readonly link: LinkState;
  /** Why the link closed for good (shown to the user), when it did. */
  readonly closedReason: string | null;
  readonly welcome: ServerMessages["welcome"] | null;
  readonly table: PublicTableSnapshot | null;
  /** Private data without notepads: assembleView adds each notepad from the note_taken events. */
  readonly sides: Partial<PerRole<PrivateData>>;
  readonly events: readonly GameEvent[];
  readonly reveal: Reveal | null;
  /** Debrief lines by seat, once the game is over: own seat for a player, both for a facilitator. */
  readonly debrief: ServerMessages["debrief"]["lines"];
  readonly refusal: Refusal | null;
  /** Server clock minus local clock, estimated when a turn starts; 0 while clocks agree. */
  readonly clockOffsetMs: number;
};

export type ModelInput =
  | { readonly kind: "state"; readonly table: PublicTableSnapshot; readonly at: number }
  | { readonly kind: "welcome"; readonly message: ServerMessages["welcome"] }
  | { readonly kind: "private"; readonly message: ServerMessages["private"] }
  | { readonly kind: "events"; readonly message: ServerMessages["events"] }
  | { readonly kind: "reveal"; readonly message: ServerMessages["reveal"] }
  | { readonly kind: "debrief"; readonly message: ServerMessages["debrief"] }
  | { readonly kind: "error"; readonly message: ServerMessages["error"]; readonly at: number }
  | { readonly kind: "link"; readonly link: LinkState; readonly reason?: string }
  | { readonly kind: "dismiss_refusal" };

/** The messages a table sends a client, each of which changes its model. */
export const SERVER_MESSAGES = ["welcome", "private", "events", "reveal", "debrief", "error"] as const satisfies readonly (keyof ServerMessages)[];
export type ServerMessageKind = (typeof SERVER_MESSAGES)[number];

/** A message from the table as the model's input; `at` is when it arrived (an error keeps it). */
export function inputOf(type: ServerMessageKind, message: ServerMessages[ServerMessageKind], at: number): ModelInput {
  switch (type) {
    case "welcome":
      return { kind: "welcome", message: message as ServerMessages["welcome"] };
    case "private":
      return { kind: "private", message: message as ServerMessages["private"] };
    case "events":
      return { kind: "events", message: message as ServerMessages["events"] };
    case "reveal":
      return { kind: "reveal", message: message as ServerMessages["reveal"] };
    case "debrief":
      return { kind: "debrief", message: message as ServerMessages["debrief"] };
    case "error":
      return { kind: "error", message: message as ServerMessages["error"], at };
  }
}

export const emptyModel: ClientModel = {
  link: "connecting",
  closedReason: null,
  welcome: null,
  table: null,
  sides: {},
  events: [],
  reveal: null,
  debrief: {},
  refusal: null,
  clockOffsetMs: 0,
};

/** Clock differences below this are latency noise, not skew worth correcting. */
const SKEW_THRESHOLD_MS = 1500;

export function reduceModel(model: ClientModel, input: ModelInput): ClientModel {
  switch (input.kind) {
    case "state":
      return { ...model, table: input.table, clockOffsetMs: estimateOffset(model, input.table, input.at) };
    case "welcome":
      return { ...model, welcome: input.message };
    case "private":
      return { ...model, sides: input.message.sides };
    case "events":
      return { ...model, events: mergeEvents(model.events, input.message) };
    case "reveal":
      return { ...model, reveal: input.message };
    case "debrief":
      return { ...model, debrief: input.message.lines };
    case "error":
      return { ...model, refusal: { ...input.message, at: input.at } };
    case "link":
      return { ...model, link: input.link, closedReason: input.link === "closed" ? (input.reason ?? null) : null };
    case "dismiss_refusal":
      return { ...model, refusal: null };
  }
}

/** A replay is the whole visible history (join, reconnect); otherwise a batch to append once. */
function mergeEvents(known: readonly GameEvent[], batch: ServerMessages["events"]): readonly GameEvent[] {
  if (batch.replay) return batch.events;
  const last = known.at(-1)?.seq ?? -1;
  const fresh = batch.events.filter((e) => e.seq > last);
  return fresh.length === 0 ? known : [...known, ...fresh];
}

/**
 * A turn that starts while we watch started "now" on the server: comparing its start with our
 * receipt time measures the clock skew. Joining mid-turn tells us nothing, so keep the estimate.
 */
function estimateOffset(model: ClientModel, next: PublicTableSnapshot, receivedAt: number): number {
  const previous = model.table;
  if (!previous || previous.turn === next.turn || next.turnEndsAt <= 0) return model.clockOffsetMs;
  const raw = next.turnEndsAt - next.turnMs - receivedAt;
  return Math.abs(raw) > SKEW_THRESHOLD_MS ? raw : 0;
}
