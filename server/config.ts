import { z } from "zod";
import { shownSetting } from "./startupError.js";

/*
 * Every setting of the server, read from the environment in one place and validated before
 * anything starts: a bad value stops the process with a line naming the variable, the value
 * given and what it must be.
 */

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** A whole number in [min, max]; one message for every way to miss (not a number, a fraction, out of range). */
const wholeNumber = (min: number, max: number) => {
  const error = { error: `must be a whole number from ${min} to ${max}` };
  return z.coerce.number(error).int(error).min(min, error).max(max, error);
};
/** A number of `unit` above 0 (or from `min`, when given) up to max. */
const amount = (unit: string, max: number, min?: number) => {
  const error = { error: min === undefined ? `must be a number of ${unit} above 0, at most ${max}` : `must be a number of ${unit} from ${min} to ${max}` };
  const number = z.coerce.number(error);
  return (min === undefined ? number.positive(error) : number.min(min, error)).max(max, error);
};
const seconds = amount("seconds", 86_400);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(", ")}` });
const url = (schemes: readonly string[]) =>
  z
    .string()
    .refine((value) => schemes.some((scheme) => value.startsWith(`${scheme}://`)), {
      error: `must start with ${schemes.map((scheme) => `${scheme}://`).join(" or ")}`,
      abort: true,
    })
    .refine((value) => URL.canParse(value), "is not a valid URL");

export const configSchema = z.object({
  /** TCP port for HTTP and WebSocket (0 picks a free one). */
  PORT: wholeNumber(0, 65_535).default(2567),
  /** Interface to listen on; 0.0.0.0 only when asked for, never by default. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** How long a dropped player keeps their seat before the game ends as abandoned. */
  RECONNECT_SECONDS: seconds.default(60),
  LOG_LEVEL: oneOf(LOG_LEVELS).default("info"),
  /** How long a server-side bot "thinks" before it acts. */
  BOT_THINK_MS: wholeNumber(0, 60_000).default(1200),
  /** Largest WebSocket frame accepted; bigger ones close the socket (1009). */
  MAX_PAYLOAD_BYTES: wholeNumber(512, 1_048_576).default(4096),
  /** Per-client message budget: sustained messages per second and burst size. */
  MESSAGE_RATE: amount("messages a second", 1000).default(10),
  MESSAGE_BURST: wholeNumber(1, 10_000).default(40),
  /** Tables and workshops one client address may open a minute (0: no limit, for load tests). */
  CREATE_PER_MINUTE: wholeNumber(0, 100_000).default(60),
  /** Observers one table accepts (players and facilitators are not counted). */
  MAX_OBSERVERS: wholeNumber(0, 1000).default(50),
  /** A table with nobody connected is closed after this long (finished or never joined). */
  TABLE_IDLE_SECONDS: seconds.default(1800),
  /** Built web client to serve, relative to the working directory. */
  CLIENT_DIST: z.string().min(1).default("client/dist"),

  /** Folder of the embedded SQLite database (created on start). */
  DATA_DIR: z.string().min(1).default("./data"),
  /** The SQLite file itself, if not DATA_DIR/parley.sqlite (":memory:" keeps nothing). */
  SQLITE_PATH: z.string().min(1).optional(),
  /** NORMAL survives a killed process; FULL also survives power loss, at a fraction of the write rate. */
  SQLITE_SYNCHRONOUS: oneOf(["NORMAL", "FULL"]).default("NORMAL"),
  /** PostgreSQL instead of SQLite, for several server processes sharing one store. */
  DATABASE_URL: url(["postgres", "postgresql"]).optional(),
  /** Redis for Colyseus presence and room listings, so several processes serve one game. */
  REDIS_URL: url(["redis", "rediss"]).optional(),
  /** host:port at which clients reach this process (required with REDIS_URL); also its name on table leases. */
  PUBLIC_ADDRESS: z.string().regex(/^[^\s/]+:\d{1,5}$/, "must be host:port, as a browser reaches this process").optional(),
  /** How long a process's claim on its tables lasts without renewal; another process may resume them after. */
  LEASE_SECONDS: amount("seconds", 86_400, 1).default(15),
});

/** The whole schema, with the rules that tie settings together. */
const settingsSchema = configSchema.refine((c) => c.REDIS_URL === undefined || c.PUBLIC_ADDRESS !== undefined, {
  path: ["PUBLIC_ADDRESS"],
  message: "must be set with REDIS_URL (the host:port at which a browser reaches this very process)",
});

export type ServerConfig = z.output<typeof configSchema>;

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

/** Parse settings from an environment-like record; unknown variables are ignored. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  // An empty variable means "not set" (Number("") would silently be 0).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = settingsSchema.safeParse(given);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => problemOf(String(issue.path[0]), given[issue.path[0] as string], issue.message)) };
}

/** `PORT=abc is not valid: it must be …`, or `PUBLIC_ADDRESS is not set: it must be …`. */
function problemOf(name: string, given: string | undefined, mustBe: string): string {
  return given === undefined ? `${name} is not set: it ${mustBe}` : `${shownSetting(name, given)} is not valid: it ${mustBe}`;
}

/**
 * Settings for code that builds a server in-process (tests, tools): defaults plus overrides.
 * Unless told otherwise such a server keeps its tables in memory, so it never picks up (or
 * leaves behind) the tables of the real data folder.
 */
export function configWith(overrides: Partial<ServerConfig>): ServerConfig {
  return settingsSchema.parse({ SQLITE_PATH: ":memory:", ...overrides });
}

/** Who this process is on table leases: its public address, else the address it listens on. */
export function processName(config: ServerConfig): string {
  return config.PUBLIC_ADDRESS ?? `${config.HOST}:${config.PORT}`;
}
