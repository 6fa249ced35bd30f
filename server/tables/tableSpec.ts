import { z } from "zod";
import { BOT_CHOICES } from "../../shared/bots/index.js";
import { ROLES } from "../../shared/engine/index.js";
import { TABLE_CODE_PATTERN } from "./tableCode.js";

/** The room type every table is created as. */
export const TABLE_ROOM = "table";

/**
 * What a TableRoom is created from (matchMaker options): only its code. Everything else — the
 * seeds, options, seat digests and the log — is read from the store, so a new table and one
 * resumed after a crash or on another process are built the same way.
 */
export const tableRoomOptionsSchema = z.strictObject({ code: z.string().regex(TABLE_CODE_PATTERN, "must be a table code") });

/**
 * A bot seat as the store keeps it (JSON), checked when read back. `level` is what the player or
 * facilitator picked (BOT_CHOICES); the name stayed when tit-for-tat joined the three levels, so
 * every row stored before then still reads.
 */
export const tableBotSchema = z.strictObject({ role: z.enum(ROLES), level: z.enum(BOT_CHOICES) }).nullable();
export type TableBot = z.output<typeof tableBotSchema>;
