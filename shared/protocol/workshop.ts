import { z } from "zod";
import { BOT_CHOICES } from "../bots/profiles.js";
import { MAX_MESSAGE_LENGTH } from "../engine/actions.js";
import { MAX_PREPARATION_SECONDS, MAX_ROUNDS } from "../engine/create.js";
import type { DebriefLine } from "../engine/debrief.js";
import type { Role } from "../engine/roles.js";
import type { ClassDebrief, Standing } from "../workshop/classStats.js";
import type { Pairing, PairingIssue } from "../workshop/pairing.js";
import type { GridTile } from "../workshop/tile.js";
import { displayNameSchema, SECRET_PATTERN } from "./join.js";
import type { ProjectorView } from "./projector.js";
import { tableControlOf, tableControlSchemas, type TableControl, type WorkshopTableControlType } from "./tableControls.js";
import { OUTDATED_CODE } from "./version.js";

/*
 * Everything between a workshop's clients and its room, in one file: how a workshop is created
 * over HTTP, how participants and the facilitator join, and every message both ways. Client →
 * server messages are validated here at the edge; the room switches over the parsed union.
 */

/** The room type every workshop is created as; its roomId is the join code. */
export const WORKSHOP_ROOM = "workshop";

export const DECKS = ["same", "random"] as const;
export type Deck = (typeof DECKS)[number];
/** What happens to the odd person out when the class has an odd number: a bot opponent, or a seat as observer. */
export const ODD_SEATS = ["bot", "observer"] as const;
export type OddSeat = (typeof ODD_SEATS)[number];

export const MAX_TITLE_LENGTH = 80;
export const MIN_TURN_SECONDS = 10;
export const MAX_TURN_SECONDS = 600;
/** A workshop round can seat this many tables: a large training room, with margin. */
export const MAX_TABLES = 100;

/** How one workshop round is played; every round may change any of it. */
export const roundSettingsSchema = z.strictObject({
  scenarioId: z.string().min(1).max(40),
  /** Rounds per game (the deadline); the scenario's own when absent. */
  rounds: z.int().min(1).max(MAX_ROUNDS).optional(),
  turnSeconds: z.int().min(MIN_TURN_SECONDS).max(MAX_TURN_SECONDS).optional(),
  /** Time to read the brief before the first turn's clock; none when absent. The facilitator may start the clock sooner. */
  readingSeconds: z.int().min(0).max(MAX_PREPARATION_SECONDS).optional(),
  /** "same": every table gets the same walk-aways, pressure points and deck; "random": each its own draw. */
  deck: z.enum(DECKS),
  oddSeat: z.enum(ODD_SEATS),
  botLevel: z.enum(BOT_CHOICES),
});
export type RoundSettings = z.output<typeof roundSettingsSchema>;

/** POST /api/workshops: the first round's settings and a title the participants see. */
export const createWorkshopRequestSchema = roundSettingsSchema.extend({
  title: z.string().trim().min(1).max(MAX_TITLE_LENGTH).regex(/^[^\p{C}]*$/u, "must not contain control characters"),
  /**
   * Pseudonyms instead of names on the projector (and the console's export choice follows it).
   * A workshop setting, kept with the others in the store: the facilitator switches it any time.
   */
  anonymous: z.boolean().optional(),
});
export type CreateWorkshopRequest = z.input<typeof createWorkshopRequestSchema>;

export type CreateWorkshopResponse = {
  /** Participants join with this; it is also the workshop room's id. */
  readonly code: string;
  readonly title: string;
  /** Opens the facilitator console: the only credential for the grid, the controls and the export. */
  readonly facilitatorSecret: string;
};

/** GET /api/workshops/:code: what the join form shows before joining. */
export type WorkshopLookup = { readonly code: string; readonly title: string };

