import type { DebriefLine } from "../../../shared/engine/debrief.js";
import type { PerRole } from "../../../shared/engine/roles.js";
import type { Package } from "../../../shared/engine/state.js";
import type { PublicSeat } from "../../../shared/protocol/publicTable.js";
import type { ClientModel, LinkState, Refusal } from "../model/clientModel.js";
import type { RoomSnapshot } from "../model/roomSnapshot.js";

/** What a view-model needs besides the TableView: seats, the link, and the player's draft. */
export type TableContext = {
  readonly code: string;
  readonly seats: readonly PublicSeat[];
  /**
   * False until both seats are filled. The engine's view has a turn clock and a reading time
   * from the table's creation even then; the clock starts only with the game, so nothing may
   * count down before this is true.
   */
  readonly started: boolean;
  readonly link: LinkState;
  /** The view missed a change and waits for the whole view again: what it shows may be a move behind. */
  readonly catchingUp: boolean;
  readonly closedReason: string | null;
  readonly refusal: Refusal | null;
  readonly clockOffsetMs: number;
  /** The end-of-game debrief lines this viewer was sent, by seat. */
  readonly debrief?: Partial<PerRole<readonly DebriefLine[]>>;
  /** The package in the offer builder, previewed against the walk-away. */
  readonly draft: Package | null;
};

/** The context of a model with the room it has heard from (its `room`) and the offer builder's draft. */
export function contextOf(model: ClientModel, room: RoomSnapshot, draft: Package | null): TableContext {
  return {
    code: room.code,
    seats: room.seats,
    started: room.started,
    link: model.link,
    catchingUp: model.catchingUp,
    closedReason: model.closedReason,
    refusal: model.refusal,
    clockOffsetMs: model.clockOffsetMs,
    debrief: model.debrief,
    draft,
  };
}
