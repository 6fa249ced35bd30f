import { readFileSync } from "node:fs";
import { parseScenario, type Scenario, type ScenarioProblem } from "../../shared/engine/index.js";
import { getScenario, scenarioList } from "../../shared/scenarios/index.js";

/**
 * A shipped scenario by id, or a scenario file by path; a one-line reason when neither works,
 * with every problem of an invalid file (none for a file that could not be read).
 */
export function loadScenario(idOrPath: string): { ok: true; scenario: Scenario } | { ok: false; error: string; problems: readonly ScenarioProblem[] } {
  const shipped = getScenario(idOrPath);
  if (shipped) return { ok: true, scenario: shipped };
  if (!idOrPath.endsWith(".json") && !idOrPath.includes("/")) {
    const known = scenarioList().map((s) => s.id).join(", ");
    return { ok: false, error: `unknown scenario "${idOrPath}" (shipped: ${known}; or give a path to a .json file)`, problems: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(idOrPath, "utf8"));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    return { ok: false, error: `cannot read scenario ${idOrPath}: ${reason}`, problems: [] };
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.error;
    const more = rest.length > 0 ? ` (and ${rest.length} more)` : "";
    return { ok: false, error: `invalid scenario ${idOrPath}: ${first?.path || "(root)"}: ${first?.message}${more}`, problems: parsed.error };
  }
  return { ok: true, scenario: parsed.value };
}
