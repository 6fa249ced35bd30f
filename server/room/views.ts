import { cached } from "../../shared/engine/cached.js";
import { viewFor, type TableState, type TableView, type Viewer } from "../../shared/engine/index.js";

const cache = new WeakMap<TableState, Map<Viewer, TableView>>();

/**
 * viewFor, computed once per engine state and viewer. Engine states are immutable (every change
 * is a new object), so the state itself is a safe key. This matters once a game is over: each
 * view then carries the reveal, whose draw analysis takes tens to hundreds of milliseconds.
 */
export function viewOf(table: TableState, viewer: Viewer): TableView {
  return cached(cached(cache, table, () => new Map<Viewer, TableView>()), viewer, (v) => viewFor(table, v));
}
