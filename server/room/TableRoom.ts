import { Deferred, ErrorCode, OnMessageException, Room, ServerError, type Client, type ClientPrivate, type RoomException } from "@colyseus/core";
import { botMove, botProfile, type BotProfile } from "../../shared/bots/index.js";
import {
  apply,
  createTable,
  ROLES,
  type Action,
  type ApplyResult,
  type GameEvent,
  type Role,
  type RuleErrorCode,
  type Scenario,
  type TableState,
} from "../../shared/engine/index.js";
import { CLOSE_CODES, joinErrorMessage, joinOptionsSchema, type JoinErrorCode } from "../../shared/protocol/join.js";
import { parseClientMessage, type ProtocolErrorCode } from "../../shared/protocol/messages.js";
import type { Logger } from "../logger.js";
import { claimTableCode, releaseTableCode } from "../tables/tableCode.js";
import { secretMatches } from "../tables/secrets.js";
import { closeTableLink, openTableLink, tableChanged, type ControlResult, type FacilitatorAction } from "../tables/tableLinks.js";
import { tableSpecSchema, type TableSpec } from "../tables/tableSpec.js";
import { decodable } from "./decodable.js";
import { Audience, seatingOf, send, type Seating, type TableClient } from "./audience.js";
import { MessageBudget } from "./messageBudget.js";
import { PublicTableState } from "./publicSchema.js";
import { Seats } from "./seats.js";
import type { TableServices } from "./services.js";
import { Timers } from "./timers.js";
import { toAction } from "./toAction.js";
import { viewOf } from "./views.js";
import { writePublicTable } from "./writePublicTable.js";

/** A refused join: an answer to the client, not a failure of the server. */
class JoinRefusal extends ServerError {
  constructor(code: JoinErrorCode, text: string) {
    super(ErrorCode.AUTH_FAILED, joinErrorMessage(code, text));
  }
}

type Auth = Seating & { readonly name?: string };

/**
 * One negotiation table. A thin adapter between Colyseus and the rules engine: every message
 * is parsed with the shared protocol, turned into an engine action and applied; the result is
 * written to the public state in one place and sent to each viewer as the engine's view
 * allows. No rule of the game lives here — only who sits where, and when the clocks run.
 */
export class TableRoom extends Room<PublicTableState, unknown, Seating, Auth> {
  private services!: TableServices;
  private log!: Logger;
  private spec!: TableSpec;
  private scenario!: Scenario;
  private code!: string;
  private table!: TableState;
  private started = false;
  private seats!: Seats;
  private audience!: Audience;
  private budget!: MessageBudget;
  private timers!: Timers;
  private bot: { readonly role: Role; readonly profile: BotProfile } | null = null;
  /** The turn a pending bot move was planned for, so an unrelated update does not restart its thinking. */
  private botTurn = -1;
  private shuttingDown = false;
  /** Colyseus reconnections still open, by session: cancelled when their seat is taken with its token. */
  private readonly reconnections = new Map<string, { readonly role: Role | null; readonly pending: Deferred<Client> }>();
  /** Connections being closed for flooding: their remaining frames are dropped unread. */
  private readonly closing = new WeakSet<Client>();

