import { isIP } from "node:net";
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
/** A comma-separated list from the environment; a list (or a lone number) as given by settings built in code. */
const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" || typeof v === "number" ? String(v).split(",").map((s) => s.trim()).filter((s) => s !== "") : v), z.array(item));

/** An origin exactly as a browser sends it: scheme, host and port, nothing after. */
const origin = z.string().refine((s) => {
  try {
    const url = new URL(s);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === s;
  } catch {
    return false;
  }
}, "must list origins such as https://parley.example.com (scheme, host and port, no path or trailing slash), comma-separated");

/** Express' "trust proxy": a number of hops alone, or names, addresses and subnets (proxy-addr's syntax). */
const PROXY_NAMES = ["loopback", "linklocal", "uniquelocal"];
const isProxyAddress = (s: string) => {
  const [address = "", prefix, ...rest] = s.split("/");
  return PROXY_NAMES.includes(s) || (isIP(address) !== 0 && rest.length === 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix) || isIP(prefix) === 4));
};
const trustedProxies = commaList(z.string())
  .refine((list) => (list.length === 1 && /^([1-9]|10)$/.test(list[0]!)) || (list.length > 0 && list.every(isProxyAddress)), {
    message: `must be a number of proxies in front (1 to 10), or addresses, subnets (10.0.0.0/8) and ${PROXY_NAMES.join(", ")}, comma-separated`,
  })
  .transform((list): number | string[] => (/^\d+$/.test(list[0]!) ? Number(list[0]) : list));

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
  /**
   * Joins and reconnects (POST /matchmake/…) one client address may make a minute, as a burst
   * refilled evenly (0: no limit). A class of 40 behind one office address needs ~160 in its
   * busiest minute (everyone joins a table, some reconnect or reload); a code-guessing script
   * is held to 5 a second.
   */
  JOIN_PER_MINUTE: wholeNumber(0, 100_000).default(300),
  /** Workshop code look-ups (GET /api/workshops/CODE) one client address may make a minute (0: no limit). */
  LOOKUP_PER_MINUTE: wholeNumber(0, 100_000).default(120),
  /**
   * Web pages on other sites allowed to call this server (comma-separated origins). Empty: only
   * pages this server serves itself (same host as the request's Host header).
   */
  ALLOWED_ORIGINS: commaList(origin).default([]),
  /**
   * Reverse proxies whose X-Forwarded-For names the client (per-address limits count that
   * client, not the proxy): a number of hops, or addresses/subnets/loopback. Unset: none, each
   * connection's own address counts.
   */
  TRUST_PROXY: trustedProxies.optional(),
  /** Observers one table accepts (players and facilitators are not counted). */
  MAX_OBSERVERS: wholeNumber(0, 1000).default(50),
  /** A table with nobody connected is closed after this long (finished or never joined). */
  TABLE_IDLE_SECONDS: seconds.default(1800),
  /**
   * A folder of the operator's scenario files (*.json), loaded at start as read-only library
   * entries next to the shipped ones; a bad file is logged and skipped, the others load.
   */
  SCENARIOS_DIR: z.string().min(1).optional(),
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
  /**
   * The address participants open to join a workshop (https://parley.example.com), shown on the
   * console and the projector with its QR code. Unset: this computer's network address when HOST
   * is 0.0.0.0, none when Parley listens on this computer only.
   */
  PUBLIC_URL: url(["http", "https"]).optional(),
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
