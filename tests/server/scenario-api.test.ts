import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/engine/index.js";
import { MAX_SCENARIO_BYTES, type CreateScenarioResponse, type ScenarioEntry } from "../../shared/protocol/api.js";
import { SECRET_PATTERN } from "../../shared/protocol/join.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import backupApplianceFile from "../../shared/scenarios/backup-appliance.json" with { type: "json" };
import { newSecret } from "../../server/storage/secrets.js";
import { authoredDocument } from "./helpers/authoredScenario.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import { until } from "./helpers/wait.js";

/*
 * The scenario library over HTTP: every route, and every refusal changes nothing (the list, the
 * versions and the public view stay as they were).
 */

let h: Harness;
let base: string;
beforeAll(async () => {
  h = await bootServer();
  base = `http://127.0.0.1:${h.running.port}`;
});
afterAll(() => h.stop());

type Answer = { status: number; body: unknown; text: string; headers: Headers };

async function call(method: string, path: string, options: { body?: unknown; raw?: string; key?: string | string[]; type?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined || options.raw !== undefined) headers["content-type"] = options.type ?? "application/json";
  if (options.key !== undefined) headers["authorization"] = `Bearer ${[options.key].flat().join(" ")}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the test reads `text`.
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

const errorOf = (a: Answer) => (a.body as { error: { code: string; message: string; problems?: { path: string; message: string }[] } }).error;
const listed = async (keys: string[] = []) => (await call("GET", "/api/scenarios", keys.length > 0 ? { key: keys } : {})).body as ScenarioEntry[];

async function create(id: string, title?: string): Promise<CreateScenarioResponse> {
  const created = await call("POST", "/api/scenarios", { body: authoredDocument(id, title) });
  expect(created.status, created.text).toBe(201);
  return created.body as CreateScenarioResponse;
}

/** Everything a refusal must leave as it was: what everyone and the author see, and the latest version. */
async function snapshot(keys: string[]): Promise<string> {
  return JSON.stringify({ everyone: await listed(), author: await listed(keys) });
}

describe("POST /api/scenarios", () => {
  it("stores a valid document as version 1 and hands back its id and an edit key, once", async () => {
    const created = await call("POST", "/api/scenarios", { body: authoredDocument("harbour-cranes") });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body as object).sort()).toEqual(["editKey", "id", "version"]);
    const { id, version, editKey } = created.body as CreateScenarioResponse;
    expect({ id, version }).toEqual({ id: "harbour-cranes", version: 1 });
    expect(editKey).toMatch(SECRET_PATTERN);
    expect(created.headers.get("cache-control")).toBe("no-store");
    // Listed for whoever holds the key, not for everyone; the key is never shown again.
    expect((await listed()).map((s) => s.id)).not.toContain("harbour-cranes");
    const mine = (await listed([editKey])).find((s) => s.id === "harbour-cranes");
    expect(mine).toEqual({
      id: "harbour-cranes",
      title: "Harbour crane upkeep",
      summary: "A port authority buys upkeep for its quay cranes.",
      currency: "EUR",
      rounds: 6,
      turnSeconds: 60,
      firstMover: "seller",
      version: 1,
      origin: "author",
      shipped: false,
      editable: true,
    });
    for (const answer of [await call("GET", "/api/scenarios", { key: editKey }), await call("GET", "/api/scenarios/harbour-cranes")]) expect(answer.text).not.toContain(editKey);
  });

  it("lists the shipped scenarios first, in shipped order, read-only", async () => {
    const shipped = (await listed()).filter((s) => s.shipped);
    expect(shipped.map((s) => s.id)).toEqual(Object.keys(SCENARIOS));
    for (const s of shipped) expect(s).toMatchObject({ version: 1, origin: "shipped", editable: false });
  });

  it("refuses every problem of a document at once, each with its field path, and stores nothing", async () => {
    const { editKey } = await create("problem-free");
    const before = await snapshot([editKey]);
    const bad = { ...authoredDocument("problem-case"), rounds: 0, currency: "eur", issues: [{ kind: "range", id: "term", label: "" }] };
    const refused = await call("POST", "/api/scenarios", { body: bad });
    expect(refused.status).toBe(400);
    const error = errorOf(refused);
    expect(error.code).toBe("scenario/invalid");
    const paths = error.problems!.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["rounds", "currency", "issues[0].label", "issues[0].unit"]));
    for (const p of error.problems!) expect(p.message.length).toBeGreaterThan(3);
    expect(error.message).toContain("rounds");
    expect((await call("GET", "/api/scenarios/problem-case")).status).toBe(404);
    expect(await snapshot([editKey])).toBe(before);
  });

  it.each([
    ["the id of a shipped scenario", "backup-appliance", /Parley ships/],
    ["an id another author took", "taken-id", /is taken/],
  ])("refuses %s with 409 and changes nothing", async (_what, id, message) => {
    if (id === "taken-id") await create("taken-id", "The first one");
    const shippedBefore = await call("GET", `/api/scenarios/${id}/document`, {});
    const publicBefore = await call("GET", `/api/scenarios/${id}`);
    const refused = await call("POST", "/api/scenarios", { body: authoredDocument(id, "A shadow") });
    expect(refused.status).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: "api/conflict", message: expect.stringMatching(message) });
    expect((await call("GET", `/api/scenarios/${id}`)).text).toBe(publicBefore.text);
    if (id === "backup-appliance") expect((await call("GET", `/api/scenarios/${id}/document`)).text).toBe(shippedBefore.text);
  });

  it("refuses what is not a JSON scenario: malformed JSON, another content type, a list", async () => {
    const before = await snapshot([]);
    const malformed = await call("POST", "/api/scenarios", { raw: '{"id": "half' });
    expect([malformed.status, errorOf(malformed).code]).toEqual([400, "api/bad_request"]);
    expect(errorOf(malformed).message).toMatch(/not valid JSON/);
    const form = await call("POST", "/api/scenarios", { raw: `id=x&title=y`, type: "application/x-www-form-urlencoded" });
    expect([form.status, errorOf(form).code]).toEqual([415, "api/unsupported_type"]);
    const text = await call("POST", "/api/scenarios", { raw: JSON.stringify(authoredDocument("as-text")), type: "text/plain" });
    expect(text.status).toBe(415);
    const list = await call("POST", "/api/scenarios", { body: [authoredDocument("in-a-list")] });
    expect([list.status, errorOf(list).code]).toEqual([400, "scenario/invalid"]);
    expect(await snapshot([])).toBe(before);
    expect((await call("GET", "/api/scenarios/as-text")).status).toBe(404);
  });
});

describe("bad input", () => {
  it("refuses a 1 MB document with 413 naming the limit, before reading it", async () => {
    const before = await snapshot([]);
    const huge = { ...authoredDocument("one-megabyte"), story: "x".repeat(1024 * 1024) };
    const refused = await call("POST", "/api/scenarios", { body: huge });
    expect(refused.status).toBe(413);
    expect(errorOf(refused)).toEqual({ code: "api/too_large", message: `Request body too large: at most ${MAX_SCENARIO_BYTES} bytes (256 KiB).` });
    expect(await snapshot([])).toBe(before);
    expect((await call("GET", "/api/scenarios/one-megabyte")).status).toBe(404);
  });

  it("refuses 10,000 options", async () => {
    const before = await snapshot([]);
    const doc = authoredDocument("ten-thousand");
    const options = Array.from({ length: 10_000 }, (_, i) => ({ id: `o${i}`, label: "x" }));
    const many = { ...doc, issues: [doc.issues[0], doc.issues[1], { ...doc.issues[2], options }] };
    const refused = await call("POST", "/api/scenarios", { body: many });
    // 10,000 options do not fit the body limit; a bound on options (the format's) refuses fewer of them too.
    expect(refused.status).toBe(413);
    expect(errorOf(refused).code).toBe("api/too_large");
    expect(await snapshot([])).toBe(before);
  });

  it("refuses more options than the format allows, well below the body limit, naming the bound", async () => {
    const before = await snapshot([]);
    const doc = authoredDocument("many-options");
    const options = Array.from({ length: 200 }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` }));
    const many = { ...doc, issues: [doc.issues[0], doc.issues[1], { ...doc.issues[2], options }] };
    const refused = await call("POST", "/api/scenarios", { body: many });
    expect(refused.status).toBe(400);
    const error = errorOf(refused);
    expect(error.code).toBe("scenario/invalid");
    expect(error.problems).toContainEqual({ path: "issues[2].options", message: expect.stringMatching(/at most 20/) });
    expect(await snapshot([])).toBe(before);
  });

  it("refuses deep nesting with the path where it goes too deep", async () => {
    const before = await snapshot([]);
    // Written by hand: JSON.stringify itself cannot go 50,000 levels down.
    const depth = 50_000;
    const nested = `${"[".repeat(depth)}"bottom"${"]".repeat(depth)}`;
    const raw = JSON.stringify({ ...authoredDocument("deep-one"), story: "STORY" }).replace('"STORY"', nested);
    const refused = await call("POST", "/api/scenarios", { raw });
    expect(refused.status).toBe(400);
    const error = errorOf(refused);
    expect(error.code).toBe("scenario/invalid");
    expect(error.problems).toHaveLength(1);
    expect(error.problems![0]!.path).toMatch(/^story(\[0\])+$/);
    expect(error.problems![0]!.message).toMatch(/nested too deeply/);
    expect(await snapshot([])).toBe(before);
  });

  it("refuses a currency that is not an ISO 4217 code", async () => {
    const before = await snapshot([]);
    for (const currency of ["eur", "EURO", "€", "", "XQZ"]) {
      const refused = await call("POST", "/api/scenarios", { body: { ...authoredDocument("odd-money"), currency } });
      expect(refused.status, currency).toBe(400);
      expect(errorOf(refused).problems!.map((p) => p.path)).toEqual(["currency"]);
    }
    expect(await snapshot([])).toBe(before);
  });

  it("refuses markup in a text field, and hands other text back only as JSON, never as a page", async () => {
    const before = await snapshot([]);
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const refused = await call("POST", "/api/scenarios", { body: { ...authoredDocument("markup-case"), title: markup, summary: markup } });
    expect(refused.status).toBe(400);
    expect(errorOf(refused).problems!.map((p) => p.path)).toEqual(["title", "summary"]);
    expect(await snapshot([])).toBe(before);

    const odd = "Volume > 500 & price < list: \"fair\"?";
    const created = await call("POST", "/api/scenarios", { body: { ...authoredDocument("odd-text"), title: odd } });
    expect(created.status).toBe(201);
    for (const path of ["/api/scenarios/odd-text", "/api/scenarios"]) {
      const answer = await call("GET", path, path === "/api/scenarios" ? { key: (created.body as CreateScenarioResponse).editKey } : {});
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect(((await call("GET", "/api/scenarios/odd-text")).body as { title: string }).title).toBe(odd);
  });
});

