import type { Action, ApplyResult, TableState } from "../../shared/engine/index.js";
import type { Logger } from "../logger.js";
import type { Timers } from "./timers.js";

/** What became of an action handed to the table. */
export type Acted =
  | { readonly kind: "applied"; readonly result: ApplyResult }
  /** The store did not take it: nothing changed, nothing was broadcast. */
  | { readonly kind: "unsaved" }
  /** The table is closing here (shutdown, or another process took it over). */
  | { readonly kind: "halted" };

/**
 * What a TableRoom shows its collaborators (TableClocks, Reconnections, BotDriver). They read the
 * game when their timer fires, not when it was set, and change it only through `act`.
 */
export type TableHost = {
  /** The room's one set of deadlines: all stop together when the table closes or moves. */
  readonly timers: Timers;
  readonly log: Logger;
  readonly table: () => TableState;
  /** Both seats have been filled once and the start is on record. */
  readonly started: () => boolean;
  /** A game is under way: it has begun and is not over. */
  readonly inPlay: () => boolean;
  /** The table's one way to change the game: queued, written to the log, then published. */
  readonly act: (action: Action) => Promise<Acted>;
};
