import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScenarioEntry } from "../../shared/protocol/api.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { configWith } from "../../server/config.js";
import { startServer, type RunningServer } from "../../server/start.js";
import { freePort } from "../helpers/freePort.js";
import { authoredDocument } from "./helpers/authoredScenario.js";

/*
 * SCENARIOS_DIR: the operator's scenario files load at start as read-only library entries. Each
 * bad file is one clear log line naming it and every problem, and the others still load; a file
 * that would take a shipped scenario's id is refused; an edited file becomes a new version.
 */

let dir: string;
let folder: string;
let running: RunningServer | null = null;
const logged: { level: number; msg: string }[] = [];

const write = (name: string, content: unknown) => writeFileSync(join(folder, name), typeof content === "string" ? content : JSON.stringify(content));

async function boot(): Promise<string> {
  logged.length = 0;
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (logged.push(JSON.parse(chunk.toString()) as { level: number; msg: string }), done()) });
  const config = configWith({ PORT: await freePort(), HOST: "127.0.0.1", SQLITE_PATH: join(dir, "parley.sqlite"), SCENARIOS_DIR: folder, LOG_LEVEL: "info" });
  running = await startServer(config, { logger: pino({ level: "info" }, sink) });
  return `http://127.0.0.1:${running.port}`;
}

async function stop(): Promise<void> {
  await running?.stop();
  running = null;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "parley-scenario-folder-"));
  folder = join(dir, "scenarios");
  mkdirSync(folder);
  write("harbour.json", authoredDocument("ops-harbour", "Operator's harbour"));
  write("second.json", authoredDocument("ops-second", "Operator's second"));
  write("broken.json", '{"id": "ops-broken", "title": ');
  write("problems.json", { ...authoredDocument("ops-problems"), rounds: 0, currency: "eur" });
  write("shadow.json", authoredDocument("backup-appliance", "A shadow of a shipped one"));
  write("twin-a.json", authoredDocument("ops-twin", "Twin A"));
  write("twin-b.json", authoredDocument("ops-twin", "Twin B"));
  write("readme.txt", "not a scenario, not read");
});
afterAll(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

const errorLines = () => logged.filter((l) => l.level >= 50).map((l) => l.msg);

describe("SCENARIOS_DIR", () => {
  it("loads the good files, and skips each bad one with one line naming the file and every problem", async () => {
    const base = await boot();
    const list = (await (await fetch(`${base}/api/scenarios`)).json()) as ScenarioEntry[];
    expect(list.map((s) => s.id)).toEqual([...Object.keys(SCENARIOS), "ops-harbour", "ops-second"]);
    expect(list.find((s) => s.id === "ops-harbour")).toMatchObject({ origin: "operator", shipped: false, editable: false, version: 1, title: "Operator's harbour" });
    // The shipped scenario keeps its own content.
    expect((await (await fetch(`${base}/api/scenarios/backup-appliance`)).json()) as { title: string }).toMatchObject({ title: SCENARIOS["backup-appliance"]!.title });

    const errors = errorLines();
    expect(errors).toHaveLength(5);
    const lineOf = (file: string) => errors.find((l) => l.startsWith(`scenario file ${file} in SCENARIOS_DIR is skipped: `));
    expect(lineOf("broken.json")).toMatch(/not valid JSON/);
    expect(lineOf("problems.json")).toMatch(/currency: must be a 3-letter currency code in capitals \(USD, EUR, GBP…\); rounds: must be at least 1/);
    expect(lineOf("shadow.json")).toMatch(/"backup-appliance" is the id of a scenario Parley ships/);
    expect(lineOf("twin-a.json")).toMatch(/another file of the folder has the id "ops-twin"/);
    expect(lineOf("twin-b.json")).toMatch(/another file of the folder has the id "ops-twin"/);
    expect(logged.map((l) => l.msg)).toContain("scenario folder: 2 loaded, 5 skipped");
  });

  it("keeps the operator's scenarios read-only through the API, and their ids taken", async () => {
    const base = `http://127.0.0.1:${running!.port}`;
    const put = await fetch(`${base}/api/scenarios/ops-harbour`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
      body: JSON.stringify(authoredDocument("ops-harbour", "Hijacked")),
    });
    expect(put.status).toBe(403);
    expect(((await put.json()) as { error: { message: string } }).error.message).toMatch(/scenario folder and is read-only here/);
    const post = await fetch(`${base}/api/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(authoredDocument("ops-harbour")) });
    expect(post.status).toBe(409);
    const table = await fetch(`${base}/api/tables`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "ops-harbour" }) });
    expect(((await table.json()) as { scenarioVersion: number }).scenarioVersion).toBe(1);
  });

  it("stores an edited file as a new version at the next start, and an unchanged one as it was", async () => {
    await stop();
    write("harbour.json", authoredDocument("ops-harbour", "Operator's harbour, revised"));
    const base = await boot();
    const list = (await (await fetch(`${base}/api/scenarios`)).json()) as ScenarioEntry[];
    expect(list.find((s) => s.id === "ops-harbour")).toMatchObject({ version: 2, title: "Operator's harbour, revised" });
    expect(list.find((s) => s.id === "ops-second")).toMatchObject({ version: 1 });
    expect(list.filter((s) => s.shipped).map((s) => s.version)).toEqual([1, 1, 1]);
    expect(((await (await fetch(`${base}/api/scenarios/ops-harbour?version=1`)).json()) as { title: string }).title).toBe("Operator's harbour");
  });

  it("refuses to start when the folder cannot be read, naming the setting", async () => {
    await stop();
    const config = configWith({ PORT: await freePort(), HOST: "127.0.0.1", SCENARIOS_DIR: join(dir, "missing"), LOG_LEVEL: "silent" });
    await expect(startServer(config, { logger: pino({ level: "silent" }) })).rejects.toThrow(/^SCENARIOS_DIR=.*missing cannot be read: there is no such folder\.$/);
  });
});
