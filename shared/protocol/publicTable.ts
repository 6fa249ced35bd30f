import type { ConcessionStatus, Phase } from "../engine/state.js";
import type { Role } from "../engine/roles.js";

/*
 * The shape of a table's synced Colyseus state: public data only, identical for every client.
 * The server's schema classes implement it; the client reads it. Private data never goes here.
 */

export interface PublicSeat {
  role: Role;
  name: string;
  connected: boolean;
  bot: boolean;
  /** True once someone has taken the seat. */
  taken: boolean;
  /** While a player is away mid-game: epoch ms after which the game ends as abandoned; else 0. */
  returnBy: number;
}

export interface PublicOffer {
  by: Role;
  turn: number;
  round: number;
  at: number;
  /** The package as JSON: `{ "price": 21000, "support": "premium", ... }`. */
  termsJson: string;
  message: string;
}

export interface PublicConcession {
  turn: number;
  by: Role;
  issueId: string;
  share: number;
  status: ConcessionStatus;
}

/** A card as everyone sees it: private cards show only which side they landed on. */
export interface PublicCard {
  hidden: boolean;
  id: string;
  title: string;
  text: string;
  visibility: "public" | "private";
  side: Role;
  round: number;
}

/** A seat during reading time: "none" when its word does not start the clock (a bot, a workshop round). */
export type ReadyMark = "none" | "waiting" | "ready";

/** A seat's mark from the engine's preparation.ready entry for it. */
export const readyMarkOf = (ready: boolean | undefined): ReadyMark => (ready === undefined ? "none" : ready ? "ready" : "waiting");

export interface PublicTable {
  code: string;
  scenarioId: string;
  /** False until both seats are filled: the turn clock starts when the game does. */
  started: boolean;
  phase: Phase;
  turn: number;
  round: number;
  lastRound: number;
  toAct: Role;
  /** Epoch ms when the current turn times out (0 while paused or over): clients draw the countdown. */
  turnEndsAt: number;
  pausedRemainingMs: number;
  turnMs: number;
  /** True during reading time before the first turn (paused or not). */
  reading: boolean;
  /** Epoch ms when reading time ends (0 when not reading, or paused: then pausedRemainingMs holds what is left). */
  readingEndsAt: number;
  readyBuyer: ReadyMark;
  readySeller: ReadyMark;
  seats: Map<string, PublicSeat> | { get(role: string): PublicSeat | undefined; forEach(cb: (seat: PublicSeat, role: string) => void): void };
  offers: ArrayLike<PublicOffer>;
  ledger: ArrayLike<PublicConcession>;
  cards: ArrayLike<PublicCard>;
  interruptionsBuyer: number;
  interruptionsSeller: number;
  /** Outcome kind once over ("deal", "walkaway", "expired", "abandoned", "ended"), else "". */
  outcome: string;
}
