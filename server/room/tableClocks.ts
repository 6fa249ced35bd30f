import { clockEndsAt } from "../../shared/engine/index.js";
import type { TableHost } from "./tableHost.js";

/** How soon a timer whose move the store could not take tries again. */
const RETRY_MS = 1000;

/** The idle watch's view of the room. */
type IdleWatch = {
  /** How long a table stands empty before it is closed (TABLE_IDLE_SECONDS). */
  readonly idleMs: number;
  /** Someone is connected. */
  readonly occupied: () => boolean;
  /** The table stood empty for idleMs: close it. */
  readonly closeIdle: () => void;
};

/**
 * The table's deadlines besides the bot's and the reconnect windows: the turn clock, the idle
 * close, and another try at starting the game.
 */
export class TableClocks {
  constructor(
    private readonly host: TableHost,
    private readonly idle: IdleWatch,
  ) {}

  /** After every change of the table: run the clock to its deadline, which ends with a timeout. */
  turn(): void {
    const { timers } = this.host;
    timers.clear("turn");
    // The turn's clock, or reading time's before the first turn: either ends with a timeout.
    const endsAt = clockEndsAt(this.host.table());
    if (!this.host.started() || endsAt === null) return;
    // +1 ms: a timer may wake a hair before the wall clock reaches the deadline.
    timers.set("turn", endsAt - Date.now() + 1, () => {
      void this.host.act({ type: "timeout" }).then((acted) => {
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
    if (this.idle.occupied() || this.host.inPlay()) return;
    this.host.timers.set("idle", this.idle.idleMs, this.idle.closeIdle);
  }

  /** Someone is at the table: it is not idle. */
  occupied(): void {
    this.host.timers.clear("idle");
  }

  /** The store could not take the start of the game: `begin` tries again shortly. */
  retryBegin(begin: () => void): void {
    this.host.timers.set("begin", RETRY_MS, begin);
  }
}
