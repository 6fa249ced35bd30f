import { Encoder, Reflection } from "@colyseus/schema";
import { describe, expect, it } from "vitest";
import { PublicTableState, SeatState } from "../../server/room/publicSchema.js";
import type { PublicTable } from "../../shared/protocol/publicTable.js";
import { snapshotRoom, type RoomSnapshot } from "../../client/src/model/roomSnapshot.js";
import { SEATS, T0 } from "./helpers/tables.js";

/*
 * The client reads the synced state the way colyseus.js delivers it: decoded by reflection from
 * the server's schema classes, without those classes on the client. The plain snapshot taken
 * from the decoded tree must hold the room as the server wrote it: its code, whether the game
 * has begun, and every seat.
 */
describe("snapshotRoom over the server's decoded schema", () => {
  const bySeat = (room: RoomSnapshot): RoomSnapshot => ({ ...room, seats: [...room.seats].sort((a, b) => a.role.localeCompare(b.role)) });

  it.each([
    ["a table waiting for its buyer", { code: "WAIT", started: false, seats: [{ ...SEATS[0]!, taken: false, connected: false, name: "" }, SEATS[1]!] }],
    ["a game under way with a bot and a player away", { code: "ABCD", started: true, seats: [{ ...SEATS[0]!, connected: false, returnBy: T0 + 60_000 }, { ...SEATS[1]!, bot: true }] }],
  ] as const)("copies the code, the start and every seat of %s", (_, room: RoomSnapshot) => {
    const state = new PublicTableState();
    state.code = room.code;
    state.started = room.started;
    for (const seat of room.seats) state.seats.set(seat.role, new SeatState().assign(seat));

    const encoder = new Encoder(state);
    const decoder = Reflection.decode(Reflection.encode(encoder));
    decoder.decode(encoder.encodeAll());

    expect(bySeat(snapshotRoom(decoder.state as unknown as PublicTable))).toEqual(bySeat(room));
  });
});
