import { clockEndsAt, type TableState } from "../../shared/engine/index.js";
import type { Act } from "./acted.js";
import type { Timers } from "./timers.js";

/** How soon a timer whose move the store could not take tries again. */
const RETRY_MS = 1000;

/** What the clocks read of their table's room. */
type ClockRoom = {
  readonly timers: Timers;
  /** How long a table stands empty before it is closed (TABLE_IDLE_SECONDS). */
  readonly idleMs: number;
  readonly table: () => TableState;
  readonly started: () => boolean;
  /** A game is under way: it has begun and is not over. */
  readonly inPlay: () => boolean;
  /** Someone is connected. */
  readonly occupied: () => boolean;
  readonly act: Act;
  /** The table stood empty for idleMs: close it. */
  readonly closeIdle: () => void;
};

/**
 * The deadlines a table keeps besides the bot's and the reconnect windows: the turn clock, the
 * idle close, and another try at starting the game. All on the room's Timers, so they stop
 * together when the table closes or moves.
 */
export class TableClocks {
  constructor(private readonly room: ClockRoom) {}

  /** After every change of the table: run the clock to its deadline, which ends with a timeout. */
  turn(): void {
    const { timers } = this.room;
    timers.clear("turn");
    // The turn's clock, or reading time's before the first turn: either ends with a timeout.
    const endsAt = clockEndsAt(this.room.table());
    if (!this.room.started() || endsAt === null) return;
    // +1 ms: a timer may wake a hair before the wall clock reaches the deadline.
    timers.set("turn", endsAt - Date.now() + 1, () => {
      void this.room.act({ type: "timeout" }).then((acted) => {
        if (acted.kind === "applied" && !acted.result.ok) this.turn();
        // The store could not take it: try again shortly rather than in a tight loop.
        if (acted.kind === "unsaved") timers.set("turn", RETRY_MS, () => this.turn());
      });
    });
  }

  /**
   * A table nobody is at is closed after idleMs. A game in progress is never closed this way:
   * its reconnect windows end it first.
   */
  watchEmpty(): void {
    if (this.room.occupied() || this.room.inPlay()) return;
    this.room.timers.set("idle", this.room.idleMs, this.room.closeIdle);
  }

  /** Someone is at the table: it is not idle. */
  occupied(): void {
    this.room.timers.clear("idle");
  }

  /** The store could not take the start of the game: `begin` tries again shortly. */
  retryBegin(begin: () => void): void {
    this.room.timers.set("begin", RETRY_MS, begin);
  }
}
