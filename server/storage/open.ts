import { join, resolve } from "node:path";
import type { ServerConfig } from "../config.js";
import { prepareSqliteFolder, sqliteOpenProblem, type SqliteLocation } from "./dataFolder.js";
import { postgresOpenProblem } from "./postgresReach.js";
import { SqliteStore, type SqliteSynchronous } from "./sqlite.js";
import type { Store } from "./store.js";

/** Where Parley keeps its data (validated with the other settings in server/config.ts). */
export type StorageSettings = {
  /** DATABASE_URL: when set, PostgreSQL is used and the SQLite settings are ignored. */
  readonly databaseUrl?: string;
  /** SQLITE_PATH: the SQLite file; defaults to DATA_DIR/parley.sqlite. ":memory:" keeps nothing. */
  readonly sqlitePath?: string;
  /** DATA_DIR: defaults to ./data. */
  readonly dataDir?: string;
  /** SQLITE_SYNCHRONOUS: NORMAL (default, survives a process crash) or FULL (also power loss). */
  readonly sqliteSynchronous?: SqliteSynchronous;
};

const DEFAULT_DATA_DIR = "./data";
const SQLITE_FILE = "parley.sqlite";
const IN_MEMORY = ":memory:";

export function storageSettingsOf(config: ServerConfig): StorageSettings {
  return {
    databaseUrl: config.DATABASE_URL,
    sqlitePath: config.SQLITE_PATH,
    dataDir: config.DATA_DIR,
    sqliteSynchronous: config.SQLITE_SYNCHRONOUS,
  };
}

export function sqlitePathFor(settings: StorageSettings): string {
  if (settings.sqlitePath === IN_MEMORY) return IN_MEMORY;
  return resolve(settings.sqlitePath ?? join(settings.dataDir ?? DEFAULT_DATA_DIR, SQLITE_FILE));
}

export type StoreHooks = {
  /** A failure outside any call, e.g. an idle PostgreSQL connection dropped: log it. */
  readonly onBackgroundError?: (error: Error) => void;
};

/**
 * PostgreSQL when a database URL is set, else the SQLite file (its folder is created). The
 * PostgreSQL driver is loaded only when it is used, so the embedded default starts faster.
 * A store that cannot be opened for a reason the operator can fix (a folder that is a file or
 * read-only, PostgreSQL out of reach…) throws a StartupError naming the setting.
 */
export async function openStore(settings: StorageSettings, hooks: StoreHooks = {}): Promise<Store> {
  if (settings.databaseUrl) {
    const { openPostgresStore } = await import("./postgres.js");
    try {
      return await openPostgresStore({ connectionString: settings.databaseUrl, onIdleClientError: hooks.onBackgroundError });
    } catch (error) {
      throw postgresOpenProblem(error, settings.databaseUrl) ?? error;
    }
  }
  const path = sqlitePathFor(settings);
  if (path === IN_MEMORY) return new SqliteStore({ path, synchronous: settings.sqliteSynchronous ?? "NORMAL" });
  const location: SqliteLocation =
    settings.sqlitePath === undefined
      ? { setting: "DATA_DIR", given: settings.dataDir ?? DEFAULT_DATA_DIR, file: path }
      : { setting: "SQLITE_PATH", given: settings.sqlitePath, file: path };
  prepareSqliteFolder(location);
  try {
    return new SqliteStore({ path, synchronous: settings.sqliteSynchronous ?? "NORMAL" });
  } catch (error) {
    throw sqliteOpenProblem(error, location) ?? error;
  }
}
