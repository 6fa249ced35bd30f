import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SQLITE_MIGRATIONS } from "../../server/storage/sqliteMigrations.js";
import { freePort } from "../helpers/freePort.js";
import { bundleServer } from "../recovery/helpers/serverProcess.js";
import { canMount, serverEnv, startAttempt, type Mounts } from "./helpers/startAttempt.js";

/*
 * Every way an operator can keep the server from starting, on a real process with
 * LOG_LEVEL=silent: one plain line on stderr naming the setting and its value (a password
 * masked), nothing on stdout, no stack trace, exit code 1.
 *
 * "Not writable": these tests run as root, who may write anywhere on a writable file system, so
 * file modes prove nothing. The folder is made read-only for the server alone instead: the
 * process starts in a mount namespace of its own (unshare) where the folder is bind-mounted
 * read-only, which refuses root too (EROFS), while the rest of the machine sees nothing.
 */

let bundle: { file: string; remove: () => void };
let dir: string;
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  bundle = await bundleServer();
  dir = mkdtempSync(join(tmpdir(), "parley-startup-"));
  busyPort = await freePort();
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(busyPort, "127.0.0.1", resolve));
});
afterAll(async () => {
  bundle?.remove();
  rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => busy?.close(resolve));
});

type Case = {
  readonly name: string;
  /** Settings, given the case's own scratch folder. */
  readonly settings: (at: string) => Record<string, string>;
  /** Files to make in the scratch folder first. */
  readonly prepare?: (at: string) => void;
  readonly mounts?: (at: string) => Mounts;
  /** The line after "Parley cannot start: ". */
  readonly says: (at: string) => string;
};

const file = (path: string, content: string | Uint8Array = "") => writeFileSync(path, content);
const newerDatabase = (path: string) => {
  const db = new Database(path);
  db.pragma("user_version = 999");
  db.close();
};

const CASES: readonly Case[] = [
  {
    name: "a port that is not a number",
    settings: () => ({ PORT: "eighty" }),
    says: () => "PORT=eighty is not valid: it must be a whole number from 0 to 65535",
  },
  {
    name: "an unknown log level",
    settings: () => ({ LOG_LEVEL: "loud" }),
    says: () => "LOG_LEVEL=loud is not valid: it must be one of fatal, error, warn, info, debug, trace, silent",
  },
  {
    name: "a database URL of another kind, its password masked",
    settings: () => ({ DATABASE_URL: "mysql://parley:hunter2@127.0.0.1/parley" }),
    says: () => "DATABASE_URL=mysql://parley:***@127.0.0.1/parley is not valid: it must start with postgres:// or postgresql://",
  },
  {
    name: "REDIS_URL without PUBLIC_ADDRESS",
    settings: () => ({ REDIS_URL: "redis://127.0.0.1:6379" }),
    says: () => "PUBLIC_ADDRESS is not set: it must be set with REDIS_URL (the host:port at which a browser reaches this very process)",
  },
  {
    name: "DATA_DIR is a file",
    prepare: (at) => file(join(at, "data")),
    settings: (at) => ({ DATA_DIR: join(at, "data") }),
    says: (at) => `DATA_DIR=${join(at, "data")} is a file, not a folder`,
  },
  {
    name: "DATA_DIR inside a file",
    prepare: (at) => file(join(at, "data")),
    settings: (at) => ({ DATA_DIR: join(at, "data", "parley") }),
    says: (at) => `DATA_DIR=${join(at, "data", "parley")} cannot be created: ${join(at, "data")} is a file, not a folder`,
  },
  {
    name: "DATA_DIR on a read-only file system",
    prepare: (at) => mkdirSync(join(at, "data")),
    mounts: (at) => ({ readOnly: [join(at, "data")] }),
    settings: (at) => ({ DATA_DIR: join(at, "data") }),
    says: (at) => `DATA_DIR=${join(at, "data")} is not writable (read-only file system)`,
  },
  {
    name: "DATA_DIR to be created under a read-only folder",
    prepare: (at) => mkdirSync(join(at, "srv")),
    mounts: (at) => ({ readOnly: [join(at, "srv")] }),
    settings: (at) => ({ DATA_DIR: join(at, "srv", "parley", "data") }),
    says: (at) => `DATA_DIR=${join(at, "srv", "parley", "data")} cannot be created: ${join(at, "srv")} is not writable (read-only file system)`,
  },
  {
    name: "SQLITE_PATH is a folder",
    prepare: (at) => mkdirSync(join(at, "parley.sqlite")),
    settings: (at) => ({ SQLITE_PATH: join(at, "parley.sqlite") }),
    says: (at) => `SQLITE_PATH=${join(at, "parley.sqlite")} is a folder, not a file`,
  },
  {
    name: "SQLITE_PATH is not a database",
    prepare: (at) => file(join(at, "notes.txt"), "Dear diary, ".repeat(400)),
    settings: (at) => ({ SQLITE_PATH: join(at, "notes.txt") }),
    says: (at) => `SQLITE_PATH=${join(at, "notes.txt")} is not a SQLite database`,
  },
  {
    name: "a database file from a newer Parley",
    prepare: (at) => (mkdirSync(join(at, "data")), newerDatabase(join(at, "data", "parley.sqlite"))),
    settings: (at) => ({ DATA_DIR: join(at, "data") }),
    says: (at) =>
      `the database file ${join(at, "data", "parley.sqlite")} in DATA_DIR=${join(at, "data")} was written by a newer version of Parley: ` +
      `The database is at schema version 999; this build knows up to ${SQLITE_MIGRATIONS.length}.`,
  },
  {
    name: "a .env that is a folder",
    prepare: (at) => mkdirSync(join(at, ".env")),
    settings: () => ({}),
    says: (at) => `${join(at, ".env")} is a folder, not a settings file`,
  },
  {
    name: "a port in use",
    settings: () => ({ PORT: String(busyPort), SQLITE_PATH: ":memory:" }),
    says: () => `PORT=${busyPort} is already in use on HOST=127.0.0.1: another program (or another Parley) listens there`,
  },
  {
    name: "a HOST that is not this machine's (TEST-NET-1)",
    settings: () => ({ HOST: "192.0.2.1", SQLITE_PATH: ":memory:" }),
    says: () => "HOST=192.0.2.1 is not an address of this machine",
  },
  {
    name: "a HOST name that does not resolve",
    settings: () => ({ HOST: "parley.invalid", SQLITE_PATH: ":memory:" }),
    says: () => "HOST=parley.invalid is not a known host name",
  },
  {
    name: "PostgreSQL out of reach",
    settings: () => ({ DATABASE_URL: "postgres://parley:hunter2@127.0.0.1:1/parley" }),
    says: () => "DATABASE_URL=postgres://parley:***@127.0.0.1:1/parley: PostgreSQL at 127.0.0.1:1 cannot be reached (connection refused: nothing listens there)",
  },
  {
    name: "PostgreSQL refusing the password (the test PostgreSQL of scripts/services.sh)",
    settings: () => ({ DATABASE_URL: "postgres://parley:not-the-password@127.0.0.1:5432/parley_test" }),
    says: () =>
      'DATABASE_URL=postgres://parley:***@127.0.0.1:5432/parley_test: PostgreSQL at 127.0.0.1:5432 refused the login (password authentication failed for user "parley")',
  },
  {
    name: "a PostgreSQL database that does not exist",
    settings: () => ({ DATABASE_URL: "postgres://parley:parley@127.0.0.1:5432/parley_no_such_db" }),
    says: () => 'DATABASE_URL=postgres://parley:***@127.0.0.1:5432/parley_no_such_db: PostgreSQL at 127.0.0.1:5432 answers, but database "parley_no_such_db" does not exist',
  },
  {
    name: "Redis out of reach",
    settings: () => ({ REDIS_URL: "redis://127.0.0.1:1", PUBLIC_ADDRESS: "127.0.0.1:2567" }),
    says: () => "REDIS_URL=redis://127.0.0.1:1: Redis at 127.0.0.1:1 cannot be reached (connection refused: nothing listens there)",
  },
];

