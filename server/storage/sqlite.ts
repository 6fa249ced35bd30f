import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Role } from "../../shared/engine/index.js";
import type { SecretHash } from "./secrets.js";
import { StoreError } from "./errors.js";
import {
  logParams,
  newRoundParams,
  newScenarioParams,
  newTableParams,
  newWorkshopParams,
  ORIGIN_RANK,
  SCENARIO_VERSIONS,
  participantParams,
  resultParams,
  scenarioVersionParams,
  toLogEntry,
  toStoredScenario,
  toTableRecord,
  withLogs,
  withMembers,
  type Params,
  type Row,
} from "./rows.js";
import { SQLITE_MIGRATIONS } from "./sqliteMigrations.js";
import type {
  AppendOptions,
  Broadcast,
  FinishedFilter,
  Json,
  LogEntry,
  NewScenario,
  NewTable,
  NewWorkshop,
  NewWorkshopRound,
  Participant,
  Seat,
  Store,
  StoredScenario,
  StoredTable,
  StoredWorkshop,
  TableResult,
  WorkshopStatus,
} from "./store.js";

/*
 * Durability: WAL with synchronous=NORMAL (the default here). A commit is in the WAL file,
 * handed to the operating system, before the call returns, so it survives the process
 * crashing or being killed (kill -9): what appendAction resolved is there on restart, and a
 * half-written transaction is never seen. It does NOT survive power loss or a kernel crash:
 * the WAL is fsynced only at checkpoints, so the last commits before the machine went down
 * can be lost (the file stays consistent). synchronous=FULL fsyncs every commit and survives
 * power loss, at a small fraction of the append rate (10–35× fewer here: npm run bench:storage).
 */
export type SqliteSynchronous = "NORMAL" | "FULL";

export type SqliteStoreOptions = {
  /** The database file; its folder is created. */
  readonly path: string;
  readonly synchronous?: SqliteSynchronous;
};

/** How long a write waits while another process (or connection) holds the file's write lock. */
const BUSY_TIMEOUT_MS = 5000;

/** A table that may still be played: neither finished nor given up. */
const LIVE = "status = 'open' AND closed_at IS NULL";

const FINISHED_FILTER = `status = 'finished'
  AND (@workshop_id IS NULL OR workshop_id = @workshop_id)
  AND (@round IS NULL OR workshop_round = @round)`;

