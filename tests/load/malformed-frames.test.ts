import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Player } from "../server/helpers/player.js";
import { sleep, until } from "../server/helpers/wait.js";
import { liveServer, type LiveServer, type SeatedTable } from "./helpers/liveServer.js";
import { knowledgeOf, mark, messagesSince, patchesSince, type Mark } from "./helpers/snapshot.js";

/*
 * Oversized frames and garbage bytes sent straight down the WebSocket of observers at one table
 * (production settings: 4 KiB frame cap, 10 msg/s budget with a burst of 40). The senders may
 * be refused or cut off; nobody else may notice: no frame reaches any other client, at that
 * table or any other, and every table still plays afterwards.
 */

const MAX_PAYLOAD_BYTES = 4096;
const ATTACKERS = 8;
/** Below the burst of 40, so the budget never closes an attacker: what it meets is the decoding. */
const FRAMES_EACH = 35;
/** Close codes a garbage sender may get: the frame cap, the budget, or its own frame meaning "leave". */
const REFUSALS = [1009, 4000, 4429];
const OVERSIZED_FRAMES = 1;

let live: LiveServer;
beforeAll(async () => {
  live = await liveServer({ MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD_BYTES) });
});
afterAll(async () => {
  const { exit, log } = await live.stop();
  // Nothing a client sends is an error of the server's: the frame over the cap is one warn line
  // (tests/load/socket-errors.test.ts), garbage is answered or closed without an error line.
  expect(log.errors, log.firstErrors.join("\n")).toBe(0);
  expect(log.warnings).toBeGreaterThanOrEqual(OVERSIZED_FRAMES);
  expect(exit).toBe(0);
});

const raw = (p: Player, bytes: Uint8Array) => p.room.connection.send(bytes);

async function bystanders(count: number): Promise<SeatedTable[]> {
  const out: SeatedTable[] = [];
  for (let i = 0; i < count; i++) out.push(await live.seated(`bystander ${i}`, { observers: 1, facilitator: true }));
  await until("bystander games started", () => out.every((t) => t.everyone.every((p) => p.state.started)));
  return out;
}

function watch(players: readonly Player[]): () => void {
  const before = new Map<Player, { knows: string; at: Mark }>(players.map((p) => [p, { knows: knowledgeOf(p), at: mark(p) }]));
  return () => {
    for (const [p, { knows, at }] of before) {
      expect(patchesSince(p, at), `${p.label}: patches`).toBe(0);
      expect(messagesSince(p, at), `${p.label}: messages`).toEqual({});
      expect(knowledgeOf(p), `${p.label}: what it knows`).toBe(knows);
    }
  };
}

async function stillPlays(tables: readonly SeatedTable[]): Promise<void> {
  for (const t of tables) t.seller.send("offer", { terms: { price: 24000, support: "business", warranty: 24, delivery: 4, payment: "net30" } });
  await until("every table takes a move after the attack", () => tables.every((t) => t.everyone.filter((p) => p.isOpen).every((p) => p.view.offers.length === 1)));
}

describe("oversized frames and garbage bytes", () => {
  it("an oversized frame closes only its sender (1009); no other client receives anything", async () => {
    const others = await bystanders(3);
    const victim = await live.seated("victim", { observers: 1 });
    const attacker = victim.observers[0]!;
    const unchanged = watch([...others.flatMap((t) => t.everyone), victim.seller, victim.buyer]);

    raw(attacker, new Uint8Array(MAX_PAYLOAD_BYTES + 1).fill(13));
    await until("the oversized sender is closed", () => attacker.client.closes.length > 0);
    expect(attacker.client.closes).toEqual([1009]);
    await sleep(300);

    unchanged();
    expect(await live.healthy()).toBe(true);
    await stillPlays([...others, victim]);
  }, 60_000);

  it("garbage frames are refused or end only their sender's connection; no other client receives anything", async () => {
    const others = await bystanders(3);
    const victim = await live.seated("victim", { observers: ATTACKERS });
    const unchanged = watch([...others.flatMap((t) => t.everyone), victim.seller, victim.buyer]);
    // Every first byte (every protocol code and none) followed by random bytes, and random frames.
    const garbage = fc.sample(
      fc.oneof(
        fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 300 })).map(([code, rest]) => Uint8Array.from([code, ...rest])),
        fc.uint8Array({ minLength: 1, maxLength: 1000 }),
      ),
      { numRuns: ATTACKERS * FRAMES_EACH, seed: 4009 },
    );
    const attackersBefore = new Map(victim.observers.map((p) => [p, mark(p)]));
    victim.observers.forEach((attacker, i) => {
      for (const frame of garbage.slice(i * FRAMES_EACH, (i + 1) * FRAMES_EACH)) raw(attacker, frame);
    });
    await sleep(1500);

    let refusals = 0;
    for (const [attacker, at] of attackersBefore) {
      const closes = attacker.client.closes;
      expect(closes.every((code) => REFUSALS.includes(code)), `${attacker.label} closed with ${closes.join(",")}`).toBe(true);
      // Whatever it was answered, it was only ever refusals: no patch, no event, no private data.
      expect(patchesSince(attacker, at)).toBe(0);
      const { error = 0, ...other } = messagesSince(attacker, at);
      expect(other).toEqual({});
      refusals += error;
    }
    expect(refusals).toBeGreaterThan(0);
    unchanged();
    expect(await live.healthy()).toBe(true);
    await stillPlays([...others, victim]);
  }, 60_000);
});
