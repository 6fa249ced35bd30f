import type { RoundSettings } from "../../protocol/workshop.js";
import type { TableControl } from "../../protocol/tableControls.js";
import type { WorkshopMessageType } from "../../protocol/workshop.js";
import type { Pairing, TablePlan } from "../pairing.js";

/*
 * Everything that can happen to a workshop, as data. Time and randomness come in the command
 * (`at`, `seed`), and so does what only the room can know (who is online, whether a scenario
 * exists): the core itself does no I/O.
 */
export type WorkshopCommand =
  /** A new participant; the room made their token and gives only its digest. */
  | { readonly type: "join"; readonly name: string; readonly tokenHash: string; readonly at: number }
  /** A participant came back with their token; one who had left is a member again. */
  | { readonly type: "return"; readonly participantId: string }
  /** A participant leaves the workshop for good (closing the tab is not leaving). */
  | { readonly type: "leave"; readonly participantId: string }
  | { readonly type: "remove"; readonly participantId: string }
  | { readonly type: "broadcast"; readonly text: string; readonly at: number }
  | { readonly type: "set_anonymous"; readonly anonymous: boolean }
  /** `online`: the members with a connection open, in roster order. */
  | { readonly type: "propose"; readonly oddSeat: RoundSettings["oddSeat"]; readonly online: readonly string[]; readonly seed: string }
  /** `scenarioVersion`: the version the library pins for the round, null when there is no such scenario. */
  | {
      readonly type: "start_round";
      readonly settings: RoundSettings;
      readonly pairing: Pairing;
      readonly scenarioVersion: number | null;
      readonly drawSeed: string | null;
      readonly at: number;
    }
  | { readonly type: "seat_waiting"; readonly online: readonly string[]; readonly seed: string }
  /** One table of the tables being opened is open, at `code`. */
  | { readonly type: "table_opened"; readonly code: string; readonly plan: TablePlan }
  /** Every table being opened is open: everyone learns where they sit. */
  | { readonly type: "tables_placed" }
  /** Opening tables failed part way: the tables already open stay with the round. */
  | { readonly type: "opening_failed" }
  /** A facilitator's control for one table of the running round (by code) or all of them. */
  | { readonly type: "control"; readonly control: WorkshopMessageType; readonly action: TableControl; readonly table: string | undefined }
  | { readonly type: "end_round"; readonly at: number }
  /** A table reported its game over. */
  | { readonly type: "table_finished"; readonly code: string }
  /** A finished game's summary is ready: the round is over once every game is. */
  | { readonly type: "game_summarized"; readonly round: number; readonly at: number };

export type WorkshopCommandType = WorkshopCommand["type"];
