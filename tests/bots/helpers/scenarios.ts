import type { Scenario } from "../../../shared/engine/index.js";
import { SCENARIOS } from "../../../shared/scenarios/index.js";

export const SHIPPED: readonly Scenario[] = Object.values(SCENARIOS);

export function shipped(id: string): Scenario {
  const scenario = SCENARIOS[id];
  if (!scenario) throw new Error(`no shipped scenario ${id}`);
  return scenario;
}

/**
 * A shipped scenario without time pressure or surprises: no hot buttons, no cards; optionally
 * no questions and another number of rounds. Scenarios are data, so a variant is a copy.
 */
export function calm(scenario: Scenario, options: { rounds?: number; questions?: boolean } = {}): Scenario {
  const role = (r: Scenario["roles"]["buyer"]) => ({ ...r, hotButtons: [] });
  return {
    ...scenario,
    rounds: options.rounds ?? scenario.rounds,
    roles: { buyer: role(scenario.roles.buyer), seller: role(scenario.roles.seller) },
    questions: options.questions === false ? [] : scenario.questions,
    deck: { ...scenario.deck, maxCards: 0, cards: [] },
  };
}
