import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isStoreError } from "../../server/storage/errors.js";
import { openPostgresStore } from "../../server/storage/postgres.js";
import { POSTGRES_MIGRATIONS } from "../../server/storage/postgresMigrations.js";
import { newTable, noteEntry } from "./fixtures.js";
import { describeStore } from "./store.suite.js";

/* The role and database come from scripts/services.sh. Every test gets its own schema, named
 * after this run, so parallel runs never see each other's rows; each is dropped afterwards. */
const DATABASE_URL = "postgres://parley:parley@127.0.0.1:5432/parley_test";
const run = `storage_${process.pid}_${randomBytes(4).toString("hex")}`;
let admin: pg.Pool;
let schemas = 0;

beforeAll(() => {
  admin = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
});
afterAll(async () => {
  const { rows } = await admin.query<{ n: string }>("SELECT count(*) AS n FROM pg_namespace WHERE nspname LIKE $1", [`${run}%`]);
  await admin.end();
  expect(Number(rows[0]?.n)).toBe(0);
});

async function freshSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `${run}_${++schemas}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  return { schema, drop: async () => void (await admin.query(`DROP SCHEMA ${schema} CASCADE`)) };
}

describeStore("PostgreSQL", async () => {
  const { schema, drop } = await freshSchema();
  return { open: () => openPostgresStore({ connectionString: DATABASE_URL, schema }), dispose: drop };
});

describe("PostgreSQL schema", () => {
  let schema: string;
  let drop: () => Promise<void>;
  beforeEach(async () => ({ schema, drop } = await freshSchema()));
  afterEach(() => drop());

  it("migrates once when several processes start on an empty database at the same moment", async () => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore({ connectionString: DATABASE_URL, schema, maxConnections: 2 })));
    const { rows } = await admin.query(`SELECT version FROM ${schema}.schema_version ORDER BY version`);
    expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    await stores[0]?.createTable(newTable("T1"));
    await stores[1]?.appendAction("T1", noteEntry(1));
    expect((await stores[2]?.loadTable("T1"))?.log).toEqual([noteEntry(1)]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it("refuses a database from a newer build and leaves it alone", async () => {
    await (await openPostgresStore({ connectionString: DATABASE_URL, schema })).close();
    const newer = POSTGRES_MIGRATIONS.length + 1;
    await admin.query(`INSERT INTO ${schema}.schema_version (version) VALUES ($1)`, [newer]);
    const error = await openPostgresStore({ connectionString: DATABASE_URL, schema }).then(
      (s) => s.close(),
      (e: unknown) => e,
    );
    expect(isStoreError(error, "store/schema_too_new")).toBe(true);
    const { rows } = await admin.query(`SELECT max(version) AS v FROM ${schema}.schema_version`);
    expect(rows[0]?.v).toBe(newer);
  });

  it("refuses a schema name that is not a plain identifier", async () => {
    await expect(openPostgresStore({ connectionString: DATABASE_URL, schema: "x; DROP TABLE y" })).rejects.toThrow(/Schema name/);
  });

  it("appends from many connections at once without losing or doubling an entry", async () => {
    const a = await openPostgresStore({ connectionString: DATABASE_URL, schema });
    const b = await openPostgresStore({ connectionString: DATABASE_URL, schema });
    await a.createTable(newTable("T1"));
    // Both race for every seq: one append succeeds, the other waits for it and is refused as a
    // duplicate; never both, never neither.
    for (let seq = 1; seq <= 30; seq++) {
      const results = await Promise.allSettled([a.appendAction("T1", noteEntry(seq)), b.appendAction("T1", noteEntry(seq))]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(isStoreError(r.reason, "store/duplicate")).toBe(true);
    }
    expect((await a.loadTable("T1"))?.log.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await Promise.all([a.close(), b.close()]);
  });
});
