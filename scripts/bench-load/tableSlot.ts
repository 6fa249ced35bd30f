import type { BufferingClient } from "./earlyMessages.js";
import { botProfile, BOT_LEVELS, type BotProfile } from "../../shared/bots/index.js";
import { ROLES, type Role, type TableView } from "../../shared/engine/index.js";
import { BenchClient, type ClientEvents, type ClientKind } from "./benchClient.js";
import { BotSeat, type Pace } from "./botSeat.js";
import type { Tally, Viewpoint } from "./tally.js";
import { openTableOverHttp } from "./tablesApi.js";
import { openWorkshopTableOverWire } from "./workshopTable.js";

/*
 * One table of the load: two bot players, and optionally an observer and a facilitator. It
 * measures action→view latency at everyone who sees the move land, and when a game is over
 * it does what people do — leave — and opens the next table in the same place, so the number
 * of tables in play stays constant for the whole run.
 */

export type SlotPlan = { readonly index: number; readonly scenarioId: string; readonly observer: boolean; readonly facilitator: boolean };

export type SlotHost = {
  readonly httpBase: string;
  /** Buffers early messages: a slot with a facilitator opens its table through a workshop (workshopTable.ts). */
  readonly colyseus: BufferingClient;
  readonly tally: Tally;
  readonly pace: () => Pace;
  readonly random: () => number;
  /** Watchers (observer, facilitator) join only once asked to: the idle phase has players only. */
  readonly watchersWanted: () => boolean;
};

type Phase = "closed" | "opening" | "open" | "recycling" | "stopped";
type Sent = { readonly at: number; readonly by: BenchClient };

/** A game over seen by nobody else within this long still lets the slot move on. */
const FINISH_GRACE_MS = 2_000;
/** An action whose view change had not reached its sender after this long is an error (tallied as no_patch). */
const PATCH_DEADLINE_MS = 10_000;
/** A table in play that has not moved on for this long is stuck (bots think 20 s at most, drops last 3 s). */
const STALL_MS = 45_000;
/** A table that cannot be opened is tried again, backing off, so the offered load stays the same. */
const OPEN_ATTEMPTS = 20;
const OPEN_BACKOFF_MS = 500;
const OPEN_BACKOFF_MAX_MS = 5_000;

export class TableSlot {
  code = "";
  private phase: Phase = "closed";
  private secrets: { seats: Partial<Record<Role, string>>; facilitator: string | null } | null = null;
  private readonly seats: Record<Role, BotSeat>;
  private readonly observer: BenchClient;
  private readonly facilitator: BenchClient;
  /** Moves of the current game by the progress key they answered: when and by whom they were sent. */
  private readonly sent = new Map<string, Sent>();
  private inflight: { readonly key: string; readonly at: number } | null = null;
  private readonly finishedAt = new Set<BenchClient>();
  private finishTimer: NodeJS.Timeout | null = null;
  private game = 0;
  /** When this table last moved on (or started being asked to). */
  private lastProgressAt = performance.now();

  constructor(
    readonly plan: SlotPlan,
    private readonly host: SlotHost,
  ) {
    const events: ClientEvents = {
      progress: (client, from, to, view) => this.progress(client, from, to, view),
      message: (client, type, payload) => this.message(client, type, payload),
      failure: (client, kind, detail) => host.tally.error(kind, `${this.code} ${client.kind}: ${detail}`),
    };
    const seatHost = {
      pace: host.pace,
      random: host.random,
      moving: (seat: BotSeat, key: string) => {
        const at = performance.now();
        this.sent.set(key, { at, by: seat.client });
        this.inflight = { key, at };
      },
      moved: (_seat: BotSeat, bytes: number) => host.tally.sentAction(bytes),
      stuck: (_seat: BotSeat, why: string) => host.tally.error("no_move", `${this.code}: ${why}`),
    };
    const seat = (role: Role) => new BotSeat(role, new BenchClient(host.colyseus, "player", events), this.profileFor(role), seatHost);
    this.seats = { buyer: seat("buyer"), seller: seat("seller") };
    this.observer = new BenchClient(host.colyseus, "observer", events);
    this.facilitator = new BenchClient(host.colyseus, "facilitator", events);
  }

