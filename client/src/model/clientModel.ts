import type { TableView } from "../../../shared/engine/view.js";
import type { ServerMessages } from "../../../shared/protocol/messages.js";
import { applyViewDelta } from "../../../shared/protocol/viewDelta.js";
import type { RoomSnapshot } from "./roomSnapshot.js";

/*
 * Everything the client knows about its table, as plain immutable data: the room's synced facts
 * plus the view of the game this client alone is sent. `reduceModel` is the one way it changes,
 * so the connection stays thin and every transition is unit-testable.
 */

export type LinkState = "connecting" | "live" | "reconnecting" | "closed";

export type Refusal = { readonly code: string; readonly message: string; readonly request: string | null; readonly at: number };

export type ClientModel = {
  readonly link: LinkState;
  /** Why the link closed for good (shown to the user), when it did. */
  readonly closedReason: string | null;
  readonly welcome: ServerMessages["welcome"] | null;
  readonly room: RoomSnapshot | null;
  /** The engine's view of the game for this viewer, kept by applying each delta it is sent. */
  readonly view: TableView | null;
  /** The `seq` of the last view message applied: the next change must be the one after it. */
  readonly viewSeq: number;
  /** Debrief lines by seat, once the game is over: own seat for a player, both for a facilitator. */
  readonly debrief: NonNullable<ServerMessages["view"]["debrief"]>;
  readonly refusal: Refusal | null;
  /** Server clock minus local clock, estimated when a turn starts; 0 while clocks agree. */
  readonly clockOffsetMs: number;
  /**
   * A change did not fit the view held: changes are set aside until the whole view comes again
   * (the connection renews the link for it). `missedAt` is when, so a second miss soon after stops trying.
   */
  readonly catchingUp: boolean;
  readonly missedAt: number | null;
};

export type ModelInput =
  | { readonly kind: "room"; readonly room: RoomSnapshot }
  | { readonly kind: "welcome"; readonly message: ServerMessages["welcome"] }
  | { readonly kind: "view"; readonly message: ServerMessages["view"]; readonly at: number }
  | { readonly kind: "error"; readonly message: ServerMessages["error"]; readonly at: number }
  | { readonly kind: "link"; readonly link: LinkState; readonly reason?: string }
  | { readonly kind: "dismiss_refusal" };

/** The messages a table sends a client, each of which changes its model. */
export const SERVER_MESSAGES = ["welcome", "view", "error"] as const satisfies readonly (keyof ServerMessages)[];
export type ServerMessageKind = (typeof SERVER_MESSAGES)[number];

/** A message from the table as the model's input; `at` is when it arrived (a view and an error keep it). */
export function inputOf(type: ServerMessageKind, message: ServerMessages[ServerMessageKind], at: number): ModelInput {
  switch (type) {
    case "welcome":
      return { kind: "welcome", message: message as ServerMessages["welcome"] };
    case "view":
      return { kind: "view", message: message as ServerMessages["view"], at };
    case "error":
      return { kind: "error", message: message as ServerMessages["error"], at };
  }
}

export const emptyModel: ClientModel = {
  link: "connecting",
  closedReason: null,
  welcome: null,
  room: null,
  view: null,
  viewSeq: 0,
  debrief: {},
  refusal: null,
  clockOffsetMs: 0,
  catchingUp: false,
  missedAt: null,
};

/**
 * Shown when changes keep not fitting the view this window holds even after it fetched the whole
 * view again: drawing on would show a table that is not the real one.
 */
export const OUT_OF_STEP = "This window lost track of the table. Reload the page to see it again.";

/** A second miss within this time of the first means fetching the whole view again does not help. */
export const CATCH_UP_WINDOW_MS = 60_000;

/** Clock differences below this are latency noise, not skew worth correcting. */
const SKEW_THRESHOLD_MS = 1500;

export function reduceModel(model: ClientModel, input: ModelInput): ClientModel {
  switch (input.kind) {
    case "room":
      return { ...model, room: input.room };
    case "welcome":
      return { ...model, welcome: input.message };
    case "view":
      return withView(model, input.message, input.at);
    case "error":
      return { ...model, refusal: { ...input.message, at: input.at } };
    case "link":
      return { ...model, link: input.link, closedReason: input.link === "closed" ? (input.reason ?? null) : null };
    case "dismiss_refusal":
      return { ...model, refusal: null };
  }
}

/**
 * A change is taken from the view the server last sent this client, so it only fits that view.
 * One that is not the next in number, or cannot apply (no whole view yet, a side it never had),
 * means this window missed a message. It keeps the last view it could trust and sets changes
 * aside until the whole view comes again, rather than draw a table the rules never produced.
 * A whole view is always taken.
 */
function withView(model: ClientModel, message: ServerMessages["view"], receivedAt: number): ClientModel {
  const { delta } = message;
  if (delta.kind === "change" && (model.link === "closed" || model.catchingUp)) return model;
  const inStep = delta.kind === "whole" || message.seq === model.viewSeq + 1;
  const view = inStep ? applied(model.view, delta) : null;
  if (!view) return missed(model, receivedAt);
  return {
    ...model,
    view,
    viewSeq: message.seq,
    catchingUp: false,
    debrief: message.debrief ?? model.debrief,
    clockOffsetMs: delta.kind === "change" ? estimateOffset(model, view, receivedAt) : model.clockOffsetMs,
  };
}

/** The view after `delta`, or null when the delta does not fit the view held. */
function applied(held: TableView | null, delta: ServerMessages["view"]["delta"]): TableView | null {
  try {
    return applyViewDelta(held, delta);
  } catch {
    return null;
  }
}

/** A missed change: catch up, unless the last catching up was moments ago (then say to reload). */
function missed(model: ClientModel, at: number): ClientModel {
  const again = model.missedAt !== null && at - model.missedAt < CATCH_UP_WINDOW_MS;
  return again ? { ...model, link: "closed", closedReason: OUT_OF_STEP, catchingUp: false } : { ...model, catchingUp: true, missedAt: at };
}

/**
 * A turn that starts while we watch started "now" on the server: comparing its start with our
 * receipt time measures the clock skew. A whole view (join, reconnect) may show a turn long
 * under way, so only a change that moves the turn on tells us anything.
 */
function estimateOffset(model: ClientModel, next: TableView, receivedAt: number): number {
  if (model.view?.turn === next.turn || next.turnEndsAt === null) return model.clockOffsetMs;
  const raw = next.turnEndsAt - next.turnMs - receivedAt;
  return Math.abs(raw) > SKEW_THRESHOLD_MS ? raw : 0;
}
