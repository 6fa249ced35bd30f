import { pino, type Logger } from "pino";
import type { ServerConfig } from "./config.js";

export type { Logger };

/** One JSON-lines logger for the process; rooms and routes take children of it. */
export function createLogger(level: ServerConfig["LOG_LEVEL"]): Logger {
  return pino({ level, base: { service: "parley" } });
}
