import { randomBytes } from "node:crypto";
import { ErrorCode, Room, ServerError, type Client, type ClientPrivate, type RoomException } from "@colyseus/core";
import type { Role } from "../../shared/engine/index.js";
import { CLOSE_CODES } from "../../shared/protocol/join.js";
import { controlDone } from "../../shared/protocol/tableControls.js";
import { checkProtocol, OUTDATED_CODE } from "../../shared/protocol/version.js";
import {
  MAX_TABLES,
  parseWorkshopMessage,
  WORKSHOP_CLOSE_CODES,
  workshopControlOf,
  workshopJoinSchema,
  type ExportFormat,
  type WorkshopErrorCode,
  type WorkshopJoinError,
  type WorkshopMessage,
  type WorkshopServerMessages,
  type WorkshopServerMessageType,
  type WorkshopSummary,
} from "../../shared/protocol/workshop.js";
import {
  BROADCASTS_KEPT,
  FULL,
  isFull,
  members,
  nameOf,
  newWorkshop,
  personOf,
  runningRound,
  step,
  type Effect,
  type PersonFacts,
  type RoundFacts,
  type StoreWrite,
  type WorkshopCommand,
  type WorkshopState,
} from "../../shared/workshop/core/index.js";
import type { TablePlan } from "../../shared/workshop/pairing.js";
import type { Logger } from "../logger.js";
import { decodable } from "../room/decodable.js";
import { MessageBudget } from "../room/messageBudget.js";
import { SerialQueue } from "../room/serialQueue.js";
import type { TableServices } from "../room/services.js";
import { Timers } from "../room/timers.js";
import type { PinnedScenario } from "../scenarios/library.js";
import { hashSecret, newSecret, secretMatches, type SecretHash } from "../storage/secrets.js";
import { openWorkshopTable } from "../tables/openTable.js";
import { claimTableCode, holdTableCode, releaseTableCode } from "../tables/tableCode.js";
import { controlTable, watchTable, type TableSnapshot } from "../tables/tableLinks.js";
import { anonymousExport } from "./anonymousExport.js";
import { buildExport, exportFile, type ExportFile } from "./export.js";
import { classDebriefOf, consoleOf, gridOf } from "./facilitatorViews.js";
import { finalStateOf } from "./finalState.js";
import { assignmentOf, latestResult } from "./participantViews.js";
import { projectorKeyMatches, projectorKeyOf } from "./projectorKey.js";
import { projectorOf } from "./projectorView.js";
import { restoreWorkshop, RestoreError, type RestoredWorkshop } from "./restore.js";
import { Roster } from "./roster.js";
import { WorkshopRound, type RoundTable } from "./round.js";
import { seatingOf } from "./seating.js";
import { summarizeTable } from "./tableSummary.js";
import { WorkQueue } from "./workQueue.js";
import { workshopSpecSchema, type WorkshopSpec } from "./workshopSpec.js";

type Seating = { readonly kind: "facilitator" } | { readonly kind: "projector" } | { readonly kind: "participant"; readonly id: string };
type Auth =
  | { readonly kind: "facilitator" }
  | { readonly kind: "projector" }
  | { readonly kind: "new"; readonly name: string }
  | { readonly kind: "returning"; readonly id: string };
type WorkshopClient = Client<Seating>;

class JoinRefusal extends ServerError {
  constructor(code: WorkshopJoinError, text: string) {
    super(ErrorCode.AUTH_FAILED, `${code}: ${text}`);
  }
}

/** A change the store could not keep: the facilitators were told, nothing changed. */
class Unsaved extends Error {}

