import { z } from "zod";
import { BOT_CHOICES, type BotChoice } from "../bots/profiles.js";
import { MAX_PREPARATION_SECONDS } from "../engine/create.js";
import { ROLES, type PerRole, type Role } from "../engine/roles.js";
import { SCENARIO_LIMITS } from "../engine/scenarioLimits.js";

/*
 * The HTTP API next to the game socket. Requests are validated with these schemas; every
 * refusal is `{ error: { code, message } }` with an HTTP status.
 */

/** GET /api/scenarios → ScenarioSummary[]: what a lobby shows, nothing private. */
export type ScenarioSummary = {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly currency: string;
  readonly rounds: number;
  readonly turnSeconds: number;
  readonly firstMover: Role;
};

/**
 * GET /api/scenarios → ScenarioEntry[]: the read-only library (shipped, then the operator's
 * SCENARIOS_DIR) and the author's scenarios whose edit keys the request presents, each at its
 * latest version. Only the public summary: nothing of either side's brief.
 */
export type ScenarioEntry = ScenarioSummary & {
  readonly version: number;
  readonly origin: "shipped" | "operator" | "author";
  /** Ships with Parley (read-only; the studio copies it). */
  readonly shipped: boolean;
  /** Saved by an author whose edit key came with the request: PUT may save a new version. */
  readonly editable: boolean;
};

/** POST /api/scenarios → 201. The edit key is shown this once: the server keeps only its digest. */
export type CreateScenarioResponse = { readonly id: string; readonly version: number; readonly editKey: string };
/** PUT /api/scenarios/:id → 200. */
export type UpdateScenarioResponse = { readonly id: string; readonly version: number };

/** The largest scenario document POST or PUT /api/scenarios accepts: the format's own bound on a file. */
export const MAX_SCENARIO_BYTES = SCENARIO_LIMITS.documentBytes;

/** Edit keys a GET /api/scenarios may present at once (`Authorization: Bearer key1 key2 …`). */
export const MAX_EDIT_KEYS = 100;

/**
 * POST /api/tables: a practice or head-to-head table, optionally with a bot in one seat. The bot's
 * `level` is one of BOT_CHOICES: easy, firm, tough, or tit_for_tat.
 */
export const createTableRequestSchema = z.strictObject({
  scenarioId: z.string().min(1).max(40),
  bot: z.strictObject({ role: z.enum(ROLES), level: z.enum(BOT_CHOICES) }).optional(),
  /** Reading time before the first turn's clock; none when absent. Every human seat's "I'm ready" ends it early. */
  readingSeconds: z.int().min(0).max(MAX_PREPARATION_SECONDS).optional(),
});
export type CreateTableRequest = z.input<typeof createTableRequestSchema>;

/**
 * The reading time the practice and head-to-head pickers ask for. A shipped side's reading (the
 * story, the brief, strengths, weaknesses and pressure points) runs from 210 to 410 words: two
 * minutes reads the longest at a careful 200 words a minute. "I'm ready" ends it sooner, so a
 * player who knows the scenario loses nothing to a generous default.
 */
export const PRACTICE_READING_SECONDS = 120;

export type CreateTableResponse = {
  /**
   * Join with `client.joinById(code, …)`; observers need only this. There is no facilitator
   * secret: the creator sits in a seat, and a player never holds more than their seat (only a
   * workshop's facilitator, with the workshop's secret, sees both sides of a table).
   */
  readonly code: string;
  readonly scenarioId: string;
  /** The scenario's library version the table plays, whatever the author saves later. */
  readonly scenarioVersion: number;
  /** One token per human seat (a bot's seat has none): `joinById(code, { seat: token })`. */
  readonly seats: Partial<PerRole<string>>;
  readonly bot: { readonly role: Role; readonly level: BotChoice } | null;
};

export const API_ERROR_CODES = [
  "api/bad_request",
  "api/unknown_scenario",
  "api/not_found",
  "api/forbidden",
  "api/rate_limited",
  "api/server_error",
  "api/too_large",
  "api/unsupported_type",
  "api/conflict",
  "scenario/invalid",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
/** Where a scenario document is wrong (`issues[2].step`) and what is wrong there. */
export type ApiProblem = { readonly path: string; readonly message: string };
/** `problems` comes with `scenario/invalid` only: every problem of the document at once. */
export type ApiError = { readonly error: { readonly code: ApiErrorCode; readonly message: string; readonly problems?: readonly ApiProblem[] } };