export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #sql;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
    const db = new Database(options.path, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma("journal_mode = WAL");
      db.pragma(`synchronous = ${options.synchronous ?? "NORMAL"}`);
      db.pragma("foreign_keys = ON");
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    this.#db = db;
    this.#sql = prepare(db);
  }

  async createTable(table: NewTable): Promise<void> {
    try {
      this.#sql.insertTable.run(newTableParams(table));
    } catch (error) {
      throw translate(error, {
        unique: `Table code ${table.code} is taken.`,
        foreignKey: `There is no workshop ${table.workshopId}.`,
      });
    }
  }

  async setSeat(code: string, role: Role, seat: Seat): Promise<void> {
    const params = { code, token_hash: seat.tokenHash, name: seat.name };
    const changed = role === "buyer" ? this.#sql.setBuyer.run(params) : this.#sql.setSeller.run(params);
    if (changed.changes === 0) throw this.#notOpenTable(code);
  }

  async startTable(code: string, startedAt: number): Promise<void> {
    if (this.#sql.startTable.run({ code, started_at: startedAt }).changes === 1) return;
    const row = this.#sql.selectTable.get({ code }) as Row | undefined;
    if (row && row["started_at"] !== null && row["status"] === "open" && row["closed_at"] === null)
      throw new StoreError("store/duplicate", `Table ${code} has started already.`);
    throw this.#notOpenTable(code);
  }

  async closeTable(code: string, closedAt: number): Promise<void> {
    if (this.#sql.closeTable.run({ code, closed_at: closedAt }).changes === 0) throw this.#notOpenTable(code);
  }

  async appendAction(code: string, entry: LogEntry, options: AppendOptions = {}): Promise<void> {
    const append = { ...logParams(code, entry), owner: options.owner ?? null };
    const { finish } = options;
    try {
      // One statement commits on its own (an explicit transaction costs a quarter more per action).
      if (finish) this.#appendAndFinish(append, { code, ...resultParams(finish) });
      else this.#appendOne(append);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw translate(error, {
        unique: `Table ${code} already has action ${entry.seq}.`,
        gap: () => `Table ${code}: action ${entry.seq} would leave a gap, the log ends at ${this.#lastSeq(code)}.`,
      });
    }
  }

  async finishTable(code: string, result: TableResult): Promise<void> {
    if (this.#sql.finishTable.run({ code, ...resultParams(result) }).changes === 0) throw this.#notOpenTable(code);
  }

  async loadTable(code: string): Promise<StoredTable | null> {
    return this.#db.transaction(() => {
      const row = this.#sql.selectTable.get({ code }) as Row | undefined;
      return row ? { ...toTableRecord(row), log: (this.#sql.selectLog.all({ code }) as Row[]).map(toLogEntry) } : null;
    })();
  }

  async loadOpenTables(): Promise<StoredTable[]> {
    return this.#db.transaction(() => withLogs(this.#sql.selectOpenTables.all() as Row[], this.#sql.selectOpenLogs.all() as Row[]))();
  }

  async listFinishedTables(filter: FinishedFilter = {}): Promise<StoredTable[]> {
    const params = { workshop_id: filter.workshopId ?? null, round: filter.round ?? null };
    return this.#db.transaction(() =>
      withLogs(this.#sql.selectFinishedTables.all(params) as Row[], this.#sql.selectFinishedLogs.all(params) as Row[]),
    )();
  }

  async claimTable(code: string, owner: string, leaseMs: number, now: number): Promise<boolean> {
    return this.#sql.claimTable.run({ code, owner, until: now + leaseMs, now }).changes === 1;
  }

  async renewLeases(owner: string, leaseMs: number, now: number): Promise<string[]> {
    return (this.#sql.renewLeases.all({ owner, until: now + leaseMs }) as Row[]).map((row) => String(row["code"]));
  }

  async releaseTables(owner: string): Promise<void> {
    this.#sql.releaseTables.run({ owner });
  }

  async findOrphanedTables(owner: string, now: number): Promise<string[]> {
    return (this.#sql.orphanedTables.all({ owner, now }) as Row[]).map((row) => String(row["code"]));
  }

  async createWorkshop(workshop: NewWorkshop): Promise<void> {
    try {
      this.#sql.insertWorkshop.run(newWorkshopParams(workshop));
    } catch (error) {
      throw translate(error, { unique: `Workshop id ${workshop.id} or join code ${workshop.joinCode} is taken.` });
    }
  }

  async loadWorkshop(id: string): Promise<StoredWorkshop | null> {
    return this.#loadWorkshops("id = @id", { id })[0] ?? null;
  }

  async findWorkshopByJoinCode(joinCode: string): Promise<StoredWorkshop | null> {
    return this.#loadWorkshops("join_code = @join_code", { join_code: joinCode })[0] ?? null;
  }

  async loadOpenWorkshops(): Promise<StoredWorkshop[]> {
    return this.#loadWorkshops("status = 'open'", {});
  }

  async setWorkshopStatus(id: string, status: WorkshopStatus): Promise<void> {
    if (this.#sql.setWorkshopStatus.run({ id, status }).changes === 0) throw new StoreError("store/not_found", `There is no workshop ${id}.`);
  }

  async setWorkshopSettings(id: string, settings: Json): Promise<void> {
    if (this.#sql.setWorkshopSettings.run({ id, settings: JSON.stringify(settings) }).changes === 0) throw new StoreError("store/not_found", `There is no workshop ${id}.`);
  }

  async addParticipant(participant: Participant): Promise<void> {
    try {
      this.#sql.insertParticipant.run(participantParams(participant));
    } catch (error) {
      throw translate(error, {
        unique: `Workshop ${participant.workshopId} already has participant ${participant.participantId}.`,
        foreignKey: `There is no workshop ${participant.workshopId}.`,
      });
    }
  }

  async setParticipantLeft(workshopId: string, participantId: string, left: boolean): Promise<void> {
    const changed = this.#sql.setParticipantLeft.run({ workshop_id: workshopId, participant_id: participantId, left_workshop: left ? 1 : 0 });
    if (changed.changes === 0) throw new StoreError("store/not_found", `Workshop ${workshopId} has no participant ${participantId}.`);
  }

  async removeParticipant(workshopId: string, participantId: string): Promise<void> {
    const changed = this.#sql.removeParticipant.run({ workshop_id: workshopId, participant_id: participantId });
    if (changed.changes === 0) throw new StoreError("store/not_found", `Workshop ${workshopId} has no participant ${participantId}.`);
  }

  async setRoundSeating(workshopId: string, round: number, seating: Json): Promise<void> {
    const changed = this.#sql.setRoundSeating.run({ workshop_id: workshopId, round, seating: JSON.stringify(seating) });
    if (changed.changes === 0) throw new StoreError("store/not_found", `Workshop ${workshopId} has no round ${round}.`);
  }

  async startWorkshopRound(round: NewWorkshopRound): Promise<void> {
    try {
      this.#sql.insertRound.run(newRoundParams(round));
    } catch (error) {
      throw translate(error, {
        unique: `Workshop ${round.workshopId} already has round ${round.round}.`,
        foreignKey: `There is no workshop ${round.workshopId}.`,
      });
    }
  }

  async addBroadcast(workshopId: string, broadcast: Broadcast): Promise<void> {
    try {
      this.#sql.insertBroadcast.run({ workshop_id: workshopId, at: broadcast.at, text: broadcast.text });
    } catch (error) {
      throw translate(error, { foreignKey: `There is no workshop ${workshopId}.` });
    }
  }

  async endWorkshopRound(workshopId: string, round: number, endedAt: number): Promise<void> {
    const params = { workshop_id: workshopId, round, ended_at: endedAt };
    if (this.#sql.endRound.run(params).changes === 1) return;
    throw this.#sql.selectRound.get(params)
      ? new StoreError("store/not_open", `Round ${round} of workshop ${workshopId} has ended already.`)
      : new StoreError("store/not_found", `Workshop ${workshopId} has no round ${round}.`);
  }

  async createScenario(scenario: NewScenario): Promise<void> {
    try {
      this.#db.transaction(() => {
        this.#sql.insertScenario.run(newScenarioParams(scenario));
        this.#sql.insertScenarioVersion.run(scenarioVersionParams(scenario.id, 1, scenario.document, scenario.createdAt));
      })();
    } catch (error) {
      throw translate(error, { unique: `The scenario id ${scenario.id} is taken.` });
    }
  }

  async addScenarioVersion(id: string, document: Json, savedAt: number): Promise<number> {
    return this.#db.transaction(() => {
      const bumped = this.#sql.bumpScenario.get({ id }) as Row | undefined;
      if (!bumped) throw new StoreError("store/not_found", `There is no scenario ${id}.`);
      const version = Number(bumped["latest_version"]);
      this.#sql.insertScenarioVersion.run(scenarioVersionParams(id, version, document, savedAt));
      return version;
    })();
  }

  async loadScenario(id: string, version?: number): Promise<StoredScenario | null> {
    const row = this.#sql.selectScenario.get({ id, version: version ?? null }) as Row | undefined;
    return row ? toStoredScenario(row) : null;
  }

  async latestScenarioVersion(id: string): Promise<number | null> {
    const row = this.#sql.latestScenarioVersion.get({ id }) as Row | undefined;
    return row ? Number(row["latest_version"]) : null;
  }

  async listScenarios(editKeyHashes: readonly SecretHash[]): Promise<StoredScenario[]> {
    return (this.#sql.listScenarios.all({ hashes: JSON.stringify(editKeyHashes) }) as Row[]).map(toStoredScenario);
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  #loadWorkshops(where: string, params: Record<string, string>): StoredWorkshop[] {
    const db = this.#db;
    const ids = `SELECT id FROM workshops WHERE ${where}`;
    return db.transaction(() =>
      withMembers(
        db.prepare(`SELECT * FROM workshops WHERE ${where} ORDER BY created_at, id`).all(params) as Row[],
        db.prepare(`SELECT * FROM workshop_participants WHERE workshop_id IN (${ids}) ORDER BY joined_at, participant_id`).all(params) as Row[],
        db.prepare(`SELECT * FROM workshop_rounds WHERE workshop_id IN (${ids}) ORDER BY round`).all(params) as Row[],
        db.prepare(`SELECT * FROM workshop_broadcasts WHERE workshop_id IN (${ids}) ORDER BY at, rowid`).all(params) as Row[],
      ),
    )();
  }

  #appendOne(append: Params): void {
    if (this.#sql.appendAction.run(append).changes === 0) throw this.#refusedAppend(String(append["code"]));
  }

  /** The action that ends a game and the table's result, committed together. */
  #appendAndFinish(append: Params, finish: Params): void {
    this.#db.transaction(() => {
      this.#appendOne(append);
      this.#sql.finishTable.run(finish);
    })();
  }

  #notOpenTable(code: string): StoreError {
    const row = this.#sql.selectTable.get({ code }) as Row | undefined;
    if (!row) return new StoreError("store/not_found", `There is no table ${code}.`);
    if (row["status"] === "finished") return new StoreError("store/not_open", `Table ${code} is finished.`);
    if (row["closed_at"] !== null) return new StoreError("store/not_open", `Table ${code} is closed.`);
    return new StoreError("store/not_open", `Table ${code} has started.`);
  }

  /** Why an append inserted nothing: the table is unknown, no longer open, or held by another owner. */
  #refusedAppend(code: string): StoreError {
    const row = this.#sql.selectTable.get({ code }) as Row | undefined;
    if (row && row["status"] === "open" && row["closed_at"] === null)
      return new StoreError("store/not_owner", `Table ${code} is held by ${String(row["owner"] ?? "nobody")} now.`);
    return this.#notOpenTable(code);
  }

  #lastSeq(code: string): number {
    return Number((this.#sql.lastSeq.get({ code }) as Row)["last"]);
  }
}

