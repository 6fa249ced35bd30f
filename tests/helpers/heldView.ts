import type { DebriefLine, PerRole, TableView } from "../../shared/engine/index.js";
import type { ServerMessages } from "../../shared/protocol/messages.js";
import { applyViewDelta } from "../../shared/protocol/viewDelta.js";

/**
 * The table view a test client holds, kept as the real client keeps it: whole on every (re)join,
 * then each change applied in the order the `view` messages came.
 */
export class HeldView {
  private current: TableView | null = null;
  private lines: Partial<PerRole<readonly DebriefLine[]>> = {};
  /** How many view messages made it. */
  received = 0;

  take(message: ServerMessages["view"]): void {
    this.current = applyViewDelta(this.current, message.delta);
    if (message.debrief) this.lines = message.debrief;
    this.received++;
  }

  get view(): TableView | null {
    return this.current;
  }

  /** The debrief lines sent with the game's last move (or on joining a finished table). */
  get debrief(): Partial<PerRole<readonly DebriefLine[]>> {
    return this.lines;
  }
}
