import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinErrorCode } from "../../shared/protocol/join.js";
import { hashSecret, newSecret } from "../../server/storage/secrets.js";
import { claimTableCode } from "../../server/tables/tableCode.js";
import { TABLE_ROOM } from "../../server/tables/tableSpec.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import { joinError } from "./helpers/joinError.js";
import { until } from "./helpers/wait.js";

/*
 * A player never holds more than their seat. Whoever opens a practice or head-to-head table sits
 * in it, so they are given seat tokens only: with a facilitator secret they could read the other
 * side's walk-away and pause the game. Only a workshop's facilitator has a facilitator secret.
 */

let h: Harness;
let base: string;
beforeAll(async () => {
  h = await bootServer();
  base = `http://127.0.0.1:${h.running.port}`;
});
afterAll(async () => {
  await h.stop();
});

const refusal = async (attempt: Promise<unknown>) => joinErrorCode(await joinError(attempt));

const createOverHttp = async (body: unknown) => {
  const res = await fetch(`${base}/api/tables`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return (await res.json()) as Record<string, unknown> & { code: string; seats: { buyer?: string; seller?: string } };
};

describe("the creator of a table holds their seat and nothing more", () => {
  it("gets no facilitator secret for a head-to-head or a practice table", async () => {
    for (const body of [{ scenarioId: "backup-appliance" }, { scenarioId: "backup-appliance", bot: { role: "buyer", level: "easy" } }]) {
      const table = await createOverHttp(body);
      expect(table).not.toHaveProperty("facilitatorSecret");
      expect(JSON.stringify(table)).not.toMatch(/facilitator/i);
    }
  });

  it("cannot join a head-to-head table as facilitator, even one stored with a facilitator digest by an earlier build", async () => {
    // As earlier builds stored every table: the creator was handed this secret with the seat tokens.
    const secret = newSecret();
    const seats = { buyer: newSecret(), seller: newSecret() };
    const code = await claimTableCode(matchMaker.presence);
    await h.running.services.store.createTable({
      code,
      scenarioId: "backup-appliance",
      scenarioVersion: 1,
      seed: "legacy-seed",
      drawSeed: "legacy-seed",
      options: {},
      createdAt: Date.now(),
      workshopId: null,
      workshopRound: null,
      seats: { buyer: { tokenHash: hashSecret(seats.buyer), name: null }, seller: { tokenHash: hashSecret(seats.seller), name: null } },
      facilitatorSecretHash: hashSecret(secret),
      bot: null,
    });
    await matchMaker.handleCreateRoom(TABLE_ROOM, { code });

    // The stored table still loads and plays: both seats open with their tokens.
    const seller = await h.join(code, { seat: seats.seller }, "seller");
    await h.join(code, { seat: seats.buyer }, "buyer");
    await until("started", () => seller.state.started);
    // Mid-game, the creator's old secret opens nothing: no walk-away, no pause.
    expect(await refusal(h.join(code, { facilitator: secret }, "creator as facilitator"))).toBe("join/bad_facilitator");
    expect(h.room(code).clients.map((c) => c.userData?.viewer).sort()).toEqual(["buyer", "seller"]);
  });

  it("refuses every facilitator join on a table opened over the API", async () => {
    const table = await createOverHttp({ scenarioId: "backup-appliance" });
    await h.join(table.code, { seat: table.seats.seller! }, "seller");
    for (const attempt of [newSecret(), table.seats.seller!, table.seats.buyer!])
      expect(await refusal(h.join(table.code, { facilitator: attempt }, "facilitator"))).toBe("join/bad_facilitator");
  });

  it("still lets a workshop's facilitator into the workshop's table, with both sides' hidden data", async () => {
    const table = await h.openFacilitated({ scenarioId: "backup-appliance" });
    const facilitator = await h.join(table.code, { facilitator: table.facilitatorSecret }, "workshop facilitator");
    expect(facilitator.last("welcome")).toMatchObject({ viewer: "facilitator", role: null });
    await h.join(table.code, { seat: table.seats.seller }, "seller");
    await h.join(table.code, { seat: table.seats.buyer }, "buyer");
    await until("both sides' private data", () => Object.keys(facilitator.view.sides).length === 2);
  });
});
