import { err, parseScenario, type Result, type Scenario, type ScenarioProblem } from "../../shared/engine/index.js";

/**
 * The deepest nesting a scenario document may have. A real one goes six levels down
 * (deck.cards[0].effect.value.byOption); anything far deeper is not a scenario, and is refused
 * before any recursive code walks it.
 */
export const MAX_SCENARIO_DEPTH = 16;

/** An untrusted scenario document (a POST, a PUT, an operator's file) checked: its depth first, then every rule of the format. */
export function parseDocument(input: unknown): Result<Scenario, ScenarioProblem[]> {
  const deep = tooDeep(input);
  return deep ? err([deep]) : parseScenario(input);
}

/** A problem naming where the input first nests deeper than MAX_SCENARIO_DEPTH, or null. Walks without recursion. */
function tooDeep(input: unknown): ScenarioProblem | null {
  const pending: { value: unknown; depth: number; path: string }[] = [{ value: input, depth: 0, path: "" }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth, path } = next;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_SCENARIO_DEPTH) return { path, message: `is nested too deeply: a scenario goes at most ${MAX_SCENARIO_DEPTH} levels down` };
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [`${path}[${i}]`, v]) : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v]);
    for (const [childPath, child] of entries) pending.push({ value: child, depth: depth + 1, path: childPath });
  }
  return null;
}