export const EXPORT_FORMATS = ["json", "results.csv", "participants.csv", "log.csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const secret = z.string().regex(SECRET_PATTERN, "is not a token this server issued");

/**
 * `joinById(code, options)`: a new participant gives a name, a returning one their token, the
 * facilitator the secret, a projector its key (server/workshop/projectorKey.ts); each also gives
 * the protocol version (version.ts), checked first.
 */
export const workshopJoinSchema = z.union([
  z.strictObject({ name: displayNameSchema }),
  z.strictObject({ participant: secret }),
  z.strictObject({ facilitator: secret }),
  z.strictObject({ projector: secret }),
]);
export type WorkshopJoinOptions = z.input<typeof workshopJoinSchema>;

export const WORKSHOP_JOIN_ERRORS = ["workshop/bad_options", "workshop/bad_participant", "workshop/bad_facilitator", "workshop/bad_projector", "workshop/removed", "workshop/full", OUTDATED_CODE] as const;
export type WorkshopJoinError = (typeof WORKSHOP_JOIN_ERRORS)[number];

const participantId = z.string().min(1).max(40);
const tableCode = z.string().regex(/^[2-9A-HJ-NP-Z]{6}$/, "is not a table code");

/** A participant's id in a seat, or null for a bot. */
const seatSchema = participantId.nullable();

export const pairingSchema = z.strictObject({
  tables: z.array(z.strictObject({ buyer: seatSchema, seller: seatSchema })).max(MAX_TABLES),
  observers: z.array(z.strictObject({ participantId, table: z.int().min(0).max(MAX_TABLES - 1) })).max(MAX_TABLES),
});

/** Optional table: one table by its code, or every table of the running round. */
const target = { table: tableCode.optional() };

export const workshopMessageSchemas = {
  // A participant leaving the workshop for good (closing the tab is not leaving: the place is kept).
  leave: z.strictObject({}),
  // Facilitator only, from here on.
  propose: z.strictObject({ oddSeat: z.enum(ODD_SEATS) }),
  start_round: z.strictObject({ settings: roundSettingsSchema, pairing: pairingSchema }),
  seat_waiting: z.strictObject({}),
  // The table controls (tableControls.ts), each for one table or every table of the round.
  start_now: tableControlSchemas.start_now.extend(target),
  pause: tableControlSchemas.pause.extend(target),
  resume: tableControlSchemas.resume.extend(target),
  add_time: tableControlSchemas.add_time.extend(target),
  curveball: tableControlSchemas.curveball.extend(target),
  // Ending one table's game always names the table ("end_round" ends them all).
  end_table: tableControlSchemas.end.extend({ table: tableCode }),
  end_round: z.strictObject({}),
  broadcast: z.strictObject({ text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) }),
  remove: z.strictObject({ participantId }),
  // Pseudonyms on the projector instead of names (kept in the store with the workshop's settings).
  set_anonymous: z.strictObject({ anonymous: z.boolean() }),
} as const;

export type WorkshopMessageType = keyof typeof workshopMessageSchemas;

export type WorkshopMessage = {
  [T in WorkshopMessageType]: { readonly type: T; readonly payload: z.output<(typeof workshopMessageSchemas)[T]> };
}[WorkshopMessageType];

/** A table control sent to the workshop, for one table of the running round or all of them. */
export type WorkshopControlMessage = Extract<WorkshopMessage, { type: WorkshopTableControlType }>;

export function workshopControlOf(message: WorkshopControlMessage): TableControl {
  return message.type === "end_table" ? { type: "end" } : tableControlOf(message);
}

export const WORKSHOP_ERROR_CODES = [
  "workshop/unknown_type",
  "workshop/bad_payload",
  "workshop/not_allowed",
  "workshop/rate_limited",
  /** A control that needs a running round, or a round start while one runs. */
  "workshop/bad_moment",
  "workshop/bad_pairing",
  "workshop/unknown_scenario",
  "workshop/unknown_table",
  "workshop/unknown_participant",
  "workshop/server_error",
] as const;
export type WorkshopErrorCode = (typeof WORKSHOP_ERROR_CODES)[number];

export type ParsedWorkshopMessage = { ok: true; message: WorkshopMessage } | { ok: false; code: WorkshopErrorCode; message: string };

/** Validate one incoming message; never throws. */
export function parseWorkshopMessage(type: unknown, payload: unknown): ParsedWorkshopMessage {
  if (typeof type !== "string" || !Object.hasOwn(workshopMessageSchemas, type))
    return { ok: false, code: "workshop/unknown_type", message: `Unknown message type "${String(type).slice(0, 40)}".` };
  const schema = workshopMessageSchemas[type as WorkshopMessageType];
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
    return { ok: false, code: "workshop/bad_payload", message: `${type}: ${where}${first?.message ?? "invalid payload"}` };
  }
  return { ok: true, message: { type, payload: parsed.data } as WorkshopMessage };
}

// ---- Server → client ----------------------------------------------------------------------

export type RosterEntry = {
  readonly participantId: string;
  readonly name: string;
  readonly online: boolean;
  /** Where they are in the running round. */
  readonly place: "lobby" | "buyer" | "seller" | "observer";
};

