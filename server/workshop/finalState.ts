import type { Scenario, TableState } from "../../shared/engine/index.js";
import { replayTable } from "../persistence/replay.js";
import type { Store } from "../storage/store.js";

/**
 * A finished game's full engine state (for its summary and the export's log), read back from
 * the store: a table publishes only its tile to its workshop, and writes every change to the
 * store before it publishes it. Null if the store has no finished game under that code.
 */
export async function finalStateOf(code: string, scenario: Scenario, store: Pick<Store, "loadTable">): Promise<TableState | null> {
  const stored = await store.loadTable(code);
  if (!stored) return null;
  const state = replayTable(stored, scenario);
  return state.phase === "finished" ? state : null;
}
