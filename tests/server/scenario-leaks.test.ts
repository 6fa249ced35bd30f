import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateScenarioResponse } from "../../shared/protocol/api.js";
import { newSecret } from "../../server/storage/secrets.js";
import { authoredDocument, hiddenValues, leakIn, type AuthoredDocument } from "./helpers/authoredScenario.js";
import { bootServer, type Harness } from "./helpers/harness.js";

/*
 * The public view of a stored scenario holds none of its hidden values: every GET answer any
 * caller can have (the list with and without keys, the public view latest and by version, the
 * document route without the key) is searched, as bytes, for every walk-away and draw range,
 * valuation, hot-button field, answer and card effect of each stored version.
 */

let h: Harness;
let base: string;
beforeAll(async () => {
  h = await bootServer();
  base = `http://127.0.0.1:${h.running.port}`;
});
afterAll(() => h.stop());

/** Version 2 changes the hidden numbers and marked words (the roles, the deck, the answers), so a leak of either version is told apart. */
function secondVersion(id: string): AuthoredDocument {
  const doc = authoredDocument(id);
  const changed = (part: unknown): unknown =>
    JSON.parse(
      JSON.stringify(part, (key, value: unknown) => {
        if (["id", "issueId", "kind", "visibility", "side", "askedBy"].includes(key)) return value;
        if (typeof value === "number" && Math.abs(value) >= 1000) return value + Math.sign(value) * 11;
        if (typeof value === "string") return value.replace(/\b([a-z]{9,})\b/, "$1second");
        return value;
      }),
    );
  return {
    ...doc,
    roles: changed(doc.roles) as AuthoredDocument["roles"],
    deck: changed(doc.deck) as AuthoredDocument["deck"],
    questions: doc.questions.map((q) => ({ ...q, answer: changed(q.answer) as string })),
  };
}

async function bodyOf(path: string, key?: string): Promise<string> {
  const res = await fetch(`${base}${path}`, key ? { headers: { authorization: `Bearer ${key}` } } : {});
  return `${res.status} ${await res.text()}`;
}

describe("the public view of a stored scenario", () => {
  it("contains none of the hidden values of any version, in any GET answer", async () => {
    const id = "leak-check";
    const first = authoredDocument(id);
    const created = await fetch(`${base}/api/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(first) });
    expect(created.status).toBe(201);
    const { editKey } = (await created.json()) as CreateScenarioResponse;
    const second = secondVersion(id);
    // The roles and the deck differ, the public part does not.
    expect(JSON.stringify(second.roles)).not.toBe(JSON.stringify(first.roles));
    const put = await fetch(`${base}/api/scenarios/${id}`, { method: "PUT", headers: { "content-type": "application/json", authorization: `Bearer ${editKey}` }, body: JSON.stringify(second) });
    expect(put.status).toBe(200);

    const hidden = [...hiddenValues(first), ...hiddenValues(second)];
    // Every kind of hidden value is in the list: walk-aways, valuations, hot buttons, answers, cards.
    expect(hidden).toEqual(expect.arrayContaining([71113, 73319, 51407, 4127, -5521, 6271, 86111, 7717, 1931, 2741, 9941, 71124]));
    expect(hidden).toEqual(expect.arrayContaining(["Answer saffronotter: by round {audit.byRound}.", "Buyer brief zephyrquill: the board meets soon.", "Card indigomoth"]));
    expect(hidden.length).toBeGreaterThanOrEqual(80);

    const answers = {
      "list, no key": await bodyOf("/api/scenarios"),
      "list, the author's key": await bodyOf("/api/scenarios", editKey),
      "public, latest": await bodyOf(`/api/scenarios/${id}`),
      "public, version 1": await bodyOf(`/api/scenarios/${id}?version=1`),
      "public, version 2": await bodyOf(`/api/scenarios/${id}?version=2`),
      "document, no key": await bodyOf(`/api/scenarios/${id}/document`),
      "document, another key": await bodyOf(`/api/scenarios/${id}/document`, newSecret()),
    };
    // They are real answers: the public ones name the scenario.
    expect(answers["public, version 1"]).toMatch(/^200 .*"id":"leak-check"/);
    expect(answers["list, the author's key"]).toMatch(/^200 .*"id":"leak-check"/);
    const leaks = Object.entries(answers).flatMap(([what, body]) =>
      hidden.flatMap((value) => {
        const where = leakIn(body, value);
        return where === null ? [] : [`${what}: ${JSON.stringify(value)} in …${where}…`];
      }),
    );
    expect(leaks).toEqual([]);
    // And the check can see a leak: the owner's document route has them all.
    const owned = await bodyOf(`/api/scenarios/${id}/document`, editKey);
    expect(hiddenValues(second).filter((v) => leakIn(owned, v) === null)).toEqual([]);
  });
});
