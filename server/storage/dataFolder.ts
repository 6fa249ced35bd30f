import { accessSync, constants, mkdirSync, statSync, type Stats } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { isStoreError } from "./errors.js";
import { reasonOf, shownSetting, StartupError } from "../startupError.js";

/*
 * The SQLite file's folder, checked before SQLite opens it, so that an operator's mistake reads
 * as the setting and the path at fault (`DATA_DIR=/srv/parley is a file, not a folder`) rather
 * than as a stack trace from mkdir or SQLite.
 */

/** Which setting put the SQLite file where it is, and its value as given. */
export type SqliteLocation = { readonly setting: "DATA_DIR" | "SQLITE_PATH"; readonly given: string; readonly file: string };

/** `DATA_DIR=./data (/srv/parley/data)`: the value as given, and where it lands when relative. */
function named(setting: string, given: string): string {
  return isAbsolute(given) ? shownSetting(setting, given) : `${shownSetting(setting, given)} (${resolve(given)})`;
}

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The nearest part of `path` that exists (the root at worst). */
function existingAncestor(path: string): string {
  let at = path;
  while (statOf(at) === null && dirname(at) !== at) at = dirname(at);
  return at;
}

function writable(path: string): string | null {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return null;
  } catch (error) {
    return reasonOf(error) ?? String(error);
  }
}

/** Create the folder if needed and make sure this process may write there; else a StartupError naming the setting. */
export function prepareSqliteFolder(location: SqliteLocation): void {
  const folder = dirname(location.file);
  const subject = location.setting === "DATA_DIR" ? named("DATA_DIR", location.given) : `the folder ${folder} of ${named("SQLITE_PATH", location.given)}`;
  const found = statOf(folder);
  if (found !== null && !found.isDirectory()) throw new StartupError(`${subject} is a file, not a folder`);
  if (found === null) {
    const ancestor = existingAncestor(folder);
    if (!statOf(ancestor)!.isDirectory()) throw new StartupError(`${subject} cannot be created: ${ancestor} is a file, not a folder`);
    const refused = writable(ancestor);
    if (refused !== null) throw new StartupError(`${subject} cannot be created: ${ancestor} is not writable (${refused})`);
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new StartupError(`${subject} cannot be created (${reasonOf(error) ?? String(error)})`);
    }
  }
  const refused = writable(folder);
  if (refused !== null) throw new StartupError(`${subject} is not writable (${refused})`);
  const file = statOf(location.file);
  if (file?.isDirectory()) throw new StartupError(`${databaseFile(location)} is a folder, not a file`);
  if (file !== null) {
    try {
      accessSync(location.file, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new StartupError(`${databaseFile(location)} is not writable (${reasonOf(error) ?? String(error)})`);
    }
  }
}

/** How to name the SQLite file in a message: the setting that put it there, with its path. */
function databaseFile(location: SqliteLocation): string {
  return location.setting === "SQLITE_PATH" ? named("SQLITE_PATH", location.given) : `the database file ${location.file} in ${named("DATA_DIR", location.given)}`;
}

/** SQLite's refusals to open a file, in words; null for anything else (a bug: shown with its stack). */
export function sqliteOpenProblem(error: unknown, location: SqliteLocation): StartupError | null {
  if (isStoreError(error, "store/schema_too_new")) return new StartupError(`${databaseFile(location)} was written by a newer version of Parley: ${error.message}`);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  // better-sqlite3 gives extended codes (SQLITE_READONLY_DBMOVED…): the primary one decides.
  switch (code.split("_").slice(0, 2).join("_")) {
    case "SQLITE_NOTADB":
      return new StartupError(`${databaseFile(location)} is not a SQLite database`);
    case "SQLITE_CORRUPT":
      return new StartupError(`${databaseFile(location)} is damaged (SQLite reports it corrupt)`);
    case "SQLITE_READONLY":
    case "SQLITE_CANTOPEN":
    case "SQLITE_IOERR":
    case "SQLITE_FULL":
    case "SQLITE_PERM":
      return new StartupError(`${databaseFile(location)} cannot be opened for writing (${(error as Error).message})`);
    default:
      return null;
  }
}
