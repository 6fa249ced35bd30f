import { MapSchema, Schema, type } from "@colyseus/schema";
import type { Role } from "../../shared/engine/roles.js";
import type { PublicSeat, PublicTable } from "../../shared/protocol/publicTable.js";

/*
 * The synced Colyseus state of a table: who sits where and whether the game has begun, the same
 * for every client. The game itself is not here: each viewer is sent its own view (audience.ts),
 * so nothing hidden is ever part of the encoded state. Written only by writePublicTable().
 * returnBy is float64: epoch times exceed 32 bits.
 */

export class SeatState extends Schema implements PublicSeat {
  @type("string") role: Role = "buyer";
  @type("string") name = "";
  @type("boolean") connected = false;
  @type("boolean") bot = false;
  @type("boolean") taken = false;
  @type("float64") returnBy = 0;
}

export class PublicTableState extends Schema implements PublicTable {
  @type("string") code = "";
  @type("boolean") started = false;
  @type({ map: SeatState }) seats = new MapSchema<SeatState>();
}
