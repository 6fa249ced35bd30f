import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiError } from "../../shared/protocol/api.js";
import { bootServer, type Harness } from "./helpers/harness.js";

/*
 * A script hammering POST /api/tables (or /api/workshops) from one address is stopped after
 * CREATE_PER_MINUTE rooms a minute, with a clear 429 that opens nothing; reading goes on.
 */

let h: Harness;
let base: string;

beforeAll(async () => {
  h = await bootServer({ CREATE_PER_MINUTE: 3 });
  base = `http://127.0.0.1:${h.running.port}`;
});
afterAll(async () => {
  await h.stop();
});

const post = (route: string, body: unknown) => fetch(`${base}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("opening tables and workshops from one address", () => {
  it("is refused with 429 past the limit, opens nothing more, and leaves reading alone", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post("/api/tables", { scenarioId: "backup-appliance" })).status);
    expect(statuses).toEqual([201, 201, 201]);

    const refused = await post("/api/tables", { scenarioId: "backup-appliance" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("20");
    const body = (await refused.json()) as ApiError;
    expect(body.error.code).toBe("api/rate_limited");
    expect(body.error.message).toContain("at most 3 a minute");
    // Tables and workshops share the budget: both open rooms.
    expect((await post("/api/workshops", { title: "Flood", scenarioId: "backup-appliance", deck: "same", oddSeat: "bot", botLevel: "easy" })).status).toBe(429);

    expect(await h.running.services.store.loadOpenTables()).toHaveLength(3);
    expect(await h.running.services.store.loadOpenWorkshops()).toHaveLength(0);
    expect((await fetch(`${base}/api/scenarios`)).status).toBe(200);
  });
});
