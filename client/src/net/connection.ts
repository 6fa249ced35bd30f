import { Client, type Room } from "colyseus.js";
import type { z } from "zod";
import type { Role } from "../../../shared/engine/roles.js";
import { CLOSE_CODES, type JoinOptions } from "../../../shared/protocol/join.js";
import { clientMessageSchemas, type ServerMessages } from "../../../shared/protocol/messages.js";
import type { PublicTable } from "../../../shared/protocol/publicTable.js";
import { withProtocol } from "../../../shared/protocol/version.js";
import { emptyModel, inputOf, reduceModel, SERVER_MESSAGES, type ClientModel, type ModelInput, type ServerMessageKind } from "../model/clientModel.js";
import { snapshotRoom } from "../model/roomSnapshot.js";
import { joinProblem, type JoinProblem } from "./joinErrors.js";

/*
 * The one place that talks to the table room. It turns the synced state and direct messages
 * into ClientModel updates, sends a player's intents, and keeps the seat through network
 * drops: it resumes the same session with the reconnection token while the server holds the
 * seat, then falls back to the seat token.
 */

export type JoinTarget =
  | { readonly kind: "seat"; readonly code: string; readonly token: string; readonly name: string; readonly reconnectionToken: string | null }
  | { readonly kind: "observe"; readonly code: string }
  /** A workshop facilitator's spectator view: both sides' hidden information. */
  | { readonly kind: "facilitate"; readonly code: string; readonly secret: string };

/** The moves a seated player can send, each with the payload its schema accepts. */
export type SeatIntentType = "offer" | "accept" | "ask" | "walk_away" | "note" | "ready";
export type SeatIntent = { [T in SeatIntentType]: { readonly type: T; readonly payload: z.input<(typeof clientMessageSchemas)[T]> } }[SeatIntentType];

export type SessionHooks = {
  /** A session was opened or resumed: keep its reconnection token for a reload. */
  readonly onSession: (reconnectionToken: string, role: Role | null) => void;
};

export class JoinFailure extends Error {
  constructor(readonly problem: JoinProblem) {
    super(problem.message);
  }
}

/** Closes after which coming back is pointless. A server restart (serverShutdown) is not one: tables resume from the store. */
const FINAL_CLOSES = new Map<number, string>([
  [4000, "You left the table."],
  [CLOSE_CODES.tableClosed, "The table was closed after standing empty."],
  [CLOSE_CODES.rateLimited, "Too many messages were sent from this window: the table closed the connection."],
]);

export class TableConnection {
  private model: ClientModel = emptyModel;
  private readonly listeners = new Set<(model: ClientModel) => void>();
  private room: Room<PublicTable> | null = null;
  private closedByUs = false;
  /** The latest session's token: it rotates on every reconnect. */
  private reconnectionToken: string | null = null;
  /** How long the server holds a dropped seat (from its welcome). */
  private welcomeSeconds = 60;

  private constructor(
    private readonly client: Client,
    private readonly target: JoinTarget,
    private readonly hooks: SessionHooks,
  ) {}

  /** Join (or resume) the table; rejects with a JoinFailure saying why not. */
  static async open(endpoint: string, target: JoinTarget, hooks: SessionHooks): Promise<TableConnection> {
    const connection = new TableConnection(new Client(endpoint), target, hooks);
    connection.attach(await connection.connect(true));
    return connection;
  }

  get current(): ClientModel {
    return this.model;
  }

  subscribe(listener: (model: ClientModel) => void): () => void {
    this.listeners.add(listener);
    listener(this.model);
    return () => this.listeners.delete(listener);
  }

  send(intent: SeatIntent): void {
    if (!this.room || this.model.link !== "live") {
      this.dispatch({
        kind: "error",
        message: { code: "protocol/not_allowed", message: "Not connected to the table right now: try again in a moment.", request: intent.type },
        at: Date.now(),
      });
      return;
    }
    this.room.send(intent.type, intent.payload);
  }

  dismissRefusal(): void {
    this.dispatch({ kind: "dismiss_refusal" });
  }

  async leave(): Promise<void> {
    this.closedByUs = true;
    await this.room?.leave(true);
  }

  private dispatch(input: ModelInput): void {
    this.model = reduceModel(this.model, input);
    for (const listener of this.listeners) listener(this.model);
  }

  /** Resume the stored session if there is one, else take the seat (or a spectator's place). */
  private async connect(first: boolean): Promise<Room<PublicTable>> {
    const { target } = this;
    if (target.kind === "seat") {
      const token = this.storedReconnection;
      if (token) {
        try {
          return await this.client.reconnect<PublicTable>(token);
        } catch {
          // The server no longer holds that session: take the seat with its token instead.
        }
      }
      const options: JoinOptions = { seat: target.token, ...(target.name ? { name: target.name } : {}) };
      return this.join(options, first);
    }
    return this.join(target.kind === "facilitate" ? { facilitator: target.secret } : {}, first);
  }

  private get storedReconnection(): string | null {
    return this.reconnectionToken ?? (this.target.kind === "seat" ? this.target.reconnectionToken : null);
  }

  private async join(options: JoinOptions, first: boolean): Promise<Room<PublicTable>> {
    try {
      return await this.client.joinById<PublicTable>(this.target.code, withProtocol(options));
    } catch (error) {
      const problem = joinProblem(error, this.target.code);
      if (first) throw new JoinFailure(problem);
      throw error;
    }
  }

  private attach(room: Room<PublicTable>): void {
    this.room = room;
    this.reconnectionToken = room.reconnectionToken;
    room.onStateChange((state) => this.dispatch({ kind: "room", room: snapshotRoom(state) }));
    for (const type of SERVER_MESSAGES) room.onMessage(type, (message: never) => this.onServerMessage(type, message));
    room.onLeave((code) => void this.onLeave(code));
    this.dispatch({ kind: "link", link: "live" });
  }

  private onServerMessage(type: ServerMessageKind, message: ServerMessages[ServerMessageKind]): void {
    if (type === "welcome") {
      const welcome = message as ServerMessages["welcome"];
      this.welcomeSeconds = welcome.reconnectSeconds;
      if (this.room) this.hooks.onSession(this.room.reconnectionToken, welcome.role);
    }
    const wasCatchingUp = this.model.catchingUp;
    this.dispatch(inputOf(type, message, Date.now()));
    if (this.model.catchingUp && !wasCatchingUp) this.renewLink();
  }

  /**
   * The view this window holds missed a change. The server greets every arrival with its whole
   * view, so dropping the link (not leaving: the seat is held) and coming back brings it.
   */
  private renewLink(): void {
    void this.room?.leave(false);
  }

  private async onLeave(code: number): Promise<void> {
    this.room = null;
    const final = FINAL_CLOSES.get(code);
    if (this.closedByUs || final) {
      this.dispatch({ kind: "link", link: "closed", reason: final ?? "You left the table." });
      return;
    }
    this.dispatch({ kind: "link", link: "reconnecting" });
    // Keep trying for as long as the server holds the seat, backing off a little each time.
    const deadline = Date.now() + this.welcomeSeconds * 1000;
    let delay = 250;
    while (Date.now() < deadline && !this.closedByUs) {
      try {
        this.attach(await this.connect(false));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 3000);
      }
    }
    this.dispatch({ kind: "link", link: "closed", reason: "Lost the connection to the table. Reload the page to try again." });
  }
}
