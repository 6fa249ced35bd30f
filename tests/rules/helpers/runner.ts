import { apply, createTable, type Action, type ApplyResult, type Scenario, type TableState } from "../../../shared/engine/index.js";
import { resolve, type Opening, type Step } from "./actionArb.js";
import { T0 } from "./play.js";

export type Played = { readonly before: TableState; readonly action: Action; readonly now: number; readonly result: ApplyResult };

export type Game = { readonly initial: TableState; readonly final: TableState; readonly played: readonly Played[] };

/** Play generated steps from a new table; every apply is kept with the state it was applied to. */
export function playSteps(scenario: Scenario, seed: string, steps: readonly Step[], drawSeed?: string, opening: Opening = {}): Game {
  const initial = createTable(scenario, seed, { now: T0, ...opening, ...(drawSeed === undefined ? {} : { drawSeed }) });
  let state = initial;
  let now = T0;
  const played: Played[] = [];
  for (const step of steps) {
    now += step.seconds * 1000;
    const action = resolve(step.intent, state);
    const result = apply(state, action, now);
    played.push({ before: state, action, now, result });
    state = result.state;
  }
  return { initial, final: state, played };
}