  override async onCreate(options: { services: TableServices } & Record<string, unknown>): Promise<void> {
    const { services, ...given } = options;
    const parsed = tableSpecSchema.safeParse(given);
    if (!parsed.success) throw new Error(`bad table spec: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    const spec = parsed.data;
    const scenario = services.catalog.get(spec.scenarioId);
    if (!scenario) throw new Error(`unknown scenario "${spec.scenarioId}"`);

    this.services = services;
    this.spec = spec;
    this.scenario = scenario;
    // Turn-based: patches go out right after each accepted action, never on an idle interval.
    (this as { patchRate: number | null }).patchRate = null;
    // A table outlives moments with nobody connected (before players arrive, during drops).
    this.autoDispose = false;
    this.code = await claimTableCode(this.presence);
    this.roomId = this.code;
    await this.setPrivate(true);
    this.log = services.logger.child({ table: this.code, scenario: scenario.id });

    this.table = this.newGame();
    this.seats = new Seats(spec.seatDigests, spec.bot?.role ?? null, spec.bot ? `Bot (${spec.bot.level})` : "");
    if (spec.bot) this.bot = { role: spec.bot.role, profile: botProfile(spec.bot.level, `${spec.seed}:bot`) };
    this.audience = new Audience(this.code, services.config.RECONNECT_SECONDS);
    this.budget = new MessageBudget(services.config.MESSAGE_RATE, services.config.MESSAGE_BURST);
    this.timers = new Timers((error, name) => this.log.error({ err: error, timer: name }, "table timer failed"));
    this.state = new PublicTableState();
    openTableLink(this.code, (action) => this.control(action));
    this.sync();
    this.watchEmpty();
    this.onMessage("*", (client, type, payload) => this.onClientMessage(client, type, payload));
    this.log.info({ bot: spec.bot }, "table opened");
  }

  override onAuth(client: Client, options: unknown): Auth {
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw new JoinRefusal("join/bad_options", parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; "));
    const { seat, facilitator, name } = parsed.data;
    if (seat !== undefined) {
      const role = this.seats.roleForToken(seat);
      if (!role) throw new JoinRefusal("join/bad_seat", "That seat link is not valid for this table.");
      if (this.seats.isLive(role)) throw new JoinRefusal("join/seat_taken", "Someone is already sitting in that seat.");
      return { viewer: role, role, ...(name !== undefined ? { name } : {}) };
    }
    if (facilitator !== undefined) {
      if (!secretMatches(this.spec.facilitatorDigest, facilitator)) throw new JoinRefusal("join/bad_facilitator", "That facilitator link is not valid for this table.");
      return { viewer: "facilitator", role: null };
    }
    const observers = this.clients.filter((c) => c.userData?.viewer === "observer").length;
    if (observers >= this.services.config.MAX_OBSERVERS) throw new JoinRefusal("join/full", "This table has as many observers as it can take.");
    return { viewer: "observer", role: null };
  }

  override onJoin(client: TableClient, _options: unknown, auth: Auth): void {
    const { viewer, role } = auth;
    if (role) {
      // Checked again here, synchronously, because two joins with one token can both pass onAuth.
      if (this.seats.isLive(role)) throw new JoinRefusal("join/seat_taken", "Someone is already sitting in that seat.");
      this.cancelReconnections(role);
      this.seats.sit(role, client.sessionId, auth.name);
      this.timers.clear(`away:${role}`);
    }
    client.userData = { viewer, role };
    this.timers.clear("idle");
    this.log.info({ session: client.sessionId, viewer }, "joined");
    if (!this.started && ROLES.every((r) => this.seats.isLive(r))) this.begin();
    else this.sync();
    this.audience.greet(client, this.table);
  }

  override onLeave(client: TableClient, consented: boolean): void {
    const seating = client.userData;
    this.budget.forget(client.sessionId);
    // A join refused in onJoin never got a seating; shutdown is nobody's departure.
    if (!seating || this.shuttingDown) return;
    const { role } = seating;
    this.log.info({ session: client.sessionId, viewer: seating.viewer, consented }, "left");
    if (role && this.seats.holder(role) === client.sessionId) {
      const playing = this.started && this.table.phase !== "finished";
      const windowMs = this.services.config.RECONNECT_SECONDS * 1000;
      this.seats.leave(role, playing ? Date.now() + windowMs : 0);
      if (playing) this.timers.set(`away:${role}`, windowMs, () => this.abandonIfAway(role));
      this.sync();
    }
    this.watchEmpty();
    if (consented) return;
    const pending = this.allowReconnection(client, this.services.config.RECONNECT_SECONDS);
    // Not a Deferred when the client never finished joining or the room is closing: nothing to wait for.
    if (!(pending instanceof Deferred)) return;
    this.reconnections.set(client.sessionId, { role, pending });
    pending.promise.then(
      (returned: TableClient) => {
        this.reconnections.delete(client.sessionId);
        this.onReturn(returned);
      },
      () => this.reconnections.delete(client.sessionId),
    );
  }

  override onBeforeShutdown(): void {
    this.shuttingDown = true;
    this.timers.clearAll();
    void this.disconnect(CLOSE_CODES.serverShutdown);
  }

  override onDispose(): Promise<void> {
    this.timers.clearAll();
    closeTableLink(this.code);
    this.log.info({ phase: this.table.phase, outcome: this.table.outcome?.kind ?? null }, "table closed");
    return releaseTableCode(this.presence, this.code);
  }

  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    if (error.cause instanceof JoinRefusal) return;
    this.log.error({ err: error.cause ?? error, method: methodName }, "table room failure");
    if (error instanceof OnMessageException) this.refuse(error.client, "protocol/server_error", "The server could not handle that message; nothing changed.", null);
  }

  /**
   * Workaround for colyseus#917 (fixed only in 0.17.37): a patch taken while no client is
   * connected is discarded without marking the cached full state stale, so players returning
   * together after a timer fired would be sent the old state. Force a fresh full encode.
   */
  override broadcastPatch(): boolean {
    if (this.clients.length === 0) (this as unknown as { _serializer: { needFullEncode: boolean } })._serializer.needFullEncode = true;
    return super.broadcastPatch();
  }

  /** Every frame passes the message budget, then a decode check, before Colyseus handles it. */
  protected override _onMessage(client: TableClient & ClientPrivate, buffer: Buffer): void {
    if (this.closing.has(client)) return;
    if (!this.budget.take(client.sessionId, Date.now())) {
      this.closing.add(client);
      this.log.warn({ session: client.sessionId }, "message budget exceeded: closing the connection");
      this.refuse(client, "protocol/rate_limited", "Too many messages: this connection is being closed.", null);
      client.leave(CLOSE_CODES.rateLimited, "rate limited");
      return;
    }
    if (!decodable(buffer)) return this.refuse(client, "protocol/bad_payload", "The message could not be decoded; nothing changed.", null);
    super._onMessage(client, buffer);
  }

  private onClientMessage(client: TableClient, type: unknown, payload: unknown): void {
    const request = typeof type === "string" ? type.slice(0, 40) : null;
    const parsed = parseClientMessage(type, payload);
    if (!parsed.ok) return this.refuse(client, parsed.code, parsed.message, request);
    if (!this.started) return this.refuse(client, "protocol/not_started", "The game starts when both seats are filled.", request);
    const mapped = toAction(parsed.message, seatingOf(client));
    if (!mapped.ok) return this.refuse(client, "protocol/not_allowed", mapped.message, request);
    const result = this.act(mapped.action);
    if (!result.ok) this.refuse(client, result.error.code, result.error.message, request);
  }

  private refuse(client: Client, code: RuleErrorCode | ProtocolErrorCode, message: string, request: string | null): void {
    send(client, "error", { code, message, request });
  }

  /** Apply one engine action now; whatever the engine recorded (even a refusal's interruption) is published. */
  private act(action: Action): ApplyResult {
    const before = this.table;
    const result = apply(before, action, Date.now());
    if (result.ok || result.events.length > 0) this.commit(result.state, result.events, before.phase !== "finished" && result.state.phase === "finished");
    return result;
  }

  private commit(next: TableState, events: readonly GameEvent[], justFinished: boolean): void {
    this.table = next;
    if (justFinished)
      for (const role of ROLES) {
        this.timers.clear(`away:${role}`);
        this.seats.clearDeadline(role);
      }
    this.sync();
    this.audience.deliver(this.clients, next, events, justFinished);
    this.scheduleTurn();
    this.scheduleBot();
    if (justFinished) this.log.info({ outcome: next.outcome?.kind, score: next.score }, "game over");
  }

  /** The single write of the synced state, then one patch to everyone. */
  private sync(): void {
    const seats = this.seats.snapshot();
    writePublicTable(this.state, this.code, this.started, this.table, seats);
    this.broadcastPatch();
    tableChanged(this.code, { table: this.table, started: this.started, seats });
  }

  /** A workshop's control of this table (tableLinks.ts): the same path as a facilitator's message. */
  private control(action: FacilitatorAction): ControlResult {
    if (!this.started) return { ok: false, error: { code: "protocol/not_started", message: "The game starts when both seats are filled." } };
    const result = this.act(action);
    return result.ok ? { ok: true } : { ok: false, error: result.error };
  }

  private newGame(): TableState {
    const { seed, drawSeed, rounds, turnSeconds } = this.spec;
    return createTable(this.scenario, seed, {
      now: Date.now(),
      ...(drawSeed !== undefined ? { drawSeed } : {}),
      ...(rounds !== undefined ? { rounds } : {}),
      ...(turnSeconds !== undefined ? { turnSeconds } : {}),
    });
  }

  /**
   * Both seats are filled for the first time: the game starts now. The draw is the same (same
   * seed); only the clock is reset, so nobody's first turn ran out while the room was filling.
   */
  private begin(): void {
    this.started = true;
    this.table = this.newGame();
    this.sync();
    for (const client of this.clients) send(client, "events", { events: viewOf(this.table, seatingOf(client).viewer).timeline, replay: true });
    this.scheduleTurn();
    this.scheduleBot();
    this.log.info("game started");
  }

  private onReturn(client: TableClient): void {
    const { role, viewer } = seatingOf(client);
    if (role) {
      this.seats.sit(role, client.sessionId, undefined);
      this.timers.clear(`away:${role}`);
    }
    this.timers.clear("idle");
    this.log.info({ session: client.sessionId, viewer }, "reconnected");
    this.sync();
    this.audience.greet(client, this.table);
  }

  private cancelReconnections(role: Role): void {
    for (const [session, { role: held, pending }] of this.reconnections)
      if (held === role) {
        this.reconnections.delete(session);
        pending.reject(new Error("seat taken again with its token"));
      }
  }

  private abandonIfAway(role: Role): void {
    if (this.seats.isLive(role) || !this.started || this.table.phase === "finished") return;
    this.log.info({ role }, "reconnect window over: abandoned");
    this.act({ type: "abandon", by: role });
  }

  private watchEmpty(): void {
    if (this.clients.length > 0) return;
    this.timers.set("idle", this.services.config.TABLE_IDLE_SECONDS * 1000, () => void this.disconnect(CLOSE_CODES.tableClosed));
  }

  private scheduleTurn(): void {
    this.timers.clear("turn");
    const endsAt = this.table.turnEndsAt;
    if (!this.started || this.table.phase !== "playing" || endsAt === null) return;
    // +1 ms: a timer may wake a hair before the wall clock reaches the deadline.
    this.timers.set("turn", endsAt - Date.now() + 1, () => {
      if (!this.act({ type: "timeout" }).ok) this.scheduleTurn();
    });
  }

  private scheduleBot(): void {
    const bot = this.bot;
    const due = bot !== null && this.started && this.table.phase === "playing" && this.table.toAct === bot.role;
    if (!due) {
      this.timers.clear("bot");
      this.botTurn = -1;
      return;
    }
    if (this.botTurn === this.table.turn && this.timers.has("bot")) return;
    this.botTurn = this.table.turn;
    this.timers.set("bot", this.services.config.BOT_THINK_MS, () => {
      this.botTurn = -1;
      // The bot sees exactly what a person in its seat would.
      const action = botMove(viewOf(this.table, bot.role), bot.profile);
      if (!action) return;
      const result = this.act(action);
      if (!result.ok) this.log.warn({ action: action.type, error: result.error }, "bot move refused; its turn will time out");
    });
  }
}
