import type { Scenario } from "../../shared/engine/index.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";

/** The scenarios one server offers, by id. Tests hand a server their own. */
export type Catalog = {
  readonly list: () => readonly Scenario[];
  readonly get: (id: string) => Scenario | undefined;
};

export function catalogOf(scenarios: readonly Scenario[]): Catalog {
  const byId = new Map<string, Scenario>();
  for (const s of scenarios) {
    if (byId.has(s.id)) throw new Error(`two scenarios share the id "${s.id}"`);
    byId.set(s.id, s);
  }
  return { list: () => [...byId.values()], get: (id) => byId.get(id) };
}

/** The scenarios Parley ships (shared/scenarios, validated when imported). */
export const shippedCatalog = (): Catalog => catalogOf(Object.values(SCENARIOS));
