import type { Client, Room } from "colyseus.js";
import { listen } from "./earlyMessages.js";
import type { TableView } from "../../shared/engine/index.js";
import type { JoinOptions } from "../../shared/protocol/join.js";
import type { ServerMessages } from "../../shared/protocol/messages.js";
import type { PublicTable } from "../../shared/protocol/publicTable.js";
import { withProtocol } from "../../shared/protocol/version.js";
import { applyViewDelta } from "../../shared/protocol/viewDelta.js";

/*
 * One simulated person's connection to a table, over colyseus.js and a real WebSocket: it
 * joins with a deadline, holds the view it is sent as the web client does (whole on each
 * join, then each change applied to it), reports every change of the table's progress (start,
 * turn, phase) and every other direct message to its owner, tells a close it caused (leave,
 * drop) from one it did not, and can drop its link and come back with the reconnection token,
 * as a flaky network would.
 */

export type ClientEvents = {
  /** The progress key changed from `from` to `to` (every change that moves the game on), seen in `view`. */
  readonly progress: (client: BenchClient, from: string, to: string, view: TableView) => void;
  /** Any direct message but the view (welcome, error). */
  readonly message: (client: BenchClient, type: string, payload: unknown) => void;
  /** Something went wrong that the load generator did not cause. */
  readonly failure: (client: BenchClient, kind: "unexpected_close" | "client_exception" | "out_of_step", detail: string) => void;
};

export type Link = "joining" | "live" | "dropped" | "left";
export type ClientKind = "player" | "facilitator" | "observer";

const JOIN_TIMEOUT_MS = 15_000;
/** Close code of a deliberate, not consented, drop: the server keeps the seat for a reconnect. */
const DROP_CODE = 4999;

/** Where the game stands for this client: started (synced state), turn and phase (its view). */
function progressKey(state: PublicTable | undefined, view: TableView): string {
  return `${state?.started ? 1 : 0}:${view.turn}:${view.phase}`;
}

/** `work`'s result, or a rejection after `ms`; a result that still comes later goes to `late`. */
function withDeadline<T>(what: string, work: Promise<T>, ms: number, late?: (value: T) => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  if (late) work.then((value) => expired && late(value), () => undefined);
  const deadline = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(() => {
        expired = true;
        reject(new Error(`${what}: no answer within ${ms} ms`));
      }, ms)),
  );
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** A join that succeeds after its deadline belongs to nobody: leave it rather than stay connected. */
const abandon = (room: Room) => void room.leave(true).catch(() => undefined);

export class BenchClient {
  room: Room<PublicTable> | null = null;
  link: Link = "joining";
  /** The progress key of the last state and view this client saw (kept across a drop until the whole view is back). */
  key = "";
  /** The game as this connection was sent it; null after a (re)join until the whole view is in. */
  view: TableView | null = null;
  /** The number of the last view message applied (see ServerMessages["view"]). */
  private viewSeq = 0;
  /** Size of the last frame this client sent. */
  lastFrameBytes = 0;
  /** While dropped: settles once the client is back (or gave up). */
  private returning: Promise<void> | null = null;
  private retired = false;

  constructor(
    private readonly colyseus: Client,
    readonly kind: ClientKind,
    private readonly events: ClientEvents,
  ) {}

  get live(): boolean {
    return this.link === "live" && this.room !== null;
  }

  get state(): PublicTable | null {
    return this.room?.state ?? null;
  }

  async join(code: string, options: JoinOptions): Promise<void> {
    if (this.retired) throw new Error("this client has been retired");
    this.link = "joining";
    this.key = "";
    const room = await withDeadline(`join ${code}`, this.colyseus.joinById<PublicTable>(code, withProtocol(options)), JOIN_TIMEOUT_MS, abandon);
    if (this.link !== "joining") {
      // Told to leave while the join was under way.
      await room.leave(true).catch(() => undefined);
      return;
    }
    void this.attach(room);
  }

