import { z } from "zod";
import { BOT_LEVELS } from "../../shared/bots/index.js";
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

/** A bot seat as the store keeps it (JSON), checked when read back. */
export const tableBotSchema = z.strictObject({ role: z.enum(ROLES), level: z.enum(BOT_LEVELS) }).nullable();
export type TableBot = z.output<typeof tableBotSchema>;
