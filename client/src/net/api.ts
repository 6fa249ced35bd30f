import { z } from "zod";
import { BOT_CHOICES } from "../../../shared/bots/profiles.js";
import { ROLES } from "../../../shared/engine/roles.js";
import type {
  ApiProblem,
  CreateScenarioResponse,
  CreateTableRequest,
  CreateTableResponse,
  ScenarioEntry,
  UpdateScenarioResponse,
} from "../../../shared/protocol/api.js";

/*
 * The HTTP side of the server (shared/protocol/api.ts). Responses are checked against the
 * shapes the client relies on before anything uses them, and every failure becomes an
 * ApiFailure whose message can be shown as it is.
 */

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    /** A refused scenario document: every problem with its field path (empty otherwise). */
    readonly problems: readonly ApiProblem[] = [],
  ) {
    super(message);
  }
}

const role = z.enum(ROLES);

/** A library entry as the pages list it. */
export type ListedScenario = ScenarioEntry;

const createdTable = z.object({
  code: z.string().min(1),
  scenarioId: z.string(),
  scenarioVersion: z.number(),
  seats: z.object({ buyer: z.string().optional(), seller: z.string().optional() }),
  bot: z.object({ role, level: z.enum(BOT_CHOICES) }).nullable(),
}) satisfies z.ZodType<CreateTableResponse>;

const apiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), problems: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
});

async function call<T>(path: string, init: RequestInit, shape: z.ZodType<T>, what: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch {
    throw new ApiFailure(`Could not reach the Parley server to ${what}. Check your connection and try again.`, 0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = apiError.safeParse(body);
    if (error.success) throw new ApiFailure(error.data.error.message, response.status, error.data.error.code, error.data.error.problems ?? []);
    throw new ApiFailure(`The server could not ${what} (HTTP ${response.status}).`, response.status, null);
  }
  const parsed = shape.safeParse(body);
  if (!parsed.success) throw new ApiFailure(`The server's answer did not make sense while trying to ${what}.`, response.status, null);
  return parsed.data;
}

const scenarioEntries = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    currency: z.string(),
    rounds: z.number(),
    turnSeconds: z.number(),
    firstMover: role,
    version: z.number(),
    origin: z.enum(["shipped", "operator", "author"]),
    shipped: z.boolean(),
    editable: z.boolean(),
  }),
) satisfies z.ZodType<ScenarioEntry[]>;

const createdScenario = z.object({ id: z.string(), version: z.number(), editKey: z.string() }) satisfies z.ZodType<CreateScenarioResponse>;
const savedScenario = z.object({ id: z.string(), version: z.number() }) satisfies z.ZodType<UpdateScenarioResponse>;

/** The Authorization header that proves ownership of cases by their edit keys, or none. */
function bearer(editKeys: readonly string[]): Record<string, string> {
  return editKeys.length > 0 ? { authorization: `Bearer ${editKeys.join(" ")}` } : {};
}

/** The library: shipped and operator scenarios, then the trainer's own cases whose edit keys are given (marked editable). */
export function listScenarios(editKeys: readonly string[] = []): Promise<ListedScenario[]> {
  return call("/api/scenarios", { headers: bearer(editKeys) }, scenarioEntries, "list the scenarios");
}

/** Save a new scenario; keep the edit key, the server never shows it again. A refused document fails with its `problems`. */
export function createScenario(document: unknown): Promise<CreateScenarioResponse> {
  return call(
    "/api/scenarios",
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(document) },
    createdScenario,
    "save the scenario",
  );
}

/** Save the next version of a scenario with its edit key. */
export function updateScenario(id: string, editKey: string, document: unknown): Promise<UpdateScenarioResponse> {
  return call(
    `/api/scenarios/${encodeURIComponent(id)}`,
    { method: "PUT", headers: { "content-type": "application/json", ...bearer([editKey]) }, body: JSON.stringify(document) },
    savedScenario,
    "save the scenario",
  );
}

/** The whole latest document of a scenario, to edit or copy: an author's needs its edit key, a shipped one none. */
export function scenarioDocument(id: string, editKey: string | null): Promise<unknown> {
  return call(`/api/scenarios/${encodeURIComponent(id)}/document`, { headers: bearer(editKey ? [editKey] : []) }, z.unknown(), "open the scenario");
}

export function createTable(request: CreateTableRequest): Promise<CreateTableResponse> {
  return call(
    "/api/tables",
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) },
    createdTable,
    "open a table",
  );
}

const workshop = z.object({ code: z.string(), title: z.string() });

/** Look a workshop code up; a code the server does not know fails with status 404. */
export function findWorkshop(code: string): Promise<z.output<typeof workshop>> {
  return call(`/api/workshops/${encodeURIComponent(code)}`, {}, workshop, "look up that workshop");
}
