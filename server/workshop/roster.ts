import type { RosterEntry } from "../../shared/protocol/workshop.js";
import { secretMatches, type SecretHash } from "../storage/secrets.js";

export type Person = {
  readonly id: string;
  readonly name: string;
  readonly tokenHash: SecretHash;
  readonly joinedAt: number;
  readonly left: boolean;
  /** Removed by the facilitator: their token no longer lets them in. */
  readonly removed: boolean;
  /** Open connections (a reload can overlap the old tab's close). */
  readonly sessions: ReadonlySet<string>;
};

/**
 * The people of one workshop as the views read them: the core's facts (shared/workshop/core)
 * with each one's open connections. A participant token (kept by the browser tab) brings a
 * dropped participant back to the same place; the workshop keeps only its hash.
 */
export class Roster {
  constructor(private readonly people: readonly Person[]) {}

  /** The participant a token belongs to. Every digest is compared, so timing says nothing about who matched. */
  byToken(token: string): Person | null {
    let found: Person | null = null;
    for (const p of this.people) if (secretMatches(token, p.tokenHash)) found = p;
    return found;
  }

  get(id: string): Person | undefined {
    return this.people.find((p) => p.id === id);
  }

  all(): readonly Person[] {
    return this.people;
  }

  /** Still part of the workshop (not left, not removed). */
  members(): Person[] {
    return this.people.filter((p) => !p.left);
  }

  /** Members with a connection open right now. */
  online(): Person[] {
    return this.members().filter((p) => p.sessions.size > 0);
  }

  nameOf(id: string | null): string {
    return id === null ? "Bot" : (this.get(id)?.name ?? "Unknown");
  }

  entries(placeOf: (id: string) => RosterEntry["place"]): RosterEntry[] {
    return this.members().map((p) => ({ participantId: p.id, name: p.name, online: p.sessions.size > 0, place: placeOf(p.id) }));
  }
}
