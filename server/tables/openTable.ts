import { randomBytes } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import type { BotLevel } from "../../shared/bots/index.js";
import type { PerRole, Role } from "../../shared/engine/index.js";
import type { CreateTableResponse } from "../../shared/protocol/api.js";
import type { TableServices } from "../room/services.js";
import { isStoreError } from "../storage/errors.js";
import type { NewTable } from "../storage/store.js";
import { hashSecret, newSecret } from "../storage/secrets.js";
import { claimTableCode, releaseTableCode } from "./tableCode.js";
import { TABLE_ROOM } from "./tableSpec.js";

/** What a caller decides about a new table; everything secret is made here. */
export type TableRequest = {
  readonly scenarioId: string;
  readonly bot?: { readonly role: Role; readonly level: BotLevel };
  /** Same drawSeed → same walk-aways, hot buttons and deck (a workshop's "same deck" round). */
  readonly drawSeed?: string;
  readonly rounds?: number;
  readonly turnSeconds?: number;
  /** A workshop's table: round `round` of workshop `id`, which must already be in the store. */
  readonly workshop?: { readonly id: string; readonly round: number };
};

export type OpenTableRefusal = { readonly code: "api/unknown_scenario"; readonly message: string };
export type OpenTableResult = { ok: true; table: CreateTableResponse } | { ok: false; error: OpenTableRefusal };

const CODE_ATTEMPTS = 20;

/**
 * Open one table and hand back its code and secrets. The HTTP route calls this for practice
 * and head-to-head tables; a workshop can call it once per pair. The table is in the store
 * before anyone can know its code, and its room is built from there, on this process. The
 * tokens exist only in the return value: the store and the room keep their digests.
 */
export async function openTable(request: TableRequest, services: TableServices): Promise<OpenTableResult> {
  if (!services.catalog.get(request.scenarioId))
    return { ok: false, error: { code: "api/unknown_scenario", message: `There is no scenario "${request.scenarioId}".` } };
  const bot = request.bot ?? null;

  const seatFor = (role: Role): string | null => (bot?.role === role ? null : newSecret());
  const tokens: PerRole<string | null> = { buyer: seatFor("buyer"), seller: seatFor("seller") };
  const facilitatorSecret = newSecret();
  const seed = randomBytes(16).toString("base64url");
  const table = (code: string): NewTable => ({
    code,
    scenarioId: request.scenarioId,
    seed,
    drawSeed: request.drawSeed ?? seed,
    options: {
      ...(request.rounds !== undefined ? { rounds: request.rounds } : {}),
      ...(request.turnSeconds !== undefined ? { turnSeconds: request.turnSeconds } : {}),
    },
    createdAt: Date.now(),
    workshopId: request.workshop?.id ?? null,
    workshopRound: request.workshop?.round ?? null,
    seats: {
      buyer: { tokenHash: tokens.buyer === null ? null : hashSecret(tokens.buyer), name: bot?.role === "buyer" ? botName(bot.level) : null },
      seller: { tokenHash: tokens.seller === null ? null : hashSecret(tokens.seller), name: bot?.role === "seller" ? botName(bot.level) : null },
    },
    facilitatorSecretHash: hashSecret(facilitatorSecret),
    bot,
  });

  const code = await storeWithFreshCode(services, table);
  try {
    await matchMaker.handleCreateRoom(TABLE_ROOM, { code });
  } catch (error) {
    // Nobody has the code yet: give the table up rather than leave it waiting for no one.
    await services.store.closeTable(code, Date.now()).catch(() => undefined);
    throw error;
  }
  const seats: { buyer?: string; seller?: string } = {};
  if (tokens.buyer) seats.buyer = tokens.buyer;
  if (tokens.seller) seats.seller = tokens.seller;
  return { ok: true, table: { code, scenarioId: request.scenarioId, seats, facilitatorSecret, bot } };
}

export const botName = (level: BotLevel): string => `Bot (${level})`;

/**
 * A code no live room uses (the presence, shared by every process, also keeps workshop codes)
 * and no table ever had (the store refuses a taken code): draw again until both agree.
 */
async function storeWithFreshCode(services: TableServices, table: (code: string) => NewTable): Promise<string> {
  for (let i = 0; i < CODE_ATTEMPTS; i++) {
    const code = await claimTableCode(matchMaker.presence);
    try {
      await services.store.createTable(table(code));
      return code;
    } catch (error) {
      await releaseTableCode(matchMaker.presence, code);
      if (!isStoreError(error, "store/duplicate")) throw error;
    }
  }
  throw new Error("could not find a free table code");
}
