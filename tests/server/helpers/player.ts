import { Client, type Room } from "colyseus.js";
import type { DebriefLine, GameEvent, PerRole, TableView } from "../../../shared/engine/index.js";
import type { JoinOptions } from "../../../shared/protocol/join.js";
import type { ServerMessages, ServerMessageType } from "../../../shared/protocol/messages.js";
import type { PublicTable } from "../../../shared/protocol/publicTable.js";
import { withProtocol } from "../../../shared/protocol/version.js";
import { HeldView } from "../../helpers/heldView.js";
import { until } from "./wait.js";

export type Received = { readonly type: string; readonly payload: unknown; /** Index of the frame that carried it. */ readonly frame: number };

/**
 * A colyseus.js client that records every WebSocket frame it receives, byte for byte, across
 * all its connections (join and reconnects), plus every decoded direct message in order.
 */
export class CapturingClient extends Client {
  readonly frames: Uint8Array[] = [];
  readonly received: Received[] = [];
  readonly closes: number[] = [];
  /** Called after each direct message is recorded. */
  readonly listeners: (() => void)[] = [];

  override createRoom<T>(roomName: string, rootSchema?: never): Room<T> {
    const room = super.createRoom<T>(roomName, rootSchema);
    // colyseus.js prints every refused join; the tests read the refusals themselves.
    room.onError.clear();
    // The only handler: colyseus.js skips "*" for a type that has its own.
    room.onMessage("*", (type: string | number, payload: unknown) => {
      this.received.push({ type: String(type), payload, frame: this.frames.length - 1 });
      for (const listener of this.listeners) listener();
    });
    const connect = room.connect.bind(room);
    room.connect = (...args: Parameters<Room["connect"]>) => {
      connect(...args);
      const ws = (room.connection.transport as unknown as { ws: { onmessage: (e: { data: ArrayBuffer }) => void; addEventListener: (t: string, f: (e: { code: number }) => void) => void } }).ws;
      const deliver = ws.onmessage;
      ws.onmessage = (event) => {
        this.frames.push(new Uint8Array(event.data.slice(0)));
        deliver(event);
      };
      ws.addEventListener("close", (event) => this.closes.push(event.code));
    };
    return room;
  }
}

/** One person at a table, as a test drives them. */
export class Player {
  room!: Room<PublicTable>;
  private readonly held = new HeldView();
  /** How many of the client's received messages the held view has taken. */
  private taken = 0;

  constructor(
    readonly client: CapturingClient,
    readonly label: string,
  ) {}

  static async join(endpoint: string, code: string, options: JoinOptions, label: string): Promise<Player> {
    const player = new Player(new CapturingClient(endpoint), label);
    player.room = await player.client.joinById<PublicTable>(code, withProtocol(options));
    await player.firstState();
    return player;
  }

  /** connectTo/joinById resolve before the first state and view arrive. */
  private async firstState(): Promise<void> {
    const views = this.held.received;
    await until(`${this.label}: first state`, () => this.room.state !== undefined && typeof this.room.state.code === "string" && this.room.state.code !== "");
    await until(`${this.label}: whole view`, () => this.catchUp().received > views);
  }

  /** The synced room state: the code, whether the game began, the seats. */
  get state(): PublicTable {
    return this.room.state;
  }

  /** The game as this client holds it: the view messages it was sent, applied in order. */
  get view(): TableView {
    const view = this.catchUp().view;
    if (!view) throw new Error(`${this.label}: no view yet`);
    return view;
  }

  /** The debrief lines this client was sent. */
  get debrief(): Partial<PerRole<readonly DebriefLine[]>> {
    return this.catchUp().debrief;
  }

  private catchUp(): HeldView {
    const { received } = this.client;
    for (; this.taken < received.length; this.taken++) {
      const m = received[this.taken]!;
      if (m.type === "view") this.held.take(m.payload as ServerMessages["view"]);
    }
    return this.held;
  }

  send(type: string | number, payload?: unknown): void {
    this.room.send(type, payload);
  }

  messages<T extends ServerMessageType>(type: T): ServerMessages[T][] {
    return this.client.received.filter((m) => m.type === type).map((m) => m.payload as ServerMessages[T]);
  }

  last<T extends ServerMessageType>(type: T): ServerMessages[T] | undefined {
    return this.messages(type).at(-1);
  }

  /** The events of the game this client may see, as its view has them. */
  events(): readonly GameEvent[] {
    return this.view.timeline;
  }

  errorCount(): number {
    return this.messages("error").length;
  }

  async nextError(after: number): Promise<ServerMessages["error"]> {
    await until(`${this.label}: error #${after + 1}`, () => this.errorCount() > after);
    return this.messages("error")[after]!;
  }

  /** Drop the connection as a network failure would (not a consented leave). */
  drop(): void {
    this.room.connection.close(4999, "test drop");
  }

  async reconnect(): Promise<void> {
    this.room = await this.client.reconnect<PublicTable>(this.room.reconnectionToken);
    await this.firstState();
  }

  get isOpen(): boolean {
    return this.room.connection.isOpen;
  }
}
