import { isStoreError } from "./errors.js";
import { reasonOf, shownSetting, StartupError } from "../startupError.js";

/*
 * Why PostgreSQL could not be opened at start, in words naming DATABASE_URL (its password
 * masked): out of reach, a refused login, a missing database. Anything else is unexpected and
 * keeps its stack.
 */

/** SQLSTATE classes and codes the operator can act on (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const REFUSED_LOGIN = new Set(["28000", "28P01"]);
const MISSING_DATABASE = "3D000";

export function postgresOpenProblem(error: unknown, databaseUrl: string): StartupError | null {
  const setting = shownSetting("DATABASE_URL", databaseUrl);
  if (isStoreError(error, "store/schema_too_new")) return new StartupError(`${setting}: the database was written by a newer version of Parley: ${error.message}`);
  const url = new URL(databaseUrl);
  const at = `${url.hostname || "localhost"}:${url.port || "5432"}`;
  const unreachable = reasonOf(error);
  if (unreachable !== null) return new StartupError(`${setting}: PostgreSQL at ${at} cannot be reached (${unreachable})`);
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as Error).message;
  if (typeof code === "string" && REFUSED_LOGIN.has(code)) return new StartupError(`${setting}: PostgreSQL at ${at} refused the login (${message})`);
  if (code === MISSING_DATABASE) return new StartupError(`${setting}: PostgreSQL at ${at} answers, but ${message}`);
  return null;
}
