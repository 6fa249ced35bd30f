import { stringify } from "csv-stringify/sync";
import type { GameEvent } from "../../shared/engine/index.js";
import type { Issue } from "../../shared/engine/scenario.js";
import type { ExportFormat, RoundSettings } from "../../shared/protocol/workshop.js";
import type { GameSummary } from "../../shared/workshop/summary.js";
import { LOG_COLUMNS, logRows, PARTICIPANT_COLUMNS, participantRows, RESULT_COLUMNS, resultRow, termColumns, type ParticipantRow } from "./exportRows.js";
import type { PersonFacts } from "../../shared/workshop/core/index.js";
import type { WorkshopRound } from "./round.js";

/*
 * The workshop's export: every finished game's results and full log (the facilitator's view:
 * both sides' private events and, after the end, notes), and each person's result per game, as
 * JSON or as three CSV files.
 */

export type WorkshopExport = {
  readonly workshop: { readonly code: string; readonly title: string; readonly exportedAt: string };
  readonly participants: readonly { readonly id: string; readonly name: string; readonly joinedAt: string; readonly left: boolean }[];
  readonly rounds: readonly {
    readonly number: number;
    readonly settings: RoundSettings;
    readonly scenarioTitle: string;
    /** The scenario's library version every game of the round played, whatever was saved since. */
    readonly scenarioVersion: number;
    /** The scenario's issues: what the term columns and the games' terms refer to. */
    readonly issues: readonly Issue[];
    readonly drawSeed: string | null;
    readonly startedAt: string;
    readonly endedAt: string | null;
    readonly games: readonly { readonly result: GameSummary; readonly log: readonly GameEvent[] }[];
    /** Tables with no finished game (nobody sat down, or still running): listed, not scored. */
    readonly unfinished: readonly { readonly table: string; readonly number: number; readonly phase: string }[];
  }[];
  /** One row per person per finished game, as in participants.csv. */
  readonly participantResults: readonly ParticipantRow[];
};

export type ExportFile = { readonly contentType: string; readonly filename: string; readonly body: string };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Text people typed: a display name such as "=HYPERLINK(…)" would run as a formula in a
 * spreadsheet, so a cell of these columns starting with = + - @ or a tab gets an apostrophe in
 * front. Nothing else does: codes, seeds ("-x3…" is a base64url seed, not a formula) and our own
 * words reach the spreadsheet as they are.
 */
const TYPED_COLUMNS = new Set(["buyer", "seller", "name", "opponent", "detail"]);

/** Cells as a spreadsheet should read them: booleans as words (csv-stringify's default is 1 and empty), typed text defused. */
const CSV_OPTIONS = {
  header: true,
  cast: {
    boolean: (value: boolean) => (value ? "true" : "false"),
    string: (value: string, context: { readonly column?: number | string }) =>
      typeof context.column === "string" && TYPED_COLUMNS.has(context.column) && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value,
  },
} as const;

/** Excel reads a CSV file as the machine's legacy code page unless it starts with a UTF-8 byte order mark: "Zoë" would come out "ZoÃ«". */
const BOM = "\uFEFF";

const csvFile = (filename: string, rows: readonly object[], columns: readonly string[]): ExportFile => ({
  contentType: "text/csv; charset=utf-8",
  filename,
  body: BOM + stringify([...rows], { ...CSV_OPTIONS, columns: [...columns] }),
});

export function buildExport(code: string, title: string, people: readonly PersonFacts[], rounds: readonly WorkshopRound[], now: number): WorkshopExport {
  return {
    workshop: { code, title, exportedAt: iso(now) },
    participants: people.map((p) => ({ id: p.id, name: p.name, joinedAt: iso(p.joinedAt), left: p.left })),
    rounds: rounds.map((r) => ({
      number: r.number,
      settings: r.settings,
      scenarioTitle: r.scenario.title,
      scenarioVersion: r.pinned.version,
      issues: r.scenario.issues,
      drawSeed: r.drawSeed,
      startedAt: iso(r.startedAt),
      endedAt: r.endedAt === null ? null : iso(r.endedAt),
      games: r.tables.flatMap((t) => (t.summary && t.final ? [{ result: t.summary, log: t.final.timeline }] : [])),
      unfinished: r.tables
        .filter((t) => !t.summary)
        .map((t) => ({ table: t.code, number: t.index + 1, phase: t.latest?.facts.started ? t.latest.facts.phase : "never started" })),
    })),
    participantResults: rounds.flatMap((r) => r.tables.flatMap((t) => (t.summary && t.final ? participantRows(code, t.summary) : []))),
  };
}

export function exportFile(data: WorkshopExport, format: ExportFormat): ExportFile {
  const base = `parley-${data.workshop.code}`;
  const code = data.workshop.code;
  switch (format) {
    case "json":
      return { contentType: "application/json; charset=utf-8", filename: `${base}.json`, body: JSON.stringify(data, null, 2) };
    case "results.csv": {
      const rows = data.rounds.flatMap((r) => r.games.map((g) => resultRow(code, g.result, r.issues, r.scenarioVersion)));
      return csvFile(`${base}-results.csv`, rows, [...RESULT_COLUMNS, ...termColumns(data.rounds.map((r) => r.issues))]);
    }
    case "participants.csv":
      return csvFile(`${base}-participants.csv`, data.participantResults, PARTICIPANT_COLUMNS);
    case "log.csv":
      return csvFile(
        `${base}-log.csv`,
        data.rounds.flatMap((r) => r.games.flatMap((g) => logRows(code, g.result.round, g.result.code, g.log))),
        LOG_COLUMNS,
      );
  }
}
