import type { Role } from "../engine/roles.js";

/*
 * The shape of a table room's synced Colyseus state: who sits where, and whether the game has
 * begun. It is the same for every client and holds nothing of the game itself: each viewer is
 * sent its own view of the game as deltas (the `view` message, viewDelta.ts), since what a
 * viewer may see differs by seat.
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

export interface PublicTable {
  code: string;
  /** False until both seats are filled: the turn clock starts when the game does. */
  started: boolean;
  seats: Map<string, PublicSeat> | { get(role: string): PublicSeat | undefined; forEach(cb: (seat: PublicSeat, role: string) => void): void };
}
