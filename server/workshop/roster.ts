import type { RosterEntry } from "../../shared/protocol/workshop.js";
import { uniqueName } from "../../shared/workshop/names.js";
import { hashSecret, newSecret, secretMatches, type SecretHash } from "../storage/secrets.js";

export type Person = {
  readonly id: string;
  readonly name: string;
  readonly tokenHash: SecretHash;
  readonly joinedAt: number;
  left: boolean;
  /** Removed by the facilitator: their token no longer lets them in. */
  removed: boolean;
  /** Open connections (a reload can overlap the old tab's close). */
  readonly sessions: Set<string>;
};

/**
 * The people of one workshop. A participant token (kept by the browser tab) brings a dropped
 * participant back to the same place; the workshop keeps only its hash.
 */
export class Roster {
  private readonly people: Person[];

  /** `people`: those a rebuilt workshop had on record. */
  constructor(
    readonly capacity: number,
    people: readonly Person[] = [],
  ) {
    this.people = [...people];
  }

  get size(): number {
    return this.people.length;
  }

  /** A new participant with a name no one else in the workshop has; returns the token to give them. */
  add(wanted: string, now: number): { person: Person; token: string; renamed: boolean } {
    const name = uniqueName(wanted, this.people.map((p) => p.name));
    const token = newSecret();
    const person: Person = { id: `p${this.people.length + 1}`, name, tokenHash: hashSecret(token), joinedAt: now, left: false, removed: false, sessions: new Set() };
    this.people.push(person);
    return { person, token, renamed: name !== wanted.trim() };
  }

  /** The participant a token belongs to. Every digest is compared, so timing says nothing about who matched. */
  byToken(token: string): Person | null {
    let found: Person | null = null;
    for (const p of this.people) if (secretMatches(token, p.tokenHash)) found = p;
    return found;
  }

  get(id: string): Person | undefined {
    return this.people.find((p) => p.id === id);
  }

  bySession(sessionId: string): Person | undefined {
    return this.people.find((p) => p.sessions.has(sessionId));
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
