import { Client } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinErrorCode } from "../../shared/protocol/join.js";
import { newSecret } from "../../server/storage/secrets.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import { joinError } from "./helpers/joinError.js";
import { until } from "./helpers/wait.js";

let h: Harness;
beforeAll(async () => {
  h = await bootServer({ MAX_OBSERVERS: 2 });
});
afterAll(async () => {
  await h.stop();
});

const refusal = async (attempt: Promise<unknown>) => joinErrorCode(await joinError(attempt));

describe("seats are taken only with their token", () => {
  it("refuses a wrong, malformed or other table's token, and a forged facilitator secret", async () => {
    const table = await h.open({ scenarioId: "backup-appliance" });
    const other = await h.open({ scenarioId: "backup-appliance" });
    expect(await refusal(h.join(table.code, { seat: newSecret() }, "wrong"))).toBe("join/bad_seat");
    expect(await refusal(h.join(table.code, { seat: "not-a-token" }, "malformed"))).toBe("join/bad_options");
    expect(await refusal(h.join(table.code, { seat: other.seats.buyer! }, "other table's"))).toBe("join/bad_seat");
    expect(await refusal(h.join(table.code, { facilitator: newSecret() }, "forged facilitator"))).toBe("join/bad_facilitator");
    expect(await refusal(h.join(table.code, { facilitator: table.seats.buyer! }, "seat token as secret"))).toBe("join/bad_facilitator");
    const workshopTable = await h.openFacilitated({ scenarioId: "backup-appliance" });
    expect(await refusal(h.join(table.code, { facilitator: workshopTable.facilitatorSecret }, "a workshop's secret"))).toBe("join/bad_facilitator");
    // Nothing was seated by any of these.
    const observer = await h.join(table.code, {}, "observer");
    expect(observer.state.seats.get("buyer")?.taken).toBe(false);
    expect(observer.state.seats.get("seller")?.taken).toBe(false);
  });

  it("takes the role from the token, never from an option", async () => {
    const table = await h.open({ scenarioId: "backup-appliance" });
    const asOption = { role: "seller" } as unknown as { seat: string };
    expect(await refusal(h.join(table.code, asOption, "role option"))).toBe("join/bad_options");
    expect(await refusal(h.join(table.code, { seat: table.seats.buyer!, role: "seller" } as unknown as { seat: string }, "role beside token"))).toBe(
      "join/bad_options",
    );
    const buyer = await h.join(table.code, { seat: table.seats.buyer! }, "buyer");
    expect(buyer.last("welcome")).toMatchObject({ viewer: "buyer", role: "buyer" });
  });

  it("joins without a token as an observer who may not act and sees no private data", async () => {
    const table = await h.open({ scenarioId: "backup-appliance" });
    await h.join(table.code, { seat: table.seats.seller! }, "seller");
    await h.join(table.code, { seat: table.seats.buyer! }, "buyer");
    const observer = await h.join(table.code, {}, "observer");
    await until("started", () => observer.state.started);
    expect(observer.last("welcome")).toMatchObject({ viewer: "observer", role: null });
    expect(observer.view.sides).toEqual({});
    observer.send("offer", { terms: { price: 20000, support: "basic", warranty: 12, delivery: 8, payment: "upfront" } });
    expect((await observer.nextError(0)).code).toBe("protocol/not_allowed");
    observer.send("pause", {});
    expect((await observer.nextError(1)).code).toBe("protocol/not_allowed");
    expect(observer.view.offers.length).toBe(0);
    expect(observer.view.phase).toBe("playing");
  });

  it("refuses a second connection on a live seat, even when both arrive at once", async () => {
    const table = await h.open({ scenarioId: "backup-appliance" });
    const attempts = await Promise.allSettled([
      h.join(table.code, { seat: table.seats.buyer!, name: "First" }, "first"),
      h.join(table.code, { seat: table.seats.buyer!, name: "Second" }, "second"),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect(joinErrorCode((refused.reason as Error).message)).toBe("join/seat_taken");

    const holder = (attempts.find((a) => a.status === "fulfilled") as PromiseFulfilledResult<Awaited<ReturnType<Harness["join"]>>>).value;
    expect(await refusal(h.join(table.code, { seat: table.seats.buyer! }, "replayed"))).toBe("join/seat_taken");
    expect(holder.isOpen).toBe(true);
    expect(holder.state.seats.get("buyer")).toMatchObject({ connected: true, taken: true });

    // Once the holder has left, the token opens the seat again, with the same private data.
    const walkAway = holder.view.sides.buyer!.walkAway;
    await holder.room.leave(true);
    const back = await h.join(table.code, { seat: table.seats.buyer! }, "back");
    expect(back.view.sides.buyer!.walkAway).toBe(walkAway);
  });

  it("validates display names and refuses a seat token together with a facilitator secret", async () => {
    const table = await h.open({ scenarioId: "backup-appliance" });
    expect(await refusal(h.join(table.code, { seat: table.seats.buyer!, name: "Bad\u0007Name" }, "control char"))).toBe("join/bad_options");
    expect(await refusal(h.join(table.code, { seat: table.seats.buyer!, name: "x".repeat(41) }, "too long"))).toBe("join/bad_options");
    expect(await refusal(h.join(table.code, { seat: table.seats.buyer!, name: "   " }, "blank"))).toBe("join/bad_options");
    expect(await refusal(h.join(table.code, { seat: table.seats.buyer!, facilitator: newSecret() }, "both"))).toBe("join/bad_options");
    const named = await h.join(table.code, { seat: table.seats.buyer!, name: "  Ana María  " }, "named");
    expect(named.state.seats.get("buyer")?.name).toBe("Ana María");
  });

  it("caps observers", async () => {
    const table = await h.openFacilitated({ scenarioId: "backup-appliance" });
    await h.join(table.code, {}, "observer 1");
    await h.join(table.code, {}, "observer 2");
    expect(await refusal(h.join(table.code, {}, "observer 3"))).toBe("join/full");
    // Seats and facilitators are not observers: they still get in.
    await h.join(table.code, { facilitator: table.facilitatorSecret }, "facilitator");
    await h.join(table.code, { seat: table.seats.seller }, "seller");
  });
});

describe("clients cannot create or find rooms", () => {
  it("refuses create, join and joinOrCreate, and unknown codes", async () => {
    const client = new Client(h.endpoint);
    expect(await joinError(client.create("table", {}))).toMatch(/invalid method "create"/);
    expect(await joinError(client.joinOrCreate("table", {}))).toMatch(/invalid method "joinOrCreate"/);
    expect(await joinError(client.join("table", {}))).toMatch(/invalid method "join"/);
    expect(await joinError(client.joinById("ZZZZZZ", {}))).toMatch(/not found/);
  });
});