/** A refused command: an answer to whoever sent it, nothing changed. */
class Refusal extends Error {
  constructor(
    readonly code: WorkshopErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** People one workshop takes: two per table. */
const CAPACITY = MAX_TABLES * 2;
/** The grid is sent at most this often, however fast the tables move. */
const GRID_EVERY_MS = 200;
/** While a round runs the grid is refreshed at least this often (idle times, "stuck"). */
const TICK_MS = 5000;
/** A workshop nobody is connected to closes after this long (a long lunch break fits). */
const IDLE_MS = 6 * 3600_000;
const UNSAVED = "The server could not keep that on record, so nothing changed: try again in a moment.";

/**
 * One workshop, as an adapter around its pure core (shared/workshop/core): a message is checked
 * at the edge, made a command, the core decides, and its effects are carried out here — store
 * writes first and awaited, so nobody hears of a change that is not on record. The room keeps
 * only what the core cannot: connections, each table's latest tile and finished game, timers.
 * Participants are told their own seat and result only; the grid goes to facilitators.
 */
export class WorkshopRoom extends Room<object, { title: string }, Seating, Auth> {
  private services!: TableServices;
  private log!: Logger;
  private spec!: WorkshopSpec;
  /** What the lobby names before the first round starts (the latest version's title when the room was made). */
  private plannedScenarioTitle: string | null = null;
  private code!: string;
  private workshop!: WorkshopState;
  /** Commands one at a time: each is decided on the state the one before left, and kept before the next. */
  private readonly commands = new SerialQueue();
  /** Open connections of each participant (a reload can overlap the old tab's close). */
  private readonly sessions = new Map<string, Set<string>>();
  /** Each table of every round as the live room follows it, by code. */
  private readonly live = new Map<string, RoundTable>();
  /** The scenario version each round plays, by round number. */
  private readonly pinned = new Map<number, PinnedScenario>();
  private budget!: MessageBudget;
  private timers!: Timers;
  private queue!: WorkQueue;
  private shuttingDown = false;
  private disposing = false;
  /** The result last sent to each participant, as JSON: sent again only when it changes. */
  private readonly sentResults = new Map<string, string>();
  private readonly closing = new WeakSet<Client>();
  /** Finished tables whose full state is being read back from the store. */
  private readonly settling = new WeakSet<RoundTable>();

  /**
   * A new workshop from its spec (openWorkshop), or `{ resume: code }`: one on record, rebuilt
   * from the store after a restart or on another process (WorkshopResumer).
   */
  override async onCreate(options: { services: TableServices } & Record<string, unknown>): Promise<void> {
    const { services, ...given } = options;
    this.services = services;
    (this as { patchRate: number | null }).patchRate = null;
    this.autoDispose = false;
    const restored = typeof given["resume"] === "string" ? await this.restore(given["resume"]) : null;
    if (!restored) {
      const parsed = workshopSpecSchema.safeParse(given);
      if (!parsed.success) throw new Error(`bad workshop spec: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      this.spec = parsed.data;
      // Workshop and table codes come from one pool, so a code typed anywhere means one thing.
      this.code = await claimTableCode(this.presence);
      // On record before anyone can know the code: a restart rebuilds the workshop from the store.
      await services.store.createWorkshop({
        id: this.code,
        joinCode: this.code,
        facilitatorSecretHash: this.spec.facilitatorHash,
        settings: this.spec.request,
        createdAt: Date.now(),
      });
    }
    this.workshop = restored ? this.takeUp(restored) : newWorkshop(CAPACITY, this.spec.request.anonymous ?? false);
    this.roomId = this.code;
    this.plannedScenarioTitle = (await services.scenarios.resolve(this.spec.request.scenarioId))?.scenario.title ?? null;
    await this.setPrivate(true);
    await this.setMetadata({ title: this.spec.request.title });
    this.log = services.logger.child({ workshop: this.code });
    this.budget = new MessageBudget(services.config.MESSAGE_RATE, services.config.MESSAGE_BURST);
    this.timers = new Timers((error, name) => this.log.error({ err: error, timer: name }, "workshop timer failed"));
    this.queue = new WorkQueue((error) => this.log.error({ err: error }, "workshop job failed"));
    this.onMessage("*", (client, type, payload) => this.onClientMessage(client as WorkshopClient, type, payload));
    if (restored) this.followRestored();
    this.watchEmpty();
    if (restored) this.log.info({ title: this.spec.request.title, participants: this.workshop.people.length, rounds: this.workshop.rounds.length }, "workshop resumed");
    else this.log.info({ title: this.spec.request.title }, "workshop opened");
  }

  override onAuth(_client: Client, options: unknown): Auth {
    const version = checkProtocol(options);
    if (!version.ok) throw new JoinRefusal(OUTDATED_CODE, version.text);
    const parsed = workshopJoinSchema.safeParse(version.rest);
    if (!parsed.success) throw new JoinRefusal("workshop/bad_options", "Join with a display name, your participant token, or the facilitator secret.");
    const given = parsed.data;
    if ("facilitator" in given) {
      if (!secretMatches(given.facilitator, this.spec.facilitatorHash)) throw new JoinRefusal("workshop/bad_facilitator", "That facilitator link is not valid for this workshop.");
      return { kind: "facilitator" };
    }
    if ("projector" in given) {
      if (!projectorKeyMatches(given.projector, this.code, this.spec.facilitatorHash))
        throw new JoinRefusal("workshop/bad_projector", "That projector link is not valid for this workshop: open the projector view again from the facilitator console.");
      return { kind: "projector" };
    }
    if ("participant" in given) {
      const person = this.roster().byToken(given.participant);
      if (!person) throw new JoinRefusal("workshop/bad_participant", "This browser's place in the workshop is not valid any more: join again with your name.");
      if (person.removed) throw new JoinRefusal("workshop/removed", "The facilitator removed you from this workshop.");
      return { kind: "returning", id: person.id };
    }
    if (isFull(this.workshop)) throw new JoinRefusal("workshop/full", FULL);
    return { kind: "new", name: given.name };
  }

  override async onJoin(client: WorkshopClient, _options: unknown, auth: Auth): Promise<void> {
    this.timers.clear("idle");
    if (auth.kind === "facilitator") {
      client.userData = { kind: "facilitator" };
      this.greetFacilitator(client);
      this.log.info({ session: client.sessionId }, "facilitator joined");
      return;
    }
    if (auth.kind === "projector") {
      client.userData = { kind: "projector" };
      this.tell(client, "welcome", { kind: "projector", workshop: this.summary() });
      this.tell(client, "projector", this.projectorView());
      this.log.info({ session: client.sessionId }, "projector joined");
      return;
    }
    const token = auth.kind === "new" ? newSecret() : null;
    const command: WorkshopCommand =
      auth.kind === "new" ? { type: "join", name: auth.name, tokenHash: hashSecret(token as string), at: Date.now() } : { type: "return", participantId: auth.id };
    const joined = await this.run(command, null).catch((error: unknown) => {
      if (!(error instanceof Refusal)) throw new ServerError(ErrorCode.APPLICATION_ERROR, UNSAVED);
      throw new JoinRefusal(auth.kind === "new" ? "workshop/full" : "workshop/removed", error.message);
    });
    const person = auth.kind === "new" ? (joined.state.people.at(-1) as PersonFacts) : (personOf(joined.state, auth.id) as PersonFacts);
    this.sessionsOf(person.id).add(client.sessionId);
    client.userData = { kind: "participant", id: person.id };
    const renamed = auth.kind === "new" && person.name !== auth.name.trim();
    this.tell(client, "welcome", { kind: "participant", workshop: this.summary(), participantId: person.id, name: person.name, token, renamed });
    this.greetParticipant(client, person.id);
    await this.perform(joined.effects, null);
    this.log.info({ session: client.sessionId, participant: person.id, returning: auth.kind === "returning" }, "participant joined");
  }

  override onLeave(client: WorkshopClient): void {
    this.budget.forget(client.sessionId);
    if (this.shuttingDown) return;
    const seating = client.userData;
    if (seating?.kind === "participant") {
      this.sessions.get(seating.id)?.delete(client.sessionId);
      this.publishLobby();
    }
    this.watchEmpty();
  }

  override onBeforeShutdown(): void {
    this.shuttingDown = true;
    this.timers.clearAll();
    void this.disconnect(CLOSE_CODES.serverShutdown);
  }

  /** The workshop on record with this code, or an error: a finished or unknown one is not rebuilt. */
  private async restore(code: string): Promise<RestoredWorkshop> {
    const stored = await this.services.store.loadWorkshop(code);
    if (!stored || stored.status !== "open") throw new RestoreError(`there is no open workshop ${code}`);
    const restored = await restoreWorkshop(stored, this.services);
    this.spec = restored.spec;
    this.code = code;
    await holdTableCode(this.presence, code);
    return restored;
  }

  /** The core's state of a workshop rebuilt from the store; its tables are followed live from here. */
  private takeUp(restored: RestoredWorkshop): WorkshopState {
    for (const round of restored.rounds) {
      this.pinned.set(round.number, round.pinned);
      for (const table of round.tables) this.live.set(table.code, table);
    }
    return {
      ...newWorkshop(CAPACITY, restored.spec.request.anonymous ?? false),
      people: restored.people.map(({ sessions: _sessions, ...facts }) => facts),
      rounds: restored.rounds.map((r) => ({
        number: r.number,
        settings: r.settings,
        scenarioVersion: r.pinned.version,
        drawSeed: r.drawSeed,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        tables: r.tables.map((t) => ({ code: t.code, index: t.index, plan: t.plan, finished: t.latest?.facts.phase === "finished" })),
        observers: r.observers,
      })),
      broadcasts: restored.broadcasts.slice(-BROADCASTS_KEPT),
    };
  }

  /** Finished games are summarised again, the others watched as they go on. */
  private followRestored(): void {
    for (const round of this.workshop.rounds)
      for (const { code } of round.tables) {
        const table = this.live.get(code) as RoundTable;
        if (table.final) this.queue.push(() => this.summarize(round.number, table));
        else {
          if (table.latest) this.noteSnapshot(round.number, table, table.latest);
          this.watch(round.number, table);
        }
      }
    this.tick();
  }

  override onDispose(): Promise<void> {
    this.disposing = true;
    this.timers.clearAll();
    this.queue.stop();
    for (const table of this.live.values()) table.unwatch();
    this.log.info({ rounds: this.workshop.rounds.length, participants: this.workshop.people.length }, "workshop closed");
    return releaseTableCode(this.presence, this.code);
  }

  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    if (error.cause instanceof JoinRefusal) return;
    this.log.error({ err: error.cause ?? error, method: methodName }, "workshop room failure");
  }

  /** Every frame passes the message budget and a decode check before Colyseus handles it (as at a table). */
  protected override _onMessage(client: WorkshopClient & ClientPrivate, buffer: Buffer): void {
    if (this.closing.has(client)) return;
    if (!this.budget.take(client.sessionId, Date.now())) {
      this.closing.add(client);
      this.log.warn({ session: client.sessionId }, "message budget exceeded: closing the connection");
      this.refuse(client, "workshop/rate_limited", "Too many messages: this connection is being closed.", null);
      client.leave(CLOSE_CODES.rateLimited, "rate limited");
      return;
    }
    if (!decodable(buffer)) return this.refuse(client, "workshop/bad_payload", "The message could not be decoded; nothing changed.", null);
    super._onMessage(client, buffer);
  }

  /** The export, for the HTTP route: refused unless `secret` is this workshop's facilitator secret. */
  async exportFor(secret: string, format: ExportFormat, anonymous = false): Promise<ExportFile | null> {
    if (!secretMatches(secret, this.spec.facilitatorHash)) return null;
    await this.queue.drained();
    const data = buildExport(this.code, this.spec.request.title, this.roster().all(), this.rounds(), Date.now());
    return exportFile(anonymous ? anonymousExport(data) : data, format);
  }

  // ---- Messages → commands -------------------------------------------------------------

  private onClientMessage(client: WorkshopClient, type: unknown, payload: unknown): void {
    const request = typeof type === "string" ? type.slice(0, 40) : null;
    const parsed = parseWorkshopMessage(type, payload);
    if (!parsed.ok) return this.refuse(client, parsed.code, parsed.message, request);
    const seating = client.userData;
    if (!seating) return;
    const message = parsed.message;
    if (message.type === "leave") {
      if (seating.kind === "participant") void this.act({ type: "leave", participantId: seating.id }, null, request);
      return;
    }
    if (seating.kind !== "facilitator") return this.refuse(client, "workshop/not_allowed", `Only the facilitator may send "${message.type}".`, request);
    void this.commandOf(message).then(
      (command) => this.act(command, client, request),
      (error: unknown) => this.failed(client, error, request),
    );
  }

  /** A facilitator's message as a command, with the time, randomness and lookups it needs. */
  private async commandOf(message: Exclude<WorkshopMessage, { type: "leave" }>): Promise<WorkshopCommand> {
    switch (message.type) {
      case "propose":
        return { type: "propose", oddSeat: message.payload.oddSeat, online: this.online(), seed: randomBytes(8).toString("hex") };
      case "start_round": {
        const { settings, pairing } = message.payload;
        const pinned = await this.services.scenarios.resolve(settings.scenarioId);
        if (pinned) this.pinned.set(this.workshop.rounds.length + 1, pinned);
        const drawSeed = settings.deck === "same" ? randomBytes(12).toString("base64url") : null;
        return { type: "start_round", settings, pairing, scenarioVersion: pinned?.version ?? null, drawSeed, at: Date.now() };
      }
      case "seat_waiting":
        return { type: "seat_waiting", online: this.online(), seed: randomBytes(8).toString("hex") };
      case "start_now":
      case "pause":
      case "resume":
      case "add_time":
      case "curveball":
      case "end_table":
        return { type: "control", control: message.type, action: workshopControlOf(message), table: message.payload.table };
      case "end_round":
        return { type: "end_round", at: Date.now() };
      case "broadcast":
        return { type: "broadcast", text: message.payload.text, at: Date.now() };
      case "remove":
        return { type: "remove", participantId: message.payload.participantId };
      case "set_anonymous":
        return { type: "set_anonymous", anonymous: message.payload.anonymous };
      default:
        return unreachable(message);
    }
  }

  /** Run one command and carry out what it asks; a refusal or failure is answered to `client`. */
  private async act(command: WorkshopCommand, client: WorkshopClient | null, request: string | null): Promise<void> {
    try {
      const { effects } = await this.run(command, request);
      await this.perform(effects, client);
    } catch (error) {
      this.failed(client, error, request);
    }
  }

  private failed(client: WorkshopClient | null, error: unknown, request: string | null): void {
    if (error instanceof Unsaved) return; // The facilitators were told already (run).
    if (error instanceof Refusal) {
      if (client) this.refuse(client, error.code, error.message, request);
      return;
    }
    this.log.error({ err: error, control: request }, "workshop control failed");
    if (client) this.refuse(client, "workshop/server_error", "The server could not carry that out; nothing changed.", request);
  }

  /**
   * One command through the core, after those queued before it. Its store writes are awaited
   * before the new state is taken up: a write that fails leaves the state as it was, and the
   * facilitators are told instead of anyone hearing of the change.
   */
  private run(command: WorkshopCommand, request: string | null): Promise<{ state: WorkshopState; effects: readonly Effect[] }> {
    return this.commands.run(async () => {
      const result = step(this.workshop, command);
      if (!result.ok) throw new Refusal(result.error.code, result.error.message);
      for (const effect of result.effects) {
        if (effect.kind !== "store") continue;
        try {
          await this.write(effect.write);
        } catch (error) {
          this.log.error({ err: error, command: command.type }, `could not keep "${effect.write.type}" in the store`);
          this.toFacilitators("error", { code: "workshop/server_error", message: UNSAVED, request });
          throw new Unsaved();
        }
      }
      this.workshop = result.state;
      return { state: result.state, effects: result.effects.filter((e) => e.kind !== "store") };
    });
  }

  private write(write: StoreWrite): Promise<void> {
    const { store } = this.services;
    switch (write.type) {
      case "add_participant": {
        const { person } = write;
        return store.addParticipant({
          workshopId: this.code,
          participantId: person.id,
          displayName: person.name,
          tokenHash: person.tokenHash as SecretHash,
          joinedAt: person.joinedAt,
          left: false,
          removed: false,
        });
      }
      case "participant_left":
        return store.setParticipantLeft(this.code, write.participantId, write.left);
      case "remove_participant":
        return store.removeParticipant(this.code, write.participantId);
      case "broadcast":
        return store.addBroadcast(this.code, write.entry);
      case "anonymous":
        return store.setWorkshopSettings(this.code, { ...this.spec.request, anonymous: write.anonymous });
      case "start_round": {
        const { round } = write;
        return store.startWorkshopRound({
          workshopId: this.code,
          round: round.number,
          scenarioId: round.settings.scenarioId,
          scenarioVersion: round.scenarioVersion,
          settings: round.settings,
          startedAt: round.startedAt,
        });
      }
      case "seating":
        return store.setRoundSeating(this.code, write.round.number, seatingOf(write.round));
      case "end_round":
        return store.endWorkshopRound(this.code, write.round, write.at);
      default:
        return unreachable(write);
    }
  }

  /** Carry out a command's effects (its store writes are done already). */
  private async perform(effects: readonly Effect[], client: WorkshopClient | null): Promise<void> {
    for (const effect of effects) {
      switch (effect.kind) {
        case "store":
          break;
        case "open_tables":
          await this.openTables(effect.round, effect.plans, client);
          break;
        case "control_tables":
          await this.controlTables(effect, client);
          break;
        case "reply":
          if (client) this.tell(client, "control", { control: effect.control, results: effect.results });
          break;
        case "proposal":
          if (client) this.tell(client, "proposal", { pairing: effect.pairing, issues: effect.issues });
          break;
        case "lobby":
          this.publishLobby();
          break;
        case "assignments":
          for (const person of members(this.workshop)) this.toParticipant(person.id, "assignment", assignmentOf(this.current, person.id, this.roster()));
          this.scheduleGrid();
          this.tick();
          break;
        case "broadcast":
          this.broadcast("broadcast", effect.entry);
          break;
        case "evict":
          this.evict(effect.participantId);
          break;
        case "results":
          this.scheduleResults();
          break;
        case "grid":
          this.scheduleGrid();
          break;
        default:
          unreachable(effect);
      }
    }
    if (!runningRound(this.workshop)) this.timers.clear("tick");
  }

  // ---- Tables --------------------------------------------------------------------------------

  /** Open each planned table, one by one; then everyone learns where they sit (tables_placed). */
  private async openTables(number: number, plans: readonly TablePlan[], client: WorkshopClient | null): Promise<void> {
    try {
      for (const plan of plans) await this.openTable(number, plan);
    } catch (error) {
      await this.run({ type: "opening_failed" }, null);
      throw error;
    }
    const placed = await this.run({ type: "tables_placed" }, null);
    await this.perform(placed.effects, client);
    this.log.info({ round: number, tables: this.current?.tables.length }, "tables placed");
  }

  private async openTable(number: number, plan: TablePlan): Promise<void> {
    const round = roundFacts(this.workshop, number) as RoundFacts;
    const { settings } = round;
    const keyOf = (id: string | null) => (id === null ? null : ((personOf(this.workshop, id)?.tokenHash as SecretHash | undefined) ?? null));
    const botRole: Role | null = plan.buyer === null ? "buyer" : plan.seller === null ? "seller" : null;
    const opened = await openWorkshopTable(
      {
        scenarioId: settings.scenarioId,
        scenarioVersion: round.scenarioVersion,
        ...(botRole ? { bot: { role: botRole, level: settings.botLevel } } : {}),
        ...(round.drawSeed ? { drawSeed: round.drawSeed } : {}),
        ...(settings.rounds !== undefined ? { rounds: settings.rounds } : {}),
        ...(settings.turnSeconds !== undefined ? { turnSeconds: settings.turnSeconds } : {}),
        ...(settings.readingSeconds !== undefined ? { readingSeconds: settings.readingSeconds } : {}),
      },
      { id: this.code, round: number },
      { seats: { buyer: keyOf(plan.buyer), seller: keyOf(plan.seller) }, facilitator: this.spec.facilitatorHash },
      this.services,
    );
    if (!opened.ok) throw new Refusal("workshop/unknown_scenario", opened.error.message);
    const { state } = await this.run({ type: "table_opened", code: opened.code, plan }, null);
    const index = (roundFacts(state, number)?.tables.length ?? 1) - 1;
    const table: RoundTable = { code: opened.code, index, plan, latest: null, summary: null, final: null, unwatch: () => undefined };
    this.live.set(table.code, table);
    this.watch(number, table);
  }

  /** Apply one engine action at each table through its room; each table answers for itself. */
  private async controlTables(effect: Extract<Effect, { kind: "control_tables" }>, client: WorkshopClient | null): Promise<void> {
    const results = await Promise.all(
      effect.tables.map(async ({ code, label }) => {
        const result = await controlTable(code, effect.action);
        return { table: code, label, ok: result.ok, message: result.ok ? controlDone(effect.action) : result.error.message };
      }),
    );
    if (client) this.tell(client, "control", { control: effect.control, results });
    this.scheduleGrid();
  }

  /** Follow one table's changes, wherever it is hosted (tableLinks.ts). */
  private watch(round: number, table: RoundTable): void {
    watchTable(this.presence, table.code, (snapshot) => this.noteSnapshot(round, table, snapshot)).then(
      (stop) => {
        if (this.disposing) stop();
        else table.unwatch = stop;
      },
      (error: unknown) => this.log.error({ err: error, table: table.code }, "could not watch a table"),
    );
  }

  /** Called from inside the table's own update: only note it here, work it out after. */
  private noteSnapshot(round: number, table: RoundTable, snapshot: TableSnapshot): void {
    table.latest = snapshot;
    if (snapshot.facts.phase === "finished" && !table.final && !this.settling.has(table)) {
      this.settling.add(table);
      table.unwatch();
      void this.act({ type: "table_finished", code: table.code }, null, null);
      void this.settle(round, table);
    }
    this.scheduleGrid();
  }

  /** A game is over: its full state comes from the store (tables publish only their tile), then its summary. */
  private async settle(round: number, table: RoundTable): Promise<void> {
    try {
      table.final = await finalStateOf(table.code, (this.pinned.get(round) as PinnedScenario).scenario, this.services.store);
    } catch (error) {
      this.log.error({ err: error, table: table.code }, "could not read a finished game back from the store");
    }
    if (table.final) this.queue.push(() => this.summarize(round, table));
  }

  private summarize(number: number, table: RoundTable): void {
    if (table.summary) return;
    const round = this.rounds().find((r) => r.number === number);
    if (!round) return;
    table.summary = summarizeTable(round, table, (id) => nameOf(this.workshop, id));
    if (table.summary) void this.act({ type: "game_summarized", round: number, at: Date.now() }, null, null);
  }

  private evict(participantId: string): void {
    for (const c of this.clients as WorkshopClient[]) {
      const s = c.userData;
      if (s?.kind === "participant" && s.id === participantId) {
        this.tell(c, "error", { code: "workshop/not_allowed", message: "The facilitator removed you from this workshop.", request: null });
        c.leave(WORKSHOP_CLOSE_CODES.removed, "removed");
      }
    }
  }

  // ---- What the views read: the core's state with the room's live parts -----------------------

  private sessionsOf(id: string): Set<string> {
    let sessions = this.sessions.get(id);
    if (!sessions) this.sessions.set(id, (sessions = new Set()));
    return sessions;
  }

  private roster(): Roster {
    return new Roster(
      this.workshop.capacity,
      this.workshop.people.map((p) => ({ ...p, tokenHash: p.tokenHash as SecretHash, sessions: this.sessions.get(p.id) ?? new Set() })),
    );
  }

  /** Members with a connection open right now. */
  private online(): string[] {
    return members(this.workshop)
      .filter((p) => (this.sessions.get(p.id)?.size ?? 0) > 0)
      .map((p) => p.id);
  }

  private rounds(): WorkshopRound[] {
    return this.workshop.rounds.map((r) => {
      const round = new WorkshopRound(r.number, r.settings, this.pinned.get(r.number) as PinnedScenario, r.drawSeed, r.startedAt);
      round.endedAt = r.endedAt;
      round.tables.push(...r.tables.map((t) => this.live.get(t.code) as RoundTable));
      round.observers.push(...r.observers);
      return round;
    });
  }

  private get current(): WorkshopRound | undefined {
    return this.rounds().at(-1);
  }

  // ---- What each client is told ---------------------------------------------------------

  private refuse(client: Client, code: WorkshopErrorCode, message: string, request: string | null): void {
    this.tell(client, "error", { code, message, request });
  }

  private tell<T extends WorkshopServerMessageType>(client: Client, type: T, payload: WorkshopServerMessages[T]): void {
    client.send(type, payload);
  }

  private toFacilitators<T extends WorkshopServerMessageType>(type: T, payload: WorkshopServerMessages[T]): void {
    for (const c of this.clients as WorkshopClient[]) if (c.userData?.kind === "facilitator") this.tell(c, type, payload);
  }

  private toProjectors<T extends WorkshopServerMessageType>(type: T, payload: () => WorkshopServerMessages[T]): void {
    const projectors = (this.clients as WorkshopClient[]).filter((c) => c.userData?.kind === "projector");
    if (projectors.length === 0) return;
    const built = payload();
    for (const c of projectors) this.tell(c, type, built);
  }

  private toParticipant<T extends WorkshopServerMessageType>(id: string, type: T, payload: WorkshopServerMessages[T]): void {
    for (const c of this.clients as WorkshopClient[]) {
      const s = c.userData;
      if (s?.kind === "participant" && s.id === id) this.tell(c, type, payload);
    }
  }

  private summary(): WorkshopSummary {
    const round = this.current;
    return {
      code: this.code,
      title: this.spec.request.title,
      round: round?.number ?? 0,
      phase: round ? (round.running ? "running" : "finished") : "none",
      scenarioTitle: round?.scenario.title ?? this.plannedScenarioTitle,
      anonymous: this.workshop.anonymous,
    };
  }

  private lobby(): WorkshopServerMessages["lobby"] {
    const round = this.current;
    const running = round?.running ? round : undefined;
    return { workshop: this.summary(), roster: this.roster().entries((id) => running?.placeOf(id) ?? "lobby") };
  }

  private greetFacilitator(client: WorkshopClient): void {
    const { title: _title, anonymous: _anonymous, ...defaults } = this.spec.request;
    const roster = this.roster();
    const rounds = this.rounds();
    this.tell(client, "welcome", { kind: "facilitator", workshop: this.summary(), defaults, projectorKey: projectorKeyOf(this.code, this.spec.facilitatorHash) });
    this.tell(client, "lobby", this.lobby());
    this.tell(client, "console", consoleOf(roster, rounds));
    this.tell(client, "grid", gridOf(rounds.at(-1), roster, Date.now()));
    this.tell(client, "debrief", classDebriefOf(rounds));
    for (const b of this.workshop.broadcasts) this.tell(client, "broadcast", b);
  }

  private greetParticipant(client: WorkshopClient, id: string): void {
    this.tell(client, "lobby", this.lobby());
    this.tell(client, "assignment", assignmentOf(this.current, id, this.roster()));
    for (const b of this.workshop.broadcasts) this.tell(client, "broadcast", b);
    const result = latestResult(this.rounds(), id);
    if (result) this.tell(client, "result", result);
  }

  private publishLobby(): void {
    // The roster has everyone's real name: the wall gets its own view (projectorView.ts).
    this.broadcast("lobby", this.lobby(), { except: (this.clients as WorkshopClient[]).filter((c) => c.userData?.kind === "projector") });
    this.toFacilitators("console", consoleOf(this.roster(), this.rounds()));
    this.toProjectors("projector", () => this.projectorView());
  }

  private projectorView(): WorkshopServerMessages["projector"] {
    return projectorOf(this.summary(), this.roster(), this.rounds(), Date.now());
  }

  private scheduleGrid(): void {
    if (this.timers.has("grid")) return;
    this.timers.set("grid", GRID_EVERY_MS, () => {
      this.toFacilitators("grid", gridOf(this.current, this.roster(), Date.now()));
      this.toProjectors("projector", () => this.projectorView());
    });
  }

  /** While a round runs, the grid refreshes on its own so idle times and "stuck" stay true. */
  private tick(): void {
    if (!runningRound(this.workshop)) return;
    this.timers.set("tick", TICK_MS, () => {
      this.scheduleGrid();
      this.tick();
    });
  }

  /** Finished games changed: the facilitator's class debrief, and each player's own result and standing. */
  private scheduleResults(): void {
    if (this.timers.has("results")) return;
    this.timers.set("results", GRID_EVERY_MS, () => {
      const rounds = this.rounds();
      this.toFacilitators("debrief", classDebriefOf(rounds));
      this.toFacilitators("console", consoleOf(this.roster(), rounds));
      for (const person of members(this.workshop)) {
        const result = latestResult(rounds, person.id);
        if (!result) continue;
        const json = JSON.stringify(result);
        if (this.sentResults.get(person.id) === json) continue;
        this.sentResults.set(person.id, json);
        this.toParticipant(person.id, "result", result);
      }
      this.scheduleGrid();
    });
  }

  private watchEmpty(): void {
    if (this.clients.length > 0) return;
    this.timers.set("idle", IDLE_MS, () => {
      // Over for good: a restart does not bring it back. Its games and people stay on record.
      this.services.store.setWorkshopStatus(this.code, "finished").catch((error: unknown) => this.log.error({ err: error }, "could not close the workshop in the store"));
      void this.disconnect(CLOSE_CODES.tableClosed);
    });
  }
}

/** The round being filled with tables: the running one, or a new one not yet part of the workshop. */
function roundFacts(state: WorkshopState, number: number): RoundFacts | undefined {
  return state.opening?.control === "start_round" && state.opening.round.number === number ? state.opening.round : state.rounds.find((r) => r.number === number);
}

function unreachable(message: never): never {
  throw new Error(`unhandled workshop message ${JSON.stringify(message)}`);
}
