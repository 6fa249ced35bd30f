import { randomBytes } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import type { BotLevel } from "../../shared/bots/index.js";
import type { PerRole, Role } from "../../shared/engine/index.js";
import type { CreateTableResponse } from "../../shared/protocol/api.js";
import type { TableServices } from "../room/services.js";
import { digestOf, newSecret } from "./secrets.js";
import { TABLE_ROOM, type TableSpec } from "./tableSpec.js";

/** What a caller decides about a new table; everything secret is made here. */
export type TableRequest = {
  readonly scenarioId: string;
  readonly bot?: { readonly role: Role; readonly level: BotLevel };
  /** Same drawSeed → same walk-aways, hot buttons and deck (a workshop's "same deck" round). */
  readonly drawSeed?: string;
  readonly rounds?: number;
  readonly turnSeconds?: number;
};

export type OpenTableRefusal = { readonly code: "api/unknown_scenario"; readonly message: string };
export type OpenTableResult = { ok: true; table: CreateTableResponse } | { ok: false; error: OpenTableRefusal };

/**
 * Open one table and hand back its code and secrets. The HTTP route calls this for practice
 * and head-to-head tables; a workshop can call it once per pair. The tokens exist only in the
 * return value: the room receives their digests.
 */
export async function openTable(request: TableRequest, services: TableServices): Promise<OpenTableResult> {
  if (!services.catalog.get(request.scenarioId))
    return { ok: false, error: { code: "api/unknown_scenario", message: `There is no scenario "${request.scenarioId}".` } };
  const bot = request.bot ?? null;

  const seatFor = (role: Role): string | null => (bot?.role === role ? null : newSecret());
  const tokens: PerRole<string | null> = { buyer: seatFor("buyer"), seller: seatFor("seller") };
  const facilitatorSecret = newSecret();
  const spec: TableSpec = {
    scenarioId: request.scenarioId,
    seed: randomBytes(16).toString("base64url"),
    ...(request.drawSeed !== undefined ? { drawSeed: request.drawSeed } : {}),
    ...(request.rounds !== undefined ? { rounds: request.rounds } : {}),
    ...(request.turnSeconds !== undefined ? { turnSeconds: request.turnSeconds } : {}),
    seatDigests: { buyer: tokens.buyer && digestOf(tokens.buyer), seller: tokens.seller && digestOf(tokens.seller) },
    facilitatorDigest: digestOf(facilitatorSecret),
    bot,
  };
  const room = await matchMaker.createRoom(TABLE_ROOM, spec);
  const seats: { buyer?: string; seller?: string } = {};
  if (tokens.buyer) seats.buyer = tokens.buyer;
  if (tokens.seller) seats.seller = tokens.seller;
  return { ok: true, table: { code: room.roomId, scenarioId: request.scenarioId, seats, facilitatorSecret, bot } };
}
