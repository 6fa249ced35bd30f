import { z } from "zod";
import { MAX_MESSAGE_LENGTH, MAX_NOTE_LENGTH } from "../engine/actions.js";
import type { RuleErrorCode } from "../engine/errors.js";
import type { PerRole, Role, Viewer } from "../engine/roles.js";
import type { DebriefLine } from "../engine/debrief.js";
import type { ViewDelta } from "./viewDelta.js";
import { isTableControlType, TABLE_CONTROLS, tableControlSchemas, type TableControlType } from "./tableControls.js";

/*
 * Every message of both directions between a table client and the server, in one file.
 * Client → server messages are validated here at the edge (one schema each); inside, the
 * server switches exhaustively over the parsed union.
 */

const message = z.string().max(MAX_MESSAGE_LENGTH).optional();
const termValue = z.union([z.int(), z.string().max(40)]);

export const clientMessageSchemas = {
  offer: z.strictObject({ terms: z.record(z.string().max(40), termValue), message }),
  accept: z.strictObject({ message }),
  ask: z.strictObject({ questionId: z.string().max(40), message }),
  walk_away: z.strictObject({ message }),
  note: z.strictObject({ text: z.string().max(MAX_NOTE_LENGTH) }),
  // "I'm ready": this seat has read its brief.
  ready: z.strictObject({}),
  // Facilitator-only controls on one table (tableControls.ts).
  ...tableControlSchemas,
} as const;

export type ClientMessageType = keyof typeof clientMessageSchemas;
export const CLIENT_MESSAGE_TYPES = Object.keys(clientMessageSchemas) as ClientMessageType[];
export const SEAT_MESSAGE_TYPES = ["offer", "accept", "ask", "walk_away", "note", "ready"] as const satisfies readonly ClientMessageType[];
export const FACILITATOR_MESSAGE_TYPES = TABLE_CONTROLS satisfies readonly ClientMessageType[];

export type ClientMessage = {
  [T in ClientMessageType]: { readonly type: T; readonly payload: z.output<(typeof clientMessageSchemas)[T]> };
}[ClientMessageType];
/** A move or note from a seat: everything but the facilitator's controls. */
export type SeatMessage = Extract<ClientMessage, { type: (typeof SEAT_MESSAGE_TYPES)[number] }>;

export function isTableControl(message: ClientMessage): message is Extract<ClientMessage, { type: TableControlType }> {
  return isTableControlType(message.type);
}

/** Stable codes for refusals that happen before the engine sees a message. */
export const PROTOCOL_ERROR_CODES = [
  "protocol/unknown_type",
  "protocol/bad_payload",
  "protocol/not_allowed",
  "protocol/rate_limited",
  /** The game has not started: both seats must be filled first. */
  "protocol/not_started",
  /** The server failed while handling the message; nothing changed. */
  "protocol/server_error",
] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

export type ParsedClientMessage = { ok: true; message: ClientMessage } | { ok: false; code: ProtocolErrorCode; message: string };

/** Validate one incoming message; never throws, whatever the bytes were. */
export function parseClientMessage(type: unknown, payload: unknown): ParsedClientMessage {
  if (typeof type !== "string" || !Object.hasOwn(clientMessageSchemas, type))
    return { ok: false, code: "protocol/unknown_type", message: `Unknown message type "${String(type).slice(0, 40)}".` };
  const schema = clientMessageSchemas[type as ClientMessageType];
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
    return { ok: false, code: "protocol/bad_payload", message: `${type}: ${where}${first?.message ?? "invalid payload"}` };
  }
  return { ok: true, message: { type, payload: parsed.data } as ClientMessage };
}

/** Server → client direct messages (who sits where travels as the synced Colyseus state, publicTable.ts). */
export type ServerMessages = {
  /** Sent once on join and on every reconnect, before the whole view. */
  welcome: {
    readonly viewer: Viewer;
    readonly code: string;
    readonly role: Role | null;
    /** How long a dropped player may be away before the game ends as abandoned. */
    readonly reconnectSeconds: number;
  };
  /**
   * This client's view of the game (the engine's viewFor for its seat): whole on join and on
   * every reconnect, then what each change made differ, one message per change. `seq` numbers the
   * changes a viewer of this kind was sent: a whole view carries the last one's, each change the
   * next, so a client knows when it missed one. The move that ends the game carries the debrief
   * with it: a player's own lines, both seats' for facilitators.
   */
  view: { readonly delta: ViewDelta; readonly seq: number; readonly debrief?: Partial<PerRole<readonly DebriefLine[]>> };
  /** A refused message: nothing changed. */
  error: { readonly code: RuleErrorCode | ProtocolErrorCode; readonly message: string; readonly request: string | null };
};
export type ServerMessageType = keyof ServerMessages;