  send(type: string, payload: unknown): boolean {
    if (!this.live) return false;
    this.room!.send(type, payload);
    return true;
  }

  /** Leave, and never join again: the end of the run. */
  async retire(): Promise<void> {
    this.retired = true;
    await this.leave();
  }

  /** Leave for good (consented). Safe to call in any state; a dropped client comes back first. */
  async leave(): Promise<void> {
    if (this.link === "dropped" && this.returning) await this.returning;
    const room = this.room;
    const wasLive = this.link === "live";
    this.link = "left";
    this.room = null;
    if (room && wasLive) await withDeadline("leave", room.leave(true), 5_000).catch(() => undefined);
  }

  /**
   * Lose the link without leaving — a close frame the server sees as not consented, or (hard) a
   * socket that just dies — and come back `awayMs` later with the session's reconnection token.
   * Resolves true once back, false if the server would not take the session back.
   */
  dropFor(awayMs: number, hard: boolean): Promise<boolean> {
    const room = this.room;
    if (!room || this.link !== "live") return Promise.resolve(false);
    this.link = "dropped";
    const ws = (room.connection.transport as unknown as { ws: { terminate?: () => void } }).ws;
    if (hard && ws.terminate) ws.terminate();
    else room.connection.close(DROP_CODE, "bench drop");
    const back = new Promise<void>((resolve) => setTimeout(resolve, awayMs)).then(() => this.reconnect(room));
    this.returning = back.then(
      () => undefined,
      () => undefined,
    );
    return back;
  }

  private async reconnect(old: Room<PublicTable>): Promise<boolean> {
    try {
      const room = await withDeadline("reconnect", this.colyseus.reconnect<PublicTable>(old.reconnectionToken), JOIN_TIMEOUT_MS, abandon);
      // Back once the whole view is in: a seat whose move was lost with the link decides on it.
      await withDeadline("the whole view after a reconnect", this.attach(room), JOIN_TIMEOUT_MS);
      return true;
    } catch (error) {
      this.link = "left";
      this.room = null;
      throw error;
    } finally {
      this.returning = null;
    }
  }

  /** Resolves when the room's first (whole) view has been applied. */
  private attach(room: Room<PublicTable>): Promise<void> {
    let viewed: () => void = () => undefined;
    const whole = new Promise<void>((resolve) => (viewed = resolve));
    this.room = room;
    this.link = "live";
    // Every (re)join is sent the whole view first.
    this.view = null;
    // colyseus.js logs every onError by default; the tally records it instead.
    room.onError.clear();
    room.onError((code, message) => this.events.failure(this, "client_exception", `room error ${code}: ${message ?? ""}`));
    const seen = () => {
      const view = this.view;
      if (this.room !== room || !view) return;
      const to = progressKey(room.state, view);
      if (to === this.key) return;
      const from = this.key;
      this.key = to;
      this.events.progress(this, from, to, view);
    };
    room.onStateChange(seen);
    listen(room, (type, payload) => {
      if (this.room !== room) return;
      if (type !== "view") return this.events.message(this, type, payload);
      const { delta, seq } = payload as ServerMessages["view"];
      // Over thousands of tables with drops and returns: the server never skips a change.
      if (delta.kind === "change" && seq !== this.viewSeq + 1) this.events.failure(this, "out_of_step", `view change ${seq} after ${this.viewSeq}`);
      this.viewSeq = seq;
      // Applied in place of the last: unchanged parts are shared, nothing is copied deeply.
      this.view = applyViewDelta(this.view, delta);
      viewed();
      seen();
    });
    room.onLeave((code) => {
      if (this.room !== room || this.link !== "live") return;
      this.link = "left";
      this.events.failure(this, "unexpected_close", `closed with ${code}`);
    });
    const connection = room.connection;
    const send = connection.send.bind(connection);
    connection.send = (data) => {
      this.lastFrameBytes = data.byteLength;
      send(data);
    };
    return whole;
  }
}
