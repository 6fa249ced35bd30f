import { randomBytes } from "node:crypto";
import { ErrorCode, Room, ServerError, type Client, type RoomException } from "@colyseus/core";
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
} from "../../shared/protocol/workshop.js";
import {
  FULL,
  isFull,
  nameOf,
  newWorkshop,
  permission,
  personOf,
  runningRound,
  step,
  type Effect,
  type PersonFacts,
  type RoundFacts,
  type WorkshopCommand,
  type WorkshopState,
} from "../../shared/workshop/core/index.js";
import type { TablePlan } from "../../shared/workshop/pairing.js";
import type { Logger } from "../logger.js";
import { patchOnlyWhenAsked, screenFrames } from "../room/colyseusInternals.js";
import { FrameScreen } from "../room/frameScreen.js";
import { SerialQueue } from "../room/serialQueue.js";
import type { TableServices } from "../room/services.js";
import { Timers } from "../room/timers.js";
import { hashSecret, newSecret, secretMatches, type SecretHash } from "../storage/secrets.js";
import { openWorkshopTable } from "../tables/openTable.js";
import { claimTableCode, holdTableCode, releaseTableCode } from "../tables/tableCode.js";
import { controlTable, watchTable, type TableSnapshot } from "../tables/tableLinks.js";
import { anonymousExport } from "./anonymousExport.js";
import { buildExport, exportFile, type ExportFile } from "./export.js";
import { finalStateOf } from "./finalState.js";
import { projectorKeyMatches, projectorKeyOf } from "./projectorKey.js";
import { restoreWorkshop, RestoreError, type RestoredWorkshop } from "./restore.js";
import { LiveWorkshop, tableRequestOf } from "./liveWorkshop.js";
import { WorkshopAudience, type WorkshopClient, type WorkshopSeating } from "./workshopAudience.js";
import type { RoundTable } from "./round.js";
import { keepInStore } from "./storeWrites.js";
import { summarizeTable } from "./tableSummary.js";
import { WorkQueue } from "./workQueue.js";
import { workshopSpecSchema, type WorkshopSpec } from "./workshopSpec.js";

type Auth =
  | { readonly kind: "facilitator" }
  | { readonly kind: "projector" }
  | { readonly kind: "new"; readonly name: string }
  | { readonly kind: "returning"; readonly id: string };

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
export class WorkshopRoom extends Room<object, { title: string }, WorkshopSeating, Auth> {
  private services!: TableServices;
  private log!: Logger;
  private spec!: WorkshopSpec;
  private code!: string;
  private workshop!: WorkshopState;
  /** Commands one at a time: each is decided on the state the one before left, and kept before the next. */
  private readonly commands = new SerialQueue();
  /** Connections, tables as they are followed, each round's scenario: what the views read beside the state. */
  private readonly live = new LiveWorkshop();
  private frames!: FrameScreen;
  private timers!: Timers;
  private audience!: WorkshopAudience;
  private queue!: WorkQueue;
  private shuttingDown = false;
  private disposing = false;
  /** Finished tables whose full state is being read back from the store. */
  private readonly settling = new WeakSet<RoundTable>();

