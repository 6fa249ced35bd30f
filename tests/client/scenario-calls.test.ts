import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiFailure, createScenario, listScenarios, scenarioDocument, updateScenario } from "../../client/src/net/api.js";

/*
 * The studio's calls keep to the server's scenario API: JSON bodies, the edit key as a bearer
 * token (several for the list), and a refused document arrives with every problem and its path.
 */

type Sent = { url: string; method: string; headers: Record<string, string>; body: string | undefined };
const sent: Sent[] = [];

function answer(status: number, body: unknown): void {
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    sent.push({ url, method: init.method ?? "GET", headers: { ...(init.headers as Record<string, string>) }, body: init.body as string | undefined });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
});

const KEY = "k".repeat(43);

describe("the studio's scenario calls", () => {
  it("creates with a JSON body and hands back the edit key", async () => {
    answer(201, { id: "harbour", version: 1, editKey: KEY });
    expect(await createScenario({ id: "harbour" })).toEqual({ id: "harbour", version: 1, editKey: KEY });
    expect(sent[0]).toMatchObject({ url: "/api/scenarios", method: "POST", body: '{"id":"harbour"}' });
    expect(sent[0]!.headers["content-type"]).toBe("application/json");
  });

  it("saves a version with the edit key as a bearer token, and lists by several keys", async () => {
    answer(200, { id: "harbour", version: 2 });
    expect(await updateScenario("harbour", KEY, { id: "harbour" })).toEqual({ id: "harbour", version: 2 });
    expect(sent[0]).toMatchObject({ url: "/api/scenarios/harbour", method: "PUT" });
    expect(sent[0]!.headers["authorization"]).toBe(`Bearer ${KEY}`);
    answer(200, []);
    await listScenarios([KEY, "j".repeat(43)]);
    expect(sent[1]!.headers["authorization"]).toBe(`Bearer ${KEY} ${"j".repeat(43)}`);
    await listScenarios([]);
    expect(sent[2]!.headers["authorization"]).toBeUndefined();
    await scenarioDocument("backup-appliance", null);
    expect(sent[3]).toMatchObject({ url: "/api/scenarios/backup-appliance/document", method: "GET" });
  });

  it("turns a refused document into a failure that lists every problem", async () => {
    const problems = [
      { path: "rounds", message: "must be at least 1" },
      { path: "issues[0].label", message: "must not be empty" },
    ];
    answer(400, { error: { code: "scenario/invalid", message: "The scenario has 2 problems.", problems } });
    const failure = await createScenario({}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 400, code: "scenario/invalid", problems, message: "The scenario has 2 problems." });
  });
});
