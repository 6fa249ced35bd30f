import { botMove, botProfile, type BotProfile } from "../../shared/bots/index.js";
import type { Role } from "../../shared/engine/index.js";
import type { TableBot } from "../tables/tableSpec.js";
import type { TableHost } from "./tableHost.js";
import { viewOf } from "./views.js";

/** The bot in one seat of a table: it moves, after thinking, whenever that seat is to act. */
export class BotDriver {
  private readonly role: Role;
  private readonly profile: BotProfile;
  /** The turn a pending move was planned for, so an unrelated update does not restart its thinking. */
  private plannedFor = -1;

  /**
   * `seed`: the table's, so the same table always gets the same bot. `thinkMs` (BOT_THINK_MS):
   * how long it thinks before each move, so a person can follow the game.
   */
  constructor(
    private readonly host: TableHost,
    seat: NonNullable<TableBot>,
    seed: string,
    private readonly thinkMs: number,
  ) {
    this.role = seat.role;
    this.profile = botProfile(seat.level, `${seed}:bot`);
  }

  /** After every change of the table: plan a move when the bot's seat is to act, or drop the one planned. */
  update(): void {
    const { timers } = this.host;
    const table = this.host.table();
    if (!(this.host.started() && table.phase === "playing" && table.toAct === this.role)) {
      timers.clear("bot");
      this.plannedFor = -1;
      return;
    }
    if (this.plannedFor === table.turn && timers.has("bot")) return;
    this.plannedFor = table.turn;
    timers.set("bot", this.thinkMs, () => {
      this.plannedFor = -1;
      // The bot sees exactly what a person in its seat would.
      const action = botMove(viewOf(this.host.table(), this.role), this.profile);
      if (!action) return;
      void this.host.act(action).then((acted) => {
        if (acted.kind === "applied" && !acted.result.ok) this.host.log.warn({ action: action.type, error: acted.result.error }, "bot move refused; its turn will time out");
      });
    });
  }
}
