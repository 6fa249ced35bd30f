import { Encoder, Reflection } from "@colyseus/schema";
import { describe, expect, it } from "vitest";
import { CardState, ConcessionState, OfferState, PublicTableState, SeatState } from "../../server/room/publicSchema.js";
import { snapshotTable } from "../../client/src/model/snapshot.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { publicTableOf } from "./helpers/tables.js";

/*
 * The client reads the synced state the way colyseus.js delivers it: decoded by reflection from
 * the server's schema classes, without those classes on the client. The plain snapshot taken
 * from the decoded tree must hold the same data as the contract shape it was written from.
 */
describe("snapshotTable over the server's decoded schema", () => {
  it("copies every public field, seat, offer, concession and card", () => {
    const plain = publicTableOf(SCRIPTS.withCards());
    const state = new PublicTableState();
    const { seats, offers, ledger, cards, ...fields } = plain;
    Object.assign(state, fields);
    seats.forEach((seat, role) => state.seats.set(role, new SeatState().assign(seat)));
    for (const o of Array.from(offers)) state.offers.push(new OfferState().assign(o));
    for (const c of Array.from(ledger)) state.ledger.push(new ConcessionState().assign(c));
    for (const c of Array.from(cards)) state.cards.push(new CardState().assign(c));

    const encoder = new Encoder(state);
    const decoder = Reflection.decode(Reflection.encode(encoder));
    decoder.decode(encoder.encodeAll());

    const decoded = snapshotTable(decoder.state as unknown as Parameters<typeof snapshotTable>[0]);
    const expected = snapshotTable(plain);
    expect(decoded.cards.length).toBeGreaterThan(0);
    expect(decoded.ledger.length).toBeGreaterThan(0);
    const bySeat = (s: { seats: readonly { role: string }[] }) => [...s.seats].sort((a, b) => a.role.localeCompare(b.role));
    expect({ ...decoded, seats: bySeat(decoded) }).toEqual({ ...expected, seats: bySeat(expected) });
  });
});
