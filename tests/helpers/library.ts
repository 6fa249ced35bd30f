import { createLogger } from "../../server/logger.js";
import { ScenarioLibrary } from "../../server/scenarios/library.js";
import type { Store } from "../../server/storage/store.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";

/** The library a server on `store` has after its start: the shipped scenarios kept as read-only entries. */
export async function shippedLibrary(store: Store, now = Date.now()): Promise<ScenarioLibrary> {
  const library = new ScenarioLibrary(store, Object.values(SCENARIOS), createLogger("silent"));
  await library.keepShipped(now);
  return library;
}
