import type { Action, Role, RuleError, TableState } from "../../shared/engine/index.js";
import type { ProtocolErrorCode } from "../../shared/protocol/messages.js";
import type { SeatSnapshot } from "../room/writePublicTable.js";

/*
 * The in-process link between a table room and whoever opened it for a workshop. A workshop
 * room watches its tables' engine states as they change (for the live grid and the debrief)
 * and acts on them as their facilitator would, through the table room and so through the
 * engine. Tables register themselves; nothing here knows a rule of the game.
 * A workshop's tables live in the process that opened them (matchMaker.createRoom runs locally
 * with the default single-process driver).
 */

/** The controls a facilitator has over one table: the engine actions toAction allows them. */
export type FacilitatorAction = Extract<Action, { type: "curveball" | "pause" | "resume" | "add_time" | "end" }>;

export type TableSnapshot = {
  readonly table: TableState;
  readonly started: boolean;
  readonly seats: Readonly<Record<Role, SeatSnapshot>>;
};

export type ControlRefusal = { readonly code: RuleError["code"] | ProtocolErrorCode | "table/closed"; readonly message: string };
export type ControlResult = { readonly ok: true } | { readonly ok: false; readonly error: ControlRefusal };

type Listener = (snapshot: TableSnapshot) => void;

type Link = {
  control: ((action: FacilitatorAction) => Promise<ControlResult>) | null;
  latest: TableSnapshot | null;
  readonly listeners: Set<Listener>;
};

const links = new Map<string, Link>();

function linkOf(code: string): Link {
  let link = links.get(code);
  if (!link) links.set(code, (link = { control: null, latest: null, listeners: new Set() }));
  return link;
}

/** Called by a table room once it has its code: how to act on it as its facilitator. */
export function openTableLink(code: string, control: (action: FacilitatorAction) => Promise<ControlResult>): void {
  linkOf(code).control = control;
}

/** Called by a table room after every change it publishes. A failing listener never reaches the table. */
export function tableChanged(code: string, snapshot: TableSnapshot): void {
  const link = links.get(code);
  if (!link) return;
  link.latest = snapshot;
  for (const listener of link.listeners) {
    try {
      listener(snapshot);
    } catch {
      // The watcher's problem, not the table's: a grid that misses one update catches up on the next.
    }
  }
}

/** The table room is gone: controls refuse from now on; watchers keep what they last saw. */
export function closeTableLink(code: string): void {
  const link = links.get(code);
  if (!link) return;
  link.control = null;
  if (link.listeners.size === 0) links.delete(code);
}

/** Watch one table: the listener hears the latest state at once (if any), then every change. */
export function watchTable(code: string, listener: Listener): () => void {
  const link = linkOf(code);
  link.listeners.add(listener);
  if (link.latest) listener(link.latest);
  return () => {
    link.listeners.delete(listener);
    if (link.listeners.size === 0 && link.control === null) links.delete(code);
  };
}

/**
 * Act on a table as its facilitator; refuses when the table room is gone. Resolves once the
 * action is in the table's log (or refused), as a facilitator's message would.
 */
export async function controlTable(code: string, action: FacilitatorAction): Promise<ControlResult> {
  const control = links.get(code)?.control;
  if (!control) return { ok: false, error: { code: "table/closed", message: "This table has closed." } };
  return control(action);
}
