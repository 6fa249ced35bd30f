import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TableState } from "../../shared/engine/index.js";
import { CLIENT_MESSAGE_TYPES, parseClientMessage } from "../../shared/protocol/messages.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import type { Player } from "./helpers/player.js";
import { until } from "./helpers/wait.js";

/*
 * Whatever a client sends, a refused message changes nothing and the socket stays open. The
 * engine state is immutable, so "nothing changed" is checked as identity of the server's state.
 */

let h: Harness;
let code: string;
let seller: Player;
let buyer: Player;
const engineState = () => (h.room(code) as unknown as { table: TableState }).table;
const publicJson = () => JSON.stringify(h.room(code).state.toJSON());

beforeAll(async () => {
  // A generous budget: this file is about content, flood.test.ts about volume.
  h = await bootServer({ MESSAGE_RATE: 1000, MESSAGE_BURST: 10_000 });
  const table = await h.open({ scenarioId: "backup-appliance" });
  code = table.code;
  seller = await h.join(code, { seat: table.seats.seller! }, "seller");
  buyer = await h.join(code, { seat: table.seats.buyer! }, "buyer");
  await until("started", () => seller.state.started);
});
afterAll(async () => {
  await h.stop();
});

/** Send one message from the player to act and expect a refusal that changed nothing. */
async function refusedUnchanged(send: () => void, expectCode: RegExp): Promise<void> {
  const state = engineState();
  const json = publicJson();
  const before = seller.errorCount();
  send();
  const error = await seller.nextError(before);
  expect(error.code).toMatch(expectCode);
  expect(engineState()).toBe(state);
  expect(publicJson()).toBe(json);
  expect(seller.isOpen).toBe(true);
}

const typeNames = fc.oneof(fc.constantFrom(...CLIENT_MESSAGE_TYPES, "offer ", "OFFER", "__proto__", "constructor", "toString", "*", ""), fc.string({ maxLength: 30 }));

describe("malformed messages", () => {
  it("every invalid (type, payload) gets a protocol error, changes nothing and keeps the socket open", async () => {
    await fc.assert(
      fc.asyncProperty(
        typeNames,
        fc.anything({ maxDepth: 3, withBigInt: false, withTypedArray: true, withDate: true, withMap: false, withSet: false }),
        async (type, payload) => {
          fc.pre(!parseClientMessage(type, payload).ok);
          await refusedUnchanged(() => seller.send(type, payload), /^protocol\/(unknown_type|bad_payload)$/);
        },
      ),
      { numRuns: 250 },
    );
  });

  it("each message type with a payload of the wrong shape is refused as bad_payload", async () => {
    const wrong: Record<(typeof CLIENT_MESSAGE_TYPES)[number], unknown[]> = {
      offer: [{}, { terms: "cheap" }, { terms: { price: 1.5 } }, { terms: {}, extra: 1 }, { terms: {}, message: "x".repeat(281) }],
      accept: [{ message: 7 }, { by: "buyer" }, []],
      ask: [{}, { questionId: 42 }, { questionId: "x".repeat(41) }],
      walk_away: [{ by: "seller" }, "now"],
      note: [{}, { text: 5 }, { text: "x".repeat(2001) }],
      curveball: [{ cardId: 1 }, { card: "x" }],
      pause: [{ now: true }, 1],
      resume: [{ now: true }, [1]],
      add_time: [{}, { seconds: 0 }, { seconds: 1.5 }, { seconds: 3601 }, { seconds: "10" }],
      end: [{ reason: "x" }, false],
      ready: [{ by: "buyer" }, "yes"],
      start_now: [{ at: 0 }, 1],
    };
    for (const type of CLIENT_MESSAGE_TYPES)
      for (const payload of wrong[type]) await refusedUnchanged(() => seller.send(type, payload), /^protocol\/bad_payload$/);
  });

  it("numeric types, raw bytes and undecodable frames are answered, not fatal", async () => {
    await refusedUnchanged(() => seller.send(7, { terms: {} }), /^protocol\/unknown_type$/);
    await refusedUnchanged(() => seller.room.sendBytes("offer", new Uint8Array([1, 2, 3])), /^protocol\/bad_payload$/);
    // ROOM_DATA (13), the type "offer" as a schema string, then a truncated msgpack map.
    const frame = Uint8Array.from([13, 0xa5, ...new TextEncoder().encode("offer"), 0x82, 0xa5]);
    await refusedUnchanged(() => seller.room.connection.send(frame), /^protocol\/bad_payload$/);
  });

  it("a well-formed message the rules refuse changes nothing either (out of turn only counts the interruption)", async () => {
    await refusedUnchanged(() => seller.send("offer", { terms: { price: 99999999, support: "gold", warranty: 24, delivery: 4, payment: "net30" } }), /^rule\/bad_terms$/);
    await refusedUnchanged(() => seller.send("accept", {}), /^rule\/no_offer_to_accept$/);
    await refusedUnchanged(() => seller.send("ask", { questionId: "buyer-date-nope" }), /^rule\/unknown_question$/);
    await refusedUnchanged(() => seller.send("ask", { questionId: "seller-date" }), /^rule\/not_your_question$/);

    const before = buyer.errorCount();
    buyer.send("walk_away", {});
    expect((await buyer.nextError(before)).code).toBe("rule/not_your_turn");
    await until("the interruption is public", () => seller.view.interruptions.buyer === 1);
    expect(seller.view.outcome).toBeNull();
    expect(buyer.isOpen).toBe(true);
  });

  it("after all that, the game still plays", async () => {
    seller.send("offer", { terms: { price: 24000, support: "basic", warranty: 12, delivery: 8, payment: "upfront" } });
    await until("offer accepted by the engine", () => buyer.view.offers.length === 1 && buyer.view.toAct === "buyer");
  });
});
