import { request as httpRequest } from "node:http";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { Client } from "colyseus.js";
import type { ApiError } from "../../shared/protocol/api.js";
import { configWith, type ServerConfig } from "../../server/config.js";
import { startServer, type RunningServer } from "../../server/start.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import { freePort } from "../helpers/freePort.js";

/*
 * The HTTP layer as a hostile client meets it: every body bounded before it is read (Colyseus'
 * matchmaking included), joins and code look-ups limited per address, pages of other sites
 * refused (HTTP and the game socket), security headers on every answer, and a malformed path
 * answered for what it is, with nothing logged.
 */

const dist = mkdtempSync(path.join(tmpdir(), "parley-dist-"));
writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Parley test client</title>");
mkdirSync(path.join(dist, "assets"));
writeFileSync(path.join(dist, "assets", "app.js"), "console.log('parley')");

const FOREIGN = "https://evil.example";
const TRAINER_SITE = "https://trainer.example";

/** A request whose headers go out at once and whose body is never sent: the answer must not wait for it. */
function declareBody(base: string, route: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${route}`, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.setTimeout(3000, () => req.destroy(new Error(`no answer to ${route} before its body was sent`)));
    req.flushHeaders();
    if (headers["transfer-encoding"]) req.write("{");
  });
}

const errorOf = async (res: Response) => ((await res.json()) as ApiError).error;

/** A refusal's code and sentence: matchmaking answers in Colyseus' shape, which colyseus.js reads. */
function refusalIn(body: unknown, route: string): { code: string; message: string } {
  if (!route.startsWith("/matchmake/")) return (body as ApiError).error;
  const { code, error } = body as { code: string; error: string };
  return { code, message: error };
}

describe("request bodies", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await bootServer({ CLIENT_DIST: dist });
    base = `http://127.0.0.1:${h.running.port}`;
  });
  afterAll(() => h.stop());

  it.each([
    ["Colyseus' matchmaking", "/matchmake/joinById/ABCDEF", "4096 bytes (4 KiB)"],
    ["a reconnect", "/matchmake/reconnect/ABCDEF", "4096 bytes (4 KiB)"],
    ["opening a table", "/api/tables", "4096 bytes (4 KiB)"],
    ["a route that reads no body", "/api/workshops/ABCDEF", "4096 bytes (4 KiB)"],
    ["saving a scenario", "/api/scenarios", "262144 bytes (256 KiB)"],
  ])("a 30 MB body to %s is refused with 413 before a byte of it is read", async (_what, route, limit) => {
    const answer = await declareBody(base, route, { "content-length": String(30 * 1024 * 1024) });
    expect(answer.status).toBe(413);
    expect(refusalIn(JSON.parse(answer.body), route)).toEqual({ code: "api/too_large", message: `Request body too large: at most ${limit}.` });
  });

  it("a body of unstated length (chunked) to matchmaking is refused with 411", async () => {
    const answer = await declareBody(base, "/matchmake/joinById/ABCDEF", { "transfer-encoding": "chunked" });
    expect(answer.status).toBe(411);
    expect(refusalIn(JSON.parse(answer.body), "/matchmake/").message).toContain("Content-Length");
  });

  it("a body within the limit still reaches matchmaking", async () => {
    const res = await fetch(`${base}/matchmake/joinById/ABCDEF`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ padding: "x".repeat(3000) }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ error: expect.stringContaining("not found") });
  });
});