async function refusedPlainly(c: Case): Promise<void> {
  const at = join(dir, c.name.replace(/[^a-z0-9]+/gi, "-"));
  mkdirSync(at, { recursive: true });
  c.prepare?.(at);
  const outcome = await startAttempt(bundle.file, { cwd: at, env: serverEnv({ LOG_LEVEL: "silent", ...c.settings(at) }), mounts: c.mounts?.(at) });
  expect(outcome.listened).toBe(false);
  expect(outcome.stderr).toBe(`Parley cannot start: ${c.says(at)}\n`);
  expect([...outcome.logs, ...outcome.otherOutput]).toEqual([]);
  expect(outcome.exit).toBe(1);
}

describe("start-up errors in plain words", () => {
  it.each(CASES.filter((c) => !c.mounts).map((c) => [c.name, c] as const))("%s", (_name, c) => refusedPlainly(c), 30_000);
  it.skipIf(!canMount).each(CASES.filter((c) => c.mounts).map((c) => [c.name, c] as const))("%s", (_name, c) => refusedPlainly(c), 30_000);

  it("with logging on, the same line is also logged once at fatal, without a stack", async () => {
    const at = join(dir, "logged");
    mkdirSync(at);
    file(join(at, "data"));
    const outcome = await startAttempt(bundle.file, { cwd: at, env: serverEnv({ DATA_DIR: join(at, "data"), LOG_LEVEL: "info" }) });
    const line = `DATA_DIR=${join(at, "data")} is a file, not a folder`;
    expect(outcome.stderr).toBe(`Parley cannot start: ${line}\n`);
    const fatal = outcome.logs.filter((l) => (l.level as number) >= 50);
    expect(fatal).toEqual([expect.objectContaining({ level: 60, problem: line, msg: `Parley cannot start: ${line}` })]);
    expect(JSON.stringify(outcome.logs)).not.toMatch(/stack|\n\s+at /);
    expect(outcome.exit).toBe(1);
  }, 30_000);
});
