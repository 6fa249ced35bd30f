import type { ServerConfig } from "../config.js";
import type { Logger } from "../logger.js";
import type { Leases } from "../persistence/leases.js";
import type { ScenarioLibrary } from "../scenarios/library.js";
import type { Store } from "../storage/store.js";

/** What every table of one server shares; handed to rooms as a define() option. */
export type TableServices = {
  readonly config: ServerConfig;
  /** Every scenario this server offers, by id and version (the store's library, cached). */
  readonly scenarios: ScenarioLibrary;
  readonly logger: Logger;
  /** Every table's creation facts, log, seats and result (SQLite, or PostgreSQL when shared). */
  readonly store: Store;
  /** The tables this process hosts, and its leases on them. */
  readonly leases: Leases;
};
