import { ArraySchema, MapSchema, Schema, type } from "@colyseus/schema";
import type { Phase } from "../../shared/engine/index.js";
import type { Role } from "../../shared/engine/roles.js";
import type { PublicCard, PublicConcession, PublicOffer, PublicSeat, PublicTable, ReadyMark } from "../../shared/protocol/publicTable.js";

/*
 * The synced Colyseus state of a table: public data only, the same for every client. No field
 * here carries a @view() tag, on purpose — private data travels as direct messages to whoever
 * may see it, so nothing hidden is ever part of the encoded state. Written only by
 * writePublicTable(). Epoch times are float64 (they exceed 32 bits); shares are float64 so they
 * arrive exactly as the engine rounded them.
 */

export class SeatState extends Schema implements PublicSeat {
  @type("string") role: Role = "buyer";
  @type("string") name = "";
  @type("boolean") connected = false;
  @type("boolean") bot = false;
  @type("boolean") taken = false;
  @type("float64") returnBy = 0;
}

export class OfferState extends Schema implements PublicOffer {
  @type("string") by: Role = "seller";
  @type("uint16") turn = 0;
  @type("uint16") round = 0;
  @type("float64") at = 0;
  @type("string") termsJson = "{}";
  @type("string") message = "";
}

export class ConcessionState extends Schema implements PublicConcession {
  @type("uint16") turn = 0;
  @type("string") by: Role = "seller";
  @type("string") issueId = "";
  @type("float64") share = 0;
  @type("string") status: PublicConcession["status"] = "pending";
}

export class CardState extends Schema implements PublicCard {
  @type("boolean") hidden = true;
  @type("string") id = "";
  @type("string") title = "";
  @type("string") text = "";
  @type("string") visibility: PublicCard["visibility"] = "private";
  @type("string") side: Role = "buyer";
  @type("uint16") round = 0;
}

export class PublicTableState extends Schema implements PublicTable {
  @type("string") code = "";
  @type("string") scenarioId = "";
  @type("boolean") started = false;
  @type("string") phase: Phase = "playing";
  @type("uint16") turn = 0;
  @type("uint16") round = 1;
  @type("uint16") lastRound = 1;
  @type("string") toAct: Role = "seller";
  @type("float64") turnEndsAt = 0;
  @type("float64") pausedRemainingMs = 0;
  @type("float64") turnMs = 0;
  @type("boolean") reading = false;
  @type("float64") readingEndsAt = 0;
  @type("string") readyBuyer: ReadyMark = "none";
  @type("string") readySeller: ReadyMark = "none";
  @type({ map: SeatState }) seats = new MapSchema<SeatState>();
  @type([OfferState]) offers = new ArraySchema<OfferState>();
  @type([ConcessionState]) ledger = new ArraySchema<ConcessionState>();
  @type([CardState]) cards = new ArraySchema<CardState>();
  @type("uint16") interruptionsBuyer = 0;
  @type("uint16") interruptionsSeller = 0;
  @type("string") outcome = "";
}
