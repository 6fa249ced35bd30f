import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JoinAddress } from "../../shared/protocol/projector.js";
import { hitsOf, indexOfBytes } from "../server/helpers/encodings.js";
import { bootServer, type Harness } from "../server/helpers/harness.js";
import { joinError } from "../server/helpers/joinError.js";
import { HIDDEN_VALUES, sentinelScenario } from "../server/helpers/sentinelScenario.js";
import { parseCsv } from "./helpers/csv.js";
import { baseUrl, openWorkshopWith, propose, settingsOf, sitDown, startRound, type Workshop } from "./helpers/setup.js";
import { WorkshopMember } from "./helpers/workshopClient.js";

/*
 * The projector link opens one thing: the read-only view of the workshop for the wall. It runs
 * no control, opens neither the console nor a table nor the export, and carries no hidden
 * number; switched to anonymous, not one real name reaches it.
 */

let h: Harness;
let w: Workshop;
let projector: WorkshopMember;
let key: string;

const NAMES = ["Ana Quintero", "Ben Okafor", "Cem Yilmaz"];
const bytes = (text: string) => new TextEncoder().encode(text);
const framesSince = (m: WorkshopMember, from: number) => m.client.frames.slice(from);
const carries = (frames: readonly Uint8Array[], text: string) => frames.some((f) => indexOfBytes(f, bytes(text)) >= 0);

beforeAll(async () => {
  h = await bootServer({}, [sentinelScenario]);
  w = await openWorkshopWith(h, NAMES, { scenarioId: sentinelScenario.id });
  const welcome = w.facilitator.last("welcome");
  if (welcome?.kind !== "facilitator") throw new Error("no facilitator welcome");
  key = welcome.projectorKey;
  projector = await WorkshopMember.join(h.endpoint, w.created.code, { projector: key }, "projector");
}, 60_000);

afterAll(async () => {
  for (const m of [projector, w?.facilitator, ...(w?.people ?? [])]) await m?.leave().catch(() => undefined);
  await h.stop();
});