function migrate(db: Database.Database): void {
  // IMMEDIATE takes the write lock before reading the version, so two processes opening the
  // same new file cannot both apply the same migration.
  db.transaction(() => {
    const current = db.pragma("user_version", { simple: true }) as number;
    if (current > SQLITE_MIGRATIONS.length)
      throw new StoreError("store/schema_too_new", `The database is at schema version ${current}; this build knows up to ${SQLITE_MIGRATIONS.length}.`);
    for (const sql of SQLITE_MIGRATIONS.slice(current)) db.exec(sql);
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
  }).immediate();
}

function prepare(db: Database.Database) {
  const seat = (role: Role) =>
    db.prepare(`UPDATE game_tables SET ${role}_token_hash = @token_hash, ${role}_name = @name WHERE code = @code AND ${LIVE}`);
  return {
    insertTable: db.prepare(`INSERT INTO game_tables (code, scenario_id, scenario_version, seed, draw_seed, options, created_at, workshop_id, workshop_round,
        buyer_token_hash, buyer_name, seller_token_hash, seller_name, facilitator_secret_hash, bot)
      VALUES (@code, @scenario_id, @scenario_version, @seed, @draw_seed, @options, @created_at, @workshop_id, @workshop_round,
        @buyer_token_hash, @buyer_name, @seller_token_hash, @seller_name, @facilitator_secret_hash, @bot)`),
    setBuyer: seat("buyer"),
    setSeller: seat("seller"),
    startTable: db.prepare(`UPDATE game_tables SET started_at = @started_at WHERE code = @code AND ${LIVE} AND started_at IS NULL`),
    closeTable: db.prepare(`UPDATE game_tables SET closed_at = @closed_at, owner = NULL, lease_until = NULL
      WHERE code = @code AND ${LIVE} AND started_at IS NULL`),
    // Selecting from the table row makes "the table is open (and ours)" part of the same statement.
    appendAction: db.prepare(`INSERT INTO table_actions (code, seq, action, at)
      SELECT code, @seq, @action, @at FROM game_tables WHERE code = @code AND ${LIVE} AND (@owner IS NULL OR owner = @owner)`),
    lastSeq: db.prepare(`SELECT coalesce(max(seq), 0) AS last FROM table_actions WHERE code = @code`),
    finishTable: db.prepare(`UPDATE game_tables SET status = 'finished', finished_at = @finished_at, outcome = @outcome, score = @score,
        owner = NULL, lease_until = NULL
      WHERE code = @code AND ${LIVE}`),
    selectTable: db.prepare(`SELECT * FROM game_tables WHERE code = @code`),
    selectLog: db.prepare(`SELECT seq, action, at FROM table_actions WHERE code = @code ORDER BY seq`),
    selectOpenTables: db.prepare(`SELECT * FROM game_tables WHERE ${LIVE} ORDER BY created_at, code`),
    selectOpenLogs: db.prepare(`SELECT a.code, a.seq, a.action, a.at FROM table_actions a JOIN game_tables t ON t.code = a.code
      WHERE t.status = 'open' AND t.closed_at IS NULL ORDER BY a.code, a.seq`),
    selectFinishedTables: db.prepare(`SELECT * FROM game_tables WHERE ${FINISHED_FILTER} ORDER BY finished_at, code`),
    selectFinishedLogs: db.prepare(`SELECT code, seq, action, at FROM table_actions
      WHERE code IN (SELECT code FROM game_tables WHERE ${FINISHED_FILTER}) ORDER BY code, seq`),
    claimTable: db.prepare(`UPDATE game_tables SET owner = @owner, lease_until = @until
      WHERE code = @code AND ${LIVE} AND (owner IS NULL OR owner = @owner OR lease_until <= @now)`),
    renewLeases: db.prepare(`UPDATE game_tables SET lease_until = @until WHERE owner = @owner AND ${LIVE} RETURNING code`),
    releaseTables: db.prepare(`UPDATE game_tables SET owner = NULL, lease_until = NULL WHERE owner = @owner`),
    orphanedTables: db.prepare(`SELECT code FROM game_tables WHERE ${LIVE} AND started_at IS NOT NULL
      AND (owner IS NULL OR owner = @owner OR lease_until <= @now) ORDER BY started_at, code`),
    insertWorkshop: db.prepare(`INSERT INTO workshops (id, join_code, facilitator_secret_hash, settings, created_at)
      VALUES (@id, @join_code, @facilitator_secret_hash, @settings, @created_at)`),
    setWorkshopStatus: db.prepare(`UPDATE workshops SET status = @status WHERE id = @id`),
    setWorkshopSettings: db.prepare(`UPDATE workshops SET settings = @settings WHERE id = @id`),
    insertParticipant: db.prepare(`INSERT INTO workshop_participants (workshop_id, participant_id, display_name, token_hash, joined_at, left_workshop, removed)
      VALUES (@workshop_id, @participant_id, @display_name, @token_hash, @joined_at, @left_workshop, @removed)`),
    removeParticipant: db.prepare(`UPDATE workshop_participants SET left_workshop = 1, removed = 1
      WHERE workshop_id = @workshop_id AND participant_id = @participant_id`),
    insertBroadcast: db.prepare(`INSERT INTO workshop_broadcasts (workshop_id, at, text) VALUES (@workshop_id, @at, @text)`),
    setRoundSeating: db.prepare(`UPDATE workshop_rounds SET seating = @seating WHERE workshop_id = @workshop_id AND round = @round`),
    setParticipantLeft: db.prepare(`UPDATE workshop_participants SET left_workshop = @left_workshop
      WHERE workshop_id = @workshop_id AND participant_id = @participant_id`),
    insertRound: db.prepare(`INSERT INTO workshop_rounds (workshop_id, round, scenario_id, scenario_version, settings, started_at)
      VALUES (@workshop_id, @round, @scenario_id, @scenario_version, @settings, @started_at)`),
    insertScenario: db.prepare(`INSERT INTO scenarios (id, origin, edit_key_hash, created_at) VALUES (@id, @origin, @edit_key_hash, @created_at)`),
    insertScenarioVersion: db.prepare(`INSERT INTO scenario_versions (id, version, document, saved_at) VALUES (@id, @version, @document, @saved_at)`),
    bumpScenario: db.prepare(`UPDATE scenarios SET latest_version = latest_version + 1 WHERE id = @id RETURNING latest_version`),
    latestScenarioVersion: db.prepare(`SELECT latest_version FROM scenarios WHERE id = @id`),
    selectScenario: db.prepare(`${SCENARIO_VERSIONS} WHERE s.id = @id AND v.version = coalesce(@version, s.latest_version)`),
    listScenarios: db.prepare(`${SCENARIO_VERSIONS} WHERE v.version = s.latest_version
        AND (s.origin <> 'author' OR s.edit_key_hash IN (SELECT value FROM json_each(@hashes)))
      ORDER BY ${ORIGIN_RANK}, s.created_at, s.id`),
    endRound: db.prepare(`UPDATE workshop_rounds SET ended_at = @ended_at WHERE workshop_id = @workshop_id AND round = @round AND ended_at IS NULL`),
    selectRound: db.prepare(`SELECT 1 FROM workshop_rounds WHERE workshop_id = @workshop_id AND round = @round`),
  };
}

type Messages = { unique?: string; foreignKey?: string; gap?: () => string };

/** Turns the constraint failures a caller can cause into StoreErrors; anything else is a bug and passes through. */
function translate(error: unknown, messages: Messages): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const { unique, foreignKey, gap } = messages;
  if (unique && (error.code === "SQLITE_CONSTRAINT_PRIMARYKEY" || error.code === "SQLITE_CONSTRAINT_UNIQUE"))
    return new StoreError("store/duplicate", unique, { cause: error });
  if (foreignKey && error.code === "SQLITE_CONSTRAINT_FOREIGNKEY") return new StoreError("store/not_found", foreignKey, { cause: error });
  if (gap && error.code === "SQLITE_CONSTRAINT_TRIGGER" && error.message.includes("table_actions_no_gap"))
    return new StoreError("store/gap", gap(), { cause: error });
  return error;
}
