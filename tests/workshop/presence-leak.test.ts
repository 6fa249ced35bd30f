import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hitsOf } from "../server/helpers/encodings.js";
import { bootServer, type Harness } from "../server/helpers/harness.js";
import { HIDDEN_VALUES, SENTINEL, sentinelScenario } from "../server/helpers/sentinelScenario.js";
import { until } from "../server/helpers/wait.js";
import { openWorkshopWith, propose, seatOf, settingsOf, sitDown, startRound, tokenOf, type Workshop } from "./helpers/setup.js";

/*
 * What a workshop's table publishes on the presence channel (in memory here, Redis once scaled
 * out, where every publish is this JSON text): its tile, never its engine state. Through a
 * whole workshop game — curve balls, private notes, a deal — not one byte of the hidden draw
 * crosses it but the walk-aways the facilitator's grid shows, each in its tile field only.
 */

const CHANNEL = "parley:table-changes:";
const NOTE = "private-note-sentinel-5309";
/** Keys of the engine state and the briefs that have no place in a tile. */
const STATE_KEYS = ["sides", "scenario", "timeline", "notes", "values", "hotButtons", "brief", "tokenHash", "seed", "drawSeed"];

let h: Harness;
let w: Workshop;
const published: { channel: string; json: string }[] = [];

beforeAll(async () => {
  h = await bootServer({}, [sentinelScenario]);
  const presence = matchMaker.presence;
  const publish = presence.publish.bind(presence);
  presence.publish = (channel: string, data: unknown) => {
    if (channel.startsWith(CHANNEL)) published.push({ channel, json: JSON.stringify(data) });
    return publish(channel, data);
  };
  w = await openWorkshopWith(h, ["Ana", "Ben"], { scenarioId: sentinelScenario.id });
  await startRound(w, await propose(w, "bot"), settingsOf({ scenarioId: sentinelScenario.id, turnSeconds: 300 }));
  const players = await sitDown(h, w);
  for (const cardId of ["competitor-quote", "supplier-costs"]) await w.facilitator.control("curveball", { cardId });
  const seller = players.get(w.people.find((p) => seatOf(p).role === "seller")!.label)!;
  const buyer = players.get(w.people.find((p) => seatOf(p).role === "buyer")!.label)!;
  seller.send("note", { text: `${NOTE} seller` });
  buyer.send("note", { text: `${NOTE} buyer` });
  seller.send("offer", { terms: { price: 7_000_000, support: "business", warranty: 24, delivery: 4, payment: "net30" } });
  await until("the buyer's turn", () => buyer.view.toAct === "buyer" && buyer.view.offers.length === 1);
  buyer.send("accept", {});
  await w.facilitator.latest("grid", (g) => g.tiles[0]?.status === "deal", 10_000);
  await until("the debrief", () => w.facilitator.last("debrief")?.rounds[0]?.games.length === 1, 10_000);
}, 60_000);

afterAll(async () => {
  for (const m of [w?.facilitator, ...(w?.people ?? [])]) await m?.leave().catch(() => undefined);
  await h.stop();
});

/** The payload with the walk-aways taken out of the one field that may carry them. */
function withoutTileWalkAways(json: string): unknown {
  const payload = JSON.parse(json) as { facts: { seats: Record<string, { walkAway?: number }> } };
  for (const seat of Object.values(payload.facts.seats)) delete seat.walkAway;
  return payload;
}

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  return into;
}

describe("the presence link between a workshop's table and its workshop", () => {
  it("published every change of the game, as a tile and public seats", () => {
    expect(published.length).toBeGreaterThan(5);
    for (const p of published) expect(Object.keys(JSON.parse(p.json)).sort()).toEqual(["facts", "seats"]);
  });

  it("carries no engine state, brief, note or secret", () => {
    const bytes = published.map((p) => new TextEncoder().encode(p.json));
    for (const key of STATE_KEYS) for (const p of published) expect(keysOf(JSON.parse(p.json)).has(key), `key "${key}" in ${p.json.slice(0, 80)}…`).toBe(false);
    for (const p of published) {
      expect(p.json).not.toContain(NOTE);
      expect(p.json).not.toContain(w.created.facilitatorSecret);
      for (const person of w.people) expect(p.json).not.toContain(tokenOf(person));
    }
    // The private cards' amounts are in their private texts only.
    for (const hidden of HIDDEN_VALUES.filter((v) => v.name.endsWith("private card amount"))) expect(hitsOf(bytes, hidden.value), hidden.name).toEqual([]);
  });

  it("carries the walk-aways only where the grid shows them, and no other hidden figure", () => {
    const shown = published.flatMap((p) => Object.values((JSON.parse(p.json) as { facts: { seats: Record<string, { walkAway: number }> } }).facts.seats).map((s) => s.walkAway));
    expect(shown).toContain(SENTINEL.buyerWalkAway + SENTINEL.buyerShift);
    const rest = published.map((p) => new TextEncoder().encode(JSON.stringify(withoutTileWalkAways(p.json))));
    for (const hidden of HIDDEN_VALUES) expect(hitsOf(rest, hidden.value), hidden.name).toEqual([]);
  });

  it("stays small: a tile, not a table (the whole engine state is tens of kilobytes)", () => {
    const largest = Math.max(...published.map((p) => p.json.length));
    expect(largest).toBeLessThan(3000);
  });
});
