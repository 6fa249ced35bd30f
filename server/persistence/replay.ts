import { apply, createTable, type Scenario, type TableState } from "../../shared/engine/index.js";
import type { StoredTable } from "../storage/store.js";

/** A stored log the engine does not accept as it was written: the table cannot be rebuilt. */
export class ReplayError extends Error {
  override readonly name = "ReplayError";
}

/** The creation facts of a stored table, as the engine's createTable takes them. */
export type TableOrigin = Pick<StoredTable, "code" | "seed" | "drawSeed" | "options" | "createdAt" | "startedAt">;

/**
 * The engine state a table had when the game began (or, before that, when it was opened): the
 * clock starts at startedAt, so the first turn's deadline comes out as it did live.
 */
export function initialState(origin: TableOrigin, scenario: Scenario, startedAt: number | null = origin.startedAt): TableState {
  return createTable(scenario, origin.seed, { ...origin.options, now: startedAt ?? origin.createdAt, drawSeed: origin.drawSeed });
}

/**
 * Rebuild a table by replay: createTable as it was made, then every logged action at the time
 * it was applied. The engine is a pure function of (state, action, time), so this is the state
 * the table had after its last logged action, hidden draws included. Every logged action
 * changed the state when it was logged; one that changes nothing now means the log and the
 * engine disagree, and the table is refused rather than rebuilt wrong — except a note past the
 * notepad's limit, which only an older build could have logged.
 */
export function replayTable(stored: StoredTable, scenario: Scenario): TableState {
  let state = initialState(stored, scenario);
  for (const entry of stored.log) {
    const result = apply(state, entry.action, entry.at);
    // A build before the notepad's limit logged notes past it: the game is rebuilt without them
    // rather than refused (they stay in the stored log).
    if (!result.ok && result.error.code === "rule/notepad_full") continue;
    if (result.state === state) throw new ReplayError(`table ${stored.code}: logged action #${entry.seq} (${entry.action.type}) changes nothing on replay`);
    state = result.state;
  }
  return state;
}
