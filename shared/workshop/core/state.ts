import type { Role } from "../../engine/roles.js";
import type { RoundSettings } from "../../protocol/workshop.js";
import type { ObserverPlan, Pairing, TablePlan } from "../pairing.js";

/*
 * A workshop as its rules see it, in plain data: who is in it, the rounds with their tables and
 * who watches which, the broadcasts a (re)joining person is shown, and the projector setting.
 * What only the live room knows (open connections, each table's latest tile, finished games'
 * summaries) stays with the room; the store keeps everything here.
 */

export type PersonFacts = {
  readonly id: string;
  readonly name: string;
  /** The digest of the participant's token; the token itself is never kept. */
  readonly tokenHash: string;
  readonly joinedAt: number;
  readonly left: boolean;
  /** Removed by the facilitator: their token no longer lets them in. */
  readonly removed: boolean;
};

export type TableFacts = {
  readonly code: string;
  readonly index: number;
  readonly plan: TablePlan;
  /** The table reported its game over. */
  readonly finished: boolean;
};

export type RoundFacts = {
  readonly number: number;
  readonly settings: RoundSettings;
  /** The scenario version every table of the round plays (late tables too). */
  readonly scenarioVersion: number;
  /** Shared by every table of a same-deck round, late tables included; null for random draws. */
  readonly drawSeed: string | null;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly tables: readonly TableFacts[];
  readonly observers: readonly ObserverPlan[];
};

export type Broadcast = { readonly text: string; readonly at: number };

/** Tables being opened: a new round's (not part of the workshop until seated), or late ones for the running round. */
export type Opening =
  | { readonly control: "start_round"; readonly round: RoundFacts; readonly observers: readonly ObserverPlan[] }
  | { readonly control: "seat_waiting"; readonly offset: number; readonly observers: readonly ObserverPlan[] };

export type WorkshopState = {
  /** People one workshop takes. */
  readonly capacity: number;
  /** Pseudonyms instead of names on the projector. */
  readonly anonymous: boolean;
  readonly people: readonly PersonFacts[];
  readonly rounds: readonly RoundFacts[];
  readonly broadcasts: readonly Broadcast[];
  readonly opening: Opening | null;
};

/** The latest broadcasts a (re)joining person is shown. */
export const BROADCASTS_KEPT = 20;

export function newWorkshop(capacity: number, anonymous: boolean): WorkshopState {
  return { capacity, anonymous, people: [], rounds: [], broadcasts: [], opening: null };
}

export const FULL = "This workshop has as many participants as it can take.";

export function isFull(state: WorkshopState): boolean {
  return state.people.length >= state.capacity;
}

export function currentRound(state: WorkshopState): RoundFacts | undefined {
  return state.rounds.at(-1);
}

export function runningRound(state: WorkshopState): RoundFacts | undefined {
  const round = currentRound(state);
  return round && round.endedAt === null ? round : undefined;
}

export function personOf(state: WorkshopState, id: string): PersonFacts | undefined {
  return state.people.find((p) => p.id === id);
}

/** Still part of the workshop (not left, not removed). */
export function members(state: WorkshopState): PersonFacts[] {
  return state.people.filter((p) => !p.left);
}

export function nameOf(state: WorkshopState, id: string | null): string {
  return id === null ? "Bot" : (personOf(state, id)?.name ?? "Unknown");
}

/** Who sits where in a round, and who watches which table (any round-shaped data: the views' rounds too). */
type Seated = { readonly tables: readonly { readonly plan: TablePlan }[]; readonly observers: readonly ObserverPlan[] };

export function pairingOf(round: Seated): Pairing {
  return { tables: round.tables.map((t) => t.plan), observers: round.observers };
}

export function placeIn(round: Seated, participantId: string): Role | "observer" | null {
  for (const t of round.tables) {
    if (t.plan.buyer === participantId) return "buyer";
    if (t.plan.seller === participantId) return "seller";
  }
  return round.observers.some((o) => o.participantId === participantId) ? "observer" : null;
}

/** How the facilitator is told about one table: its number and who sits there. */
export function tableLabel(state: WorkshopState, table: Pick<TableFacts, "index" | "plan">): string {
  return `Table ${table.index + 1} (${nameOf(state, table.plan.seller)} / ${nameOf(state, table.plan.buyer)})`;
}
