import { matchMaker, OnMessageException, Room, type Client, type RoomException } from "@colyseus/core";
import { apply, clockEndsAt, ROLES, type Action, type Role, type RuleErrorCode, type Scenario, type TableState } from "../../shared/engine/index.js";
import { CLOSE_CODES } from "../../shared/protocol/join.js";
import type { ProtocolErrorCode } from "../../shared/protocol/messages.js";
import type { TableControl } from "../../shared/protocol/tableControls.js";
import type { Logger } from "../logger.js";
import type { PinnedScenario } from "../scenarios/library.js";
import { TableJournal } from "../persistence/journal.js";
import { initialState, replayTable } from "../persistence/replay.js";
import { isStoreError } from "../storage/errors.js";
import type { StoredTable } from "../storage/store.js";
import { releaseTableCode } from "../tables/tableCode.js";
import { announceTable, type ControlResult } from "../tables/tableLinks.js";
import { tileSnapshotOf } from "../tables/tileSnapshot.js";
import { tableBotSchema, tableRoomOptionsSchema } from "../tables/tableSpec.js";
import { BotDriver } from "./botDriver.js";
import { forceFullEncode, patchOnlyWhenAsked, screenFrames, shareHandshake } from "./colyseusInternals.js";
import { corked } from "./corked.js";
import { Audience, seatingOf, send, type Seating, type TableClient } from "./audience.js";
import { FrameScreen } from "./frameScreen.js";
import { NOT_STARTED, routeMessage } from "./messageRoute.js";
import { PublicTableState } from "./publicSchema.js";
import { Reconnections } from "./reconnections.js";
import { Seats } from "./seats.js";
import { SerialQueue } from "./serialQueue.js";
import type { TableServices } from "./services.js";
import { authorize, JoinRefusal, type Auth } from "./tableAuth.js";
import { TableClocks } from "./tableClocks.js";
import type { Acted, TableHost } from "./tableHost.js";
import { Timers } from "./timers.js";
import { writePublicTable } from "./writePublicTable.js";

const UNSAVED = "The server could not save that move, so nothing changed: try again.";

/** Store refusals that mean this process's copy of the table is no longer the one in play. */
const SUPERSEDED = ["store/not_owner", "store/not_open", "store/duplicate", "store/gap"] as const;

/**
 * One negotiation table. A thin adapter between Colyseus and the rules engine: every message
 * is parsed with the shared protocol, turned into an engine action and applied; each viewer
 * is sent what changed in the engine's view for it (Audience), and the synced state holds the
 * seats. No rule of the game lives here — only who sits where, and when the clocks run.
 *
 * The room keeps the order of things (build from the store; seat and unseat; apply, write,
 * publish) and hands each concern to a collaborator: who may join (tableAuth), which frames
 * reach Colyseus at all (FrameScreen), what a message comes to (messageRoute), who sits where
 * (Seats), who is sent what (Audience), the turn clock, the idle close and the start's retry
 * (TableClocks), a dropped player's window to come back (Reconnections), the bot's seat
 * (BotDriver). The last three share the room's one Timers and see it only as a TableHost.
 * Whatever of Colyseus is not its public API is reached in colyseusInternals.ts.
 *
 * Nothing is lost: a room is always built from the store (a new table has an empty log), by
 * replaying its log through the engine, and every action that changes the state is appended
 * to the log before anyone hears of it. Actions, timer moves and the start of the game run
 * one at a time through a queue, so the log order is the order they were applied in.
 *
 * Clocks after a restart or a move to another process: the turn deadline is the engine's own
 * (turnEndsAt, from the logged times). If it passed while the table was down, the timeout is
 * applied as soon as the table is back, once, and the next player starts a full turn from
 * then. Every human seat of a game in progress starts a fresh reconnect window.
 */
