import { botMove, botProfile, type BotProfile } from "../../shared/bots/index.js";
import type { Role, TableState } from "../../shared/engine/index.js";
import type { Logger } from "../logger.js";
import type { TableBot } from "../tables/tableSpec.js";
import type { Act } from "./acted.js";
import type { Timers } from "./timers.js";
import { viewOf } from "./views.js";

/** What the driver uses of its table's room. */
type BotRoom = {
  readonly timers: Timers;
  /** How long the bot thinks before each move, so a person can follow the game. */
  readonly thinkMs: number;
  readonly log: Logger;
  /** The table as it is now: read again when the move is due, not when it was planned. */
  readonly table: () => TableState;
  readonly act: Act;
};

/** The bot in one seat of a table: it moves, after thinking, whenever that seat is to act. */
export class BotDriver {
  readonly role: Role;
  private readonly profile: BotProfile;
  /** The turn a pending move was planned for, so an unrelated update does not restart its thinking. */
  private plannedFor = -1;

  /** `seed`: the table's; the same table always gets the same bot. */
  constructor(
    seat: NonNullable<TableBot>,
    seed: string,
    private readonly room: BotRoom,
  ) {
    this.role = seat.role;
    this.profile = botProfile(seat.level, `${seed}:bot`);
  }

  /** After every change of the table: plan a move when the bot's seat is to act, or drop the one planned. */
  update(started: boolean): void {
    const { timers } = this.room;
    const table = this.room.table();
    if (!(started && table.phase === "playing" && table.toAct === this.role)) {
      timers.clear("bot");
      this.plannedFor = -1;
      return;
    }
    if (this.plannedFor === table.turn && timers.has("bot")) return;
    this.plannedFor = table.turn;
    timers.set("bot", this.room.thinkMs, () => {
      this.plannedFor = -1;
      // The bot sees exactly what a person in its seat would.
      const action = botMove(viewOf(this.room.table(), this.role), this.profile);
      if (!action) return;
      void this.room.act(action).then((acted) => {
        if (acted.kind === "applied" && !acted.result.ok) this.room.log.warn({ action: action.type, error: acted.result.error }, "bot move refused; its turn will time out");
      });
    });
  }
}
