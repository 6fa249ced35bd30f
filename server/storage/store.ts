import type { Action, Outcome, PerRole, Role, Score, TableOptions } from "../../shared/engine/index.js";
import type { SecretHash } from "./secrets.js";

/*
 * What Parley keeps on disk: enough to rebuild every open table and workshop after a crash by
 * replaying the engine (createTable with the stored seeds, options and createdAt, then apply
 * every logged action with its `at`), plus the finished results for debrief and export.
 * Two implementations share this interface and one test suite: SQLite (the embedded default)
 * and PostgreSQL (DATABASE_URL, for several server processes).
 */

/** Any JSON value: settings and bot configs belong to other layers, the store only keeps them. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export type Seat = {
  /** Hash of the seat token (see secrets.ts): a raw token never reaches the store. */
  readonly tokenHash: SecretHash | null;
  readonly name: string | null;
};

export type TableStatus = "open" | "finished";

export type NewTable = {
  readonly code: string;
  readonly scenarioId: string;
  /** The library version of the scenario the table was opened with: replay and export use exactly that one. */
  readonly scenarioVersion: number;
  readonly seed: string;
  readonly drawSeed: string;
  /** What the engine's createTable took besides the scenario, seeds and time. */
  readonly options: Pick<TableOptions, "rounds" | "turnSeconds" | "preparationSeconds" | "readySeats">;
  /** The `now` the engine's createTable got: replay must pass the same value. */
  readonly createdAt: number;
  /** Set together: a workshop table belongs to one round of one workshop. */
  readonly workshopId: string | null;
  readonly workshopRound: number | null;
  readonly seats: PerRole<Seat>;
  readonly facilitatorSecretHash: SecretHash | null;
  readonly bot: Json | null;
};

export type TableResult = {
  readonly finishedAt: number;
  readonly outcome: Outcome;
  readonly score: Score;
};

export type TableRecord = NewTable & {
  readonly status: TableStatus;
  /**
   * When both seats first filled and the game began: the engine's clock starts then, so replay
   * gives createTable this time (createdAt while it is null). Null until then.
   */
  readonly startedAt: number | null;
  /** Set when a table that never started was given up (it stood empty): it is never resumed. */
  readonly closedAt: number | null;
  /** The process holding the table (its public address) and until when, for scale-out. */
  readonly owner: string | null;
  readonly leaseUntil: number | null;
  /** Null while the table is open. */
  readonly result: TableResult | null;
};

/**
 * One entry of a table's log: every action handed to the engine that changed the state (a
 * refused out-of-turn move counts an interruption, so it belongs here too), with the `now` the
 * engine got. Seqs run 1, 2, 3… per table with no gap and no duplicate.
 */
export type LogEntry = { readonly seq: number; readonly action: Action; readonly at: number };

export type StoredTable = TableRecord & { readonly log: readonly LogEntry[] };

export type AppendOptions = {
  /**
   * Fencing for scale-out: append only while `owner` holds the table's lease; otherwise the
   * call rejects with `not_owner` (another process took the table over) and changes nothing.
   */
  readonly owner?: string;
  /** This entry ended the game: the table is finished with this result in the same transaction. */
  readonly finish?: TableResult;
};

export type FinishedFilter = { readonly workshopId?: string; readonly round?: number };

export type WorkshopStatus = "open" | "finished";

export type NewWorkshop = {
  readonly id: string;
  readonly joinCode: string;
  readonly facilitatorSecretHash: SecretHash;
  readonly settings: Json;
  readonly createdAt: number;
};

export type Participant = {
  readonly workshopId: string;
  readonly participantId: string;
  readonly displayName: string;
  readonly tokenHash: SecretHash;
  readonly joinedAt: number;
  readonly left: boolean;
  /** Removed by the facilitator: their token no longer lets them in. */
  readonly removed: boolean;
};

export type NewWorkshopRound = {
  readonly workshopId: string;
  readonly round: number;
  readonly scenarioId: string;
  /** Every table of the round plays this library version, even if the author saves a new one meanwhile. */
  readonly scenarioVersion: number;
  readonly settings: Json;
  readonly startedAt: number;
};

/**
 * A round is running while endedAt is null. `seating` is who sits at which of its tables and
 * who watches which (the workshop layer's JSON), null until its tables are open.
 */
export type WorkshopRound = NewWorkshopRound & { readonly endedAt: number | null; readonly seating: Json | null };

/** A message the facilitator sent to everyone in the workshop. */
export type Broadcast = { readonly text: string; readonly at: number };

export type StoredWorkshop = NewWorkshop & {
  readonly status: WorkshopStatus;
  readonly participants: readonly Participant[];
  readonly rounds: readonly WorkshopRound[];
  /** In the order they were sent. */
  readonly broadcasts: readonly Broadcast[];
};

/**
 * Where a library entry comes from: shipped with Parley, loaded from the operator's
 * SCENARIOS_DIR (both read-only through the API), or written by an author through the API.
 */
export type ScenarioOrigin = "shipped" | "operator" | "author";

export type NewScenario = {
  readonly id: string;
  readonly origin: ScenarioOrigin;
  /** Digest of the edit key an author's PUT must present; null for read-only entries. */
  readonly editKeyHash: SecretHash | null;
  /** Version 1: a parsed scenario, kept as JSON. */
  readonly document: Json;
  readonly createdAt: number;
};

