import { readFileSync } from "node:fs";
import { describeProblems, parseScenarioText, type Scenario } from "../../shared/engine/index.js";
import { getScenario, scenarioList } from "../../shared/scenarios/index.js";

/** A shipped scenario by id, or a scenario file by path; the reason when neither works (a file's every problem, one a line). */
export function loadScenario(idOrPath: string): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  const shipped = getScenario(idOrPath);
  if (shipped) return { ok: true, scenario: shipped };
  if (!idOrPath.endsWith(".json") && !idOrPath.includes("/")) {
    const known = scenarioList().map((s) => s.id).join(", ");
    return { ok: false, error: `unknown scenario "${idOrPath}" (shipped: ${known}; or give a path to a .json file)` };
  }
  let source: string;
  try {
    source = readFileSync(idOrPath, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    return { ok: false, error: `cannot read scenario ${idOrPath}: ${reason}` };
  }
  const parsed = parseScenarioText(source);
  if (!parsed.ok) {
    return { ok: false, error: `invalid scenario ${idOrPath}:\n${describeProblems(parsed.error)}` };
  }
  return { ok: true, scenario: parsed.value };
}
