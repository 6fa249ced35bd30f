import { z } from "zod";
import { OUTDATED_CODE } from "./version.js";

/*
 * Joining a table: `client.joinById(code, options)` with the options below. The server decides
 * the viewer from them: a seat token seats you in that token's role, the facilitator secret
 * makes you a facilitator (only a workshop's table has one), neither makes you an observer.
 * Nothing else is accepted, besides the protocol version every join carries (version.ts),
 * checked and taken off before these options are read.
 */

/** A seat token or facilitator secret as POST /api/tables hands it out: 32 random bytes, base64url. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const MAX_NAME_LENGTH = 40;

const secret = z.string().regex(SECRET_PATTERN, "is not a token this server issued");

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .regex(/^[^\p{C}]*$/u, "must not contain control characters");

export const joinOptionsSchema = z
  .strictObject({ seat: secret.optional(), facilitator: secret.optional(), name: displayNameSchema.optional() })
  .refine((o) => !(o.seat !== undefined && o.facilitator !== undefined), { message: "give a seat token or a facilitator secret, not both" });

export type JoinOptions = z.input<typeof joinOptionsSchema>;

/** Why a join was refused. The Colyseus error message starts with the code: "join/seat_taken: …". */
export const JOIN_ERROR_CODES = [
  "join/bad_options",
  "join/bad_seat",
  "join/bad_facilitator",
  "join/seat_taken",
  "join/full",
  /** The tab runs another build than the server (version.ts): reload the page. */
  OUTDATED_CODE,
] as const;
export type JoinErrorCode = (typeof JOIN_ERROR_CODES)[number];

export function joinErrorMessage(code: JoinErrorCode, text: string): string {
  return `${code}: ${text}`;
}

/** The code at the start of a refused join's message, or null if the refusal came from elsewhere. */
export function joinErrorCode(message: string): JoinErrorCode | null {
  const code = message.split(":", 1)[0];
  return (JOIN_ERROR_CODES as readonly string[]).includes(code ?? "") ? (code as JoinErrorCode) : null;
}

/** WebSocket close codes the server uses besides Colyseus' own (4000 = you left). */
export const CLOSE_CODES = {
  /** The client sent more messages than its budget allows. */
  rateLimited: 4429,
  /**
   * The server is shutting down; the game was not scored as anyone's walk-away. It is kept: it
   * resumes when the server is back (or on another process), joined again with the seat token.
   */
  serverShutdown: 4503,
  /** Another server process resumed this table: join it again by code with the seat token. */
  tableMoved: 4302,
  /** The table was closed after standing empty for TABLE_IDLE_SECONDS. */
  tableClosed: 4410,
} as const;
