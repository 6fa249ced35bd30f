import type { SecretHash } from "./secrets.js";
import type {
  Json,
  LogEntry,
  NewScenario,
  NewTable,
  NewWorkshop,
  NewWorkshopRound,
  Participant,
  ScenarioOrigin,
  StoredScenario,
  StoredTable,
  StoredWorkshop,
  TableRecord,
  TableResult,
  WorkshopRound,
} from "./store.js";

/*
 * Rows <-> records, shared by both stores: their schemas use the same column names, and both
 * drivers are set up to hand back JSON as text and integers as numbers. Columns are trusted to
 * hold what these functions wrote (CHECK constraints guard the enums and JSON validity), so
 * JSON comes back as the record type it was stored from.
 */

export type Row = Readonly<Record<string, unknown>>;
export type Params = Record<string, string | number | null>;

const json = (value: Json | object): string => JSON.stringify(value);

export function newTableParams(t: NewTable): Params {
  return {
    code: t.code,
    scenario_id: t.scenarioId,
    scenario_version: t.scenarioVersion,
    seed: t.seed,
    draw_seed: t.drawSeed,
    options: json(t.options),
    created_at: t.createdAt,
    workshop_id: t.workshopId,
    workshop_round: t.workshopRound,
    buyer_token_hash: t.seats.buyer.tokenHash,
    buyer_name: t.seats.buyer.name,
    seller_token_hash: t.seats.seller.tokenHash,
    seller_name: t.seats.seller.name,
    facilitator_secret_hash: t.facilitatorSecretHash,
    bot: t.bot === null ? null : json(t.bot),
  };
}

export function resultParams(r: TableResult): Params {
  return { finished_at: r.finishedAt, outcome: json(r.outcome), score: json(r.score) };
}

export function newWorkshopParams(w: NewWorkshop): Params {
  return { id: w.id, join_code: w.joinCode, facilitator_secret_hash: w.facilitatorSecretHash, settings: json(w.settings), created_at: w.createdAt };
}

export function participantParams(p: Participant): Params {
  return {
    workshop_id: p.workshopId,
    participant_id: p.participantId,
    display_name: p.displayName,
    token_hash: p.tokenHash,
    joined_at: p.joinedAt,
    left_workshop: p.left ? 1 : 0,
    removed: p.removed ? 1 : 0,
  };
}

export function newRoundParams(r: NewWorkshopRound): Params {
  return {
    workshop_id: r.workshopId,
    round: r.round,
    scenario_id: r.scenarioId,
    scenario_version: r.scenarioVersion,
    settings: json(r.settings),
    started_at: r.startedAt,
  };
}

/** The entry's own row; its first version goes in with scenarioVersionParams. */
export function newScenarioParams(s: NewScenario): Params {
  return { id: s.id, origin: s.origin, edit_key_hash: s.editKeyHash, created_at: s.createdAt };
}

export function scenarioVersionParams(id: string, version: number, document: Json, savedAt: number): Params {
  return { id, version, document: json(document), saved_at: savedAt };
}

export function logParams(code: string, e: LogEntry): Params {
  return { code, seq: e.seq, action: json(e.action), at: e.at };
}

const text = (row: Row, key: string): string => String(row[key]);
const int = (row: Row, key: string): number => Number(row[key]);
/** SQLite hands back 0/1, PostgreSQL a boolean. */
const flag = (row: Row, key: string): boolean => row[key] === true || row[key] === 1;
const nullable = <T>(row: Row, key: string, read: (row: Row, key: string) => T): T | null => (row[key] === null ? null : read(row, key));
const parsed = <T>(row: Row, key: string): T => JSON.parse(text(row, key)) as T;
const hash = (row: Row, key: string): SecretHash => text(row, key) as SecretHash;

export function toTableRecord(row: Row): TableRecord {
  const finishedAt = nullable(row, "finished_at", int);
  return {
    code: text(row, "code"),
    scenarioId: text(row, "scenario_id"),
    scenarioVersion: int(row, "scenario_version"),
    seed: text(row, "seed"),
    drawSeed: text(row, "draw_seed"),
    options: parsed(row, "options"),
    createdAt: int(row, "created_at"),
    workshopId: nullable(row, "workshop_id", text),
    workshopRound: nullable(row, "workshop_round", int),
    seats: {
      buyer: { tokenHash: nullable(row, "buyer_token_hash", hash), name: nullable(row, "buyer_name", text) },
      seller: { tokenHash: nullable(row, "seller_token_hash", hash), name: nullable(row, "seller_name", text) },
    },
    facilitatorSecretHash: nullable(row, "facilitator_secret_hash", hash),
    bot: nullable(row, "bot", parsed<Json>),
    status: text(row, "status") === "finished" ? "finished" : "open",
    startedAt: nullable(row, "started_at", int),
    closedAt: nullable(row, "closed_at", int),
    owner: nullable(row, "owner", text),
    leaseUntil: nullable(row, "lease_until", int),
    result: finishedAt === null ? null : { finishedAt, outcome: parsed(row, "outcome"), score: parsed(row, "score") },
  };
}

