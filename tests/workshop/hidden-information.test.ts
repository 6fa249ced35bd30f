import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hitsOf, indexOfBytes } from "../server/helpers/encodings.js";
import { bootServer, type Harness } from "../server/helpers/harness.js";
import { HIDDEN_VALUES, sentinelScenario } from "../server/helpers/sentinelScenario.js";
import { until } from "../server/helpers/wait.js";
import { openWorkshopWith, propose, seatOf, settingsOf, sitDown, startRound, tokenOf, type Workshop } from "./helpers/setup.js";
import type { WorkshopMember } from "./helpers/workshopClient.js";

/*
 * A participant's workshop connection never carries the omniscient view: while games run, not
 * one byte of any walk-away (in any encoding), no table's facilitator secret and no other
 * person's seat token. The facilitator's connection carries them, which shows the scan works.
 */

let h: Harness;
let w: Workshop;

const bytes = (text: string) => new TextEncoder().encode(text);
const contains = (m: WorkshopMember, text: string) => m.client.frames.some((f) => indexOfBytes(f, bytes(text)) >= 0);

beforeAll(async () => {
  h = await bootServer({}, [sentinelScenario]);
  w = await openWorkshopWith(h, ["Ana", "Ben", "Cem", "Dee", "Eve"], { scenarioId: sentinelScenario.id });
  await startRound(w, await propose(w, "observer"), settingsOf({ scenarioId: sentinelScenario.id, oddSeat: "observer", turnSeconds: 300 }));
  await sitDown(h, w);
  // Both walk-away-moving cards, at every table: the shifted values exist now too.
  for (const cardId of ["competitor-quote", "supplier-costs"]) await w.facilitator.control("curveball", { cardId });
  await w.facilitator.latest("grid", (g) => g.tiles.length === 2 && g.tiles.every((t) => t.cards.length === 2 && t.zopa !== null), 10_000);
  w.facilitator.send("broadcast", { text: "Halfway." });
  for (const p of w.people) await p.latest("broadcast", (b) => b.text === "Halfway.");
}, 60_000);

afterAll(async () => {
  for (const m of [w?.facilitator, ...(w?.people ?? [])]) await m?.leave().catch(() => undefined);
  await h.stop();
});

describe("what a participant's workshop connection carries while games run", () => {
  it("holds no walk-away in any encoding", () => {
    for (const p of w.people)
      for (const hidden of HIDDEN_VALUES) expect(hitsOf(p.client.frames, hidden.value), `${p.label}: ${hidden.name}`).toEqual([]);
  });

  it("holds neither the facilitator secret (which opens every table) nor anyone else's token (which opens their seat)", () => {
    expect(w.people.filter((p) => p.last("assignment")?.kind === "seat")).toHaveLength(4);
    for (const p of w.people) {
      expect(contains(p, w.created.facilitatorSecret), `${p.label} got the facilitator secret`).toBe(false);
      for (const other of w.people) if (other !== p) expect(contains(p, tokenOf(other)), `${p.label} got ${other.label}'s token`).toBe(false);
    }
  });

  it("never receives the facilitator's messages; the observer is told which table to watch, with no token", () => {
    for (const p of w.people) for (const type of ["console", "grid", "debrief", "proposal", "control"] as const) expect(p.count(type), `${p.label}: ${type}`).toBe(0);
    const observer = w.people.find((p) => p.last("assignment")?.kind === "observe")!;
    expect(Object.keys(observer.last("assignment")!).sort()).toEqual(["kind", "round", "scenarioTitle", "table"]);
  });

  it("while the facilitator's connection does carry them (the scan finds what is there)", () => {
    // The grid shows walk-aways as they stand now: after both cards moved them.
    for (const hidden of HIDDEN_VALUES.filter((v) => v.name.endsWith("walk-away after card"))) expect(hitsOf(w.facilitator.client.frames, hidden.value).length, hidden.name).toBeGreaterThan(0);
  });

  it("after the round, each participant hears only their own result", async () => {
    await w.facilitator.control("end_round");
    for (const p of w.people.filter((m) => m.last("assignment")?.kind === "seat")) {
      const result = await p.latest("result", (r) => r.round === 1, 10_000);
      expect(result.table).toBe(seatOf(p).table);
      expect(result.role).toBe(seatOf(p).role);
    }
    await until("debrief computed", () => w.facilitator.last("debrief")?.rounds[0]?.games.length === 2, 10_000);
    for (const p of w.people) expect(p.count("debrief") + p.count("grid")).toBe(0);
  });
});