describe("PUT /api/scenarios/:id", () => {
  it("saves a new version with the edit key and keeps the earlier one", async () => {
    const { editKey } = await create("versioned", "First title");
    const saved = await call("PUT", "/api/scenarios/versioned", { body: authoredDocument("versioned", "Second title"), key: editKey });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ id: "versioned", version: 2 });
    expect((await call("GET", "/api/scenarios/versioned")).body).toMatchObject({ title: "Second title" });
    expect((await call("GET", "/api/scenarios/versioned?version=1")).body).toMatchObject({ title: "First title" });
    expect((await call("GET", "/api/scenarios/versioned?version=2")).headers.get("scenario-version")).toBe("2");
    expect((await listed([editKey])).find((s) => s.id === "versioned")).toMatchObject({ version: 2, title: "Second title" });
  });

  it.each([
    ["without a key", undefined, 403, "api/forbidden", /edit key/],
    ["with another key", "other", 403, "api/forbidden", /edit key/],
    ["with two keys", "two", 403, "api/forbidden", /edit key/],
  ])("refuses a save %s and changes nothing", async (_what, keyKind, status, code, message) => {
    const { editKey } = await create(`locked-${keyKind ?? "none"}`, "Locked");
    const id = `locked-${keyKind ?? "none"}`;
    const before = await snapshot([editKey]);
    const key = keyKind === "other" ? newSecret() : keyKind === "two" ? [editKey, newSecret()] : undefined;
    const refused = await call("PUT", `/api/scenarios/${id}`, { body: authoredDocument(id, "Hijacked"), ...(key ? { key } : {}) });
    expect(refused.status).toBe(status);
    expect(errorOf(refused)).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await snapshot([editKey])).toBe(before);
    expect((await call("GET", `/api/scenarios/${id}?version=2`)).status).toBe(404);
  });

  it("refuses a shipped scenario as read-only, whatever key comes with it", async () => {
    const before = await call("GET", "/api/scenarios/backup-appliance");
    const refused = await call("PUT", "/api/scenarios/backup-appliance", { body: backupApplianceFile, key: newSecret() });
    expect(refused.status).toBe(403);
    expect(errorOf(refused)).toEqual({ code: "api/forbidden", message: "Shipped scenarios are read-only — copy it in the studio." });
    expect((await call("GET", "/api/scenarios/backup-appliance")).text).toBe(before.text);
    expect((await call("GET", "/api/scenarios/backup-appliance?version=2")).status).toBe(404);
  });

  it("refuses an unknown id, a changed id and an invalid document", async () => {
    const { editKey } = await create("steady", "Steady");
    const before = await snapshot([editKey]);
    const unknown = await call("PUT", "/api/scenarios/nobody-here", { body: authoredDocument("nobody-here"), key: editKey });
    expect([unknown.status, errorOf(unknown).code]).toEqual([404, "api/unknown_scenario"]);
    const renamed = await call("PUT", "/api/scenarios/steady", { body: authoredDocument("renamed"), key: editKey });
    expect(renamed.status).toBe(400);
    expect(errorOf(renamed).problems).toEqual([{ path: "id", message: expect.stringMatching(/must stay "steady"/) }]);
    const invalid = await call("PUT", "/api/scenarios/steady", { body: { ...authoredDocument("steady"), turnSeconds: 1 }, key: editKey });
    expect([invalid.status, errorOf(invalid).problems!.map((p) => p.path)]).toEqual([400, ["turnSeconds"]]);
    expect(await snapshot([editKey])).toBe(before);
  });
});

