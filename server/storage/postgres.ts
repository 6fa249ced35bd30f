import pg from "pg";
import type { Role } from "../../shared/engine/index.js";
import type { SecretHash } from "./secrets.js";
import { StoreError } from "./errors.js";
import { POSTGRES_MIGRATIONS } from "./postgresMigrations.js";
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
  toStoredScenario,
  withLogs,
  withMembers,
  type Params,
  type Row,
} from "./rows.js";
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
 * Durability: every call is one autocommitted statement, and every connection forces
 * synchronous_commit=on, so a resolved call is flushed to PostgreSQL's WAL on disk: it survives
 * a crash of this process, of the database server and (with the server's fsync on) power loss.
 */
export type PostgresStoreOptions = {
  readonly connectionString: string;
  /** Schema to work in (created by the caller); the default is the URL's search_path, else the role's. */
  readonly schema?: string;
  readonly maxConnections?: number;
  /** A pooled idle connection failed (e.g. the database restarted); the pool replaces it. */
  readonly onIdleClientError?: (error: Error) => void;
};

/** A table that may still be played: neither finished nor given up. */
const LIVE = "status = 'open' AND closed_at IS NULL";

const OID = { int8: 20, json: 114, jsonb: 3802 } as const;

/** Integers as numbers (epoch ms fit a double exactly) and JSON as text, as rows.ts expects. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === OID.int8) return (value: string) => Number(value);
    if (oid === OID.json || oid === OID.jsonb) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Arbitrary, fixed: the advisory lock class of schema migrations, paired with the schema's hash. */
const MIGRATION_LOCK = 0x7061726c;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema))
    throw new Error(`Schema name ${JSON.stringify(options.schema)} must be lower-case letters, digits and underscores.`);
  const pool = new pg.Pool({ ...connection(options), max: options.maxConnections ?? 10, types });
  pool.on("error", options.onIdleClientError ?? ((error) => console.error("parley storage: idle PostgreSQL connection failed:", error.message)));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool);
}

/**
 * Startup options for every connection: the URL's own `options` (e.g. `-c search_path=parley`
 * to pick a schema), then ours. The driver would let the URL's replace ours, so they are merged
 * here, and ours come last so that synchronous_commit cannot be turned off by accident.
 */
