import { emptyModel, reduceModel, type ClientModel } from "../../client/src/model/clientModel.js";
import type { DebriefLine, PerRole, TableView } from "../../shared/engine/index.js";
import type { ServerMessages } from "../../shared/protocol/messages.js";

/**
 * The table view a test client holds, kept by the real client's own model code: whole on every
 * (re)join, then each change applied in the order the `view` messages came. A change the model
 * cannot apply fails the test at once, where the browser would have to fetch the whole view again.
 */
export class HeldView {
  private model: ClientModel = emptyModel;
  /** How many view messages made it. */
  received = 0;

  take(message: ServerMessages["view"]): void {
    this.model = reduceModel(this.model, { kind: "view", message, at: Date.now() });
    if (this.model.catchingUp || this.model.link === "closed") throw new Error("a view message did not fit the view held");
    this.received++;
  }

  get view(): TableView | null {
    return this.model.view;
  }

  /** The debrief lines sent with the game's last move (or on joining a finished table). */
  get debrief(): Partial<PerRole<readonly DebriefLine[]>> {
    return this.model.debrief;
  }
}
