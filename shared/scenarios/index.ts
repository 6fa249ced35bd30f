import { describeProblems, parseScenario, type Scenario, type ScenarioProblem } from "../engine/scenario.js";
import backupAppliance from "./backup-appliance.json" with { type: "json" };
import fleetMaintenance from "./fleet-maintenance.json" with { type: "json" };
import partnerReseller from "./partner-reseller.json" with { type: "json" };

/*
 * The scenarios Parley ships, validated once at import: a broken file stops the server (and
 * every test) at start-up with the field that is wrong, instead of failing at some table later.
 */

/** Shipped files by name (without .json); each file's id must equal its name. */
const SHIPPED: Readonly<Record<string, unknown>> = {
  "backup-appliance": backupAppliance,
  "partner-reseller": partnerReseller,
  "fleet-maintenance": fleetMaintenance,
};

/** Parse every file or throw one error that lists each file's problems with their field paths. */
export function loadScenarios(files: Readonly<Record<string, unknown>>): Readonly<Record<string, Scenario>> {
  const loaded: Record<string, Scenario> = {};
  const failures: string[] = [];
  for (const [name, json] of Object.entries(files)) {
    const parsed = parseScenario(json);
    if (!parsed.ok) failures.push(`${name}.json:\n${describeProblems(parsed.error)}`);
    else if (parsed.value.id !== name) failures.push(`${name}.json:\nid: must equal the file name "${name}" (it is "${parsed.value.id}")`);
    else loaded[name] = parsed.value;
  }
  if (failures.length > 0) throw new Error(`Invalid scenario file(s):\n${failures.join("\n")}`);
  return Object.freeze(loaded);
}

export const SCENARIOS: Readonly<Record<string, Scenario>> = loadScenarios(SHIPPED);

export type ScenarioListing = { readonly id: string; readonly title: string; readonly summary: string };

/** What a scenario picker shows, in the order the scenarios are shipped. */
export function scenarioList(): ScenarioListing[] {
  return Object.values(SCENARIOS).map(({ id, title, summary }) => ({ id, title, summary }));
}

/** The scenario with this id, or undefined for any other string (ids arrive from clients). */
export function getScenario(id: string): Scenario | undefined {
  return Object.hasOwn(SCENARIOS, id) ? SCENARIOS[id] : undefined;
}

/**
 * Why a new scenario may not take this id: a shipped scenario has it (a stored one must never
 * shadow or be shadowed by a shipped one). Null when the id is free of shipped ones.
 */
export function shippedIdProblem(id: string): ScenarioProblem | null {
  return Object.hasOwn(SCENARIOS, id) ? { path: "id", message: `"${id}" is the id of a scenario Parley ships: choose another` } : null;
}
