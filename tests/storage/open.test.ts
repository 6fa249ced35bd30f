import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configWith, parseConfig, processName } from "../../server/config.js";
import { openStore, sqlitePathFor, storageSettingsOf } from "../../server/storage/open.js";
import { PostgresStore } from "../../server/storage/postgres.js";
import { SqliteStore } from "../../server/storage/sqlite.js";

describe("storage settings", () => {
  const settings = (env: Record<string, string>) => {
    const parsed = parseConfig(env);
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    return storageSettingsOf(parsed.config);
  };

  it("default to ./data/parley.sqlite", () => {
    expect(settings({}).databaseUrl).toBeUndefined();
    expect(sqlitePathFor(settings({}))).toBe(resolve("data/parley.sqlite"));
  });

  it("put the file in DATA_DIR, or exactly at SQLITE_PATH, and treat empty variables as unset", () => {
    expect(sqlitePathFor(settings({ DATA_DIR: "/var/lib/parley", DATABASE_URL: "" }))).toBe("/var/lib/parley/parley.sqlite");
    expect(sqlitePathFor(settings({ DATA_DIR: "/var/lib/parley", SQLITE_PATH: "/srv/p.db" }))).toBe("/srv/p.db");
    expect(sqlitePathFor(settings({ SQLITE_PATH: ":memory:" }))).toBe(":memory:");
    expect(settings({ SQLITE_SYNCHRONOUS: "FULL" }).sqliteSynchronous).toBe("FULL");
  });

  it("name every bad variable", () => {
    const parsed = parseConfig({ DATABASE_URL: "mysql://x", SQLITE_SYNCHRONOUS: "OFF" });
    expect(parsed.ok ? [] : parsed.problems.join("\n")).toMatch(/DATABASE_URL[^]*SQLITE_SYNCHRONOUS|SQLITE_SYNCHRONOUS[^]*DATABASE_URL/);
  });

  it("ask for a public address with Redis, and take a fresh in-memory store for in-process servers", () => {
    const parsed = parseConfig({ REDIS_URL: "redis://127.0.0.1:6379" });
    expect(parsed.ok ? [] : parsed.problems).toEqual([expect.stringMatching(/^PUBLIC_ADDRESS is not set: it must be set with REDIS_URL/)]);
    expect(parseConfig({ REDIS_URL: "redis://127.0.0.1:6379", PUBLIC_ADDRESS: "127.0.0.1:2567" }).ok).toBe(true);
    expect(configWith({}).SQLITE_PATH).toBe(":memory:");
    expect(processName(configWith({ HOST: "127.0.0.1", PORT: 2567 }))).toBe("127.0.0.1:2567");
    expect(processName(configWith({ PUBLIC_ADDRESS: "app1:2567" }))).toBe("app1:2567");
  });
});

describe("openStore", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "parley-open-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("opens SQLite without a database URL, creating the data folder", async () => {
    const store = await openStore({ dataDir: join(dir, "a", "b") });
    expect(store).toBeInstanceOf(SqliteStore);
    expect(existsSync(join(dir, "a", "b", "parley.sqlite"))).toBe(true);
    await store.close();
  });

  it("opens PostgreSQL when a database URL is set, in the schema the URL's options name", async () => {
    const url = "postgres://parley:parley@127.0.0.1:5432/parley_test";
    const schema = `open_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const withSchema = `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const store = await openStore({ databaseUrl: withSchema, dataDir: join(dir, "unused") });
      expect(store).toBeInstanceOf(PostgresStore);
      await store.close();
      expect(existsSync(join(dir, "unused"))).toBe(false);
      // Other tests may have schemas of their own in this database: only ours and the default one matter.
      const { rows } = await admin.query("SELECT table_schema FROM information_schema.tables WHERE table_name = 'game_tables' AND table_schema IN ($1, 'public')", [schema]);
      expect(rows).toEqual([{ table_schema: schema }]);
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});
