import type { DebriefLine } from "../../../shared/engine/debrief.js";
import type { PerRole } from "../../../shared/engine/roles.js";
import type { Package } from "../../../shared/engine/state.js";
import type { PublicSeat } from "../../../shared/protocol/publicTable.js";
import type { LinkState, Refusal } from "../model/clientModel.js";

/** What a view-model needs besides the TableView: seats, the link, and the player's draft. */
export type TableContext = {
  readonly code: string;
  readonly seats: readonly PublicSeat[];
  /** False until both seats are filled: the clock has not started. */
  readonly started: boolean;
  readonly link: LinkState;
  readonly closedReason: string | null;
  readonly refusal: Refusal | null;
  readonly clockOffsetMs: number;
  /** The end-of-game debrief lines this viewer was sent, by seat. */
  readonly debrief?: Partial<PerRole<readonly DebriefLine[]>>;
  /** The package in the offer builder, previewed against the walk-away. */
  readonly draft: Package | null;
};
