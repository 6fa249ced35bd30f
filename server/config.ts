import { z } from "zod";

/*
 * Every setting of the server, read from the environment in one place and validated before
 * anything starts: a bad value stops the process with a message naming the variable.
 */

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const seconds = z.coerce.number().positive().max(86_400);
const wholeNumber = z.coerce.number().int();

export const configSchema = z.object({
  /** TCP port for HTTP and WebSocket (0 picks a free one). */
  PORT: wholeNumber.min(0).max(65_535).default(2567),
  /** Interface to listen on; 0.0.0.0 only when asked for, never by default. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** How long a dropped player keeps their seat before the game ends as abandoned. */
  RECONNECT_SECONDS: seconds.default(60),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** How long a server-side bot "thinks" before it acts. */
  BOT_THINK_MS: wholeNumber.min(0).max(60_000).default(1200),
  /** Largest WebSocket frame accepted; bigger ones close the socket (1009). */
  MAX_PAYLOAD_BYTES: wholeNumber.min(512).max(1_048_576).default(4096),
  /** Per-client message budget: sustained messages per second and burst size. */
  MESSAGE_RATE: z.coerce.number().positive().max(1000).default(10),
  MESSAGE_BURST: wholeNumber.min(1).max(10_000).default(40),
  /** Tables and workshops one client address may open a minute (0: no limit, for load tests). */
  CREATE_PER_MINUTE: wholeNumber.min(0).max(100_000).default(60),
  /** Observers one table accepts (players and facilitators are not counted). */
  MAX_OBSERVERS: wholeNumber.min(0).max(1000).default(50),
  /** A table with nobody connected is closed after this long (finished or never joined). */
  TABLE_IDLE_SECONDS: seconds.default(1800),
  /** Built web client to serve, relative to the working directory. */
  CLIENT_DIST: z.string().min(1).default("client/dist"),

  /** Folder of the embedded SQLite database (created on start). */
  DATA_DIR: z.string().min(1).default("./data"),
  /** The SQLite file itself, if not DATA_DIR/parley.sqlite (":memory:" keeps nothing). */
  SQLITE_PATH: z.string().min(1).optional(),
  /** NORMAL survives a killed process; FULL also survives power loss, at a fraction of the write rate. */
  SQLITE_SYNCHRONOUS: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
  /** PostgreSQL instead of SQLite, for several server processes sharing one store. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://").optional(),
  /** Redis for Colyseus presence and room listings, so several processes serve one game. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional(),
  /** host:port at which clients reach this process (required with REDIS_URL); also its name on table leases. */
  PUBLIC_ADDRESS: z.string().regex(/^[^\s/]+:\d{1,5}$/, "must be host:port").optional(),
  /** How long a process's claim on its tables lasts without renewal; another process may resume them after. */
  LEASE_SECONDS: seconds.min(1).default(15),
});

/** The whole schema, with the rules that tie settings together. */
const settingsSchema = configSchema.refine((c) => c.REDIS_URL === undefined || c.PUBLIC_ADDRESS !== undefined, {
  path: ["PUBLIC_ADDRESS"],
  message: "must be set with REDIS_URL: each process needs its own address that clients can reach",
});

export type ServerConfig = z.output<typeof configSchema>;

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

/** Parse settings from an environment-like record; unknown variables are ignored. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  // An empty variable means "not set" (Number("") would silently be 0).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = settingsSchema.safeParse(given);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
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
