import { getMessageBytes, Protocol, type Client } from "@colyseus/core";
import { debrief, ROLES, type Role, type TableState, type Viewer } from "../../shared/engine/index.js";
import type { ServerMessages, ServerMessageType } from "../../shared/protocol/messages.js";
import { diffView, type ViewDelta } from "../../shared/protocol/viewDelta.js";
import { viewOf } from "./views.js";

/** What the server knows about one connection: decided at join from its credentials, never from its messages. */
export type Seating = { readonly viewer: Viewer; readonly role: Role | null };

export type TableClient = Client<Seating>;

export function send<T extends ServerMessageType>(client: Client, type: T, payload: ServerMessages[T]): void {
  client.send(type, payload);
}

/**
 * Who is sent what of the game: each connection its own view (the engine's viewFor for its
 * seat), whole when it arrives, then one `view` message per change with what differs. Viewers
 * of one kind see the same, so each change is diffed and encoded once per kind, and numbered per
 * kind so a client can tell it missed one. It keeps no copy of what it sent: the room's previous
 * table is what every greeted client holds, since the room greets whoever joins with the current
 * table and delivers every change.
 */
export class Audience {
  /**
   * Connections sent their whole view. A returning player is back among the room's clients a
   * moment before the room greets it: a change in between would meet the view it held before it
   * dropped, which may have missed changes. It gets nothing until its whole view.
   */
  private readonly greeted = new WeakSet<TableClient>();
  /** Changes sent to each kind of viewer so far: their `seq`. */
  private readonly changes = new Map<Viewer, number>();

  constructor(
    private readonly code: string,
    private readonly reconnectSeconds: number,
  ) {}

  /** On join and on every reconnect: who you are, then your whole view (with your debrief once the game is over). */
  greet(client: TableClient, table: TableState): void {
    const { viewer, role } = seatingOf(client);
    send(client, "welcome", { viewer, code: this.code, role, reconnectSeconds: this.reconnectSeconds });
    const lines = debriefFor(table, viewer);
    const whole = diffView(null, viewOf(table, viewer))!;
    send(client, "view", { delta: whole, seq: this.changes.get(viewer) ?? 0, ...(lines ? { debrief: lines } : {}) });
    this.greeted.add(client);
  }

  /** After a change from `before` to `after`: each connected viewer what differs for it, in one message. */
  deliver(clients: readonly TableClient[], before: TableState, after: TableState): void {
    const frames = new Map<Viewer, Uint8Array | null>();
    for (const client of clients) {
      if (!this.greeted.has(client)) continue;
      const { viewer } = seatingOf(client);
      let frame = frames.get(viewer);
      if (frame === undefined) frames.set(viewer, (frame = this.frameFor(viewer, before, after)));
      if (frame) client.enqueueRaw(frame);
    }
  }

  private frameFor(viewer: Viewer, before: TableState, after: TableState): Uint8Array | null {
    const delta: ViewDelta | null = diffView(viewOf(before, viewer), viewOf(after, viewer));
    if (!delta) return null;
    const lines = before.phase !== "finished" ? debriefFor(after, viewer) : null;
    const seq = (this.changes.get(viewer) ?? 0) + 1;
    this.changes.set(viewer, seq);
    const message: ServerMessages["view"] = { delta, seq, ...(lines ? { debrief: lines } : {}) };
    return getMessageBytes.raw(Protocol.ROOM_DATA, "view", message);
  }
}

/** A finished game's debrief lines this viewer may read: a player its own, a facilitator both, an observer none. */
function debriefFor(table: TableState, viewer: Viewer): ServerMessages["view"]["debrief"] | null {
  if (table.phase !== "finished" || viewer === "observer") return null;
  const seats = viewer === "facilitator" ? ROLES : [viewer];
  return Object.fromEntries(seats.map((role) => [role, debrief(table, role)]));
}

export function seatingOf(client: TableClient): Seating {
  const seating = client.userData;
  if (!seating) throw new Error(`client ${client.sessionId} has no seating`);
  return seating;
}
