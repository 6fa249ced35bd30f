import { randomBytes } from "node:crypto";
import { ErrorCode, Room, ServerError, type Client, type ClientPrivate, type RoomException } from "@colyseus/core";
import type { Role } from "../../shared/engine/index.js";
import {
  MAX_TABLES,
  parseWorkshopMessage,
  WORKSHOP_CLOSE_CODES,
  workshopControlOf,
  workshopJoinSchema,
  type ControlOutcome,
  type ExportFormat,
  type RoundSettings,
  type WorkshopErrorCode,
  type WorkshopJoinError,
  type WorkshopMessage,
  type WorkshopServerMessages,
  type WorkshopServerMessageType,
  type WorkshopSummary,
} from "../../shared/protocol/workshop.js";
import { controlDone, type TableControl } from "../../shared/protocol/tableControls.js";
import { checkProtocol, OUTDATED_CODE } from "../../shared/protocol/version.js";
import { CLOSE_CODES } from "../../shared/protocol/join.js";
import { describePairingNote, pairingIssues, pairingProblems, proposePairing, type Pairing, type TablePlan } from "../../shared/workshop/pairing.js";
import type { Logger } from "../logger.js";
import { decodable } from "../room/decodable.js";
import { MessageBudget } from "../room/messageBudget.js";
import type { TableServices } from "../room/services.js";
import { Timers } from "../room/timers.js";
import { openWorkshopTable } from "../tables/openTable.js";
import { secretMatches } from "../storage/secrets.js";
import type { Broadcast } from "../storage/store.js";
import { claimTableCode, holdTableCode, releaseTableCode } from "../tables/tableCode.js";
import { controlTable, watchTable, type TableSnapshot } from "../tables/tableLinks.js";
import { anonymousExport } from "./anonymousExport.js";
import { buildExport, exportFile, type ExportFile } from "./export.js";
import { classDebriefOf, consoleOf, gridOf, waitingIn } from "./facilitatorViews.js";
import { assignmentOf, latestResult } from "./participantViews.js";
import { projectorKeyMatches, projectorKeyOf } from "./projectorKey.js";
import { projectorOf } from "./projectorView.js";
import { restoreWorkshop, RestoreError } from "./restore.js";
import { Roster, type Person } from "./roster.js";
import { WorkshopRound, type RoundTable } from "./round.js";
import { seatingOf } from "./seating.js";
import { finalStateOf } from "./finalState.js";
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

/** A failed control: an answer to the facilitator, nothing changed. */
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
/** The latest broadcasts a (re)joining person is shown. */
const BROADCASTS_KEPT = 20;

/**
 * One workshop: a roster of participants, rounds of tables, and a facilitator who runs them.
 * The room holds no rule of the game: pairing and class statistics come from shared/workshop,
 * and every control is an engine action applied by the table rooms (tableLinks.ts). Participants
 * are told their own seat and result only; the grid with hidden information goes to facilitators.
 */
