import type { ControlOutcome, WorkshopMessageType } from "../../protocol/workshop.js";
import type { TableControl } from "../../protocol/tableControls.js";
import type { Pairing, PairingIssue, TablePlan } from "../pairing.js";
import type { Broadcast, PersonFacts, RoundFacts } from "./state.js";

/*
 * What the room is to do after a command, as data. Store writes come first and are awaited:
 * nobody hears of a change before it is on record (a failed write leaves the state as it was).
 */

export type StoreWrite =
  | { readonly type: "add_participant"; readonly person: PersonFacts }
  | { readonly type: "participant_left"; readonly participantId: string; readonly left: boolean }
  | { readonly type: "remove_participant"; readonly participantId: string }
  | { readonly type: "broadcast"; readonly entry: Broadcast }
  | { readonly type: "anonymous"; readonly anonymous: boolean }
  | { readonly type: "start_round"; readonly round: RoundFacts }
  /** The round's tables (by code) and observers, each time they change. */
  | { readonly type: "seating"; readonly round: RoundFacts }
  | { readonly type: "end_round"; readonly round: number; readonly at: number };

export type Effect =
  | { readonly kind: "store"; readonly write: StoreWrite }
  /** Open these tables for round `round`, one by one, each answered with table_opened. */
  | { readonly kind: "open_tables"; readonly round: number; readonly plans: readonly TablePlan[] }
  /** Apply `action` at each table; the facilitator hears each table's answer under `control`. */
  | { readonly kind: "control_tables"; readonly control: WorkshopMessageType; readonly action: TableControl; readonly tables: readonly { readonly code: string; readonly label: string }[] }
  /** The facilitator's answer to a control that needs no table. */
  | { readonly kind: "reply"; readonly control: WorkshopMessageType; readonly results: readonly ControlOutcome[] }
  | { readonly kind: "proposal"; readonly pairing: Pairing; readonly issues: readonly PairingIssue[] }
  /** Everyone: the roster and round changed (lobby, console, projector). */
  | { readonly kind: "lobby" }
  /** Every member: where they play now; the grid follows. */
  | { readonly kind: "assignments" }
  | { readonly kind: "broadcast"; readonly entry: Broadcast }
  /** The facilitator removed this participant: their connections are closed. */
  | { readonly kind: "evict"; readonly participantId: string }
  /** Finished games changed: debriefs and results. */
  | { readonly kind: "results" };