describe("GET /api/scenarios and /api/scenarios/:id", () => {
  it("lists the scenarios of every key presented, and refuses a malformed key list", async () => {
    const a = await create("listed-a");
    const b = await create("listed-b");
    const ids = async (keys: string[]) => (await listed(keys)).filter((s) => !s.shipped).map((s) => s.id);
    expect(await ids([a.editKey])).toEqual(["listed-a"]);
    expect(await ids([a.editKey, b.editKey])).toEqual(["listed-a", "listed-b"]);
    const commas = await call("GET", "/api/scenarios", { key: `${a.editKey},${b.editKey}` });
    expect((commas.body as ScenarioEntry[]).filter((s) => !s.shipped).map((s) => s.id)).toEqual(["listed-a", "listed-b"]);
    for (const header of ["Basic abc", "Bearer not-a-key", `Bearer ${Array.from({ length: 101 }, () => a.editKey).join(" ")}`]) {
      const res = await fetch(`${base}/api/scenarios`, { headers: { authorization: header } });
      expect(res.status, header.slice(0, 20)).toBe(400);
    }
  });

  it("answers the public part of a scenario, by version, and 404 or 400 for what is not there", async () => {
    await create("public-one");
    const latest = await call("GET", "/api/scenarios/public-one");
    expect(latest.status).toBe(200);
    expect(Object.keys(latest.body as object).sort()).toEqual(["currency", "firstMover", "id", "issues", "questions", "story", "summary", "title"]);
    expect(latest.headers.get("scenario-version")).toBe("1");
    expect((await call("GET", "/api/scenarios/public-one?version=1")).text).toBe(latest.text);
    expect(errorOf(await call("GET", "/api/scenarios/public-one?version=2"))).toEqual({ code: "api/unknown_scenario", message: 'Scenario "public-one" has no version 2.' });
    for (const v of ["0", "-1", "x", "1.5"]) expect((await call("GET", `/api/scenarios/public-one?version=${v}`)).status, v).toBe(400);
    expect((await call("GET", "/api/scenarios/no-such-one")).status).toBe(404);
  });
});