export class WorkshopRoom extends Room<object, { title: string }, Seating, Auth> {
  private services!: TableServices;
  private log!: Logger;
  private spec!: WorkshopSpec;
  /** What the lobby names before the first round starts (the latest version's title when the room was made). */
  private plannedScenarioTitle: string | null = null;
  private code!: string;
  private roster!: Roster;
  private readonly rounds: WorkshopRound[] = [];
  private readonly broadcasts: Broadcast[] = [];
  private budget!: MessageBudget;
  private timers!: Timers;
  private queue!: WorkQueue;
  private starting = false;
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
    this.roomId = this.code;
    this.plannedScenarioTitle = (await services.scenarios.resolve(this.spec.request.scenarioId))?.scenario.title ?? null;
    await this.setPrivate(true);
    await this.setMetadata({ title: this.spec.request.title });
    this.log = services.logger.child({ workshop: this.code });
    this.roster = new Roster(CAPACITY, restored?.people);
    this.budget = new MessageBudget(services.config.MESSAGE_RATE, services.config.MESSAGE_BURST);
    this.timers = new Timers((error, name) => this.log.error({ err: error, timer: name }, "workshop timer failed"));
    this.queue = new WorkQueue((error) => this.log.error({ err: error }, "workshop job failed"));
    this.onMessage("*", (client, type, payload) => this.onClientMessage(client as WorkshopClient, type, payload));
    if (restored) {
      this.broadcasts.push(...restored.broadcasts.slice(-BROADCASTS_KEPT));
      this.takeUp(restored.rounds);
    }
    this.watchEmpty();
    if (restored) this.log.info({ title: this.spec.request.title, participants: this.roster.size, rounds: this.rounds.length }, "workshop resumed");
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
      const person = this.roster.byToken(given.participant);
      if (!person) throw new JoinRefusal("workshop/bad_participant", "This browser's place in the workshop is not valid any more: join again with your name.");
      if (person.removed) throw new JoinRefusal("workshop/removed", "The facilitator removed you from this workshop.");
      return { kind: "returning", id: person.id };
    }
    if (this.roster.size >= this.roster.capacity) throw new JoinRefusal("workshop/full", "This workshop has as many participants as it can take.");
    return { kind: "new", name: given.name };
  }

  override onJoin(client: WorkshopClient, _options: unknown, auth: Auth): void {
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
    let person: Person;
    let token: string | null = null;
    let renamed = false;
    if (auth.kind === "new") {
      const added = this.roster.add(auth.name, Date.now());
      ({ person, token, renamed } = added);
      this.record("add participant", this.services.store.addParticipant({
        workshopId: this.code,
        participantId: person.id,
        displayName: person.name,
        tokenHash: person.tokenHash,
        joinedAt: person.joinedAt,
        left: false,
        removed: false,
      }));
    } else {
      person = this.roster.get(auth.id) as Person;
      // Coming back with one's token after leaving is rejoining: the place is theirs again.
      if (person.left) this.setLeft(person, false);
    }
    person.sessions.add(client.sessionId);
    client.userData = { kind: "participant", id: person.id };
    this.tell(client, "welcome", { kind: "participant", workshop: this.summary(), participantId: person.id, name: person.name, token, renamed });
    this.greetParticipant(client, person);
    this.publishLobby();
    this.log.info({ session: client.sessionId, participant: person.id, returning: auth.kind === "returning" }, "participant joined");
  }

  override onLeave(client: WorkshopClient): void {
    this.budget.forget(client.sessionId);
    if (this.shuttingDown) return;
    const seating = client.userData;
    if (seating?.kind === "participant") {
      this.roster.get(seating.id)?.sessions.delete(client.sessionId);
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
  private async restore(code: string): Promise<Awaited<ReturnType<typeof restoreWorkshop>>> {
    const stored = await this.services.store.loadWorkshop(code);
    if (!stored || stored.status !== "open") throw new RestoreError(`there is no open workshop ${code}`);
    const restored = await restoreWorkshop(stored, this.services);
    this.spec = restored.spec;
    this.code = code;
    await holdTableCode(this.presence, code);
    return restored;
  }

  /** Rounds rebuilt from the store: finished games are summarised again, the others watched as they go on. */
  private takeUp(rounds: readonly WorkshopRound[]): void {
    this.rounds.push(...rounds);
    for (const round of rounds)
      for (const table of round.tables) {
        if (table.final) this.queue.push(() => this.summarize(round, table));
        else {
          if (table.latest) this.noteSnapshot(round, table, table.latest);
          this.watch(round, table);
        }
      }
    this.tick();
  }

  override onDispose(): Promise<void> {
    this.disposing = true;
    this.timers.clearAll();
    this.queue.stop();
    for (const round of this.rounds) for (const table of round.tables) table.unwatch();
    this.log.info({ rounds: this.rounds.length, participants: this.roster.size }, "workshop closed");
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
    const data = buildExport(this.code, this.spec.request.title, this.roster.all(), this.rounds, Date.now());
    return exportFile(anonymous ? anonymousExport(data) : data, format);
  }

  // ---- Messages ------------------------------------------------------------------------------

  private onClientMessage(client: WorkshopClient, type: unknown, payload: unknown): void {
    const request = typeof type === "string" ? type.slice(0, 40) : null;
    const parsed = parseWorkshopMessage(type, payload);
    if (!parsed.ok) return this.refuse(client, parsed.code, parsed.message, request);
    const seating = client.userData;
    if (!seating) return;
    const message = parsed.message;
    if (message.type === "leave") {
      if (seating.kind === "participant") this.participantLeaves(seating.id);
      return;
    }
    if (seating.kind !== "facilitator") return this.refuse(client, "workshop/not_allowed", `Only the facilitator may send "${message.type}".`, request);
    this.facilitate(client, message).catch((error: unknown) => {
      if (error instanceof Refusal) return this.refuse(client, error.code, error.message, request);
      this.log.error({ err: error, control: message.type }, "workshop control failed");
      this.refuse(client, "workshop/server_error", "The server could not carry that out; nothing changed.", request);
    });
  }

  private async facilitate(client: WorkshopClient, message: Exclude<WorkshopMessage, { type: "leave" }>): Promise<void> {
    switch (message.type) {
      case "propose":
        return this.propose(client, message.payload.oddSeat);
      case "start_round":
        return this.startRound(client, message.payload.settings, message.payload.pairing);
      case "seat_waiting":
        return this.seatWaiting(client);
      case "start_now":
      case "pause":
      case "resume":
      case "add_time":
      case "curveball":
      case "end_table": {
        const control = workshopControlOf(message);
        return this.reply(client, message.type, this.control(this.targets(message.payload.table), control));
      }
      case "end_round":
        return this.endRound(client);
      case "broadcast":
        return this.broadcastText(message.payload.text);
      case "remove":
        return this.remove(message.payload.participantId);
      case "set_anonymous":
        return this.setAnonymous(message.payload.anonymous);
      default:
        return unreachable(message);
    }
  }

  private refuse(client: Client, code: WorkshopErrorCode, message: string, request: string | null): void {
    this.tell(client, "error", { code, message, request });
  }

  private async reply(client: WorkshopClient, control: WorkshopMessage["type"], pending: Promise<ControlOutcome[]>): Promise<void> {
    this.tell(client, "control", { control, results: await pending });
    this.scheduleGrid();
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

  // ---- Pairing and rounds ----------------------------------------------------------------

  private get current(): WorkshopRound | undefined {
    return this.rounds.at(-1);
  }

  private pastPairings(): Pairing[] {
    return this.rounds.map((r) => r.pairing);
  }

  private propose(client: WorkshopClient, oddSeat: RoundSettings["oddSeat"]): void {
    const present = this.roster.online().map((p) => p.id);
    const pairing = proposePairing(present, this.pastPairings(), oddSeat, randomBytes(8).toString("hex"));
    this.tell(client, "proposal", { pairing, issues: pairingIssues(pairing, present, this.pastPairings()) });
  }

  private async startRound(client: WorkshopClient, settings: RoundSettings, pairing: Pairing): Promise<void> {
    if (this.starting) throw new Refusal("workshop/bad_moment", "A round is being started already.");
    if (this.current?.running) throw new Refusal("workshop/bad_moment", `Round ${this.current.number} is still running: end it before starting the next.`);
    const pinned = await this.services.scenarios.resolve(settings.scenarioId);
    if (!pinned) throw new Refusal("workshop/unknown_scenario", `There is no scenario "${settings.scenarioId}".`);
    const problems = pairingProblems(pairing, new Set(this.roster.members().map((p) => p.id)));
    if (problems.length > 0) throw new Refusal("workshop/bad_pairing", problems.map((p) => describePairingNote(p, (id) => this.roster.nameOf(id))).join(" "));
    this.starting = true;
    try {
      const drawSeed = settings.deck === "same" ? randomBytes(12).toString("base64url") : null;
      const round = new WorkshopRound(this.rounds.length + 1, settings, pinned, drawSeed, Date.now());
      const { scenario } = round;
      await this.services.store.startWorkshopRound({
        workshopId: this.code,
        round: round.number,
        scenarioId: scenario.id,
        scenarioVersion: pinned.version,
        settings,
        startedAt: round.startedAt,
      });
      const opened = await this.openTables(round, pairing.tables);
      round.observers.push(...pairing.observers);
      await this.saveSeating(round);
      this.rounds.push(round);
      this.log.info({ round: round.number, tables: round.tables.length, scenario: scenario.id, deck: settings.deck }, "round started");
      this.tell(client, "control", { control: "start_round", results: opened });
    } finally {
      this.starting = false;
    }
    this.afterPlacement();
  }

  /** Late joiners (or people left out) are paired among themselves into the running round. */
  private async seatWaiting(client: WorkshopClient): Promise<void> {
    const round = this.current;
    if (!round?.running) throw new Refusal("workshop/bad_moment", "No round is running: waiting participants are paired when the next round starts.");
    if (this.starting) throw new Refusal("workshop/bad_moment", "A round is being started already.");
    const waiting = waitingIn(round, this.roster);
    if (waiting.length === 0) throw new Refusal("workshop/bad_moment", "Nobody is waiting in the lobby.");
    if (round.tables.length + Math.ceil(waiting.length / 2) > MAX_TABLES) throw new Refusal("workshop/bad_moment", `A round seats at most ${MAX_TABLES} tables.`);
    const extra = proposePairing(waiting, this.pastPairings(), round.settings.oddSeat, randomBytes(8).toString("hex"));
    const offset = round.tables.length;
    this.starting = true;
    try {
      const opened = await this.openTables(round, extra.tables);
      round.observers.push(...extra.observers.map((o) => ({ participantId: o.participantId, table: o.table + offset })));
      await this.saveSeating(round);
      this.tell(client, "control", { control: "seat_waiting", results: opened });
    } finally {
      this.starting = false;
    }
    this.afterPlacement();
  }

  private async openTables(round: WorkshopRound, plans: readonly TablePlan[]): Promise<ControlOutcome[]> {
    const results: ControlOutcome[] = [];
    const { settings } = round;
    const keyOf = (id: string | null) => (id === null ? null : (this.roster.get(id)?.tokenHash ?? null));
    for (const plan of plans) {
      const botRole: Role | null = plan.buyer === null ? "buyer" : plan.seller === null ? "seller" : null;
      const opened = await openWorkshopTable(
        {
          scenarioId: settings.scenarioId,
          scenarioVersion: round.pinned.version,
          ...(botRole ? { bot: { role: botRole, level: settings.botLevel } } : {}),
          ...(round.drawSeed ? { drawSeed: round.drawSeed } : {}),
          ...(settings.rounds !== undefined ? { rounds: settings.rounds } : {}),
          ...(settings.turnSeconds !== undefined ? { turnSeconds: settings.turnSeconds } : {}),
          ...(settings.readingSeconds !== undefined ? { readingSeconds: settings.readingSeconds } : {}),
        },
        { id: this.code, round: round.number },
        { seats: { buyer: keyOf(plan.buyer), seller: keyOf(plan.seller) }, facilitator: this.spec.facilitatorHash },
        this.services,
      );
      if (!opened.ok) throw new Refusal("workshop/unknown_scenario", opened.error.message);
      const table: RoundTable = { code: opened.code, index: round.tables.length, plan, latest: null, summary: null, final: null, unwatch: () => undefined };
      round.tables.push(table);
      // Each table is on record with the round as soon as it exists: a rebuilt workshop finds it.
      await this.saveSeating(round);
      this.watch(round, table);
      results.push({ table: table.code, label: this.tableLabel(table), ok: true, message: "Table opened." });
    }
    return results;
  }

  private saveSeating(round: WorkshopRound): Promise<void> {
    return this.services.store.setRoundSeating(this.code, round.number, seatingOf(round));
  }

  /** Follow one table's changes, wherever it is hosted (tableLinks.ts). */
  private watch(round: WorkshopRound, table: RoundTable): void {
    watchTable(this.presence, table.code, (snapshot) => this.noteSnapshot(round, table, snapshot)).then(
      (stop) => {
        if (this.disposing) stop();
        else table.unwatch = stop;
      },
      (error: unknown) => this.log.error({ err: error, table: table.code }, "could not watch a table"),
    );
  }

  /** Called from inside the table's own update: only note it here, work it out after. */
  private noteSnapshot(round: WorkshopRound, table: RoundTable, snapshot: TableSnapshot): void {
    table.latest = snapshot;
    if (snapshot.facts.phase === "finished" && !table.final && !this.settling.has(table)) {
      this.settling.add(table);
      table.unwatch();
      void this.settle(round, table);
    }
    this.scheduleGrid();
  }

  /** A game is over: its full state comes from the store (tables publish only their tile), then its summary. */
  private async settle(round: WorkshopRound, table: RoundTable): Promise<void> {
    try {
      table.final = await finalStateOf(table.code, round.scenario, this.services.store);
    } catch (error) {
      this.log.error({ err: error, table: table.code }, "could not read a finished game back from the store");
    }
    if (table.final) this.queue.push(() => this.summarize(round, table));
  }

  private summarize(round: WorkshopRound, table: RoundTable): void {
    if (table.summary) return;
    table.summary = summarizeTable(round, table, (id) => this.roster.nameOf(id));
    if (!table.summary) return;
    if (round.running && round.allOver()) this.closeRound(round);
    this.scheduleResults();
  }

  private async endRound(client: WorkshopClient): Promise<void> {
    const round = this.current;
    if (!round?.running) throw new Refusal("workshop/bad_moment", "No round is running.");
    const open = round.tables.filter((t) => t.latest?.facts.phase !== "finished");
    const results = this.control(open, { type: "end" });
    this.closeRound(round);
    await this.reply(client, "end_round", results);
  }

  private closeRound(round: WorkshopRound): void {
    if (!round.running) return;
    round.endedAt = Date.now();
    this.record("end round", this.services.store.endWorkshopRound(this.code, round.number, round.endedAt));
    this.timers.clear("tick");
    this.log.info({ round: round.number, finished: round.summaries().length, tables: round.tables.length }, "round ended");
    this.publishLobby();
    this.scheduleResults();
  }

  /** After tables were opened: everyone learns where they sit, the console and grid refresh. */
  private afterPlacement(): void {
    const round = this.current;
    for (const person of this.roster.members()) this.toParticipant(person.id, "assignment", assignmentOf(round, person.id, this.roster));
    this.publishLobby();
    this.scheduleGrid();
    this.tick();
  }

  // ---- Controls ------------------------------------------------------------------------------

  /** The tables a control is for: one of the running round's, or all of them. */
  private targets(code: string | undefined): RoundTable[] {
    const round = this.current;
    if (!round?.running) throw new Refusal("workshop/bad_moment", "No round is running.");
    if (code === undefined) return round.tables;
    const table = round.tableByCode(code);
    if (!table) throw new Refusal("workshop/unknown_table", `Table ${code} is not part of round ${round.number}.`);
    return [table];
  }

  /** Apply one engine action at each table through its room; each table answers for itself. */
  private control(tables: readonly RoundTable[], control: TableControl): Promise<ControlOutcome[]> {
    return Promise.all(
      tables.map(async (t) => {
        const result = await controlTable(t.code, control);
        return { table: t.code, label: this.tableLabel(t), ok: result.ok, message: result.ok ? controlDone(control) : result.error.message };
      }),
    );
  }

  private tableLabel(t: RoundTable): string {
    return `Table ${t.index + 1} (${this.roster.nameOf(t.plan.seller)} / ${this.roster.nameOf(t.plan.buyer)})`;
  }

  private broadcastText(text: string): void {
    const entry = { text, at: Date.now() };
    this.broadcasts.push(entry);
    if (this.broadcasts.length > BROADCASTS_KEPT) this.broadcasts.shift();
    this.record("keep a broadcast", this.services.store.addBroadcast(this.code, entry));
    this.broadcast("broadcast", entry);
    this.log.info({ length: text.length }, "broadcast sent");
  }

  private remove(participantId: string): void {
    const person = this.roster.get(participantId);
    if (!person || person.left) throw new Refusal("workshop/unknown_participant", "That participant is not in the workshop.");
    person.left = true;
    person.removed = true;
    this.record("remove participant", this.services.store.removeParticipant(this.code, person.id));
    for (const c of this.clients as WorkshopClient[]) {
      const s = c.userData;
      if (s?.kind === "participant" && s.id === participantId) {
        this.tell(c, "error", { code: "workshop/not_allowed", message: "The facilitator removed you from this workshop.", request: null });
        c.leave(WORKSHOP_CLOSE_CODES.removed, "removed");
      }
    }
    this.publishLobby();
  }

  /** Kept with the workshop's settings before anyone is told: a restart keeps the wall anonymous. */
  private async setAnonymous(anonymous: boolean): Promise<void> {
    const request = { ...this.spec.request, anonymous };
    await this.services.store.setWorkshopSettings(this.code, request);
    this.spec = { ...this.spec, request };
    this.log.info({ anonymous }, "projector names switched");
    this.publishLobby();
  }

  private participantLeaves(id: string): void {
    const person = this.roster.get(id);
    if (!person) return;
    this.setLeft(person, true);
    this.log.info({ participant: id }, "participant left the workshop");
    this.publishLobby();
  }

  private setLeft(person: Person, left: boolean): void {
    person.left = left;
    this.record("mark participant left", this.services.store.setParticipantLeft(this.code, person.id, left));
  }

  /** A record the live workshop does not wait for: a failure is logged, the workshop runs on. */
  private record(what: string, write: Promise<void>): void {
    write.catch((error: unknown) => this.log.error({ err: error }, `could not ${what} in the store`));
  }

  // ---- What each client is told ---------------------------------------------------------

  private summary(): WorkshopSummary {
    const round = this.current;
    return {
      code: this.code,
      title: this.spec.request.title,
      round: round?.number ?? 0,
      phase: round ? (round.running ? "running" : "finished") : "none",
      scenarioTitle: round?.scenario.title ?? this.plannedScenarioTitle,
      anonymous: this.spec.request.anonymous ?? false,
    };
  }

  private lobby(): WorkshopServerMessages["lobby"] {
    const round = this.current;
    const running = round?.running ? round : undefined;
    return { workshop: this.summary(), roster: this.roster.entries((id) => running?.placeOf(id) ?? "lobby") };
  }

  private greetFacilitator(client: WorkshopClient): void {
    const { title: _title, anonymous: _anonymous, ...defaults } = this.spec.request;
    this.tell(client, "welcome", { kind: "facilitator", workshop: this.summary(), defaults, projectorKey: projectorKeyOf(this.code, this.spec.facilitatorHash) });
    this.tell(client, "lobby", this.lobby());
    this.tell(client, "console", consoleOf(this.roster, this.rounds));
    this.tell(client, "grid", gridOf(this.current, this.roster, Date.now()));
    this.tell(client, "debrief", classDebriefOf(this.rounds));
    for (const b of this.broadcasts) this.tell(client, "broadcast", b);
  }

  private greetParticipant(client: WorkshopClient, person: Person): void {
    this.tell(client, "lobby", this.lobby());
    this.tell(client, "assignment", assignmentOf(this.current, person.id, this.roster));
    for (const b of this.broadcasts) this.tell(client, "broadcast", b);
    const result = latestResult(this.rounds, person.id);
    if (result) this.tell(client, "result", result);
  }

  private publishLobby(): void {
    // The roster has everyone's real name: the wall gets its own view (projectorView.ts).
    this.broadcast("lobby", this.lobby(), { except: (this.clients as WorkshopClient[]).filter((c) => c.userData?.kind === "projector") });
    this.toFacilitators("console", consoleOf(this.roster, this.rounds));
    this.toProjectors("projector", () => this.projectorView());
  }

  private projectorView(): WorkshopServerMessages["projector"] {
    return projectorOf(this.summary(), this.roster, this.rounds, Date.now());
  }

  private scheduleGrid(): void {
    if (this.timers.has("grid")) return;
    this.timers.set("grid", GRID_EVERY_MS, () => {
      this.toFacilitators("grid", gridOf(this.current, this.roster, Date.now()));
      this.toProjectors("projector", () => this.projectorView());
    });
  }

  /** While a round runs, the grid refreshes on its own so idle times and "stuck" stay true. */
  private tick(): void {
    if (!this.current?.running) return;
    this.timers.set("tick", TICK_MS, () => {
      this.scheduleGrid();
      this.tick();
    });
  }

  /** Finished games changed: the facilitator's class debrief, and each player's own result and standing. */
  private scheduleResults(): void {
    if (this.timers.has("results")) return;
    this.timers.set("results", GRID_EVERY_MS, () => {
      this.toFacilitators("debrief", classDebriefOf(this.rounds));
      this.toFacilitators("console", consoleOf(this.roster, this.rounds));
      for (const person of this.roster.members()) {
        const result = latestResult(this.rounds, person.id);
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
      this.record("close the workshop", this.services.store.setWorkshopStatus(this.code, "finished"));
      void this.disconnect(CLOSE_CODES.tableClosed);
    });
  }
}

function unreachable(message: never): never {
  throw new Error(`unhandled workshop message ${JSON.stringify(message)}`);
}
