import type { Action, ApplyResult } from "../../shared/engine/index.js";

/** What became of an action handed to the table. */
export type Acted =
  | { readonly kind: "applied"; readonly result: ApplyResult }
  /** The store did not take it: nothing changed, nothing was broadcast. */
  | { readonly kind: "unsaved" }
  /** The table is closing here (shutdown, or another process took it over). */
  | { readonly kind: "halted" };

/** The table's one way to change the game: queued, written, then published (TableRoom.act). */
export type Act = (action: Action) => Promise<Acted>;
