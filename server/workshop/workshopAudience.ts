import type { Client } from "@colyseus/core";
import type { RoundSettings, WorkshopServerMessages, WorkshopServerMessageType, WorkshopSummary } from "../../shared/protocol/workshop.js";
import { members, runningRound, type WorkshopState } from "../../shared/workshop/core/index.js";
import type { Timers } from "../room/timers.js";
import { classDebriefOf, consoleOf, gridOf } from "./facilitatorViews.js";
import { assignmentOf, latestResult } from "./participantViews.js";
import { projectorOf } from "./projectorView.js";
import type { Roster } from "./roster.js";
import type { WorkshopRound } from "./round.js";

/** Who a connection is, decided at join. */
export type WorkshopSeating = { readonly kind: "facilitator" } | { readonly kind: "projector" } | { readonly kind: "participant"; readonly id: string };
export type WorkshopClient = Client<WorkshopSeating>;

/** The grid is sent at most this often, however fast the tables move. */
const GRID_EVERY_MS = 200;
/** While a round runs the grid is refreshed at least this often (idle times, "stuck"). */
const TICK_MS = 5000;

/** What the audience reads from its room: fixed facts, and the state with its live parts as of now. */
export type AudienceSource = {
  readonly code: string;
  readonly title: string;
  /** What the lobby names before the first round starts. */
  readonly plannedScenarioTitle: string | null;
  readonly defaults: RoundSettings;
  readonly projectorKey: string;
  readonly clients: () => readonly WorkshopClient[];
  readonly state: () => WorkshopState;
  readonly roster: () => Roster;
  readonly rounds: () => WorkshopRound[];
};

/**
 * What each connection of a workshop is told, and when: the welcome, the lobby to everyone, the
 * console, grid and debrief to facilitators, the wall's own view to projectors (no real name
 * when anonymous), each participant their own seat and result. Grid and results are batched.
 */
export class WorkshopAudience {
  /** The result last sent to each participant, as JSON: sent again only when it changes. */
  private readonly sentResults = new Map<string, string>();

  constructor(
    private readonly source: AudienceSource,
    private readonly timers: Timers,
  ) {}

  tell<T extends WorkshopServerMessageType>(client: Client, type: T, payload: WorkshopServerMessages[T]): void {
    client.send(type, payload);
  }

  toEveryone<T extends WorkshopServerMessageType>(type: T, payload: WorkshopServerMessages[T]): void {
    for (const c of this.source.clients()) this.tell(c, type, payload);
  }

  toFacilitators<T extends WorkshopServerMessageType>(type: T, payload: WorkshopServerMessages[T]): void {
    for (const c of this.source.clients()) if (c.userData?.kind === "facilitator") this.tell(c, type, payload);
  }

  toParticipant<T extends WorkshopServerMessageType>(id: string, type: T, payload: WorkshopServerMessages[T]): void {
    for (const c of this.participant(id)) this.tell(c, type, payload);
  }

  /** The connections of one participant. */
  participant(id: string): WorkshopClient[] {
    return this.source.clients().filter((c) => c.userData?.kind === "participant" && c.userData.id === id);
  }

  private toProjectors<T extends WorkshopServerMessageType>(type: T, payload: () => WorkshopServerMessages[T]): void {
    const projectors = this.source.clients().filter((c) => c.userData?.kind === "projector");
    if (projectors.length === 0) return;
    const built = payload();
    for (const c of projectors) this.tell(c, type, built);
  }

  summary(): WorkshopSummary {
    const round = this.source.rounds().at(-1);
    return {
      code: this.source.code,
      title: this.source.title,
      round: round?.number ?? 0,
      phase: round ? (round.running ? "running" : "finished") : "none",
      scenarioTitle: round?.scenario.title ?? this.source.plannedScenarioTitle,
      anonymous: this.source.state().anonymous,
    };
  }

  private lobby(): WorkshopServerMessages["lobby"] {
    const round = this.source.rounds().at(-1);
    const running = round?.running ? round : undefined;
    return { workshop: this.summary(), roster: this.source.roster().entries((id) => running?.placeOf(id) ?? "lobby") };
  }

  greetFacilitator(client: WorkshopClient): void {
    const roster = this.source.roster();
    const rounds = this.source.rounds();
    this.tell(client, "welcome", { kind: "facilitator", workshop: this.summary(), defaults: this.source.defaults, projectorKey: this.source.projectorKey });
    this.tell(client, "lobby", this.lobby());
    this.tell(client, "console", consoleOf(roster, rounds));
    this.tell(client, "grid", gridOf(rounds.at(-1), roster, Date.now()));
    this.tell(client, "debrief", classDebriefOf(rounds));
    for (const b of this.source.state().broadcasts) this.tell(client, "broadcast", b);
  }

  greetProjector(client: WorkshopClient): void {
    this.tell(client, "welcome", { kind: "projector", workshop: this.summary() });
    this.tell(client, "projector", this.projectorView());
  }

  greetParticipant(client: WorkshopClient, id: string, welcome: { readonly name: string; readonly token: string | null; readonly renamed: boolean }): void {
    const rounds = this.source.rounds();
    this.tell(client, "welcome", { kind: "participant", workshop: this.summary(), participantId: id, ...welcome });
    this.tell(client, "lobby", this.lobby());
    this.tell(client, "assignment", assignmentOf(rounds.at(-1), id, this.source.roster()));
    for (const b of this.source.state().broadcasts) this.tell(client, "broadcast", b);
    const result = latestResult(rounds, id);
    if (result) this.tell(client, "result", result);
  }

  /** The roster or round changed: everyone's lobby, the console, the wall. */
  publishLobby(): void {
    // The roster has everyone's real name: the wall gets its own view (projectorView.ts).
    const lobby = this.lobby();
    for (const c of this.source.clients()) if (c.userData?.kind !== "projector") this.tell(c, "lobby", lobby);
    this.toFacilitators("console", consoleOf(this.source.roster(), this.source.rounds()));
    this.toProjectors("projector", () => this.projectorView());
  }

  /** Every member learns where they play now; the grid follows. */
  publishAssignments(): void {
    const roster = this.source.roster();
    const current = this.source.rounds().at(-1);
    for (const person of members(this.source.state())) this.toParticipant(person.id, "assignment", assignmentOf(current, person.id, roster));
    this.scheduleGrid();
    this.tick();
  }

  private projectorView(): WorkshopServerMessages["projector"] {
    return projectorOf(this.summary(), this.source.roster(), this.source.rounds(), Date.now());
  }

  scheduleGrid(): void {
    if (this.timers.has("grid")) return;
    this.timers.set("grid", GRID_EVERY_MS, () => {
      this.toFacilitators("grid", gridOf(this.source.rounds().at(-1), this.source.roster(), Date.now()));
      this.toProjectors("projector", () => this.projectorView());
    });
  }

  /** While a round runs, the grid refreshes on its own so idle times and "stuck" stay true. */
  tick(): void {
    if (!runningRound(this.source.state())) return;
    this.timers.set("tick", TICK_MS, () => {
      this.scheduleGrid();
      this.tick();
    });
  }

  /** Finished games changed: the facilitator's class debrief, and each player's own result and standing. */
  scheduleResults(): void {
    if (this.timers.has("results")) return;
    this.timers.set("results", GRID_EVERY_MS, () => {
      const rounds = this.source.rounds();
      this.toFacilitators("debrief", classDebriefOf(rounds));
      this.toFacilitators("console", consoleOf(this.source.roster(), rounds));
      for (const person of members(this.source.state())) {
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
}