function connection(options: PostgresStoreOptions): { connectionString: string; options: string } {
  const ours = ["-c synchronous_commit=on", ...(options.schema ? [`-c search_path=${options.schema}`] : [])];
  const url = new URL(options.connectionString);
  const fromUrl = url.searchParams.get("options");
  if (fromUrl === null) return { connectionString: options.connectionString, options: ours.join(" ") };
  url.searchParams.delete("options");
  return { connectionString: url.toString(), options: [fromUrl, ...ours].join(" ") };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Two processes starting at once on a new database: the second waits here, then finds
    // the migrations applied. The lock is released with the transaction.
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const { rows } = await client.query<{ version: number }>("SELECT coalesce(max(version), 0) AS version FROM schema_version");
    const current = rows[0]?.version ?? 0;
    if (current > POSTGRES_MIGRATIONS.length)
      throw new StoreError("store/schema_too_new", `The database is at schema version ${current}; this build knows up to ${POSTGRES_MIGRATIONS.length}.`);
    for (const [index, sql] of POSTGRES_MIGRATIONS.entries()) {
      if (index < current) continue;
      await client.query(sql);
      await client.query("INSERT INTO schema_version (version) VALUES ($1)", [index + 1]);
    }
    await client.query("COMMIT");
  } catch (error) {
    // The migration's own error is the one to report, even if the rollback fails too.
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** `INSERT INTO table (a, b) VALUES ($1, $2)` for the params' columns, in their order. */
function insert(table: string, params: Params): pg.QueryConfig {
  const columns = Object.keys(params);
  return {
    text: `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
    values: Object.values(params),
  };
}

export class PostgresStore implements Store {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async createTable(table: NewTable): Promise<void> {
    try {
      await this.#pool.query(insert("game_tables", newTableParams(table)));
    } catch (error) {
      throw translate(error, {
        unique: `Table code ${table.code} is taken.`,
        foreignKey: `There is no workshop ${table.workshopId}.`,
      });
    }
  }

  async setSeat(code: string, role: Role, seat: Seat): Promise<void> {
    const { rowCount } = await this.#pool.query(
      `UPDATE game_tables SET ${role}_token_hash = $2, ${role}_name = $3 WHERE code = $1 AND ${LIVE}`,
      [code, seat.tokenHash, seat.name],
    );
    if (rowCount === 0) throw await this.#notOpenTable(code);
  }

  async startTable(code: string, startedAt: number): Promise<void> {
    const { rowCount } = await this.#pool.query(`UPDATE game_tables SET started_at = $2 WHERE code = $1 AND ${LIVE} AND started_at IS NULL`, [
      code,
      startedAt,
    ]);
    if (rowCount === 1) return;
    const { rows } = await this.#pool.query<Row>(`SELECT 1 FROM game_tables WHERE code = $1 AND ${LIVE} AND started_at IS NOT NULL`, [code]);
    if (rows.length > 0) throw new StoreError("store/duplicate", `Table ${code} has started already.`);
    throw await this.#notOpenTable(code);
  }

  async closeTable(code: string, closedAt: number): Promise<void> {
    const { rowCount } = await this.#pool.query(
      `UPDATE game_tables SET closed_at = $2, owner = NULL, lease_until = NULL WHERE code = $1 AND ${LIVE} AND started_at IS NULL`,
      [code, closedAt],
    );
    if (rowCount === 0) throw await this.#notOpenTable(code);
  }

  async appendAction(code: string, entry: LogEntry, options: AppendOptions = {}): Promise<void> {
    const p = logParams(code, entry);
    const r = options.finish ? resultParams(options.finish) : { finished_at: null, outcome: null, score: null };
    let inserted: number;
    try {
      // One statement, so one transaction: the entry, and the result when the game ended. The
      // table row is read FOR SHARE, so a claimTable by another process (an UPDATE of that row)
      // either waits for this append or makes it see the new owner and insert nothing.
      const { rows } = await this.#pool.query<{ inserted: number }>(
        `WITH appended AS (
           INSERT INTO table_actions (code, seq, action, at)
           SELECT code, $2::integer, $3::json, $4::bigint FROM game_tables
           WHERE code = $1 AND ${LIVE} AND ($5::text IS NULL OR owner = $5) FOR SHARE
           RETURNING code
         ), finished AS (
           UPDATE game_tables SET status = 'finished', finished_at = $6, outcome = $7, score = $8, owner = NULL, lease_until = NULL
           WHERE $6::bigint IS NOT NULL AND code IN (SELECT code FROM appended)
         )
         SELECT count(*)::integer AS inserted FROM appended`,
        [p["code"], p["seq"], p["action"], p["at"], options.owner ?? null, r["finished_at"], r["outcome"], r["score"]],
      );
      inserted = rows[0]?.inserted ?? 0;
    } catch (error) {
      const gap = isConstraint(error, "table_actions_no_gap") || isConstraint(error, "table_actions_seq_positive");
      if (!gap) throw translate(error, { unique: `Table ${code} already has action ${entry.seq}.` });
      const last = await this.#pool.query<{ last: number }>("SELECT coalesce(max(seq), 0) AS last FROM table_actions WHERE code = $1", [code]);
      throw new StoreError("store/gap", `Table ${code}: action ${entry.seq} would leave a gap, the log ends at ${last.rows[0]?.last}.`, { cause: error });
    }
    if (inserted === 0) throw await this.#refusedAppend(code);
  }

  async finishTable(code: string, result: TableResult): Promise<void> {
    const r = resultParams(result);
    const { rowCount } = await this.#pool.query(
      `UPDATE game_tables SET status = 'finished', finished_at = $2, outcome = $3, score = $4, owner = NULL, lease_until = NULL
       WHERE code = $1 AND ${LIVE}`,
      [code, r["finished_at"], r["outcome"], r["score"]],
    );
    if (rowCount === 0) throw await this.#notOpenTable(code);
  }

  async loadTable(code: string): Promise<StoredTable | null> {
    return (await this.#tablesWithLogs("SELECT * FROM game_tables WHERE code = $1", [code]))[0] ?? null;
  }

  async loadOpenTables(): Promise<StoredTable[]> {
    return this.#tablesWithLogs(`SELECT * FROM game_tables WHERE ${LIVE} ORDER BY created_at, code`, []);
  }

  async listFinishedTables(filter: FinishedFilter = {}): Promise<StoredTable[]> {
    return this.#tablesWithLogs(
      `SELECT * FROM game_tables WHERE status = 'finished'
         AND ($1::text IS NULL OR workshop_id = $1) AND ($2::integer IS NULL OR workshop_round = $2)
       ORDER BY finished_at, code`,
      [filter.workshopId ?? null, filter.round ?? null],
    );
  }

  async claimTable(code: string, owner: string, leaseMs: number, now: number): Promise<boolean> {
    // Under READ COMMITTED a racing UPDATE waits for the first, then re-checks the WHERE
    // against the row the first one wrote: only one of them can match.
    const { rowCount } = await this.#pool.query(
      `UPDATE game_tables SET owner = $2, lease_until = $3
       WHERE code = $1 AND ${LIVE} AND (owner IS NULL OR owner = $2 OR lease_until <= $4)`,
      [code, owner, now + leaseMs, now],
    );
    return rowCount === 1;
  }

  async renewLeases(owner: string, leaseMs: number, now: number): Promise<string[]> {
    const { rows } = await this.#pool.query<{ code: string }>(
      `UPDATE game_tables SET lease_until = $2 WHERE owner = $1 AND ${LIVE} RETURNING code`,
      [owner, now + leaseMs],
    );
    return rows.map((row) => row.code);
  }

  async releaseTables(owner: string): Promise<void> {
    await this.#pool.query("UPDATE game_tables SET owner = NULL, lease_until = NULL WHERE owner = $1", [owner]);
  }

  async findOrphanedTables(owner: string, now: number): Promise<string[]> {
    const { rows } = await this.#pool.query<{ code: string }>(
      `SELECT code FROM game_tables WHERE ${LIVE} AND started_at IS NOT NULL
         AND (owner IS NULL OR owner = $1 OR lease_until <= $2) ORDER BY started_at, code`,
      [owner, now],
    );
    return rows.map((row) => row.code);
  }

  async createWorkshop(workshop: NewWorkshop): Promise<void> {
    try {
      await this.#pool.query(insert("workshops", newWorkshopParams(workshop)));
    } catch (error) {
      throw translate(error, { unique: `Workshop id ${workshop.id} or join code ${workshop.joinCode} is taken.` });
    }
  }

  async loadWorkshop(id: string): Promise<StoredWorkshop | null> {
    return (await this.#workshops("SELECT * FROM workshops WHERE id = $1", [id]))[0] ?? null;
  }

  async findWorkshopByJoinCode(joinCode: string): Promise<StoredWorkshop | null> {
    return (await this.#workshops("SELECT * FROM workshops WHERE join_code = $1", [joinCode]))[0] ?? null;
  }

  async loadOpenWorkshops(): Promise<StoredWorkshop[]> {
    return this.#workshops("SELECT * FROM workshops WHERE status = 'open' ORDER BY created_at, id", []);
  }

  async setWorkshopStatus(id: string, status: WorkshopStatus): Promise<void> {
    const { rowCount } = await this.#pool.query("UPDATE workshops SET status = $2 WHERE id = $1", [id, status]);
    if (rowCount === 0) throw new StoreError("store/not_found", `There is no workshop ${id}.`);
  }

  async setWorkshopSettings(id: string, settings: Json): Promise<void> {
    const { rowCount } = await this.#pool.query("UPDATE workshops SET settings = $2 WHERE id = $1", [id, JSON.stringify(settings)]);
    if (rowCount === 0) throw new StoreError("store/not_found", `There is no workshop ${id}.`);
  }

  async addParticipant(participant: Participant): Promise<void> {
    try {
      await this.#pool.query(insert("workshop_participants", participantParams(participant)));
    } catch (error) {
      throw translate(error, {
        unique: `Workshop ${participant.workshopId} already has participant ${participant.participantId}.`,
        foreignKey: `There is no workshop ${participant.workshopId}.`,
      });
    }
  }

  async setParticipantLeft(workshopId: string, participantId: string, left: boolean): Promise<void> {
    const { rowCount } = await this.#pool.query(
      "UPDATE workshop_participants SET left_workshop = $3 WHERE workshop_id = $1 AND participant_id = $2",
      [workshopId, participantId, left],
    );
    if (rowCount === 0) throw new StoreError("store/not_found", `Workshop ${workshopId} has no participant ${participantId}.`);
  }

  async removeParticipant(workshopId: string, participantId: string): Promise<void> {
    const { rowCount } = await this.#pool.query(
      "UPDATE workshop_participants SET left_workshop = true, removed = true WHERE workshop_id = $1 AND participant_id = $2",
      [workshopId, participantId],
    );
    if (rowCount === 0) throw new StoreError("store/not_found", `Workshop ${workshopId} has no participant ${participantId}.`);
  }

  async setRoundSeating(workshopId: string, round: number, seating: Json): Promise<void> {
    const { rowCount } = await this.#pool.query("UPDATE workshop_rounds SET seating = $3 WHERE workshop_id = $1 AND round = $2", [
      workshopId,
      round,
      JSON.stringify(seating),
    ]);
    if (rowCount === 0) throw new StoreError("store/not_found", `Workshop ${workshopId} has no round ${round}.`);
  }

  async startWorkshopRound(round: NewWorkshopRound): Promise<void> {
    try {
      await this.#pool.query(insert("workshop_rounds", newRoundParams(round)));
    } catch (error) {
      throw translate(error, {
        unique: `Workshop ${round.workshopId} already has round ${round.round}.`,
        foreignKey: `There is no workshop ${round.workshopId}.`,
      });
    }
  }

  async addBroadcast(workshopId: string, broadcast: Broadcast): Promise<void> {
    try {
      await this.#pool.query("INSERT INTO workshop_broadcasts (workshop_id, at, text) VALUES ($1, $2, $3)", [workshopId, broadcast.at, broadcast.text]);
    } catch (error) {
      throw translate(error, { foreignKey: `There is no workshop ${workshopId}.` });
    }
  }

  async endWorkshopRound(workshopId: string, round: number, endedAt: number): Promise<void> {
    const { rowCount } = await this.#pool.query(
      "UPDATE workshop_rounds SET ended_at = $3 WHERE workshop_id = $1 AND round = $2 AND ended_at IS NULL",
      [workshopId, round, endedAt],
    );
    if (rowCount === 1) return;
    const exists = await this.#pool.query("SELECT 1 FROM workshop_rounds WHERE workshop_id = $1 AND round = $2", [workshopId, round]);
    throw exists.rowCount
      ? new StoreError("store/not_open", `Round ${round} of workshop ${workshopId} has ended already.`)
      : new StoreError("store/not_found", `Workshop ${workshopId} has no round ${round}.`);
  }

  async createScenario(scenario: NewScenario): Promise<void> {
    const entry = newScenarioParams(scenario);
    try {
      // One statement, one transaction: the entry never exists without its first version.
      await this.#pool.query(
        `WITH entry AS (
           INSERT INTO scenarios (id, origin, edit_key_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id
         )
         INSERT INTO scenario_versions (id, version, document, saved_at) SELECT id, 1, $5::json, $4 FROM entry`,
        [entry["id"], entry["origin"], entry["edit_key_hash"], entry["created_at"], JSON.stringify(scenario.document)],
      );
    } catch (error) {
      throw translate(error, { unique: `The scenario id ${scenario.id} is taken.` });
    }
  }

  async addScenarioVersion(id: string, document: Json, savedAt: number): Promise<number> {
    // The UPDATE takes the entry's row lock: of two saves at once, the second waits and then
    // counts on from the first's version, so neither is lost and no number is used twice.
    const { rows } = await this.#pool.query<{ version: number }>(
      `WITH bumped AS (UPDATE scenarios SET latest_version = latest_version + 1 WHERE id = $1 RETURNING id, latest_version)
       INSERT INTO scenario_versions (id, version, document, saved_at) SELECT id, latest_version, $2::json, $3 FROM bumped RETURNING version`,
      [id, JSON.stringify(document), savedAt],
    );
    const version = rows[0]?.version;
    if (version === undefined) throw new StoreError("store/not_found", `There is no scenario ${id}.`);
    return version;
  }

  async loadScenario(id: string, version?: number): Promise<StoredScenario | null> {
    const { rows } = await this.#pool.query<Row>(`${SCENARIO_VERSIONS} WHERE s.id = $1 AND v.version = coalesce($2::integer, s.latest_version)`, [
      id,
      version ?? null,
    ]);
    return rows[0] ? toStoredScenario(rows[0]) : null;
  }

  async latestScenarioVersion(id: string): Promise<number | null> {
    const { rows } = await this.#pool.query<Row>(`SELECT latest_version FROM scenarios WHERE id = $1`, [id]);
    return rows[0] ? Number(rows[0]["latest_version"]) : null;
  }

  async listScenarios(editKeyHashes: readonly SecretHash[]): Promise<StoredScenario[]> {
    const { rows } = await this.#pool.query<Row>(
      `${SCENARIO_VERSIONS} WHERE v.version = s.latest_version AND (s.origin <> 'author' OR s.edit_key_hash = ANY($1::text[]))
       ORDER BY ${ORIGIN_RANK}, s.created_at, s.id`,
      [editKeyHashes],
    );
    return rows.map(toStoredScenario);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  /**
   * The logs are fetched by the codes the first query returned, not by re-running its filter:
   * a table finished in between still comes with its log (which may then hold a few more
   * entries than the row shows, never fewer).
   */
  async #tablesWithLogs(sql: string, values: unknown[]): Promise<StoredTable[]> {
    const tables = await this.#pool.query<Row>(sql, values);
    if (tables.rows.length === 0) return [];
    const codes = tables.rows.map((row) => row["code"]);
    const logs = await this.#pool.query<Row>("SELECT code, seq, action, at FROM table_actions WHERE code = ANY($1) ORDER BY code, seq", [codes]);
    return withLogs(tables.rows, logs.rows);
  }

  async #workshops(sql: string, values: unknown[]): Promise<StoredWorkshop[]> {
    const workshops = await this.#pool.query<Row>(sql, values);
    if (workshops.rows.length === 0) return [];
    const ids = [workshops.rows.map((row) => row["id"])];
    const [participants, rounds, broadcasts] = await Promise.all([
      this.#pool.query<Row>("SELECT * FROM workshop_participants WHERE workshop_id = ANY($1) ORDER BY joined_at, participant_id", ids),
      this.#pool.query<Row>("SELECT * FROM workshop_rounds WHERE workshop_id = ANY($1) ORDER BY round", ids),
      this.#pool.query<Row>("SELECT * FROM workshop_broadcasts WHERE workshop_id = ANY($1) ORDER BY at, id", ids),
    ]);
    return withMembers(workshops.rows, participants.rows, rounds.rows, broadcasts.rows);
  }

  async #notOpenTable(code: string): Promise<StoreError> {
    const { rows } = await this.#pool.query<Row>("SELECT status, closed_at FROM game_tables WHERE code = $1", [code]);
    const row = rows[0];
    if (!row) return new StoreError("store/not_found", `There is no table ${code}.`);
    if (row["status"] === "finished") return new StoreError("store/not_open", `Table ${code} is finished.`);
    if (row["closed_at"] !== null) return new StoreError("store/not_open", `Table ${code} is closed.`);
    return new StoreError("store/not_open", `Table ${code} has started.`);
  }

  /** Why an append inserted nothing: the table is unknown, no longer open, or held by another owner. */
  async #refusedAppend(code: string): Promise<StoreError> {
    const { rows } = await this.#pool.query<Row>(`SELECT owner FROM game_tables WHERE code = $1 AND ${LIVE}`, [code]);
    const row = rows[0];
    if (row) return new StoreError("store/not_owner", `Table ${code} is held by ${String(row["owner"] ?? "nobody")} now.`);
    return this.#notOpenTable(code);
  }
}

const UNIQUE_VIOLATION = "23505";
const FOREIGN_KEY_VIOLATION = "23503";

function isConstraint(error: unknown, name: string): boolean {
  return error instanceof pg.DatabaseError && error.constraint === name;
}

/** Turns the constraint failures a caller can cause into StoreErrors; anything else is a bug and passes through. */
function translate(error: unknown, messages: { unique?: string; foreignKey?: string }): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  if (messages.unique && error.code === UNIQUE_VIOLATION) return new StoreError("store/duplicate", messages.unique, { cause: error });
  if (messages.foreignKey && error.code === FOREIGN_KEY_VIOLATION) return new StoreError("store/not_found", messages.foreignKey, { cause: error });
  return error;
}
