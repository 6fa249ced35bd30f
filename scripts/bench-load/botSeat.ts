import { botMove, type BotProfile } from "../../shared/bots/index.js";
import type { Role } from "../../shared/engine/index.js";
import type { BenchClient } from "./benchClient.js";
import { seatIntentOf } from "./seatIntent.js";

/*
 * A bot in a seat, playing over the wire exactly as the web client would let a person play:
 * it reads the TableView its connection holds (kept from the view messages as the client keeps
 * it), asks the shared bot for a move, and sends it after thinking for a while.
 */

export type Pace =
  | { readonly mode: "idle" }
  /** Think a uniformly random time in [minMs, maxMs] before each move. */
  | { readonly mode: "human"; readonly minMs: number; readonly maxMs: number }
  /** Move as soon as the turn arrives: saturation. */
  | { readonly mode: "closed" };

export type SeatHost = {
  readonly pace: () => Pace;
  readonly random: () => number;
  /** Called just before the move goes out, with the progress key it answers. */
  readonly moving: (seat: BotSeat, key: string) => void;
  readonly moved: (seat: BotSeat, frameBytes: number) => void;
  readonly stuck: (seat: BotSeat, why: string) => void;
};

export class BotSeat {
  /** The progress key this seat last moved on: one move per turn. */
  private movedOn = "";
  private thinking: NodeJS.Timeout | NodeJS.Immediate | null = null;

  constructor(
    readonly role: Role,
    readonly client: BenchClient,
    private readonly profile: BotProfile,
    private readonly host: SeatHost,
  ) {}

  /** A fresh game at a fresh table. */
  reset(): void {
    this.stop();
    this.movedOn = "";
  }

  stop(): void {
    if (this.thinking) {
      clearTimeout(this.thinking as NodeJS.Timeout);
      clearImmediate(this.thinking as NodeJS.Immediate);
    }
    this.thinking = null;
  }

  /**
   * After a reconnect: if the table still waits on the move this seat sent before the drop, the
   * move was lost with the link (the server handles a socket's frames before it lets the session
   * back in), so the seat may move again.
   */
  forgetLostMove(): void {
    if (this.client.key === this.movedOn) this.movedOn = "";
  }

  /** Start thinking if it is this seat's turn and the pace allows a move. */
  consider(): void {
    const pace = this.host.pace();
    if (pace.mode === "idle" || this.thinking || !this.due()) return;
    if (pace.mode === "closed") {
      this.thinking = setImmediate(() => this.move());
      return;
    }
    const delay = pace.minMs + this.host.random() * (pace.maxMs - pace.minMs);
    this.thinking = setTimeout(() => this.move(), delay);
  }

  private due(): boolean {
    const { view, state } = this.client;
    const myTurn = state?.started === true && view !== null && view.phase === "playing" && view.toAct === this.role;
    return this.client.live && myTurn && this.client.key !== this.movedOn;
  }

  private move(): void {
    this.thinking = null;
    if (this.host.pace().mode === "idle" || !this.due()) return;
    const action = botMove(this.client.view!, this.profile);
    const intent = action && seatIntentOf(action);
    if (!intent) return this.host.stuck(this, `bot ${this.role} had no move (got ${action?.type ?? "null"})`);
    const key = this.client.key;
    this.movedOn = key;
    this.host.moving(this, key);
    this.client.send(intent.type, intent.payload);
    this.host.moved(this, this.client.lastFrameBytes);
  }
}