  /**
   * A new workshop from its spec (openWorkshop), or `{ resume: code }`: one on record, rebuilt
   * from the store after a restart or on another process (WorkshopResumer).
   */
  override async onCreate(options: { services: TableServices } & Record<string, unknown>): Promise<void> {
    const { services, ...given } = options;
    this.services = services;
    patchOnlyWhenAsked(this);
    this.autoDispose = false;
    screenFrames(this, (client, buffer) => this.frames.admit(client, buffer));
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
    this.workshop = restored ? this.live.adopt(restored, CAPACITY) : newWorkshop(CAPACITY, this.spec.request.anonymous ?? false);
    this.roomId = this.code;
    // What the lobby names before the first round starts: the latest version's title when the room was made.
    const plannedScenarioTitle = (await services.scenarios.resolve(this.spec.request.scenarioId))?.scenario.title ?? null;
    await this.setPrivate(true);
    await this.setMetadata({ title: this.spec.request.title });
    this.log = services.logger.child({ workshop: this.code });
    this.frames = new FrameScreen(services.config, this.log, (client, why, text) => this.refuse(client, `workshop/${why}`, text, null));
    this.timers = new Timers((error, name) => this.log.error({ err: error, timer: name }, "workshop timer failed"));
    const { title, anonymous: _anonymous, ...defaults } = this.spec.request;
    this.audience = new WorkshopAudience(
      {
        code: this.code,
        title,
        plannedScenarioTitle,
        defaults,
        projectorKey: projectorKeyOf(this.code, this.spec.facilitatorHash),
        clients: () => this.clients as WorkshopClient[],
        state: () => this.workshop,
        roster: () => this.live.roster(this.workshop),
        rounds: () => this.live.rounds(this.workshop),
      },
      this.timers,
    );
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
      const person = this.live.roster(this.workshop).byToken(given.participant);
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
      this.audience.greetFacilitator(client);
      this.log.info({ session: client.sessionId }, "facilitator joined");
      return;
    }
    if (auth.kind === "projector") {
      client.userData = { kind: "projector" };
      this.audience.greetProjector(client);
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
    this.live.sessionsOf(person.id).add(client.sessionId);
    client.userData = { kind: "participant", id: person.id };
    const renamed = auth.kind === "new" && person.name !== auth.name.trim();
    this.audience.greetParticipant(client, person.id, { name: person.name, token, renamed });
    await this.perform(joined.effects, null);
    this.log.info({ session: client.sessionId, participant: person.id, returning: auth.kind === "returning" }, "participant joined");
  }

  override onLeave(client: WorkshopClient): void {
    this.frames.forget(client);
    if (this.shuttingDown) return;
    const seating = client.userData;
    if (seating?.kind === "participant") {
      this.live.sessionsOf(seating.id).delete(client.sessionId);
      this.audience.publishLobby();
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
    const restored = await restoreWorkshop(stored, this.services, { zoneBands: true });
    this.spec = restored.spec;
    this.code = code;
    await holdTableCode(this.presence, code);
    return restored;
  }

  /** Finished games are summarised again, the others watched as they go on. */
  private followRestored(): void {
    for (const round of this.workshop.rounds)
      for (const { code } of round.tables) {
        const table = this.live.tables.get(code) as RoundTable;
        if (table.final) this.queue.push(() => this.summarize(round.number, table));
        else {
          if (table.latest) this.noteSnapshot(round.number, table, table.latest);
          this.watch(round.number, table);
        }
      }
    this.audience.tick();
  }

  override onDispose(): Promise<void> {
    this.disposing = true;
    this.timers.clearAll();
    this.queue.stop();
    for (const table of this.live.tables.values()) table.unwatch();
    this.log.info({ rounds: this.workshop.rounds.length, participants: this.workshop.people.length }, "workshop closed");
    return releaseTableCode(this.presence, this.code);
  }

  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    if (error.cause instanceof JoinRefusal) return;
    this.log.error({ err: error.cause ?? error, method: methodName }, "workshop room failure");
  }

  /** The export, for the HTTP route: refused unless `secret` is this workshop's facilitator secret. */
  async exportFor(secret: string, format: ExportFormat, anonymous = false): Promise<ExportFile | null> {
    if (!secretMatches(secret, this.spec.facilitatorHash)) return null;
    await this.queue.drained();
    const data = buildExport(this.code, this.spec.request.title, this.workshop.people, this.live.rounds(this.workshop), Date.now());
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
    const allowed = permission(seating.kind, message.type);
    if (allowed.kind === "refused") return this.refuse(client, allowed.error.code, allowed.error.message, request);
    if (allowed.kind === "ignored") return;
    if (message.type === "leave") {
      if (seating.kind === "participant") void this.act({ type: "leave", participantId: seating.id }, null, request);
      return;
    }
    void this.commandOf(message).then(
      (command) => this.act(command, client, request),
      (error: unknown) => this.failed(client, error, request),
    );
  }

