import type { CreateTableRequest, CreateTableResponse } from "../../shared/protocol/api.js";

/** POST /api/tables, as the lobby does it; rejects with the server's error text on a refusal. */
export async function openTableOverHttp(httpBase: string, request: CreateTableRequest): Promise<CreateTableResponse> {
  const response = await fetch(`${httpBase}/api/tables`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json()) as CreateTableResponse | { error: { code: string; message: string } };
  if (!response.ok || "error" in body) throw new Error(`POST /api/tables → ${response.status}: ${"error" in body ? body.error.message : "no table"}`);
  return body;
}