describe("joins and code look-ups per client address", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await bootServer({ JOIN_PER_MINUTE: 3, LOOKUP_PER_MINUTE: 2 });
    base = `http://127.0.0.1:${h.running.port}`;
  });
  afterAll(() => h.stop());

  const join = (code: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/matchmake/joinById/${code}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" });

  it("refuses the join past JOIN_PER_MINUTE with a clear 429, a forged X-Forwarded-For changing nothing", async () => {
    const table = await h.open({ scenarioId: "backup-appliance" });
    const seller = await h.join(table.code, { seat: table.seats.seller! }, "seller");
    expect(seller.isOpen).toBe(true);
    expect((await join("ZZZZZZ", { "x-forwarded-for": "10.0.0.1" })).status).toBe(200);
    expect((await join("ZZZZZZ", { "x-forwarded-for": "10.0.0.2" })).status).toBe(200);

    const refused = await join(table.code, { "x-forwarded-for": "10.0.0.3" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("20");
    const sentence = "Too many joins from this address: at most 3 a minute. Try again in 20 seconds.";
    expect(await refused.json()).toEqual({ code: "api/rate_limited", error: sentence });
    // What a player's browser makes of it: colyseus.js rejects the join with that sentence.
    await expect(new Client(`ws://127.0.0.1:${h.running.port}`).joinById(table.code, { seat: table.seats.buyer! })).rejects.toThrow(sentence);
    // Reading goes on; the game in progress is untouched.
    expect((await fetch(`${base}/api/scenarios`)).status).toBe(200);
    expect(seller.isOpen).toBe(true);
  });

  it("refuses workshop code look-ups past LOOKUP_PER_MINUTE, on a budget of their own", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${base}/api/workshops/ZZZZZZ`)).status);
    expect(statuses).toEqual([404, 404, 429]);
    expect((await errorOf(await fetch(`${base}/api/workshops/YYYYYY`))).message).toBe("Too many workshop codes looked up from this address: at most 2 a minute. Try again in 30 seconds.");
  });
});

describe("per-address limits behind a proxy", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await bootServer({ JOIN_PER_MINUTE: 1, TRUST_PROXY: ["loopback"] });
    base = `http://127.0.0.1:${h.running.port}`;
  });
  afterAll(() => h.stop());

  it("count each client the trusted proxy names, not the proxy", async () => {
    const join = (client: string) => fetch(`${base}/matchmake/joinById/ZZZZZZ`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": client }, body: "{}" });
    expect((await join("198.51.100.1")).status).toBe(200);
    expect((await join("198.51.100.2")).status).toBe(200);
    expect((await join("198.51.100.1")).status).toBe(429);
    // One IPv6 client holds a whole /64: a new address in it is the same client.
    expect((await join("2001:db8:1:2::1")).status).toBe(200);
    expect((await join("2001:db8:1:2::ffff")).status).toBe(429);
  });
});

describe("limits turned off (the load bench)", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await bootServer({ JOIN_PER_MINUTE: 0, LOOKUP_PER_MINUTE: 0 });
    base = `http://127.0.0.1:${h.running.port}`;
  });
  afterAll(() => h.stop());

  it("lets more joins and look-ups than the defaults allow through from one address", async () => {
    const joins = await Promise.all(Array.from({ length: 310 }, () => fetch(`${base}/matchmake/joinById/ZZZZZZ`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })));
    expect(joins.every((r) => r.status === 200)).toBe(true);
    const lookups = await Promise.all(Array.from({ length: 130 }, () => fetch(`${base}/api/workshops/ZZZZZZ`)));
    expect(lookups.every((r) => r.status === 404)).toBe(true);
  });
});

