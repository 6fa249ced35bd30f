import { join, resolve } from "node:path";
import { z } from "zod";
import { openPostgresStore } from "./postgres.js";
import { SqliteStore, type SqliteSynchronous } from "./sqlite.js";
import type { Store } from "./store.js";

/** Where Parley keeps its data; read from the environment by storageSettingsFromEnv. */
export type StorageSettings = {
  /** DATABASE_URL: when set, PostgreSQL is used and the SQLite settings are ignored. */
  readonly databaseUrl?: string;
  /** SQLITE_PATH: the SQLite file; defaults to DATA_DIR/parley.sqlite. */
  readonly sqlitePath?: string;
  /** DATA_DIR: defaults to ./data. */
  readonly dataDir?: string;
  /** SQLITE_SYNCHRONOUS: NORMAL (default, survives a process crash) or FULL (also power loss). */
  readonly sqliteSynchronous?: SqliteSynchronous;
};

const DEFAULT_DATA_DIR = "./data";
const SQLITE_FILE = "parley.sqlite";

const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);
const envShape = z.object({
  DATABASE_URL: z.preprocess(unsetIfEmpty, z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://").optional()),
  SQLITE_PATH: z.preprocess(unsetIfEmpty, z.string().optional()),
  DATA_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  SQLITE_SYNCHRONOUS: z.preprocess(unsetIfEmpty, z.enum(["NORMAL", "FULL"]).optional()),
});

/** Throws one message naming every bad variable, so a misconfigured start fails before it serves anyone. */
export function storageSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): StorageSettings {
  const parsed = envShape.safeParse(env);
  if (!parsed.success)
    throw new Error(`Bad storage settings: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  const { DATABASE_URL, SQLITE_PATH, DATA_DIR, SQLITE_SYNCHRONOUS } = parsed.data;
  return { databaseUrl: DATABASE_URL, sqlitePath: SQLITE_PATH, dataDir: DATA_DIR, sqliteSynchronous: SQLITE_SYNCHRONOUS };
}

export function sqlitePathFor(settings: StorageSettings): string {
  return resolve(settings.sqlitePath ?? join(settings.dataDir ?? DEFAULT_DATA_DIR, SQLITE_FILE));
}

export type StoreHooks = {
  /** A failure outside any call, e.g. an idle PostgreSQL connection dropped: log it. */
  readonly onBackgroundError?: (error: Error) => void;
};

/** PostgreSQL when a database URL is set, else the SQLite file (its folder is created). */
export async function openStore(settings: StorageSettings, hooks: StoreHooks = {}): Promise<Store> {
  if (settings.databaseUrl) return openPostgresStore({ connectionString: settings.databaseUrl, onIdleClientError: hooks.onBackgroundError });
  return new SqliteStore({ path: sqlitePathFor(settings), synchronous: settings.sqliteSynchronous ?? "NORMAL" });
}