  get clients(): BenchClient[] {
    const out = [this.seats.seller.client, this.seats.buyer.client];
    if (this.plan.observer) out.push(this.observer);
    if (this.plan.facilitator) out.push(this.facilitator);
    return out;
  }

  private get stopped(): boolean {
    return this.phase === "stopped";
  }

  get liveClients(): number {
    return this.clients.filter((c) => c.live).length;
  }

  /** Open a table and seat both players (and the watchers, if wanted); retried a few times. */
  async open(): Promise<boolean> {
    for (let attempt = 1; attempt <= OPEN_ATTEMPTS && this.phase !== "stopped"; attempt++) {
      this.phase = "opening";
      try {
        await this.openOnce();
        if (this.phase !== "opening") return false;
        this.phase = "open";
        this.lastProgressAt = performance.now();
        for (const role of ROLES) this.seats[role].consider();
        return true;
      } catch (error) {
        if (this.stopped) return false;
        this.host.tally.error("join_failed", `slot ${this.plan.index} attempt ${attempt}: ${(error as Error).message}`);
        await this.leaveAll();
        await new Promise((resolve) => setTimeout(resolve, Math.min(OPEN_BACKOFF_MAX_MS, OPEN_BACKOFF_MS * attempt)));
      }
    }
    if (this.phase !== "stopped") this.phase = "closed";
    return false;
  }

  /** Join the observer and the facilitator this slot's plan gives it. */
  async addWatchers(): Promise<void> {
    if (this.phase === "open") await this.joinWatchers();
  }

  private async joinWatchers(): Promise<void> {
    if (!this.secrets) return;
    const code = this.code;
    const joins: Promise<void>[] = [];
    if (this.plan.observer && !this.observer.live) joins.push(this.observer.join(code, {}));
    const { facilitator } = this.secrets;
    if (facilitator !== null && !this.facilitator.live) joins.push(this.facilitator.join(code, { facilitator }));
    const results = await Promise.allSettled(joins);
    for (const r of results) {
      if (r.status === "fulfilled") this.host.tally.joins += 1;
      else if (!this.stopped) this.host.tally.error("join_failed", `${code} watcher: ${(r.reason as Error).message}`);
    }
  }

  /** The pace changed: seats whose turn it is may start thinking. */
  nudge(): void {
    this.lastProgressAt = performance.now();
    if (this.phase !== "open") return;
    for (const role of ROLES) this.seats[role].consider();
  }

  /** Report a sent move whose view change never reached its sender, and a game that stopped moving. */
  checkStalled(now: number): void {
    if (this.inflight && now - this.inflight.at >= PATCH_DEADLINE_MS) {
      this.host.tally.error("no_patch", `${this.code}: move on ${this.inflight.key} unanswered after ${Math.round(now - this.inflight.at)} ms`);
      this.inflight = null;
    }
    if (this.phase === "open" && this.host.pace().mode !== "idle" && now - this.lastProgressAt >= STALL_MS) {
      const where = this.clients.map((c) => `${c.kind} ${c.link} ${c.key}`).join(", ");
      this.host.tally.error("stalled", `${this.code}: no progress for ${Math.round((now - this.lastProgressAt) / 1000)} s (${where})`);
      this.lastProgressAt = now;
    }
  }

  /** Drop one of this table's live connections for `awayMs`, then reconnect it. */
  async dropOne(awayMs: number, hard: boolean): Promise<void> {
    const live = this.clients.filter((c) => c.live);
    const client = live[Math.floor(this.host.random() * live.length)];
    if (!client || this.phase !== "open") return;
    this.host.tally.drops += 1;
    try {
      if (!(await client.dropFor(awayMs, hard))) return;
      this.host.tally.reconnects += 1;
      const seat = ROLES.map((r) => this.seats[r]).find((s) => s.client === client);
      if (seat) {
        seat.forgetLostMove();
        seat.consider();
      }
    } catch (error) {
      this.host.tally.error("reconnect_failed", `${this.code} ${client.kind}: ${(error as Error).message}`);
    }
  }

