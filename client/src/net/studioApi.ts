import { z } from "zod";
import type { ScenarioProblem } from "../../../shared/engine/scenario.js";
import { ApiFailure } from "./api.js";

/*
 * The scenario library's HTTP side, as the case studio uses it: save a new case (the server
 * answers with an edit key, the only proof of ownership), save a new version with that key, and
 * fetch a case's document to edit or copy. Keys travel as `Authorization: Bearer k1 k2 …`.
 */

const created = z.object({ id: z.string(), version: z.number(), editKey: z.string().min(1) });
const saved = z.object({ id: z.string(), version: z.number() });
const problem = z.object({ path: z.string(), message: z.string() });
/** A refused case lists its problems under `error` (the library's ApiError); at the top is read too. */
const refused = z.union([
  z.object({ problems: z.array(problem) }),
  z.object({ error: z.object({ problems: z.array(problem) }) }).transform((b) => ({ problems: b.error.problems })),
]);
const message = z.object({ error: z.object({ message: z.string() }) });

/** A save the server refused because of the case itself, with each problem's path. */
export class CaseRefused extends ApiFailure {
  constructor(readonly problems: readonly ScenarioProblem[]) {
    super(`The server found ${problems.length === 1 ? "1 problem" : `${problems.length} problems`} in the case.`, 400, "scenario/invalid");
  }
}

export type SavedCase = { readonly id: string; readonly version: number; readonly editKey: string | null };

const WHY: Readonly<Record<number, string>> = {
  401: "This browser does not hold the edit key for this case.",
  403: "The edit key kept in this browser does not open this case.",
  409: "A case with this id already exists: choose another id.",
  413: "The case is too large for the server.",
};

async function send(path: string, init: RequestInit, what: string): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch {
    throw new ApiFailure(`Could not reach the Parley server to ${what}. Check your connection and try again.`, 0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { status: response.status, body };
  const problems = refused.safeParse(body);
  if (response.status === 400 && problems.success) throw new CaseRefused(problems.data.problems);
  const said = message.safeParse(body);
  throw new ApiFailure(said.success ? said.data.error.message : (WHY[response.status] ?? `The server could not ${what} (HTTP ${response.status}).`), response.status, null);
}

function parsed<T>(shape: z.ZodType<T>, body: unknown, what: string): T {
  const result = shape.safeParse(body);
  if (!result.success) throw new ApiFailure(`The server's answer did not make sense while trying to ${what}.`, 200, null);
  return result.data;
}

/** Save a case: a new one (POST, which hands out its edit key) or a new version of one this browser owns (PUT). */
export async function saveCase(doc: unknown, editing: { readonly id: string; readonly key: string } | null): Promise<SavedCase> {
  const body = JSON.stringify(doc);
  if (!editing) {
    const { body: answer } = await send("/api/scenarios", { method: "POST", headers: { "content-type": "application/json" }, body }, "save the case");
    return parsed(created, answer, "save the case");
  }
  const { body: answer } = await send(
    `/api/scenarios/${encodeURIComponent(editing.id)}`,
    { method: "PUT", headers: { "content-type": "application/json", authorization: `Bearer ${editing.key}` }, body },
    "save the case",
  );
  return { ...parsed(saved, answer, "save the case"), editKey: null };
}

/** A case's full document, to edit (with its key) or copy (a shipped case needs none). */
export async function fetchCaseDocument(id: string, key: string | null): Promise<unknown> {
  const { body } = await send(`/api/scenarios/${encodeURIComponent(id)}/document`, { headers: key ? { authorization: `Bearer ${key}` } : {} }, "open that case");
  return body;
}
