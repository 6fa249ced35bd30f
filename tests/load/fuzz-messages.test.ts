import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_MESSAGE_TYPES, FACILITATOR_MESSAGE_TYPES, type ClientMessageType } from "../../shared/protocol/messages.js";
import { until } from "../server/helpers/wait.js";
import { refusedPayloads } from "./helpers/fuzzPayloads.js";
import { liveServer, type LiveServer } from "./helpers/liveServer.js";
import { knowledgeOf, mark, messagesSince, patchesSince } from "./helpers/snapshot.js";

/*
 * 10,000 fuzzed messages of every client message type, sent over a real socket to the real
 * server process, each from the connection that may legitimately send that type (the player
 * whose turn it is, or the facilitator). Every one must be answered with an error and nothing
 * else: no patch, no view change, to anyone at the table; the state and view as every client
 * holds them are the same afterwards, and the process is alive and has logged no error.
 */

const PER_TYPE = 10_000;
const MAX_PAYLOAD_BYTES = 4096;

let live: LiveServer;
beforeAll(async () => {
  // The per-connection budget is raised so one connection may send all 10,000 (its maximum burst).
  live = await liveServer({ MESSAGE_RATE: "1000", MESSAGE_BURST: "10000", MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD_BYTES) });
});
afterAll(async () => {
  const { exit, log } = await live.stop();
  expect(log.errors, log.firstErrors.join("\n")).toBe(0);
  expect(exit).toBe(0);
});

describe("fuzzed messages change nothing", () => {
  it.each(CLIENT_MESSAGE_TYPES)(
    "10,000 refused %s messages: an error each, no other frame to anyone, same state",
    async (type: ClientMessageType) => {
      const payloads = refusedPayloads(type, PER_TYPE, 8_000 + CLIENT_MESSAGE_TYPES.indexOf(type) * 100, MAX_PAYLOAD_BYTES - 100);
      const t = await live.seated(type, { observers: 1, facilitator: true });
      // Player.join waited for each one's whole view; the start's change comes with the synced start.
      await until(`${type}: game started for everyone`, () => t.everyone.every((p) => p.state.started));
      const sender = (FACILITATOR_MESSAGE_TYPES as readonly string[]).includes(type) ? t.facilitator! : t.seller;
      const before = new Map(t.everyone.map((p) => [p, { knows: knowledgeOf(p), at: mark(p) }]));

      for (const payload of payloads) sender.send(type, payload);
      await until(`${type}: ${PER_TYPE} refusals`, () => messagesSince(sender, before.get(sender)!.at).error === PER_TYPE || !sender.isOpen, 120_000);

      expect(sender.isOpen).toBe(true);
      for (const p of t.everyone) {
        const { knows, at } = before.get(p)!;
        expect(patchesSince(p, at), `${p.label}: patches`).toBe(0);
        expect(messagesSince(p, at), `${p.label}: messages`).toEqual(p === sender ? { error: PER_TYPE } : {});
        expect(knowledgeOf(p), `${p.label}: what it knows`).toBe(knows);
      }
      const codes = new Set(sender.messages("error").slice(-PER_TYPE).map((e) => e.code));
      expect([...codes]).toEqual(["protocol/bad_payload"]);
      expect(await live.healthy()).toBe(true);

      // The table still plays: a real move goes through and reaches everyone.
      t.seller.send("offer", { terms: { price: 24000, support: "business", warranty: 24, delivery: 4, payment: "net30" } });
      await until(`${type}: the offer after the fuzz`, () => t.everyone.every((p) => p.view.offers.length === 1));
    },
    180_000,
  );
});
