import { z } from "zod";
import { BOT_LEVELS } from "../../shared/bots/index.js";
import { ROLES } from "../../shared/engine/index.js";

/** The room type every table is created as. */
export const TABLE_ROOM = "table";

const digest = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hex digest");

/**
 * What a TableRoom is created from (matchMaker.createRoom options). Only the server builds
 * these (openTable); they are validated again in onCreate because they may cross processes.
 * Seats and the facilitator are given as digests: the room never holds a usable secret.
 */
export const tableSpecSchema = z.strictObject({
  scenarioId: z.string().min(1).max(40),
  /** Seed of this table's own randomness. */
  seed: z.string().min(1).max(100),
  /** Give several tables the same draw (walk-aways, deck) by giving them the same drawSeed. */
  drawSeed: z.string().min(1).max(100).optional(),
  rounds: z.int().min(1).max(50).optional(),
  turnSeconds: z.number().positive().max(3600).optional(),
  seatDigests: z.strictObject({ buyer: digest.nullable(), seller: digest.nullable() }),
  facilitatorDigest: digest,
  bot: z.strictObject({ role: z.enum(ROLES), level: z.enum(BOT_LEVELS) }).nullable(),
});

export type TableSpec = z.output<typeof tableSpecSchema>;
