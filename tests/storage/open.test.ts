import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, sqlitePathFor, storageSettingsFromEnv } from "../../server/storage/open.js";
import { PostgresStore } from "../../server/storage/postgres.js";
import { SqliteStore } from "../../server/storage/sqlite.js";

describe("storage settings", () => {
  it("default to ./data/parley.sqlite", () => {
    const settings = storageSettingsFromEnv({});
    expect(settings.databaseUrl).toBeUndefined();
    expect(sqlitePathFor(settings)).toBe(resolve("data/parley.sqlite"));
  });

  it("put the file in DATA_DIR, or exactly at SQLITE_PATH, and treat empty variables as unset", () => {
    expect(sqlitePathFor(storageSettingsFromEnv({ DATA_DIR: "/var/lib/parley", DATABASE_URL: "" }))).toBe("/var/lib/parley/parley.sqlite");
    expect(sqlitePathFor(storageSettingsFromEnv({ DATA_DIR: "/var/lib/parley", SQLITE_PATH: "/srv/p.db" }))).toBe("/srv/p.db");
    expect(storageSettingsFromEnv({ SQLITE_SYNCHRONOUS: "FULL" }).sqliteSynchronous).toBe("FULL");
  });

  it("name every bad variable in one error", () => {
    expect(() => storageSettingsFromEnv({ DATABASE_URL: "mysql://x", SQLITE_SYNCHRONOUS: "OFF" })).toThrow(/DATABASE_URL.*SQLITE_SYNCHRONOUS/);
  });
});

describe("openStore", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "parley-open-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("opens SQLite without a database URL, creating the data folder", async () => {
    const store = await openStore(storageSettingsFromEnv({ DATA_DIR: join(dir, "a", "b") }));
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
      const store = await openStore(storageSettingsFromEnv({ DATABASE_URL: withSchema, DATA_DIR: join(dir, "unused") }));
      expect(store).toBeInstanceOf(PostgresStore);
      await store.close();
      expect(existsSync(join(dir, "unused"))).toBe(false);
      const { rows } = await admin.query("SELECT table_schema FROM information_schema.tables WHERE table_name = 'game_tables'");
      expect(rows).toEqual([{ table_schema: schema }]);
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});