export type RoundPhase = "none" | "running" | "finished";

export type WorkshopSummary = {
  readonly code: string;
  readonly title: string;
  /** Number of the current (or last) round; 0 before the first. */
  readonly round: number;
  readonly phase: RoundPhase;
  readonly scenarioTitle: string | null;
  /** The projector shows pseudonyms instead of names. */
  readonly anonymous: boolean;
};

/**
 * Where one participant plays in the running round. A seat needs no token of its own: the
 * participant's workshop token opens it, so a workshop rebuilt after a restart (which keeps
 * only digests) can still tell everyone where to sit.
 */
export type Assignment =
  | { readonly kind: "seat"; readonly round: number; readonly table: string; readonly role: Role; readonly opponent: string; readonly scenarioTitle: string }
  | { readonly kind: "observe"; readonly round: number; readonly table: string; readonly scenarioTitle: string }
  | { readonly kind: "none"; readonly round: number };

/** A participant's own game once it is over: the engine's debrief lines and where they sit in the class. */
export type ParticipantResult = {
  readonly round: number;
  readonly table: string;
  readonly role: Role;
  readonly outcome: string;
  readonly surplus: number;
  readonly currency: string;
  readonly lines: readonly DebriefLine[];
  readonly standing: Standing | null;
};

export type ConsoleTable = {
  readonly code: string;
  readonly index: number;
  readonly buyer: string;
  readonly seller: string;
};

/** A card of the round's deck, for the facilitator's curve-ball picker. */
export type DeckCard = { readonly id: string; readonly title: string; readonly side: Role; readonly visibility: "public" | "private" };

export type ConsoleRound = {
  readonly number: number;
  readonly settings: RoundSettings;
  readonly scenarioTitle: string;
  readonly cards: readonly DeckCard[];
  readonly phase: Exclude<RoundPhase, "none">;
  readonly tables: readonly ConsoleTable[];
  /** Who sat where, by participant id: the history the next pairing alternates from. */
  readonly pairing: Pairing;
  readonly startedAt: number;
  readonly endedAt: number | null;
};

export type ConsoleParticipant = RosterEntry & {
  readonly left: boolean;
  /** Roles played so far, one entry per round ("sat out" when not seated). */
  readonly history: readonly ("buyer" | "seller" | "observer" | "out")[];
};

export type ControlOutcome = { readonly table: string; readonly label: string; readonly ok: boolean; readonly message: string };

export type WorkshopServerMessages = {
  welcome:
    | {
        readonly kind: "participant";
        readonly workshop: WorkshopSummary;
        readonly participantId: string;
        readonly name: string;
        /** A new participant's token, to keep for coming back; null when they came back with it. */
        readonly token: string | null;
        readonly renamed: boolean;
      }
    | {
        readonly kind: "facilitator";
        readonly workshop: WorkshopSummary;
        readonly defaults: RoundSettings;
        /** Opens the read-only projector view of this workshop, and nothing else. */
        readonly projectorKey: string;
      }
    | { readonly kind: "projector"; readonly workshop: WorkshopSummary };
  /** To everyone: the roster and the round, whenever either changes. */
  lobby: { readonly workshop: WorkshopSummary; readonly roster: readonly RosterEntry[] };
  /** To one participant: where they play now. */
  assignment: Assignment;
  broadcast: { readonly text: string; readonly at: number };
  result: ParticipantResult;
  /** Facilitator only. */
  console: { readonly participants: readonly ConsoleParticipant[]; readonly rounds: readonly ConsoleRound[]; readonly waiting: readonly string[] };
  grid: { readonly round: number; readonly tiles: readonly GridTile[]; readonly at: number };
  debrief: ClassDebrief;
  proposal: { readonly pairing: Pairing; readonly issues: readonly PairingIssue[] };
  control: { readonly control: WorkshopMessageType; readonly results: readonly ControlOutcome[] };
  error: { readonly code: WorkshopErrorCode; readonly message: string; readonly request: string | null };
  /** Projectors only: everything the wall shows, whenever any of it changes. */
  projector: ProjectorView;
};
export type WorkshopServerMessageType = keyof WorkshopServerMessages;

/** WebSocket close codes of the workshop room besides Colyseus' own. */
export const WORKSHOP_CLOSE_CODES = {
  /** The facilitator removed this participant from the workshop. */
  removed: 4403,
} as const;
