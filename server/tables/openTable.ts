import { randomBytes } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import type { BotChoice } from "../../shared/bots/index.js";
import { ROLES, type PerRole, type Role } from "../../shared/engine/index.js";
import type { CreateTableResponse } from "../../shared/protocol/api.js";
import type { TableServices } from "../room/services.js";
import { isStoreError } from "../storage/errors.js";
import type { NewTable } from "../storage/store.js";
import { hashSecret, newSecret, type SecretHash } from "../storage/secrets.js";
import { claimTableCode, releaseTableCode } from "./tableCode.js";
import { TABLE_ROOM } from "./tableSpec.js";

/** What a caller decides about a new table. */
export type TableRequest = {
  readonly scenarioId: string;
  /** A workshop round's tables play the version the round was started with; otherwise the latest. */
  readonly scenarioVersion?: number;
  readonly bot?: { readonly role: Role; readonly level: BotChoice };
  /** Same drawSeed → same walk-aways, hot buttons and deck (a workshop's "same deck" round). */
  readonly drawSeed?: string;
  readonly rounds?: number;
  readonly turnSeconds?: number;
  /** Reading time before the first turn's clock. */
  readonly readingSeconds?: number;
};

/**
 * Who may sit where and who may facilitate, as digests: the table never holds a raw secret. Only
 * a workshop's tables have a facilitator key (the workshop's own); a practice or head-to-head
 * table has none, since whoever opened it sits in one of its seats.
 */
export type TableKeys = { readonly seats: PerRole<SecretHash | null>; readonly facilitator: SecretHash | null };

/** A workshop's table: round `round` of workshop `id`, which must already be in the store. */
export type WorkshopPlace = { readonly id: string; readonly round: number };

export type OpenTableRefusal = { readonly code: "api/unknown_scenario"; readonly message: string };
export type OpenTableResult = { ok: true; table: CreateTableResponse } | { ok: false; error: OpenTableRefusal };

const CODE_ATTEMPTS = 20;

/**
 * Open a practice or head-to-head table with new seat tokens and hand back its code and those
 * tokens. The tokens exist only in the return value: the store and the room keep digests. No
 * facilitator secret is made: the creator takes a seat, and a seat is all a player may hold.
 */
export async function openTable(request: TableRequest, services: TableServices): Promise<OpenTableResult> {
  const bot = request.bot ?? null;
  const seatFor = (role: Role): string | null => (bot?.role === role ? null : newSecret());
  const tokens: PerRole<string | null> = { buyer: seatFor("buyer"), seller: seatFor("seller") };
  const keys: TableKeys = {
    seats: { buyer: tokens.buyer === null ? null : hashSecret(tokens.buyer), seller: tokens.seller === null ? null : hashSecret(tokens.seller) },
    facilitator: null,
  };
  const opened = await openWithKeys(request, keys, null, services);
  if (!opened.ok) return opened;
  const seats: { buyer?: string; seller?: string } = {};
  if (tokens.buyer) seats.buyer = tokens.buyer;
  if (tokens.seller) seats.seller = tokens.seller;
  return { ok: true, table: { code: opened.code, scenarioId: request.scenarioId, scenarioVersion: opened.scenarioVersion, seats, bot } };
}

/**
 * Open a table of a workshop round. Its keys are the workshop's own: each participant's token
 * opens their seat and the workshop's facilitator secret opens it as facilitator, so nothing
 * new has to be handed out, and a workshop rebuilt from the store can still send people there.
 */
export function openWorkshopTable(request: TableRequest, place: WorkshopPlace, keys: TableKeys & { readonly facilitator: SecretHash }, services: TableServices): Promise<OpenedTable> {
  return openWithKeys(request, keys, place, services);
}

type OpenedTable = { ok: true; code: string; scenarioVersion: number } | { ok: false; error: OpenTableRefusal };

/** The table is in the store before anyone can know its code, and its room is built from there, on this process. */
async function openWithKeys(request: TableRequest, keys: TableKeys, place: WorkshopPlace | null, services: TableServices): Promise<OpenedTable> {
  const pinned = await services.scenarios.resolve(request.scenarioId, request.scenarioVersion);
  if (!pinned) return { ok: false, error: { code: "api/unknown_scenario", message: `There is no scenario "${request.scenarioId}".` } };
  const bot = request.bot ?? null;
  const seed = randomBytes(16).toString("base64url");
  const seat = (role: Role) => ({ tokenHash: bot?.role === role ? null : keys.seats[role], name: bot?.role === role ? botName(bot.level) : null });
  const table = (code: string): NewTable => ({
    code,
    scenarioId: request.scenarioId,
    scenarioVersion: pinned.version,
    seed,
    drawSeed: request.drawSeed ?? seed,
    options: {
      ...(request.rounds !== undefined ? { rounds: request.rounds } : {}),
      ...(request.turnSeconds !== undefined ? { turnSeconds: request.turnSeconds } : {}),
      // A workshop's class starts together, on the clock or the facilitator's word; elsewhere every human seat's "ready" may start it.
      ...(request.readingSeconds ? { preparationSeconds: request.readingSeconds, readySeats: place ? [] : ROLES.filter((r) => bot?.role !== r) } : {}),
    },
    createdAt: Date.now(),
    workshopId: place?.id ?? null,
    workshopRound: place?.round ?? null,
    seats: { buyer: seat("buyer"), seller: seat("seller") },
    facilitatorSecretHash: keys.facilitator,
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
  return { ok: true, code, scenarioVersion: pinned.version };
}

/** How a bot seat is named at the table and in a workshop: "Bot (easy)", "Bot (tit-for-tat)". */
export const botName = (level: BotChoice): string => `Bot (${level.replaceAll("_", "-")})`;

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