/** Both stores' query for entries joined with their versions (the columns toStoredScenario reads). */
export const SCENARIO_VERSIONS = `SELECT s.id, s.origin, s.edit_key_hash, v.version, v.document, v.saved_at
  FROM scenarios s JOIN scenario_versions v ON v.id = s.id`;
/** listScenarios' order: shipped, then the operator's, then authors'. */
export const ORIGIN_RANK = "CASE s.origin WHEN 'shipped' THEN 0 WHEN 'operator' THEN 1 ELSE 2 END";

const ORIGINS: readonly ScenarioOrigin[] = ["shipped", "operator", "author"];

/** A row of scenarios joined with one of its versions (the columns the stores select). */
export function toStoredScenario(row: Row): StoredScenario {
  const origin = ORIGINS.find((o) => o === row["origin"]) ?? "author";
  return {
    id: text(row, "id"),
    origin,
    editKeyHash: nullable(row, "edit_key_hash", hash),
    version: int(row, "version"),
    document: parsed(row, "document"),
    savedAt: int(row, "saved_at"),
  };
}

export function toLogEntry(row: Row): LogEntry {
  return { seq: int(row, "seq"), action: parsed(row, "action"), at: int(row, "at") };
}

/** Joins tables with their log rows (which must come in seq order), keeping the tables' order. */
export function withLogs(tableRows: readonly Row[], logRows: readonly Row[]): StoredTable[] {
  const logs = new Map<string, LogEntry[]>();
  for (const row of logRows) {
    const code = text(row, "code");
    const log = logs.get(code) ?? [];
    log.push(toLogEntry(row));
    logs.set(code, log);
  }
  return tableRows.map((row) => {
    const table = toTableRecord(row);
    return { ...table, log: logs.get(table.code) ?? [] };
  });
}

export function toParticipant(row: Row): Participant {
  return {
    workshopId: text(row, "workshop_id"),
    participantId: text(row, "participant_id"),
    displayName: text(row, "display_name"),
    tokenHash: hash(row, "token_hash"),
    joinedAt: int(row, "joined_at"),
    left: flag(row, "left_workshop"),
    removed: flag(row, "removed"),
  };
}

export function toWorkshopRound(row: Row): WorkshopRound {
  return {
    workshopId: text(row, "workshop_id"),
    round: int(row, "round"),
    scenarioId: text(row, "scenario_id"),
    scenarioVersion: int(row, "scenario_version"),
    settings: parsed(row, "settings"),
    startedAt: int(row, "started_at"),
    endedAt: nullable(row, "ended_at", int),
    seating: nullable(row, "seating", parsed<Json>),
  };
}

/** Joins workshops with their participants, rounds and broadcasts (each in the order given). */
export function withMembers(workshopRows: readonly Row[], participantRows: readonly Row[], roundRows: readonly Row[], broadcastRows: readonly Row[]): StoredWorkshop[] {
  const participants = participantRows.map(toParticipant);
  const rounds = roundRows.map(toWorkshopRound);
  const broadcasts = broadcastRows.map((row) => ({ workshopId: text(row, "workshop_id"), text: text(row, "text"), at: int(row, "at") }));
  return workshopRows.map((row) => {
    const id = text(row, "id");
    return {
      id,
      joinCode: text(row, "join_code"),
      facilitatorSecretHash: hash(row, "facilitator_secret_hash"),
      settings: parsed(row, "settings"),
      createdAt: int(row, "created_at"),
      status: text(row, "status") === "finished" ? "finished" : "open",
      participants: participants.filter((p) => p.workshopId === id),
      rounds: rounds.filter((r) => r.workshopId === id),
      broadcasts: broadcasts.filter((b) => b.workshopId === id).map((b) => ({ text: b.text, at: b.at })),
    };
  });
}
