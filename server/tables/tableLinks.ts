import { matchMaker, type Presence } from "@colyseus/core";
import type { Role, RuleError } from "../../shared/engine/index.js";
import type { ProtocolErrorCode } from "../../shared/protocol/messages.js";
import type { TableControl } from "../../shared/protocol/tableControls.js";
import type { TileFacts } from "../../shared/workshop/tile.js";
import type { SeatSnapshot } from "../room/writePublicTable.js";

/*
 * The link between a workshop's table rooms and the workshop room, wherever each is hosted.
 * A table announces every change it publishes on its presence channel; a workshop listens to
 * the channels of its tables (for the live grid and the debrief) and acts on them as their
 * facilitator would, through Colyseus' remote room call and so through the table's engine.
 * With one process the presence is in memory; with REDIS_URL it is Redis, so a table that
 * failed over to another process is still watched and controlled by its workshop.
 */

/**
 * What a table publishes: its grid tile's facts (tileSnapshot.ts) and its public seats, never
 * its engine state — the presence channel is Redis once scaled out, and the hidden draw stays
 * with the table. The workshop reads a finished game's full state from the store.
 */
export type TableSnapshot = {
  readonly facts: TileFacts;
  readonly seats: Readonly<Record<Role, SeatSnapshot>>;
};

export type ControlRefusal = { readonly code: RuleError["code"] | ProtocolErrorCode | "table/closed"; readonly message: string };
export type ControlResult = { readonly ok: true } | { readonly ok: false; readonly error: ControlRefusal };

/** The methods of a table room a workshop calls remotely (by name: keep them in step with TableRoom). */
export const TABLE_LINK_METHODS = { control: "facilitatorControl", announce: "announce" } as const;

/** How long a control waits for a table on another process before saying it is unreachable. */
const CONTROL_TIMEOUT_MS = 5000;

const channelOf = (code: string) => `parley:table-changes:${code}`;

/** Called by a workshop's table room after every change it publishes. */
export function announceTable(presence: Presence, code: string, snapshot: TableSnapshot): void {
  presence.publish(channelOf(code), snapshot);
}

/**
 * Watch one table: the listener hears every change it announces from now on, and the table
 * (if it is live anywhere) is asked to announce its current state at once. A failing listener
 * never reaches the table. Returns how to stop watching.
 */
export async function watchTable(presence: Presence, code: string, listener: (snapshot: TableSnapshot) => void): Promise<() => void> {
  const heard = (snapshot: TableSnapshot) => {
    try {
      listener(snapshot);
    } catch {
      // The watcher's problem, not the table's: a grid that misses one update catches up on the next.
    }
  };
  await presence.subscribe(channelOf(code), heard);
  // Not live anywhere (finished and closed, or waiting to be resumed): it announces itself when it is built.
  void matchMaker.remoteRoomCall(code, TABLE_LINK_METHODS.announce, []).catch(() => undefined);
  return () => presence.unsubscribe(channelOf(code), heard);
}

/**
 * Act on a table as its facilitator. Resolves once the action is in the table's log (or
 * refused), as a facilitator's message would; refuses when no live room answers.
 */
export async function controlTable(code: string, control: TableControl): Promise<ControlResult> {
  try {
    return (await matchMaker.remoteRoomCall(code, TABLE_LINK_METHODS.control, [control], CONTROL_TIMEOUT_MS)) as ControlResult;
  } catch {
    return { ok: false, error: { code: "table/closed", message: "This table is not running right now (closed, or moving to another server): try again in a moment." } };
  }
}
