import type { ServerConfig } from "../config.js";
import type { Logger } from "../logger.js";
import type { Catalog } from "../scenarios/catalog.js";

/** What every table of one server shares; handed to rooms as a define() option. */
export type TableServices = {
  readonly config: ServerConfig;
  readonly catalog: Catalog;
  readonly logger: Logger;
};
