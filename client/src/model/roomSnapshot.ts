import type { PublicSeat, PublicTable } from "../../../shared/protocol/publicTable.js";

/*
 * The synced Colyseus state is a tree of live schema objects that the decoder mutates in place.
 * The client model keeps an immutable plain copy instead, so every render sees one consistent
 * room and tests can build the same shape from plain data.
 */

/** The room's facts as the model holds them: the code, whether the game has begun, the seats. */
export type RoomSnapshot = {
  readonly code: string;
  readonly started: boolean;
  readonly seats: readonly PublicSeat[];
};

export function snapshotRoom(state: PublicTable): RoomSnapshot {
  const seats: PublicSeat[] = [];
  state.seats.forEach((s) => seats.push({ role: s.role, name: s.name, connected: s.connected, bot: s.bot, taken: s.taken, returnBy: s.returnBy }));
  return { code: state.code, started: state.started, seats };
}