/** One immutable version of a library entry, with what the entry is. */
export type StoredScenario = {
  readonly id: string;
  readonly origin: ScenarioOrigin;
  readonly editKeyHash: SecretHash | null;
  readonly version: number;
  readonly document: Json;
  readonly savedAt: number;
};

/**
 * Every method resolves only once its change is committed, and rejects with a StoreError
 * (errors.ts) when a rule below is broken; a rejected call changes nothing.
 */
export interface Store {
  /** Rejects with `duplicate` if the code is taken, `not_found` for an unknown workshop. */
  createTable(table: NewTable): Promise<void>;
  /** Fills or replaces one seat of an open table. */
  setSeat(code: string, role: Role, seat: Seat): Promise<void>;
  /** Records when the game began; rejects with `not_open` for a finished or closed table, `duplicate` if it has started already. */
  startTable(code: string, startedAt: number): Promise<void>;
  /** Gives up a table that never started; rejects with `not_open` if it has started, finished or closed. */
  closeTable(code: string, closedAt: number): Promise<void>;
  /**
   * Durable before it resolves: append first, broadcast after. Rejects with `duplicate` when
   * the seq exists, `gap` when seq − 1 is missing (the first seq is 1), `not_open` once the
   * table is finished or closed, `not_owner` when options.owner no longer holds it. With
   * options.finish the entry and the result are committed together: a finished game is never
   * stored without its last action, nor the other way round.
   */
  appendAction(code: string, entry: LogEntry, options?: AppendOptions): Promise<void>;
  /** Marks an open table finished and drops its owner; rejects with `not_open` if already finished. */
  finishTable(code: string, result: TableResult): Promise<void>;

  loadTable(code: string): Promise<StoredTable | null>;
  /** Open tables, closed ones left out. */
  loadOpenTables(): Promise<StoredTable[]>;
  /** Finished tables in the order they finished, with their logs. */
  listFinishedTables(filter?: FinishedFilter): Promise<StoredTable[]>;

  /**
   * Takes an open table for `owner` until now + leaseMs if nobody holds it, its lease ran out
   * by `now`, or `owner` holds it already. Atomic: of two processes racing, one wins.
   */
  claimTable(code: string, owner: string, leaseMs: number, now: number): Promise<boolean>;
  /** Extends every open table `owner` still holds; returns their codes (a missing code was taken over). */
  renewLeases(owner: string, leaseMs: number, now: number): Promise<string[]>;
  /** Lets go of every table `owner` holds (graceful shutdown). */
  releaseTables(owner: string): Promise<void>;
  /**
   * Codes of the started, unfinished tables `owner` could claim at `now`: nobody holds them,
   * their lease ran out, or `owner` holds them already (e.g. before a restart). Their clocks
   * must run somewhere even if no player comes back.
   */
  findOrphanedTables(owner: string, now: number): Promise<string[]>;

  /** Rejects with `duplicate` if the id or the join code is taken. */
  createWorkshop(workshop: NewWorkshop): Promise<void>;
  loadWorkshop(id: string): Promise<StoredWorkshop | null>;
  findWorkshopByJoinCode(joinCode: string): Promise<StoredWorkshop | null>;
  loadOpenWorkshops(): Promise<StoredWorkshop[]>;
  setWorkshopStatus(id: string, status: WorkshopStatus): Promise<void>;
  /** Replaces the workshop's settings (the facilitator changed one while it runs); `not_found` for an unknown workshop. */
  setWorkshopSettings(id: string, settings: Json): Promise<void>;
  addParticipant(participant: Participant): Promise<void>;
  setParticipantLeft(workshopId: string, participantId: string, left: boolean): Promise<void>;
  /** The facilitator removed them: left, and their token no longer lets them in. */
  removeParticipant(workshopId: string, participantId: string): Promise<void>;
  startWorkshopRound(round: NewWorkshopRound): Promise<void>;
  /** Replaces the round's seating (tables opened later in the round add to it); `not_found` for an unknown round. */
  setRoundSeating(workshopId: string, round: number, seating: Json): Promise<void>;
  /** Rejects with `not_found` for an unknown workshop. */
  addBroadcast(workshopId: string, broadcast: Broadcast): Promise<void>;
  /** Rejects with `not_open` if the round has ended already. */
  endWorkshopRound(workshopId: string, round: number, endedAt: number): Promise<void>;

  /**
   * Adds a library entry with its first version. Rejects with `duplicate` if the id is taken
   * by any entry, whatever its origin (nothing is stored then).
   */
  createScenario(scenario: NewScenario): Promise<void>;
  /**
   * Stores the next version of an entry (versions run 1, 2, 3… with no gap) and returns its
   * number; earlier versions stay as they were. Rejects with `not_found` for an unknown id.
   */
  addScenarioVersion(id: string, document: Json, savedAt: number): Promise<number>;
  /** That version of an entry, or its latest when `version` is left out; null if there is none. */
  loadScenario(id: string, version?: number): Promise<StoredScenario | null>;
  /** The number of an entry's latest version, null if there is no such entry: a cheap check that a cached copy is still the latest. */
  latestScenarioVersion(id: string): Promise<number | null>;
  /**
   * The latest version of every read-only entry (shipped, operator) and of each author's entry
   * whose edit-key digest is among `editKeyHashes`; read-only entries first, then by id.
   */
  listScenarios(editKeyHashes: readonly SecretHash[]): Promise<StoredScenario[]>;

  close(): Promise<void>;
}