  /** Leave for good; the slot opens nothing more. */
  async stop(): Promise<void> {
    this.phase = "stopped";
    for (const role of ROLES) this.seats[role].stop();
    if (this.finishTimer) clearTimeout(this.finishTimer);
    await Promise.all([this.seats.seller.client, this.seats.buyer.client, this.observer, this.facilitator].map((c) => c.retire()));
  }

  private async openOnce(): Promise<void> {
    this.resetGame();
    // Only a workshop's table has a facilitator: a slot that plans one plays a workshop's table.
    const table = this.plan.facilitator
      ? await openWorkshopTableOverWire(this.host.httpBase, this.host.colyseus, this.plan.scenarioId)
      : await openTableOverHttp(this.host.httpBase, { scenarioId: this.plan.scenarioId });
    this.code = table.code;
    this.secrets = { seats: table.seats, facilitator: "facilitatorSecret" in table ? table.facilitatorSecret : null };
    await Promise.all(
      ROLES.map(async (role) => {
        const token = table.seats[role];
        if (!token) throw new Error(`table ${table.code} has no ${role} seat token`);
        await this.seats[role].client.join(table.code, { seat: token, name: `Bot ${this.plan.index} ${role}` });
        this.host.tally.joins += 1;
      }),
    );
    if (this.host.watchersWanted()) await this.joinWatchers();
  }

  private resetGame(): void {
    this.game += 1;
    for (const role of ROLES) this.seats[role].reset();
    this.sent.clear();
    this.inflight = null;
    this.finishedAt.clear();
    if (this.finishTimer) clearTimeout(this.finishTimer);
    this.finishTimer = null;
  }

  private async leaveAll(): Promise<void> {
    for (const role of ROLES) this.seats[role].stop();
    if (this.finishTimer) clearTimeout(this.finishTimer);
    this.finishTimer = null;
    await Promise.all([this.seats.seller.client, this.seats.buyer.client, this.observer, this.facilitator].map((c) => c.leave()));
  }

  private progress(client: BenchClient, from: string, _to: string, view: TableView): void {
    this.lastProgressAt = performance.now();
    const sent = this.sent.get(from);
    if (sent) {
      const ms = performance.now() - sent.at;
      this.host.tally.latencyAt(this.viewpointOf(client, sent), ms);
      if (client === sent.by && this.inflight?.key === from) this.inflight = null;
    }
    if (view.phase === "finished") this.finished(client);
    else if (client.kind === "player") this.seatOf(client)?.consider();
  }

  private message(client: BenchClient, type: string, payload: unknown): void {
    if (type !== "error") return;
    const e = payload as { code?: string; message?: string; request?: string | null };
    this.host.tally.error("refused", `${this.code} ${client.kind}: ${e.code} on ${e.request}: ${e.message}`);
  }

  private viewpointOf(client: BenchClient, sent: Sent): Viewpoint {
    const viewpoints: Record<ClientKind, Viewpoint> = { player: client === sent.by ? "actor" : "opponent", facilitator: "facilitator", observer: "observer" };
    return viewpoints[client.kind];
  }

  private seatOf(client: BenchClient): BotSeat | undefined {
    return client === this.seats.seller.client ? this.seats.seller : client === this.seats.buyer.client ? this.seats.buyer : undefined;
  }

  /** Move on once everyone at the table has seen the game end (or after a grace period). */
  private finished(client: BenchClient): void {
    if (this.phase !== "open") return;
    this.finishedAt.add(client);
    const game = this.game;
    if (this.clients.filter((c) => c.live).every((c) => this.finishedAt.has(c))) return void this.recycle(game);
    this.finishTimer ??= setTimeout(() => void this.recycle(game), FINISH_GRACE_MS);
  }

  private async recycle(game: number): Promise<void> {
    if (this.phase !== "open" || this.game !== game) return;
    this.phase = "recycling";
    this.host.tally.games += 1;
    await this.leaveAll();
    if (this.phase === "recycling") await this.open();
  }

  private profileFor(role: Role): BotProfile {
    const level = BOT_LEVELS[(this.plan.index + (role === "buyer" ? 1 : 0)) % BOT_LEVELS.length] as (typeof BOT_LEVELS)[number];
    return botProfile(level, `bench:${this.plan.index}:${role}`);
  }
}
