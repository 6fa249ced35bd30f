import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isStoreError } from "../../server/storage/errors.js";
import { SqliteStore } from "../../server/storage/sqlite.js";
import { SQLITE_MIGRATIONS } from "../../server/storage/sqliteMigrations.js";
import { newTable, noteEntry } from "./fixtures.js";
import { describeStore } from "./store.suite.js";

const here = fileURLToPath(new URL(".", import.meta.url));

describeStore("SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-store-"));
  const path = join(dir, "nested", "parley.sqlite");
  return {
    open: async () => new SqliteStore({ path }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

/** Runs a TypeScript file of this folder in its own Node process. */
function child(script: string, args: string[]) {
  return spawn(process.execPath, ["--import", "tsx", join(here, script), ...args], { stdio: ["pipe", "pipe", "inherit"] });
}

describe("SQLite file", () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "parley-sqlite-"));
    path = join(dir, "parley.sqlite");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is created in WAL mode at the latest schema version", async () => {
    await new SqliteStore({ path }).close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    raw.close();
  });

  it("upgrades a file of the first schema in place, keeping its tables and logs", async () => {
    const raw = new Database(path);
    raw.exec(SQLITE_MIGRATIONS[0]!);
    raw.pragma("user_version = 1");
    raw.prepare(`INSERT INTO game_tables (code, scenario_id, seed, draw_seed, options, created_at) VALUES ('OLD111', 'backup-appliance', 's', 'd', '{}', 1)`).run();
    raw.prepare(`INSERT INTO table_actions (code, seq, action, at) VALUES ('OLD111', 1, '{"type":"timeout"}', 2)`).run();
    raw.close();
    const store = new SqliteStore({ path });
    expect(await store.loadTable("OLD111")).toMatchObject({ startedAt: null, closedAt: null, status: "open", log: [{ seq: 1, action: { type: "timeout" }, at: 2 }] });
    await store.startTable("OLD111", 3);
    expect(await store.findOrphanedTables("me", 4)).toEqual(["OLD111"]);
    await store.close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    check.close();
  });

  it("refuses a file from a newer build and leaves it alone", async () => {
    await new SqliteStore({ path }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`);
    raw.close();
    let error: unknown;
    try {
      new SqliteStore({ path });
    } catch (e) {
      error = e;
    }
    expect(isStoreError(error, "store/schema_too_new")).toBe(true);
    const after = new Database(path, { readonly: true });
    expect(after.pragma("user_version", { simple: true })).toBe(SQLITE_MIGRATIONS.length + 1);
    after.close();
  });

  it("keeps a gap-free log of whole rows when the writing process is killed with SIGKILL", async () => {
    const setup = new SqliteStore({ path });
    await setup.createTable(newTable("CRASH"));
    await setup.close();

    let acknowledged = 0;
    for (let run = 0; run < 3; run++) {
      const writer = child("appendLoop.ts", [path, "CRASH"]);
      const exited = once(writer, "exit");
      const target = acknowledged + 300;
      for await (const line of createInterface({ input: writer.stdout })) {
        acknowledged = Math.max(acknowledged, Number(line));
        if (acknowledged >= target && writer.kill("SIGKILL")) break;
      }
      const [, signal] = await exited;
      expect(signal).toBe("SIGKILL");

      const store = new SqliteStore({ path });
      const log = (await store.loadTable("CRASH"))?.log ?? [];
      await store.close();
      expect(log.length).toBeGreaterThanOrEqual(acknowledged);
      log.forEach((entry, i) => expect(entry).toEqual(noteEntry(i + 1, 400)));
    }
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
  });

  it("lets exactly one of several processes claim each table", async () => {
    const setup = new SqliteStore({ path });
    const codes = Array.from({ length: 40 }, (_, i) => `R${i}`);
    for (const code of codes) await setup.createTable(newTable(code));
    await setup.close();

    const racers = ["p1", "p2", "p3"].map((owner) => {
      const proc = child("claimRace.ts", [path, owner, ...codes]);
      return { proc, lines: createInterface({ input: proc.stdout })[Symbol.asyncIterator]() };
    });
    for (const r of racers) expect((await r.lines.next()).value).toBe("ready");
    for (const r of racers) r.proc.stdin.write("go\n");
    const won = await Promise.all(racers.map(async (r) => JSON.parse(String((await r.lines.next()).value)) as string[]));
    await Promise.all(racers.map((r) => (r.proc.exitCode === null ? once(r.proc, "exit") : null)));

    expect(won.flat().sort()).toEqual([...codes].sort());
    const store = new SqliteStore({ path });
    for (const [i, owner] of ["p1", "p2", "p3"].entries())
      for (const code of won[i] ?? []) expect((await store.loadTable(code))?.owner).toBe(owner);
    await store.close();
  });
});
