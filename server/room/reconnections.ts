import type { Client, Deferred, Room } from "@colyseus/core";
import { ROLES, type Role } from "../../shared/engine/index.js";
import type { Logger } from "../logger.js";
import type { Act } from "./acted.js";
import type { TableClient } from "./audience.js";
import { reconnectionOf } from "./colyseusInternals.js";
import type { Seats } from "./seats.js";
import type { Timers } from "./timers.js";

/** What the reconnect windows use of their table's room. */
type ReconnectRoom = {
  /** The Colyseus room, which holds the sessions. */
  readonly colyseus: Room;
  readonly seats: Seats;
  readonly timers: Timers;
  readonly log: Logger;
  /** RECONNECT_SECONDS: how long a dropped player has to come back. */
  readonly windowSeconds: number;
  /** A game is under way: it has begun and is not over. */
  readonly inPlay: () => boolean;
  readonly act: Act;
  /** A dropped client is back in its own session, and in its seat if it had one. */
  readonly returned: (client: TableClient) => void;
};

/**
 * A player who drops has RECONNECT_SECONDS to come back. Colyseus holds their session that long
 * (the same client resumes, seat and all), and during a game the seat shows when it will be
 * given up: once that passes with nobody back in it, the game is abandoned. Taking the seat again
 * with its token (a new tab, another device) ends the held session instead.
 */
export class Reconnections {
  /** Colyseus reconnections still open, by session. */
  private readonly open = new Map<string, { readonly role: Role | null; readonly pending: Deferred<Client> }>();

  constructor(private readonly room: ReconnectRoom) {}

  /** The seat's holder is gone: during a game they get the window; otherwise the seat is simply free. */
  vacated(role: Role): void {
    if (this.room.inPlay()) this.markAway(role);
    else this.room.seats.leave(role, 0);
  }

  /** A game is under way with nobody in some seat (just built, or just begun): each absent player gets the window. */
  markAbsentAway(): void {
    for (const role of ROLES) if (!this.room.seats.isLive(role)) this.markAway(role);
  }

  /** Keep a dropped client's session open for the window. */
  hold(client: TableClient, role: Role | null): void {
    const pending = reconnectionOf(this.room.colyseus, client, this.room.windowSeconds);
    if (!pending) return;
    const session = client.sessionId;
    this.open.set(session, { role, pending });
    pending.promise.then(
      (returned: TableClient) => {
        this.open.delete(session);
        if (role) this.sit(role, returned.sessionId, undefined);
        this.room.returned(returned);
      },
      () => this.open.delete(session),
    );
  }

  /**
   * Someone joined with the seat's token (a new tab, another device): sessions still held for the
   * seat will not come back. Returns what Seats.sit does: the seat's name when it is new to record.
   */
  seatTaken(role: Role, sessionId: string, name: string | undefined): string | null {
    for (const [session, held] of this.open)
      if (held.role === role) {
        this.open.delete(session);
        held.pending.reject(new Error("seat taken again with its token"));
      }
    return this.sit(role, sessionId, name);
  }

  /** The game is over: nobody's absence can end it any more. */
  gameOver(): void {
    for (const role of ROLES) {
      this.room.timers.clear(`away:${role}`);
      this.room.seats.clearDeadline(role);
    }
  }

  /** The seat is held again: its window is over. */
  private sit(role: Role, sessionId: string, name: string | undefined): string | null {
    const recorded = this.room.seats.sit(role, sessionId, name);
    this.room.timers.clear(`away:${role}`);
    return recorded;
  }

  private markAway(role: Role): void {
    const windowMs = this.room.windowSeconds * 1000;
    this.room.seats.leave(role, Date.now() + windowMs);
    this.room.timers.set(`away:${role}`, windowMs, () => this.abandonIfAway(role));
  }

  private abandonIfAway(role: Role): void {
    if (this.room.seats.isLive(role) || !this.room.inPlay()) return;
    this.room.log.info({ role }, "reconnect window over: abandoned");
    void this.room.act({ type: "abandon", by: role });
  }
}
