import { z } from "zod";
import type { JoinAddress } from "../../../shared/protocol/projector.js";
import type { CreateWorkshopRequest, CreateWorkshopResponse, ExportFormat } from "../../../shared/protocol/workshop.js";
import { ApiFailure } from "../net/api.js";

/* The workshop side of the HTTP API: create a workshop, the address participants join at, download the export. */

const created = z.object({ code: z.string().min(1), title: z.string(), facilitatorSecret: z.string().min(1) }) satisfies z.ZodType<CreateWorkshopResponse>;
const apiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

async function failure(response: Response, what: string): Promise<ApiFailure> {
  const body: unknown = await response.json().catch(() => null);
  const error = apiError.safeParse(body);
  return error.success
    ? new ApiFailure(error.data.error.message, response.status, error.data.error.code)
    : new ApiFailure(`The server could not ${what} (HTTP ${response.status}).`, response.status, null);
}

async function request(path: string, init: RequestInit, what: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiFailure(`Could not reach the Parley server to ${what}. Check your connection and try again.`, 0, null);
  }
  if (!response.ok) throw await failure(response, what);
  return response;
}

export async function createWorkshop(body: CreateWorkshopRequest): Promise<CreateWorkshopResponse> {
  const response = await request(
    "/api/workshops",
    { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) },
    "open a workshop",
  );
  const parsed = created.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ApiFailure("The server's answer did not make sense while opening the workshop.", response.status, null);
  return parsed.data;
}

const joinAddress = z.union([
  z.object({ kind: z.literal("reachable"), origin: z.string().min(1), source: z.enum(["public_url", "network", "host"]) }),
  z.object({ kind: z.literal("unreachable"), message: z.string().min(1) }),
]) satisfies z.ZodType<JoinAddress>;

/** Where participants can reach this server (never this computer's own 127.0.0.1), or why nobody else can. */
export async function fetchJoinAddress(): Promise<JoinAddress> {
  const response = await request("/api/join-address", { headers: { accept: "application/json" } }, "find the address participants join at");
  const parsed = joinAddress.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ApiFailure("The server's answer did not make sense while looking up the join address.", response.status, null);
  return parsed.data;
}

/**
 * Fetch one export file with the facilitator secret (as a bearer token, never in the address)
 * and save it; `anonymous`: pseudonyms instead of names everywhere in the file.
 */
export async function downloadExport(code: string, secret: string, format: ExportFormat, anonymous = false): Promise<void> {
  const query = anonymous ? "?anonymous=1" : "";
  const response = await request(`/api/workshops/${encodeURIComponent(code)}/export/${format}${query}`, { headers: { authorization: `Bearer ${secret}` } }, "export the workshop");
  const name = /filename="?([^";]+)"?/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `parley-${code}.${format.endsWith("csv") ? "csv" : "json"}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