describe("the projector key", () => {
  it("is not the facilitator secret, and opens the projector view with who is here", async () => {
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toBe(w.created.facilitatorSecret);
    expect(projector.last("welcome")).toMatchObject({ kind: "projector", workshop: { code: w.created.code, anonymous: false } });
    const view = await projector.latest("projector", (v) => v.present.length === 3);
    expect(view.present).toEqual(NAMES);
    expect(view.tables).toEqual([]);
  });

  it("is refused with a clear error when wrong", async () => {
    const wrong = `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;
    expect(await joinError(WorkshopMember.join(h.endpoint, w.created.code, { projector: wrong }, "forged projector"))).toBe(
      "workshop/bad_projector: That projector link is not valid for this workshop: open the projector view again from the facilitator console.",
    );
  });

  it("opens neither the console nor the export", async () => {
    expect(await joinError(WorkshopMember.join(h.endpoint, w.created.code, { facilitator: key }, "projector as facilitator"))).toMatch(/^workshop\/bad_facilitator/);
    const exported = await fetch(`${baseUrl(h)}/api/workshops/${w.created.code}/export/results.csv`, { headers: { authorization: `Bearer ${key}` } });
    expect(exported.status).toBe(403);
    expect(projector.last("welcome")).not.toHaveProperty("projectorKey");
  });

  it("runs no control: each is refused and nothing changes", async () => {
    const before = { lobby: w.facilitator.count("lobby"), broadcasts: w.people[0]!.count("broadcast") };
    for (const [type, payload] of [
      ["propose", { oddSeat: "bot" }],
      ["start_round", { settings: settingsOf(), pairing: { tables: [{ buyer: "p1", seller: "p2" }], observers: [] } }],
      ["pause", {}],
      ["end_round", {}],
      ["broadcast", { text: "Everyone out." }],
      ["remove", { participantId: "p1" }],
      ["set_anonymous", { anonymous: true }],
    ] as const) {
      expect(await projector.control(type, payload)).toMatchObject({ code: "workshop/not_allowed", request: type });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(w.facilitator.count("lobby")).toBe(before.lobby);
    expect(w.people[0]!.count("broadcast")).toBe(before.broadcasts);
    expect(w.facilitator.last("lobby")).toMatchObject({ workshop: { phase: "none", anonymous: false } });
    for (const type of ["lobby", "console", "grid", "debrief", "proposal", "assignment", "result"] as const) expect(projector.count(type), type).toBe(0);
  });
});

describe("the projector during and after a round", () => {
  let sinceAnonymous = 0;

  beforeAll(async () => {
    await startRound(w, await propose(w), settingsOf({ scenarioId: sentinelScenario.id, turnSeconds: 300 }));
    await sitDown(h, w);
    await w.facilitator.control("curveball", { cardId: "competitor-quote" });
  }, 60_000);

  it("shows each table's progress and status, with no hidden number in any frame", async () => {
    const view = await projector.latest("projector", (v) => v.tables.length === 2 && v.tables.every((t) => t.status === "negotiating"), 10_000);
    expect(view.workshop.phase).toBe("running");
    expect(view.tables.map((t) => [t.index, t.round, t.lastRound])).toEqual([
      [0, 1, expect.any(Number)],
      [1, 1, expect.any(Number)],
    ]);
    expect(view.tables.flatMap((t) => [t.seller, t.buyer]).sort()).toEqual([...NAMES, "Bot (easy)"].sort());
    expect(view.debrief.rounds).toEqual([]);
    for (const hidden of HIDDEN_VALUES) expect(hitsOf(projector.client.frames, hidden.value), hidden.name).toEqual([]);
    expect(carries(projector.client.frames, w.created.facilitatorSecret)).toBe(false);
    // Nor does it open a table as its facilitator.
    expect(await joinError(h.join(view.tables[0]!.code, { facilitator: key }, "projector at a table"))).toMatch(/^join\/bad_facilitator/);
  });

  it("switched to anonymous, shows pseudonyms, keeps the setting in the store, and no real name reaches it any more", async () => {
    sinceAnonymous = projector.client.frames.length;
    w.facilitator.send("set_anonymous", { anonymous: true });
    const view = await projector.latest("projector", (v) => v.workshop.anonymous);
    expect(view.present).toEqual(["Player 1", "Player 2", "Player 3"]);
    expect(view.tables.flatMap((t) => [t.seller, t.buyer]).sort()).toEqual(["Bot (easy)", "Player 1", "Player 2", "Player 3"]);
    expect((await h.running.services.store.loadWorkshop(w.created.code))?.settings).toMatchObject({ anonymous: true });
    await w.facilitator.control("end_round");
    const after = await projector.latest("projector", (v) => v.debrief.rounds[0]?.games.length === 2, 10_000);
    expect(after.tables).toEqual([]);
    expect(after.debrief.rounds[0]!.games.flatMap((g) => [g.players.seller.name, g.players.buyer.name]).sort()).toEqual(["Bot (easy)", "Player 1", "Player 2", "Player 3"]);
    for (const name of NAMES) expect(carries(framesSince(projector, sinceAnonymous), name), name).toBe(false);
    // The facilitator's console still has the names: anonymity is for the wall.
    const named = await w.facilitator.latest("debrief", (d) => d.rounds[0]?.games.length === 2, 10_000);
    expect(named.rounds[0]!.games.flatMap((g) => [g.players.seller.name, g.players.buyer.name])).toEqual(expect.arrayContaining(NAMES));
  });

  it("exports anonymously on request, with no real name in the file", async () => {
    const get = (format: string, query: string) => fetch(`${baseUrl(h)}/api/workshops/${w.created.code}/export/${format}${query}`, { headers: { authorization: `Bearer ${w.created.facilitatorSecret}` } }).then((r) => r.text());
    for (const format of ["results.csv", "participants.csv", "log.csv", "json"]) {
      const body = await get(format, "?anonymous=1");
      for (const name of NAMES) expect(body, `${format}: ${name}`).not.toContain(name);
    }
    const response = await fetch(`${baseUrl(h)}/api/workshops/${w.created.code}/export/participants.csv?anonymous=1`, { headers: { authorization: `Bearer ${w.created.facilitatorSecret}` } });
    expect(response.headers.get("content-disposition")).toContain(`parley-anonymous-${w.created.code}-participants.csv`);
    const people = parseCsv(await response.text()).rows;
    expect(people.map((r) => r.name).sort()).toEqual(["Player 1", "Player 2", "Player 3"]);
    expect(parseCsv(await get("participants.csv", "")).rows.map((r) => r.name).sort()).toEqual(NAMES);
  });
});

describe("the join address", () => {
  it("tells a server on loopback that nobody else can reach it, instead of offering 127.0.0.1", async () => {
    const answer = (await (await fetch(`${baseUrl(h)}/api/join-address`)).json()) as JoinAddress;
    expect(answer).toEqual({ kind: "unreachable", message: "Only this computer can open Parley: start it with HOST=0.0.0.0 or set PUBLIC_URL so participants can join." });
  });

  it("gives PUBLIC_URL when it is set", async () => {
    const other = await bootServer({ PUBLIC_URL: "https://parley.example.com" });
    try {
      expect(await (await fetch(`http://127.0.0.1:${other.running.port}/api/join-address`)).json()).toEqual({ kind: "reachable", origin: "https://parley.example.com", source: "public_url" });
    } finally {
      await other.stop();
    }
  });
});
