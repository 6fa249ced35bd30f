import { stringify } from "csv-stringify/sync";
import type { GameEvent } from "../../shared/engine/index.js";
import type { ExportFormat, RoundSettings } from "../../shared/protocol/workshop.js";
import type { GameSummary } from "../../shared/workshop/summary.js";
import { LOG_COLUMNS, logRows, RESULT_COLUMNS, resultRow } from "./exportRows.js";
import type { Person } from "./roster.js";
import type { WorkshopRound } from "./round.js";

/*
 * The workshop's export: every finished game's results and full log (the facilitator's view:
 * both sides' private events and, after the end, notes), as JSON or as two CSV files.
 */

export type WorkshopExport = {
  readonly workshop: { readonly code: string; readonly title: string; readonly exportedAt: string };
  readonly participants: readonly { readonly id: string; readonly name: string; readonly joinedAt: string; readonly left: boolean }[];
  readonly rounds: readonly {
    readonly number: number;
    readonly settings: RoundSettings;
    readonly scenarioTitle: string;
    readonly drawSeed: string | null;
    readonly startedAt: string;
    readonly endedAt: string | null;
    readonly games: readonly { readonly result: GameSummary; readonly log: readonly GameEvent[] }[];
    /** Tables with no finished game (nobody sat down, or still running): listed, not scored. */
    readonly unfinished: readonly { readonly table: string; readonly number: number; readonly phase: string }[];
  }[];
};

export type ExportFile = { readonly contentType: string; readonly filename: string; readonly body: string };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Cells as a spreadsheet should read them: booleans as words (csv-stringify's default is 1 and
 * empty), and text that a spreadsheet would run as a formula (a display name "=HYPERLINK(…)")
 * prefixed with an apostrophe.
 */
const CSV_OPTIONS = {
  header: true,
  cast: {
    boolean: (value: boolean) => (value ? "true" : "false"),
    string: (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value),
  },
} as const;

export function buildExport(code: string, title: string, people: readonly Person[], rounds: readonly WorkshopRound[], now: number): WorkshopExport {
  return {
    workshop: { code, title, exportedAt: iso(now) },
    participants: people.map((p) => ({ id: p.id, name: p.name, joinedAt: iso(p.joinedAt), left: p.left })),
    rounds: rounds.map((r) => ({
      number: r.number,
      settings: r.settings,
      scenarioTitle: r.scenario.title,
      drawSeed: r.drawSeed,
      startedAt: iso(r.startedAt),
      endedAt: r.endedAt === null ? null : iso(r.endedAt),
      games: r.tables.flatMap((t) => (t.summary && t.final ? [{ result: t.summary, log: t.final.timeline }] : [])),
      unfinished: r.tables
        .filter((t) => !t.summary)
        .map((t) => ({ table: t.code, number: t.index + 1, phase: t.latest ? (t.latest.started ? t.latest.table.phase : "never started") : "never started" })),
    })),
  };
}

export function exportFile(data: WorkshopExport, format: ExportFormat): ExportFile {
  const base = `parley-${data.workshop.code}`;
  const games = data.rounds.flatMap((r) => r.games);
  switch (format) {
    case "json":
      return { contentType: "application/json; charset=utf-8", filename: `${base}.json`, body: JSON.stringify(data, null, 2) };
    case "results.csv":
      return {
        contentType: "text/csv; charset=utf-8",
        filename: `${base}-results.csv`,
        body: stringify(games.map((g) => resultRow(data.workshop.code, g.result)), { ...CSV_OPTIONS, columns: [...RESULT_COLUMNS] }),
      };
    case "log.csv":
      return {
        contentType: "text/csv; charset=utf-8",
        filename: `${base}-log.csv`,
        body: stringify(
          games.flatMap((g) => logRows(data.workshop.code, g.result.round, g.result.code, g.log)),
          { ...CSV_OPTIONS, columns: [...LOG_COLUMNS] },
        ),
      };
  }
}