describe("GET /api/scenarios/:id/document", () => {
  it("gives the author the whole document with the edit key, and nobody else", async () => {
    const { editKey } = await create("full-doc");
    const mine = await call("GET", "/api/scenarios/full-doc/document", { key: editKey });
    expect(mine.status).toBe(200);
    const parsed = parseScenario(authoredDocument("full-doc"));
    if (!parsed.ok) throw new Error("the fixture is a valid scenario");
    // As stored: what parseScenario made of it, the defaults filled in.
    expect(mine.body).toEqual(JSON.parse(JSON.stringify(parsed.value)));
    expect(mine.headers.get("scenario-version")).toBe("1");
    expect(mine.headers.get("cache-control")).toBe("no-store");
    for (const key of [undefined, newSecret()]) {
      const refused = await call("GET", "/api/scenarios/full-doc/document", key ? { key } : {});
      expect([refused.status, errorOf(refused).code]).toEqual([403, "api/forbidden"]);
      expect(refused.text).not.toContain("zephyrquill");
    }
    expect((await call("GET", "/api/scenarios/nothing/document")).status).toBe(404);
  });

  it("gives anyone a shipped scenario's document, as its file says it", async () => {
    const shipped = await call("GET", "/api/scenarios/backup-appliance/document");
    expect(shipped.status).toBe(200);
    expect(shipped.body).toEqual(JSON.parse(JSON.stringify(SCENARIOS["backup-appliance"])));
    expect((shipped.body as { roles: unknown }).roles).toEqual(JSON.parse(JSON.stringify(SCENARIOS["backup-appliance"]!.roles)));
    expect(backupApplianceFile.id).toBe("backup-appliance");
  });
});

