import { readFileSync } from "node:fs";
import { parseOrThrow } from "./fixture.js";
import type { Scenario } from "../../../shared/engine/index.js";

/** tests/rules/fixtures/lab-service.json: a five-issue case that uses every field the format has. */
export type LabServiceJson = Record<string, any>;

export function labServiceJson(): LabServiceJson {
  return JSON.parse(readFileSync(new URL("../fixtures/lab-service.json", import.meta.url), "utf8")) as LabServiceJson;
}

/** The case, optionally edited first (the edit gets a fresh copy). */
export function labService(edit?: (raw: LabServiceJson) => void): Scenario {
  const raw = labServiceJson();
  edit?.(raw);
  return parseOrThrow(raw);
}
