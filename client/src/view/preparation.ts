import { otherRole, type Role } from "../../../shared/engine/roles.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { sideName } from "./labels.js";

/** The "I'm ready" control during reading time, for a seat whose word can start the clock. */
export type PreparationVM = {
  /** The button is there to press: this seat has not said it yet. */
  readonly canSayReady: boolean;
  /** Who the clock still waits for, in words. */
  readonly text: string;
};

export function preparationOf(view: TableView, ctx: TableContext): PreparationVM | null {
  const me: Role | null = view.viewer === "buyer" || view.viewer === "seller" ? view.viewer : null;
  const prep = view.preparation;
  if (!me || !prep || !ctx.started || view.phase !== "preparing") return null;
  const mine = prep.ready[me];
  if (mine === undefined) return null;
  const other = otherRole(me);
  const theirs = prep.ready[other];
  const name = sideName(other, view.viewer, ctx.seats);
  if (mine) return { canSayReady: false, text: `You are ready. Waiting for ${name} to finish reading.` };
  if (theirs === undefined) return { canSayReady: true, text: "Done reading? The clock starts when you are ready." };
  return { canSayReady: true, text: theirs ? `${name} is ready: the clock starts when you are.` : "Done reading? The clock starts once both of you are ready." };
}
