import { isDeepStrictEqual } from "node:util";
import type { PerRole, TableState } from "../../../shared/engine/index.js";
import type { ScenarioResolver } from "../../../server/scenarios/library.js";
import type { FinishedFilter, Json, Store, TableResult } from "../../../server/storage/store.js";
import { replayTable } from "../../../server/persistence/replay.js";

/** One finished game read back from the store alone: the recovery tests compare it with what was played. */
export type FinishedTable = {
  readonly code: string;
  readonly scenarioId: string;
  /** The scenario's library version the game was played on (replayed with exactly that one). */
  readonly scenarioVersion: number;
  readonly workshopId: string | null;
  readonly workshopRound: number | null;
  /** The names the seats were last taken under (null: never taken). */
  readonly names: PerRole<string | null>;
  readonly bot: Json | null;
  readonly startedAt: number | null;
  readonly result: TableResult;
  /**
   * The final engine state, rebuilt by replaying the log: outcome, score, offers, ledger, notes,
   * interruptions, the timeline and both sides' private draws (viewFor it for any viewer).
   */
  readonly state: TableState;
};

export type History = {
  readonly tables: readonly FinishedTable[];
  /** Finished tables that could not be rebuilt (unknown scenario, a log the engine refuses, a result that disagrees). */
  readonly unreadable: readonly { readonly code: string; readonly reason: string }[];
};

/**
 * Every finished game matching the filter (a workshop, one of its rounds), in the order they
 * finished, each rebuilt from its log. Works the same after any restart and on any process.
 */
export async function finishedTables(store: Store, scenarios: ScenarioResolver, filter: FinishedFilter = {}): Promise<History> {
  const tables: FinishedTable[] = [];
  const unreadable: { code: string; reason: string }[] = [];
  for (const stored of await store.listFinishedTables(filter)) {
    const { code, result } = stored;
    const scenario = (await scenarios.resolve(stored.scenarioId, stored.scenarioVersion))?.scenario;
    if (!scenario || !result) {
      unreadable.push({ code, reason: scenario ? "no result stored" : `unknown scenario "${stored.scenarioId}" version ${stored.scenarioVersion}` });
      continue;
    }
    let state: TableState;
    try {
      state = replayTable(stored, scenario);
    } catch (error) {
      unreadable.push({ code, reason: (error as Error).message });
      continue;
    }
    if (state.phase !== "finished" || !sameJson(state.outcome, result.outcome) || !sameJson(state.score, result.score)) {
      unreadable.push({ code, reason: "the replayed game does not end with the stored result" });
      continue;
    }
    tables.push({
      code,
      scenarioId: stored.scenarioId,
      scenarioVersion: stored.scenarioVersion,
      workshopId: stored.workshopId,
      workshopRound: stored.workshopRound,
      names: { buyer: stored.seats.buyer.name, seller: stored.seats.seller.name },
      bot: stored.bot,
      startedAt: stored.startedAt,
      result,
      state,
    });
  }
  return { tables, unreadable };
}

/** Equal once both are what the store would keep (JSON drops undefined fields). */
const sameJson = (a: unknown, b: unknown): boolean => isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));