describe("other sites (CORS), same-origin by default", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await bootServer({ CLIENT_DIST: dist });
    base = `http://127.0.0.1:${h.running.port}`;
  });
  afterAll(() => h.stop());

  const corsHeadersOf = (res: Response) => [...res.headers.keys()].filter((k) => k.startsWith("access-control-"));

  it.each([
    ["reading the scenarios", "GET", "/api/scenarios", undefined],
    ["opening a table", "POST", "/api/tables", JSON.stringify({ scenarioId: "backup-appliance" })],
    // A form post sends text/plain without a preflight: refused all the same.
    ["a join by form post", "POST", "/matchmake/joinById/ZZZZZZ", "{}"],
  ])("a page on another site is refused %s (403, no CORS headers)", async (_what, method, route, body) => {
    const tablesBefore = (await h.running.services.store.loadOpenTables()).length;
    const res = await fetch(`${base}${route}`, { method, headers: { origin: FOREIGN, "content-type": "text/plain" }, body });
    expect(res.status).toBe(403);
    expect(corsHeadersOf(res)).toEqual([]);
    expect(refusalIn(await res.json(), route).message).toContain("ALLOWED_ORIGINS");
    expect(await h.running.services.store.loadOpenTables()).toHaveLength(tablesBefore);
  });

  it("a preflight from another site is refused", async () => {
    const res = await fetch(`${base}/matchmake/joinById/ZZZZZZ`, { method: "OPTIONS", headers: { origin: FOREIGN, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    expect(res.status).toBe(403);
    expect(corsHeadersOf(res)).toEqual([]);
  });

  it("the server's own pages and scripts without an Origin get through, with no CORS grant to anyone", async () => {
    for (const origin of [base, undefined]) {
      const headers: Record<string, string> = { "content-type": "application/json", ...(origin ? { origin } : {}) };
      const page = await fetch(`${base}/`, { headers });
      const api = await fetch(`${base}/api/tables`, { method: "POST", headers, body: JSON.stringify({ scenarioId: "backup-appliance" }) });
      const matchmake = await fetch(`${base}/matchmake/joinById/ZZZZZZ`, { method: "POST", headers, body: "{}" });
      expect([page.status, api.status, matchmake.status], String(origin)).toEqual([200, 201, 200]);
      for (const res of [page, api, matchmake]) expect(corsHeadersOf(res), `${res.url} ${origin}`).toEqual([]);
    }
  });

  it("the game socket refuses a page on another site", async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${h.running.port}/process/ZZZZZZ?sessionId=x`, { origin: FOREIGN });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => (ws.close(), resolve(101)));
      ws.on("error", () => undefined);
    });
    expect(status).toBe(401);
  });
});

describe("ALLOWED_ORIGINS", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await bootServer({ ALLOWED_ORIGINS: [TRAINER_SITE] });
    base = `http://127.0.0.1:${h.running.port}`;
  });
  afterAll(() => h.stop());

  it("opens the API and matchmaking to the listed site only", async () => {
    const preflight = await fetch(`${base}/matchmake/joinById/ZZZZZZ`, { method: "OPTIONS", headers: { origin: TRAINER_SITE, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(TRAINER_SITE);
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");

    for (const [route, body] of [
      ["/matchmake/joinById/ZZZZZZ", "{}"],
      ["/api/tables", JSON.stringify({ scenarioId: "backup-appliance" })],
    ] as const) {
      const res = await fetch(`${base}${route}`, { method: "POST", headers: { origin: TRAINER_SITE, "content-type": "application/json" }, body });
      expect(res.status, route).toBeLessThan(300);
      expect(res.headers.get("access-control-allow-origin"), route).toBe(TRAINER_SITE);
      // colyseus.js always sends credentials: without this the browser hides the answer.
      expect(res.headers.get("access-control-allow-credentials"), route).toBe("true");
    }
    expect((await fetch(`${base}/api/scenarios`, { headers: { origin: FOREIGN } })).status).toBe(403);
  });
});

describe("security headers", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await bootServer({ CLIENT_DIST: dist });
    base = `http://127.0.0.1:${h.running.port}`;
  });
  afterAll(() => h.stop());

  const directivesOf = (csp: string | null) => new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name = "", ...values]) => [name, values]));

  it.each([
    ["the page", "GET", "/", 200],
    ["a client route", "GET", "/t/ABCDEF", 200],
    ["a script", "GET", "/assets/app.js", 200],
    ["the API", "GET", "/api/scenarios", 200],
    ["an unknown API route", "GET", "/api/nothing", 404],
    ["matchmaking", "POST", "/matchmake/joinById/ZZZZZZ", 200],
    ["a refusal", "POST", "/api/tables", 400],
  ])("are on %s", async (_what, method, route, status) => {
    const res = await fetch(`${base}${route}`, { method, headers: { "content-type": "application/json" }, body: method === "POST" ? "{}" : undefined });
    expect(res.status).toBe(status);
    const csp = directivesOf(res.headers.get("content-security-policy"));
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    // The studio's calibration runs in a module worker served from the same origin.
    expect(csp.get("worker-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("connect-src")).toEqual(["'self'", `ws://127.0.0.1:${h.running.port}`, `wss://127.0.0.1:${h.running.port}`]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});

describe("malformed requests", () => {
  let running: RunningServer;
  let base: string;
  const logged: string[] = [];
  const consoleErrors = vi.spyOn(console, "error");

  beforeAll(async () => {
    const config: ServerConfig = configWith({ PORT: await freePort(), HOST: "127.0.0.1", CLIENT_DIST: dist, LOG_LEVEL: "info" });
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (logged.push(chunk.toString()), done()) });
    running = await startServer(config, { logger: pino({ level: "info" }, sink) });
    base = `http://127.0.0.1:${running.port}`;
  });
  afterAll(async () => {
    await running.stop();
    consoleErrors.mockRestore();
  });

  it.each(["/api/scenarios/%", "/api/workshops/%", "/api/workshops/%E0%A4%A/export/json"])("GET %s is a 400 for the address, not the body", async (route) => {
    const res = await fetch(`${base}${route}`);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: "api/bad_request", message: "Malformed address: a % in the path must be followed by two hex digits." });
  });

  it("nothing a client sends is logged with a stack trace, or above info", async () => {
    const json = { "content-type": "application/json" };
    const attempts: [string, RequestInit][] = [
      ["/api/scenarios/%", {}],
      ["/%", {}],
      ["/assets/%", {}],
      ["/api/tables", { method: "POST", headers: json, body: "{not json" }],
      ["/api/tables", { method: "POST", headers: { "content-type": "application/json", "content-encoding": "br" }, body: "{}" }],
      ["/api/tables", { method: "POST", headers: { "content-type": "application/json; charset=latin-9" }, body: "{}" }],
      ["/api/workshops", { method: "POST", headers: json, body: "[]" }],
      ["/matchmake/joinById/%", { method: "POST", headers: json, body: "{not json" }],
      ["/matchmake/create/table", { method: "POST", headers: json, body: "{}" }],
      ["/matchmake/joinById/ZZZZZZ", { method: "GET" }],
      ["/api/scenarios", { headers: { origin: "null" } }],
    ];
    for (const [route, init] of attempts) {
      const res = await fetch(`${base}${route}`, init);
      expect(res.status, route).toBeLessThan(500);
      await res.arrayBuffer();
    }
    await declareBody(base, "/matchmake/joinById/ZZZZZZ", { "content-length": "99999999" });
    const complaints = logged.filter((line) => (JSON.parse(line) as { level: number }).level >= 40 || line.includes("\\n    at "));
    expect(complaints).toEqual([]);
    expect(consoleErrors).not.toHaveBeenCalled();
  });
});
