import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describeProblems, parseScenarioText, SCENARIO_FILE_LIMIT_TEXT, type Scenario } from "../../shared/engine/index.js";
import { MAX_SCENARIO_BYTES } from "../../shared/protocol/api.js";
import type { Logger } from "../logger.js";
import { StartupError, reasonOf, shownSetting } from "../startupError.js";
import type { Rejected, ScenarioLibrary } from "./library.js";

/**
 * SCENARIOS_DIR at start: every *.json file of the folder is read and checked like a POSTed
 * document; each bad one is logged on one line naming the file and every problem, and skipped,
 * so one typo does not take the others (or the server) down. A folder that cannot be read at all
 * stops the start: the operator asked for it.
 */
export async function loadScenarioFolder(dir: string, library: ScenarioLibrary, logger: Logger, now: number): Promise<{ loaded: number; rejected: number }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    const reason = (error as { code?: unknown }).code === "ENOENT" ? "there is no such folder" : (reasonOf(error) ?? (error as Error).message);
    throw new StartupError(`${shownSetting("SCENARIOS_DIR", dir)} cannot be read: ${reason}.`);
  }
  const good: { file: string; scenario: Scenario }[] = [];
  const rejected: Rejected[] = [];
  for (const name of names) {
    const read = await readScenarioFile(join(dir, name));
    if (read.ok) good.push({ file: name, scenario: read.scenario });
    else rejected.push({ file: name, reason: read.reason });
  }
  // Two files with one id: neither is stored, so the library never depends on the order files are read.
  const ids = new Map<string, number>();
  for (const { scenario } of good) ids.set(scenario.id, (ids.get(scenario.id) ?? 0) + 1);
  const unique = good.filter(({ file, scenario }) => {
    if (ids.get(scenario.id) === 1) return true;
    rejected.push({ file, reason: `another file of the folder has the id "${scenario.id}" too` });
    return false;
  });
  const clashes = await library.keepOperatorFiles(unique, now);
  rejected.push(...clashes);
  for (const { file, reason } of rejected) logger.error({ file, dir }, `scenario file ${file} in SCENARIOS_DIR is skipped: ${reason}`);
  const loaded = unique.length - clashes.length;
  logger.info({ dir, loaded, rejected: rejected.length }, `scenario folder: ${loaded} loaded, ${rejected.length} skipped`);
  return { loaded, rejected: rejected.length };
}

type Read = { ok: true; scenario: Scenario } | { ok: false; reason: string };

async function readScenarioFile(path: string): Promise<Read> {
  let text: string;
  try {
    // Refused before it is read: a file far too large is not taken into memory.
    if ((await stat(path)).size > MAX_SCENARIO_BYTES) return { ok: false, reason: `it is larger than ${SCENARIO_FILE_LIMIT_TEXT}, the most a scenario file may be` };
    text = await readFile(path, "utf8");
  } catch (error) {
    return { ok: false, reason: `it cannot be read (${reasonOf(error) ?? (error as Error).message})` };
  }
  const parsed = parseScenarioText(text);
  return parsed.ok ? { ok: true, scenario: parsed.value } : { ok: false, reason: describeProblems(parsed.error).replaceAll("\n", "; ") };
}
