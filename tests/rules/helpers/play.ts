import {
  apply,
  createTable,
  type Action,
  type ApplyResult,
  type Package,
  type RuleErrorCode,
  type Scenario,
  type TableOptions,
  type TableState,
} from "../../../shared/engine/index.js";
import { fixture } from "./fixture.js";

/** A fixed epoch for tests: every table starts here unless a test says otherwise. */
export const T0 = 1_700_000_000_000;

export function newTable(scenario: Scenario = fixture(), options: Partial<TableOptions> = {}, seed = "seed"): TableState {
  return createTable(scenario, seed, { now: T0, ...options });
}

/** Apply an action that must be accepted; fail the test with the engine's reason otherwise. */
export function act(state: TableState, action: Action, now = T0): TableState {
  return accepted(apply(state, action, now)).state;
}

export function accepted(result: ApplyResult): Extract<ApplyResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected the action to be accepted, got ${result.error.code}: ${result.error.message}`);
  return result;
}

/** Apply an action that must be refused with `code`; returns the refusal for further checks. */
export function refused(state: TableState, action: Action, code: RuleErrorCode, now = T0): Extract<ApplyResult, { ok: false }> {
  const result = apply(state, action, now);
  if (result.ok) throw new Error(`expected ${code}, but the action was accepted`);
  if (result.error.code !== code) throw new Error(`expected ${code}, got ${result.error.code}: ${result.error.message}`);
  return result;
}

/** Apply several accepted actions in order at the same time. */
export function actAll(state: TableState, actions: readonly Action[], now = T0): TableState {
  return actions.reduce((s, a) => act(s, a, now), state);
}

/** A fixture package: cheap defaults, overridden per test. */
export function pkg(overrides: Partial<Record<string, number | string>> = {}): Package {
  return { price: 2000, support: "basic", warranty: 0, delivery: 6, ...overrides } as Package;
}

export const offer = (by: "buyer" | "seller", terms: Package, message?: string): Action =>
  message === undefined ? { type: "offer", by, terms } : { type: "offer", by, terms, message };
