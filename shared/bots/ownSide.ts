import type { PrivateView, PublicScenario, Scenario, SidePrivate } from "../engine/index.js";

/*
 * A bot holds only its view: the public scenario and its own private side. The engine's
 * valuation helpers (issueMoney, utility) read nothing of a scenario but `issues`, yet are typed
 * on the whole Scenario; this adapter is the one place that bridges the two.
 */

const bridged = new WeakMap<PublicScenario, Scenario>();

export function valuationScenario(scenario: PublicScenario): Scenario {
  let out = bridged.get(scenario);
  if (!out) {
    out = { issues: scenario.issues } as unknown as Scenario;
    bridged.set(scenario, out);
  }
  return out;
}

/** The bot's own side in the shape the engine's valuation helpers take. */
export function sideOf(own: PrivateView): SidePrivate {
  return { walkAway: own.walkAway, values: own.values, hotButtons: own.hotButtons, learned: own.learned, notes: own.notes ?? [] };
}