describe("a stored scenario's id at a table and a workshop", () => {
  it("opens a table and a workshop exactly like a shipped id, on the latest version", async () => {
    const { editKey } = await create("table-ready", "Table ready v1");
    await call("PUT", "/api/scenarios/table-ready", { body: authoredDocument("table-ready", "Table ready v2"), key: editKey });
    const table = await call("POST", "/api/tables", { body: { scenarioId: "table-ready", bot: { role: "buyer", level: "easy" } } });
    expect(table.status).toBe(201);
    expect(table.body).toMatchObject({ scenarioId: "table-ready", scenarioVersion: 2 });
    const code = (table.body as { code: string }).code;
    expect(h.room(code)).toBeDefined();
    expect((await h.running.services.store.loadTable(code))?.scenarioVersion).toBe(2);
    const workshop = await call("POST", "/api/workshops", { body: { title: "Studio class", scenarioId: "table-ready", deck: "random", oddSeat: "bot", botLevel: "easy" } });
    expect(workshop.status).toBe(201);
    expect((await call("POST", "/api/tables", { body: { scenarioId: "not-stored" } })).status).toBe(404);
  });

  it("keeps a table on the version it was opened with after the author saves another", async () => {
    const { editKey } = await create("pinned-case", "Pinned v1");
    const opened = await call("POST", "/api/tables", { body: { scenarioId: "pinned-case" } });
    const { code, seats } = opened.body as { code: string; seats: { buyer: string; seller: string } };
    await call("PUT", "/api/scenarios/pinned-case", { body: authoredDocument("pinned-case", "Pinned v2"), key: editKey });
    const buyer = await h.join(code, { seat: seats.buyer, name: "Bea" }, "buyer");
    await until("the welcome", () => buyer.last("welcome") !== undefined);
    expect(buyer.view.scenario.title).toBe("Pinned v1");
    expect((await h.running.services.store.loadTable(code))?.scenarioVersion).toBe(1);
  });
});

describe("saving scenarios from one address", () => {
  it("is limited like opening tables, with a budget of its own, and a refused save stores nothing", async () => {
    const limited = await bootServer({ CREATE_PER_MINUTE: 2 });
    try {
      const at = `http://127.0.0.1:${limited.running.port}`;
      const save = (id: string) =>
        fetch(`${at}/api/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(authoredDocument(id)) });
      expect((await save("first-save")).status).toBe(201);
      expect((await save("second-save")).status).toBe(201);
      const third = await save("third-save");
      expect(third.status).toBe(429);
      expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(/Too many scenario saves from this address: at most 2 a minute/);
      expect((await fetch(`${at}/api/scenarios/third-save`)).status).toBe(404);
      // Tables have their own budget: the saves did not use it up.
      const table = await fetch(`${at}/api/tables`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "first-save" }) });
      expect(table.status).toBe(201);
    } finally {
      await limited.stop();
    }
  });
});
