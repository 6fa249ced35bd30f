import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateScenarioResponse } from "../../shared/protocol/api.js";
import { authoredDocument } from "../server/helpers/authoredScenario.js";
import { bootServer, type Harness } from "../server/helpers/harness.js";
import { seatingSchema } from "../../server/workshop/seating.js";
import { baseUrl, openWorkshopWith, propose, settingsOf, startRound, type Workshop } from "./helpers/setup.js";
import { WorkshopMember } from "./helpers/workshopClient.js";

/*
 * A workshop round plays the scenario version it was started with: the author saving another
 * version during the round changes neither its tables, nor the tables of people seated late,
 * nor what the export names; the next round starts on the new version.
 */

let h: Harness;
let w: Workshop;
const late: WorkshopMember[] = [];
beforeAll(async () => {
  h = await bootServer();
});
afterAll(async () => {
  for (const m of [...late, ...(w ? [w.facilitator, ...w.people] : [])]) await m.leave().catch(() => undefined);
  await h.stop();
});

const json = { "content-type": "application/json" };

describe("a workshop round on an author's scenario", () => {
  it("keeps the version it started with for every table, late ones too, and in the export", async () => {
    const created = await fetch(`${baseUrl(h)}/api/scenarios`, { method: "POST", headers: json, body: JSON.stringify(authoredDocument("class-cranes", "Class cranes v1")) });
    const { editKey } = (await created.json()) as CreateScenarioResponse;
    w = await openWorkshopWith(h, ["Ana", "Ben"], { scenarioId: "class-cranes" });
    await startRound(w, await propose(w), settingsOf({ scenarioId: "class-cranes" }));

    const saved = await fetch(`${baseUrl(h)}/api/scenarios/class-cranes`, {
      method: "PUT",
      headers: { ...json, authorization: `Bearer ${editKey}` },
      body: JSON.stringify(authoredDocument("class-cranes", "Class cranes v2")),
    });
    expect(saved.status).toBe(200);
    late.push(await WorkshopMember.join(h.endpoint, w.created.code, { name: "Cem" }, "Cem"));
    await w.facilitator.latest("console", (c) => c.waiting.length === 1);
    expect(await w.facilitator.control("seat_waiting")).toMatchObject({ control: "seat_waiting", results: [expect.objectContaining({ ok: true })] });

    const stored = await h.running.services.store.loadWorkshop(w.created.code);
    const round = stored!.rounds[0]!;
    expect(round.scenarioVersion).toBe(1);
    const codes = seatingSchema.parse(round.seating).tables.map((t) => t.code);
    expect(codes).toHaveLength(2);
    for (const code of codes) expect((await h.running.services.store.loadTable(code))?.scenarioVersion, code).toBe(1);

    const exported = await fetch(`${baseUrl(h)}/api/workshops/${w.created.code}/export/json`, { headers: { authorization: `Bearer ${w.created.facilitatorSecret}` } });
    const data = (await exported.json()) as { rounds: { scenarioTitle: string; scenarioVersion: number }[] };
    expect(data.rounds.map((r) => [r.scenarioTitle, r.scenarioVersion])).toEqual([["Class cranes v1", 1]]);

    expect(await w.facilitator.control("end_round")).toMatchObject({ control: "end_round" });
    await startRound(w, await propose(w), settingsOf({ scenarioId: "class-cranes" }));
    expect((await h.running.services.store.loadWorkshop(w.created.code))!.rounds[1]!.scenarioVersion).toBe(2);
  });
});
