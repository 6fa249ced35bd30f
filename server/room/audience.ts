import type { Client } from "@colyseus/core";
import { canSee, debrief, privateDataFor, publicScenario, redactEvent, ROLES, type GameEvent, type Role, type TableState, type Viewer } from "../../shared/engine/index.js";
import type { ServerMessages, ServerMessageType } from "../../shared/protocol/messages.js";
import { viewOf } from "./views.js";

/** What the server knows about one connection: decided at join from its credentials, never from its messages. */
export type Seating = { readonly viewer: Viewer; readonly role: Role | null };

export type TableClient = Client<Seating>;

export function send<T extends ServerMessageType>(client: Client, type: T, payload: ServerMessages[T]): void {
  client.send(type, payload);
}

/**
 * Everything a table sends besides the synced public state: each viewer's events, private
 * data and the reveal, filtered with the engine's own visibility rules (canSee, redactEvent,
 * viewFor). Viewers of one kind see the same thing, so each payload is built once per kind.
 */
export class Audience {
  /** The private data last sent to each kind of viewer: resent only when a side's view changed (by reference). */
  private readonly lastPrivate = new Map<Viewer, ServerMessages["private"]["sides"]>();

  constructor(
    private readonly code: string,
    private readonly reconnectSeconds: number,
  ) {}

  /** On join and on every reconnect: who you are, your private data, the history you may see (your notepad with it, once). */
  greet(client: TableClient, table: TableState): void {
    const { viewer, role } = seatingOf(client);
    const view = viewOf(table, viewer);
    const sides = privateDataFor(table, viewer);
    this.lastPrivate.set(viewer, sides);
    send(client, "welcome", { viewer, code: this.code, role, scenario: publicScenario(table.scenario), reconnectSeconds: this.reconnectSeconds });
    send(client, "private", { sides });
    send(client, "events", { events: view.timeline, replay: true });
    if (view.reveal) send(client, "reveal", view.reveal);
    const lines = debriefFor(table, viewer);
    if (lines) send(client, "debrief", lines);
  }

  /** After an accepted action: the new events each viewer may see, changed private data, the reveal. */
  deliver(clients: readonly TableClient[], table: TableState, events: readonly GameEvent[], justFinished: boolean): void {
    const present = new Set(clients.map((c) => seatingOf(c).viewer));
    // A kind with nobody connected forgets what it was sent: whoever joins next is greeted in full.
    for (const viewer of this.lastPrivate.keys()) if (!present.has(viewer)) this.lastPrivate.delete(viewer);
    const batches = new Map<Viewer, ServerMessages["events"]>();
    const privates = new Map<Viewer, ServerMessages["private"] | null>();
    for (const viewer of present) {
      batches.set(viewer, this.batchFor(table, events, viewer, justFinished));
      privates.set(viewer, this.privateChange(table, viewer));
    }
    const reveal = justFinished ? viewOf(table, "observer").reveal : null;
    const debriefs = new Map<Viewer, ServerMessages["debrief"] | null>();
    if (justFinished) for (const viewer of present) debriefs.set(viewer, debriefFor(table, viewer));
    for (const client of clients) {
      const { viewer } = seatingOf(client);
      const batch = batches.get(viewer)!;
      if (batch.events.length > 0 || batch.replay) send(client, "events", batch);
      const priv = privates.get(viewer);
      if (priv) send(client, "private", priv);
      if (reveal) send(client, "reveal", reveal);
      const lines = debriefs.get(viewer);
      if (lines) send(client, "debrief", lines);
    }
  }

  private batchFor(table: TableState, events: readonly GameEvent[], viewer: Viewer, justFinished: boolean): ServerMessages["events"] {
    // Facilitators see notes only once the game is over: at that moment they get the whole history again, notes included, once.
    if (justFinished && viewer === "facilitator") return { events: viewOf(table, viewer).timeline, replay: true };
    const finished = table.phase === "finished";
    return { events: events.filter((e) => canSee(e, viewer, finished)).map((e) => redactEvent(e, viewer)), replay: false };
  }

  private privateChange(table: TableState, viewer: Viewer): ServerMessages["private"] | null {
    const sides = privateDataFor(table, viewer);
    const last = this.lastPrivate.get(viewer);
    // The engine keeps one object per unchanged private data (a note changes none), so identity is change detection.
    if (last && ROLES.every((role) => last[role] === sides[role])) return null;
    this.lastPrivate.set(viewer, sides);
    return { sides };
  }

}

/** A finished game's debrief lines this viewer may read: a player its own, a facilitator both, an observer none. */
function debriefFor(table: TableState, viewer: Viewer): ServerMessages["debrief"] | null {
  if (table.phase !== "finished" || viewer === "observer") return null;
  const seats = viewer === "facilitator" ? ROLES : [viewer];
  return { lines: Object.fromEntries(seats.map((role) => [role, debrief(table, role)])) };
}

export function seatingOf(client: TableClient): Seating {
  const seating = client.userData;
  if (!seating) throw new Error(`client ${client.sessionId} has no seating`);
  return seating;
}
