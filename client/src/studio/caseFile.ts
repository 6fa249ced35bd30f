import { ID_PATTERN, SCENARIO_FILE_LIMIT_TEXT, tooLargeScenarioText } from "../../../shared/engine/scenario.js";
import { isObject, type Doc } from "./document.js";

/*
 * A case as a file: pretty JSON out; in, anything a trainer might drop on the page. Only a
 * file larger than the format allows, not JSON, or not a JSON object, is refused: a case with
 * problems is loaded and its problems shown, so it can be fixed here.
 */

export type CaseFileRead = { readonly ok: true; readonly doc: Doc } | { readonly ok: false; readonly message: string };

export function readCaseFile(text: string): CaseFileRead {
  if (tooLargeScenarioText(text)) return { ok: false, message: `This file is larger than ${SCENARIO_FILE_LIMIT_TEXT}, the most a case may be. Nothing was changed.` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    return { ok: false, message: `This is not a JSON file${detail}. Nothing was changed.` };
  }
  if (!isObject(parsed)) return { ok: false, message: "This JSON is not a case: a case file is one object { … }. Nothing was changed." };
  return { ok: true, doc: parsed };
}

export function caseFileText(doc: Doc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The file a case is saved as: its id, or "case" while it has none a file could be named by. */
export function caseFileName(doc: Doc): string {
  const id = typeof doc.id === "string" && ID_PATTERN.test(doc.id) ? doc.id : "case";
  return `${id}.json`;
}
