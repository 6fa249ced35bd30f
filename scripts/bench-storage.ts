/*
 * Appends per second through the Store, one action per transaction (what the server does: each
 * accepted action is committed before it is broadcast). Prints one row per backend.
 *   npm run bench:storage                 3 s per row
 *   BENCH_SECONDS=10 DATABASE_URL=postgres://… npm run bench:storage
 * PostgreSQL defaults to the test database of scripts/services.sh and works in a throwaway schema.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { hashSecret } from "../server/storage/secrets.js";
import { openPostgresStore } from "../server/storage/postgres.js";
import { SqliteStore, type SqliteSynchronous } from "../server/storage/sqlite.js";
import type { LogEntry, NewTable, Store } from "../server/storage/store.js";

const seconds = Number(process.env["BENCH_SECONDS"] ?? 3);
const databaseUrl = process.env["DATABASE_URL"] || "postgres://parley:parley@127.0.0.1:5432/parley_test";

const table = (code: string): NewTable => ({
  code,
  scenarioId: "backup-appliance",
  scenarioVersion: 1,
  seed: code,
  drawSeed: code,
  options: {},
  createdAt: Date.now(),
  workshopId: null,
  workshopRound: null,
  seats: { buyer: { tokenHash: hashSecret(`b-${code}`), name: "Buyer" }, seller: { tokenHash: hashSecret(`s-${code}`), name: "Seller" } },
  facilitatorSecretHash: null,
  bot: null,
});

/** A typical action: an offer of five terms with a short message. */
const entry = (seq: number): LogEntry => ({
  seq,
  action: { type: "offer", by: seq % 2 ? "seller" : "buyer", terms: { price: 20000 + seq, support: "business", warranty: 24, delivery: 4, payment: "net30" }, message: "Meet me halfway?" },
  at: Date.now(),
});

type Row = { backend: string; appends: number; perSecond: number; p50: number; p99: number };

/** Appends to `tables` tables at once, each its own sequential log, until time is up. */
async function measure(backend: string, store: Store, tables: number): Promise<Row> {
  const codes = Array.from({ length: tables }, (_, i) => `BENCH${i}`);
  for (const code of codes) await store.createTable(table(code));
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    codes.map(async (code) => {
      for (let seq = 1; performance.now() < end; seq++) {
        const t = performance.now();
        await store.appendAction(code, entry(seq));
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { backend, appends: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}

async function sqlite(synchronous: SqliteSynchronous): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), "parley-bench-"));
  const store = new SqliteStore({ path: join(dir, "bench.sqlite"), synchronous });
  try {
    return await measure(`SQLite WAL synchronous=${synchronous}`, store, 1);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(tables: number): Promise<Row> {
  const schema = `bench_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const store = await openPostgresStore({ connectionString: databaseUrl, schema, maxConnections: tables });
    try {
      return await measure(`PostgreSQL, ${tables} table${tables > 1 ? "s at once" : ""}`, store, tables);
    } finally {
      await store.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

function print(row: Row): void {
  const fixed = (n: number, d: number) => n.toFixed(d).padStart(9);
  console.log(`${row.backend.padEnd(34)}${String(Math.round(row.perSecond)).padStart(10)}${fixed(row.p50, 3)}${fixed(row.p99, 3)}${String(row.appends).padStart(10)}`);
}

console.log(`Store.appendAction, one row per transaction, ${seconds} s per row`);
console.log(`${"backend".padEnd(34)}${"appends/s".padStart(10)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"appends".padStart(10)}`);
print(await sqlite("NORMAL"));
print(await sqlite("FULL"));
for (const tables of [1, 8]) {
  try {
    print(await postgres(tables));
  } catch (error) {
    console.log(`${`PostgreSQL, ${tables} table(s)`.padEnd(34)}  unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
}
