import { pack, unpack } from "@colyseus/msgpackr";
import { describe, expect, it } from "vitest";
import { apply, createTable, viewFor, type Role, type TableState, type Viewer } from "../../shared/engine/index.js";
import type { ServerMessages } from "../../shared/protocol/messages.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { Audience, type TableClient } from "../../server/room/audience.js";
import { HeldView } from "../helpers/heldView.js";

/** A connection that keeps the view messages the server writes to it. */
function connection(viewer: Viewer) {
  const held = new HeldView();
  const take = (type: string, payload: unknown) => {
    if (type === "view") held.take(payload as ServerMessages["view"]);
  };
  const role: Role | null = viewer === "buyer" || viewer === "seller" ? viewer : null;
  const client = {
    sessionId: viewer,
    userData: { viewer, role },
    send: take,
    enqueueRaw(frame: Uint8Array) {
      // A ROOM_DATA frame: code, a short type string, the packed message.
      const length = frame[1]! & 0x1f;
      take(Buffer.from(frame.subarray(2, 2 + length)).toString("utf8"), unpack(frame.subarray(2 + length)));
    },
  };
  return { client: client as unknown as TableClient, held };
}

const offer = (state: TableState, price: number, at: number): TableState => {
  const by = state.toAct;
  const result = apply(state, { type: "offer", by, terms: { price, support: "business", warranty: 24, delivery: 4, payment: "net30" } }, at);
  if (!result.ok) throw new Error(result.error.message);
  return result.state;
};

/** Each connection holds exactly the engine's view of `state` for its seat, as the wire carries it. */
function expectHolding(connections: readonly ReturnType<typeof connection>[], state: TableState): void {
  for (const { client, held } of connections) expect(held.view).toEqual(unpack(pack(viewFor(state, client.userData!.viewer))));
}

describe("who is sent what of the game", () => {
  const start = createTable(SCENARIOS["backup-appliance"]!, "audience", { now: 1_000 });
  const table = () => ({ audience: new Audience("ABCDEF", 60), seller: connection("seller"), buyer: connection("buyer") });

  it("a connection gets no change before its whole view, then every change, and holds the engine's view", () => {
    const { audience, seller, buyer } = table();
    audience.greet(seller.client, start);
    const first = offer(start, 24000, 2_000);
    // The buyer is among the clients but not greeted yet (a reconnect's moment between the two).
    audience.deliver([seller.client, buyer.client], start, first);
    expect(buyer.held.received).toBe(0);
    audience.greet(buyer.client, first);
    const second = offer(first, 18000, 3_000);
    audience.deliver([seller.client, buyer.client], first, second);
    expectHolding([seller, buyer], second);
    expect([seller.held.received, buyer.held.received]).toEqual([3, 2]);
  });

  it("numbers each kind of viewer's changes, so a returning viewer's whole view continues the count", () => {
    const { audience, seller, buyer } = table();
    audience.greet(seller.client, start);
    audience.greet(buyer.client, start);
    const first = offer(start, 24000, 2_000);
    const second = offer(first, 18000, 3_000);
    audience.deliver([seller.client, buyer.client], start, first);
    audience.deliver([seller.client, buyer.client], first, second);
    // The buyer drops: a change goes to the seller alone; then the buyer is back, in the same window.
    const third = offer(second, 23500, 4_000);
    audience.deliver([seller.client], second, third);
    audience.greet(buyer.client, third);
    const fourth = offer(third, 18500, 5_000);
    audience.deliver([seller.client, buyer.client], third, fourth);
    expectHolding([seller, buyer], fourth);
    expect([seller.held.received, buyer.held.received]).toEqual([5, 5]);
  });
});
