import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECRET_PATTERN } from "../../shared/protocol/join.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import { sentinelScenario, SENTINEL } from "./helpers/sentinelScenario.js";

let h: Harness;
let base: string;
const dist = mkdtempSync(path.join(tmpdir(), "parley-dist-"));

beforeAll(async () => {
  writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Parley test client</title>");
  mkdirSync(path.join(dist, "assets"));
  writeFileSync(path.join(dist, "assets", "app.js"), "console.log('parley')");
  h = await bootServer({ CLIENT_DIST: dist }, [sentinelScenario]);
  base = `http://127.0.0.1:${h.running.port}`;
});
afterAll(async () => {
  await h.stop();
});

const post = (route: string, body: unknown, raw = false) =>
  fetch(`${base}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: raw ? (body as string) : JSON.stringify(body) });

describe("HTTP API", () => {
  it("answers the health check", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it("lists scenarios with public fields only", async () => {
    const res = await fetch(`${base}/api/scenarios`);
    const list = (await res.json()) as { id: string }[];
    expect(list.map((s) => s.id)).toEqual(expect.arrayContaining(["backup-appliance", "partner-reseller", "fleet-maintenance"]));
    expect(Object.keys(list[0]!).sort()).toEqual(["currency", "editable", "firstMover", "id", "origin", "rounds", "shipped", "summary", "title", "turnSeconds", "version"]);
    const one = await fetch(`${base}/api/scenarios/${sentinelScenario.id}`);
    const text = await one.text();
    expect(JSON.parse(text)).toMatchObject({ id: sentinelScenario.id, issues: expect.any(Array), questions: expect.any(Array) });
    // Neither briefs nor walk-away ranges nor answers are public.
    for (const secret of ["walkAway", "brief", "hotButtons", "answer", String(SENTINEL.buyerWalkAway), String(SENTINEL.sellerWalkAway)]) expect(text).not.toContain(secret);
    expect((await fetch(`${base}/api/scenarios/nope`)).status).toBe(404);
  });

  it("creates tables: a code and one 256-bit token per human seat, nothing more", async () => {
    const res = await post("/api/tables", { scenarioId: "backup-appliance" });
    expect(res.status).toBe(201);
    const table = (await res.json()) as { code: string; seats: Record<string, string>; bot: unknown };
    expect(table.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(Object.keys(table).sort()).toEqual(["bot", "code", "scenarioId", "scenarioVersion", "seats"]);
    const secrets = [table.seats.buyer!, table.seats.seller!];
    for (const s of secrets) expect(s).toMatch(SECRET_PATTERN);
    expect(new Set(secrets).size).toBe(2);
    expect(Buffer.from(table.seats.buyer!, "base64url")).toHaveLength(32);
    expect(table.bot).toBeNull();
    expect(h.room(table.code)).toBeDefined();

    const withBot = (await (await post("/api/tables", { scenarioId: "backup-appliance", bot: { role: "buyer", level: "tough" } })).json()) as typeof table;
    expect(Object.keys(withBot.seats)).toEqual(["seller"]);
    expect(withBot.bot).toEqual({ role: "buyer", level: "tough" });
  });

  it("opens a practice table against any bot a player can pick, tit-for-tat included, and names the choices when refusing another", async () => {
    for (const level of ["easy", "firm", "tough", "tit_for_tat"]) {
      const res = await post("/api/tables", { scenarioId: "backup-appliance", bot: { role: "seller", level } });
      expect(res.status, level).toBe(201);
      const table = (await res.json()) as { code: string; seats: Record<string, string>; bot: unknown };
      expect(table.bot).toEqual({ role: "seller", level });
      expect(Object.keys(table.seats)).toEqual(["buyer"]);
      expect(h.room(table.code)).toBeDefined();
    }
    // Tactics the simulator knows, but a practice table does not offer, and near-misses.
    for (const level of ["boulware", "linear", "conceder", "tit-for-tat", "TIT_FOR_TAT", ""]) {
      const res = await post("/api/tables", { scenarioId: "backup-appliance", bot: { role: "seller", level } });
      expect(res.status, level).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("api/bad_request");
      expect(error.message).toMatch(/^bot\.level: /);
      for (const allowed of ["easy", "firm", "tough", "tit_for_tat"]) expect(error.message, level).toContain(`"${allowed}"`);
    }
  });

  it("refuses bad table requests with a stable code", async () => {
    const cases: [unknown, number, string][] = [
      [{}, 400, "api/bad_request"],
      [{ scenarioId: "nope" }, 404, "api/unknown_scenario"],
      [{ scenarioId: "backup-appliance", bot: { role: "buyer", level: "genius" } }, 400, "api/bad_request"],
      [{ scenarioId: "backup-appliance", bot: { role: "facilitator", level: "easy" } }, 400, "api/bad_request"],
      [{ scenarioId: "backup-appliance", seed: "mine" }, 400, "api/bad_request"],
      [[], 400, "api/bad_request"],
    ];
    for (const [body, status, code] of cases) {
      const res = await post("/api/tables", body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const broken = await post("/api/tables", "{nope", true);
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe("api/bad_request");
    const huge = await post("/api/tables", { scenarioId: "x".repeat(10_000) });
    expect(huge.status).toBe(413);
    expect((await fetch(`${base}/api/nothing`)).status).toBe(404);
  });

  it("serves the built client, with index.html for client routes", async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain("Parley test client");
    expect(await (await fetch(`${base}/t/ABC234`)).text()).toContain("Parley test client");
    expect(await (await fetch(`${base}/assets/app.js`)).text()).toContain("parley");
    expect((await fetch(`${base}/api/nothing`)).headers.get("content-type")).toContain("application/json");
  });
});