  /** A facilitator's message as a command, with the time, randomness and lookups it needs. */
  private async commandOf(message: Exclude<WorkshopMessage, { type: "leave" }>): Promise<WorkshopCommand> {
    switch (message.type) {
      case "propose":
        return { type: "propose", oddSeat: message.payload.oddSeat, online: this.live.online(this.workshop), seed: randomBytes(8).toString("hex") };
      case "start_round": {
        const { settings, pairing } = message.payload;
        const pinned = await this.services.scenarios.resolve(settings.scenarioId);
        if (pinned) this.live.keepScenario(settings.scenarioId, pinned);
        const drawSeed = settings.deck === "same" ? randomBytes(12).toString("base64url") : null;
        return { type: "start_round", settings, pairing, scenarioVersion: pinned?.version ?? null, drawSeed, at: Date.now() };
      }
      case "seat_waiting":
        return { type: "seat_waiting", online: this.live.online(this.workshop), seed: randomBytes(8).toString("hex") };
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
          await keepInStore(effect.write, this.code, this.spec.request, this.services.store);
        } catch (error) {
          this.log.error({ err: error, command: command.type }, `could not keep "${effect.write.type}" in the store`);
          this.audience.toFacilitators("error", { code: "workshop/server_error", message: UNSAVED, request });
          throw new Unsaved();
        }
      }
      this.workshop = result.state;
      return { state: result.state, effects: result.effects.filter((e) => e.kind !== "store") };
    });
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
          if (client) this.audience.tell(client, "control", { control: effect.control, results: effect.results });
          break;
        case "proposal":
          if (client) this.audience.tell(client, "proposal", { pairing: effect.pairing, issues: effect.issues });
          break;
        case "lobby":
          this.audience.publishLobby();
          break;
        case "assignments":
          this.audience.publishAssignments();
          break;
        case "broadcast":
          this.audience.toEveryone("broadcast", effect.entry);
          break;
        case "evict":
          for (const c of this.audience.participant(effect.participantId)) {
            this.audience.tell(c, "error", { code: "workshop/not_allowed", message: "The facilitator removed you from this workshop.", request: null });
            c.leave(WORKSHOP_CLOSE_CODES.removed, "removed");
          }
          break;
        case "results":
          this.audience.scheduleResults();
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
    this.log.info({ round: number, tables: roundFacts(this.workshop, number)?.tables.length }, "tables placed");
  }

  private async openTable(number: number, plan: TablePlan): Promise<void> {
    const round = roundFacts(this.workshop, number) as RoundFacts;
    const keyOf = (id: string | null) => (id === null ? null : ((personOf(this.workshop, id)?.tokenHash as SecretHash | undefined) ?? null));
    const opened = await openWorkshopTable(
      tableRequestOf(round, plan),
      { id: this.code, round: number },
      { seats: { buyer: keyOf(plan.buyer), seller: keyOf(plan.seller) }, facilitator: this.spec.facilitatorHash },
      this.services,
    );
    if (!opened.ok) throw new Refusal("workshop/unknown_scenario", opened.error.message);
    const { state } = await this.run({ type: "table_opened", code: opened.code, plan }, null);
    const index = (roundFacts(state, number)?.tables.length ?? 1) - 1;
    this.watch(number, this.live.follow(opened.code, index, plan));
  }

  /** Apply one engine action at each table through its room; each table answers for itself. */
  private async controlTables(effect: Extract<Effect, { kind: "control_tables" }>, client: WorkshopClient | null): Promise<void> {
    const results = await Promise.all(
      effect.tables.map(async ({ code, label }) => {
        const result = await controlTable(code, effect.action);
        return { table: code, label, ok: result.ok, message: result.ok ? controlDone(effect.action) : result.error.message };
      }),
    );
    if (client) this.audience.tell(client, "control", { control: effect.control, results });
    this.audience.scheduleGrid();
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
    this.audience.scheduleGrid();
  }

  /** A game is over: its full state comes from the store (tables publish only their tile), then its summary. */
  private async settle(round: number, table: RoundTable): Promise<void> {
    try {
      table.final = await finalStateOf(table.code, this.live.scenarioOf(roundFacts(this.workshop, round) as RoundFacts).scenario, this.services.store);
    } catch (error) {
      this.log.error({ err: error, table: table.code }, "could not read a finished game back from the store");
    }
    if (table.final) this.queue.push(() => this.summarize(round, table));
  }

  private summarize(number: number, table: RoundTable): void {
    if (table.summary) return;
    const round = this.live.rounds(this.workshop).find((r) => r.number === number);
    if (!round) return;
    table.summary = summarizeTable(round, table, (id) => nameOf(this.workshop, id));
    if (table.summary) void this.act({ type: "game_summarized", round: number, at: Date.now() }, null, null);
  }

  private refuse(client: Client, code: WorkshopErrorCode, message: string, request: string | null): void {
    this.audience.tell(client, "error", { code, message, request });
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
