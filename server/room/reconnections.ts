import type { Client, Deferred, Room } from "@colyseus/core";
import { ROLES, type Role } from "../../shared/engine/index.js";
import type { TableClient } from "./audience.js";
import { reconnectionOf } from "./colyseusInternals.js";
import type { Seats } from "./seats.js";
import type { TableHost } from "./tableHost.js";

/** What the windows hold open, and how long. */
type ReconnectWindow = {
  /** The Colyseus room, which holds the sessions. */
  readonly colyseus: Room;
  readonly seats: Seats;
  /** RECONNECT_SECONDS: how long a dropped player has to come back. */
  readonly seconds: number;
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

  constructor(
    private readonly host: TableHost,
    private readonly window: ReconnectWindow,
  ) {}

  /** The seat's holder is gone: during a game they get the window; otherwise the seat is simply free. */
  vacated(role: Role): void {
    if (this.host.inPlay()) this.markAway(role);
    else this.window.seats.leave(role, 0);
  }

  /** A game is under way with nobody in some seat (just built, or just begun): each absent player gets the window. */
  markAbsentAway(): void {
    for (const role of ROLES) if (!this.window.seats.isLive(role)) this.markAway(role);
  }

  /** Keep a dropped client's session open for the window. */
  hold(client: TableClient, role: Role | null): void {
    const pending = reconnectionOf(this.window.colyseus, client, this.window.seconds);
    if (!pending) return;
    const session = client.sessionId;
    this.open.set(session, { role, pending });
    pending.promise.then(
      (returned: TableClient) => {
        this.open.delete(session);
        if (role) this.sit(role, returned.sessionId, undefined);
        this.window.returned(returned);
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
      this.host.timers.clear(`away:${role}`);
      this.window.seats.clearDeadline(role);
    }
  }

  /** The seat is held again: its window is over. */
  private sit(role: Role, sessionId: string, name: string | undefined): string | null {
    const recorded = this.window.seats.sit(role, sessionId, name);
    this.host.timers.clear(`away:${role}`);
    return recorded;
  }

  private markAway(role: Role): void {
    const windowMs = this.window.seconds * 1000;
    this.window.seats.leave(role, Date.now() + windowMs);
    this.host.timers.set(`away:${role}`, windowMs, () => this.abandonIfAway(role));
  }

  private abandonIfAway(role: Role): void {
    if (this.window.seats.isLive(role) || !this.host.inPlay()) return;
    this.host.log.info({ role }, "reconnect window over: abandoned");
    void this.host.act({ type: "abandon", by: role });
  }
}