export class TableRoom extends Room<PublicTableState, unknown, Seating, Auth> {
  private services!: TableServices;
  private log!: Logger;
  /** The table's creation facts, seat digests and the names stored when this room was built. */
  private origin!: StoredTable;
  private scenario!: Scenario;
  private code!: string;
  private table!: TableState;
  private journal!: TableJournal;
  private readonly queue = new SerialQueue();
  private started = false;
  /** The start of the game is being written. */
  private starting = false;
  /** The action that ends the game is being written, or was: the lease may go. */
  private finishing = false;
  /** Another process holds the table now: this copy writes and sends nothing more. */
  private halted = false;
  private seats!: Seats;
  private audience!: Audience;
  private frames!: FrameScreen;
  /** Every deadline of the table, one per name: the collaborators below set theirs here. */
  private timers!: Timers;
  private clocks!: TableClocks;
  private reconnections!: Reconnections;
  private bot: BotDriver | null = null;
  private shuttingDown = false;

  override async onCreate(options: { services: TableServices } & Record<string, unknown>): Promise<void> {
    const { services, ...given } = options;
    const parsed = tableRoomOptionsSchema.safeParse(given);
    if (!parsed.success) throw new Error(`bad table room options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    const { code } = parsed.data;
    this.services = services;
    this.code = code;
    this.roomId = code;
    this.log = services.logger.child({ table: code });
    patchOnlyWhenAsked(this);
    // A table outlives moments with nobody connected (before players arrive, during drops).
    this.autoDispose = false;
    screenFrames(this, (client, buffer) => this.frames.admit(client, buffer));

    // The lease comes before the load: whatever an earlier holder wrote is in what we read.
    const claimed = await services.leases.claim(code, () => this.onLeaseLost());
    try {
      const stored = await services.store.loadTable(code);
      this.build(stored, stored ? await services.scenarios.resolve(stored.scenarioId, stored.scenarioVersion) : undefined, claimed);
      // A room born while the server drains would never be asked to close.
      if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) throw new Error("the server is shutting down");
      // A deadline that passed while the table was down is settled before anyone can join.
      const endsAt = clockEndsAt(this.table);
      if (this.inPlay() && endsAt !== null && endsAt <= Date.now()) await this.act({ type: "timeout" });
    } catch (error) {
      if (claimed) services.leases.forget(code);
      throw error;
    }
    await this.setPrivate(true);
    this.onMessage("*", (client, type, payload) => this.onClientMessage(client, type, payload));
  }

  /** The room's state from the stored table: replayed, seated, clocks running. */
  private build(stored: StoredTable | null, pinned: PinnedScenario | undefined, claimed: boolean): void {
    if (!stored || stored.closedAt !== null) throw new Error(`there is no open table ${this.code}`);
    // A finished table needs no lease: it only shows its result. An open one must be ours.
    if (stored.status === "open" && !claimed) throw new Error(`table ${this.code} is held by another process`);
    if (!pinned) throw new Error(`table ${this.code} needs the unknown scenario "${stored.scenarioId}" version ${stored.scenarioVersion}`);
    const { scenario } = pinned;
    const bot = tableBotSchema.safeParse(stored.bot);
    if (!bot.success) throw new Error(`table ${this.code} has a malformed bot seat`);
    const { config } = this.services;

    this.origin = stored;
    this.scenario = scenario;
    this.log = this.log.child({ scenario: scenario.id });
    this.table = replayTable(stored, scenario);
    this.started = stored.startedAt !== null;
    this.finishing = stored.status === "finished";
    this.journal = new TableJournal(this.services.store, this.code, this.services.leases.owner, stored.log.length);
    this.seats = Seats.fromStore(stored.seats, bot.data);
    this.audience = new Audience(this.code, config.RECONNECT_SECONDS);
    this.frames = new FrameScreen(config, this.log, (client, why, text) => this.refuse(client, `protocol/${why}`, text, null));
    this.timers = new Timers((error, name) => this.log.error({ err: error, timer: name }, "table timer failed"));
    const host: TableHost = {
      timers: this.timers,
      log: this.log,
      table: () => this.table,
      started: () => this.started,
      inPlay: () => this.inPlay(),
      act: (action) => this.act(action),
    };
    const idle = { idleMs: config.TABLE_IDLE_SECONDS * 1000, occupied: () => this.clients.length > 0, closeIdle: () => void this.closeIdle() };
    this.clocks = new TableClocks(host, idle);
    const returned = (client: TableClient) => this.onReturn(client);
    this.reconnections = new Reconnections(host, { colyseus: this, seats: this.seats, seconds: config.RECONNECT_SECONDS, returned });
    if (bot.data) this.bot = new BotDriver(host, bot.data, stored.seed, config.BOT_THINK_MS);
    this.state = new PublicTableState();
    shareHandshake(this, PublicTableState);
    // Nobody is connected to a table that is only now built: a game in progress gives every player a window to return.
    if (this.inPlay()) this.reconnections.markAbsentAway();
    this.sync();
    this.clocks.turn();
    this.bot?.update();
    this.clocks.watchEmpty();
    const resumed = stored.log.length > 0 || this.started;
    this.log.info({ bot: bot.data, logged: stored.log.length, phase: this.table.phase }, resumed ? "table resumed" : "table opened");
  }

  override onAuth(_client: Client, options: unknown): Auth {
    const observers = () => this.clients.filter((c) => c.userData?.viewer === "observer").length;
    return authorize(options, { seats: this.seats, origin: this.origin, observers, maxObservers: this.services.config.MAX_OBSERVERS });
  }

  override onJoin(client: TableClient, _options: unknown, auth: Auth): void {
    const { viewer, role } = auth;
    if (role) {
      // Checked again here, synchronously, because two joins with one token can both pass onAuth.
      if (this.seats.isLive(role)) throw new JoinRefusal("join/seat_taken", "Someone is already sitting in that seat.");
      const name = this.reconnections.seatTaken(role, client.sessionId, auth.name);
      if (name !== null) this.saveSeat(role, name);
    }
    client.userData = { viewer, role };
    this.clocks.occupied();
    this.log.debug({ session: client.sessionId, viewer }, "joined");
    if (!this.started && !this.starting && ROLES.every((r) => this.seats.isLive(r))) this.begin();
    else this.sync();
    this.audience.greet(client, this.table);
  }

  override onLeave(client: TableClient, consented: boolean): void {
    const seating = client.userData;
    this.frames.forget(client);
    // A join refused in onJoin never got a seating; shutdown (or a move) is nobody's departure.
    if (!seating || this.shuttingDown || this.halted) return;
    const { role } = seating;
    this.log.debug({ session: client.sessionId, viewer: seating.viewer, consented }, "left");
    if (role && this.seats.holder(role) === client.sessionId) {
      this.reconnections.vacated(role);
      this.sync();
    }
    this.clocks.watchEmpty();
    if (!consented) this.reconnections.hold(client, role);
  }

  /**
   * Drain, then close: actions already queued are applied, written and sent; nothing new is
   * taken and no timer fires. The game stays open in the store, unscored, and resumes when the
   * server (or another process) is back.
   */
  override onBeforeShutdown(): void {
    this.shuttingDown = true;
    this.timers.clearAll();
    void this.queue.drained().then(() => this.disconnect(CLOSE_CODES.serverShutdown));
  }

  override onDispose(): Promise<void> {
    this.timers.clearAll();
    this.services.leases.forget(this.code);
    this.log.info({ phase: this.table.phase, outcome: this.table.outcome?.kind ?? null }, "table closed here");
    return releaseTableCode(this.presence, this.code);
  }

  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    if (error.cause instanceof JoinRefusal) return;
    this.log.error({ err: error.cause ?? error, method: methodName }, "table room failure");
    if (error instanceof OnMessageException) this.refuse(error.client, "protocol/server_error", "The server could not handle that message; nothing changed.", null);
  }

  /**
   * A patch taken while no client is connected would leave a stale full state behind
   * (colyseus#917, see colyseusInternals.ts).
   */
  override broadcastPatch(): boolean {
    if (this.clients.length === 0) forceFullEncode(this);
    return super.broadcastPatch();
  }

  private onClientMessage(client: TableClient, type: unknown, payload: unknown): void {
    const request = typeof type === "string" ? type.slice(0, 40) : null;
    const route = routeMessage(type, payload, seatingOf(client), { restarting: this.shuttingDown, started: this.started });
    switch (route.kind) {
      case "refused":
        return this.refuse(client, route.code, route.message, request);
      case "control":
        void this.facilitatorControl(route.control).then((result) => {
          // A table that has stopped says nothing more: its clients are moving on with it.
          if (!result.ok && result.error.code !== "table/closed") this.refuse(client, result.error.code, result.error.message, request);
        });
        return;
      case "action":
        void this.act(route.action).then((acted) => {
          if (acted.kind === "unsaved") this.refuse(client, "protocol/server_error", UNSAVED, request);
          else if (acted.kind === "applied" && !acted.result.ok) this.refuse(client, acted.result.error.code, acted.result.error.message, request);
        });
    }
  }

  private refuse(client: Client, code: RuleErrorCode | ProtocolErrorCode, message: string, request: string | null): void {
    send(client, "error", { code, message, request });
  }

  /**
   * Apply one engine action, after those queued before it. Whatever changed the state (even a
   * refusal's interruption) is written to the log first, then published.
   */
  private act(action: Action): Promise<Acted> {
    return this.queue.run(async (): Promise<Acted> => {
      if (this.halted) return { kind: "halted" };
      const before = this.table;
      const at = Date.now();
      const result = apply(before, action, at);
      if (result.state === before) return { kind: "applied", result };
      const justFinished = before.phase !== "finished" && result.state.phase === "finished";
      if (justFinished) this.finishing = true;
      try {
        await this.journal.record(action, at, result.state);
      } catch (error) {
        if (justFinished) this.finishing = false;
        this.failedWrite(error, action.type);
        return { kind: "unsaved" };
      }
      this.commit(result.state, justFinished);
      return { kind: "applied", result };
    });
  }

  private commit(next: TableState, justFinished: boolean): void {
    const before = this.table;
    this.table = next;
    if (justFinished) {
      this.services.leases.forget(this.code);
      this.reconnections.gameOver();
    }
    this.publish(before);
    this.clocks.turn();
    this.bot?.update();
    if (justFinished) {
      this.log.info({ outcome: next.outcome?.kind, score: next.score }, "game over");
      this.clocks.watchEmpty();
    }
  }

  /** A write the store refused or could not take. Refusals that mean the table moved end this copy. */
  private failedWrite(error: unknown, what: string): void {
    if (SUPERSEDED.some((code) => isStoreError(error, code))) {
      this.log.warn({ err: error, write: what }, "the store holds a newer copy of this table: closing it here");
      this.onLeaseLost();
      return;
    }
    this.log.error({ err: error, write: what }, "could not write to the store");
  }

  /** Another process resumed this table: stop, and send the players there. */
  private onLeaseLost(): void {
    if (this.halted || this.finishing || this.shuttingDown) return;
    this.halted = true;
    this.timers.clearAll();
    void this.disconnect(CLOSE_CODES.tableMoved);
  }

  /** A game is under way: it has begun and is not over. */
  private inPlay(): boolean {
    return this.started && this.table.phase !== "finished";
  }

  /** A seat's name is kept with the table, in order with its other writes. */
  private saveSeat(role: Role, name: string): void {
    if (this.finishing) return;
    const { tokenHash } = this.origin.seats[role];
    this.queue.run(() => this.journal.seat(role, tokenHash, name)).catch((error: unknown) => this.failedWrite(error, "seat"));
  }

  /** After a change from `before` to the current table: the seats' patch and each viewer's change, one system call per client. */
  private publish(before: TableState): void {
    corked(this.clients, () => {
      this.sync();
      this.audience.deliver(this.clients, before, this.table);
    });
  }

  /** The single write of the synced state (seats, start), one patch to everyone if it changed, and the workshop's tile. */
  private sync(): void {
    const seats = this.seats.snapshot();
    writePublicTable(this.state, this.code, this.started, seats);
    this.broadcastPatch();
    if (this.origin.workshopId !== null) announceTable(this.presence, this.code, tileSnapshotOf(this.table, this.started, seats, this.announceAgain));
  }

  /** Once the zone band left out of a snapshot is known (tileSnapshot.ts); nothing once the room is gone. */
  private readonly announceAgain = () => {
    if (!this.halted && this.table) this.announce();
  };

  /** Called remotely by the table's workshop (tableLinks.ts): tell its watchers where the game stands. */
  announce(): void {
    announceTable(this.presence, this.code, tileSnapshotOf(this.table, this.started, this.seats.snapshot(), this.announceAgain));
  }

  /**
   * The one entrance of a facilitator's control: their own message at this table (the Watch view)
   * and their workshop's remote call (tableLinks.ts) both come through here.
   */
  async facilitatorControl(control: TableControl): Promise<ControlResult> {
    if (!this.started) return { ok: false, error: { code: "protocol/not_started", message: NOT_STARTED } };
    const acted = await this.act(control);
    if (acted.kind === "halted") return { ok: false, error: { code: "table/closed", message: "This table has moved or closed." } };
    if (acted.kind === "unsaved") return { ok: false, error: { code: "protocol/server_error", message: UNSAVED } };
    return acted.result.ok ? { ok: true } : { ok: false, error: acted.result.error };
  }

  /**
   * Both seats are filled for the first time: the game starts now. The draw is the same (same
   * seed); only the clock is reset, so nobody's first turn ran out while the room was filling.
   * The start time is stored first: replay starts the engine's clock from it.
   */
  private begin(): void {
    this.starting = true;
    this.queue
      .run(async () => {
        if (this.halted || this.shuttingDown) return;
        const at = Date.now();
        await this.journal.started(at);
        this.started = true;
        const before = this.table;
        this.table = initialState(this.origin, this.scenario, at);
        this.publish(before);
        // Someone may have dropped while the start was being written.
        this.reconnections.markAbsentAway();
        this.clocks.turn();
        this.bot?.update();
        this.log.info("game started");
      })
      .catch((error: unknown) => {
        this.failedWrite(error, "start");
        // The store could not take it: try again while both seats are still filled.
        this.clocks.retryBegin(() => {
          if (!this.started && !this.starting && !this.halted && ROLES.every((r) => this.seats.isLive(r))) this.begin();
        });
      })
      .finally(() => (this.starting = false));
  }

  /** Back in the same session, and in its seat (Reconnections has sat it). */
  private onReturn(client: TableClient): void {
    const { viewer } = seatingOf(client);
    this.clocks.occupied();
    this.log.debug({ session: client.sessionId, viewer }, "reconnected");
    this.sync();
    this.audience.greet(client, this.table);
  }

  /**
   * Nobody was at the table for TABLE_IDLE_SECONDS (TableClocks.watchEmpty): one that never
   * started is given up in the store too, and one that is over only leaves memory.
   */
  private async closeIdle(): Promise<void> {
    if (this.clients.length > 0 || this.inPlay()) return;
    if (!this.started && !this.starting) {
      try {
        await this.queue.run(() => this.journal.closed(Date.now()));
      } catch (error) {
        this.failedWrite(error, "close");
        if (!this.halted) return this.clocks.watchEmpty();
      }
    }
    await this.disconnect(CLOSE_CODES.tableClosed);
  }
}
