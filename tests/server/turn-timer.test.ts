import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootServer, type Harness } from "./helpers/harness.js";
import { sleep, until } from "./helpers/wait.js";

let h: Harness;
beforeAll(async () => {
  h = await bootServer();
});
afterAll(async () => {
  await h.stop();
});

async function seatedTable(turnSeconds: number, rounds?: number) {
  const table = await h.openFacilitated({ scenarioId: "backup-appliance", turnSeconds, ...(rounds !== undefined ? { rounds } : {}) });
  const facilitator = await h.join(table.code, { facilitator: table.facilitatorSecret }, "facilitator");
  const seller = await h.join(table.code, { seat: table.seats.seller! }, "seller");
  const buyer = await h.join(table.code, { seat: table.seats.buyer! }, "buyer");
  await until("started", () => seller.state.started && buyer.state.started && facilitator.state.started);
  return { facilitator, seller, buyer };
}

describe("the turn timer", () => {
  it("puts the deadline in the state and passes the turn when it runs out", async () => {
    const before = Date.now();
    const { seller, buyer } = await seatedTable(0.4);
    const deadline = seller.view.turnEndsAt!;
    expect(deadline).toBeGreaterThan(before);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 400);
    expect(seller.view.turnMs).toBe(400);
    await until("the turn passed to the buyer", () => buyer.view.toAct === "buyer" && buyer.view.turn === 1, 2000);
    expect(Date.now()).toBeGreaterThanOrEqual(deadline);
    expect(buyer.view.turnEndsAt).toBeGreaterThan(deadline);
    expect(buyer.events().find((e) => e.type === "turn_timed_out")).toMatchObject({ by: "seller" });
  });

  it("ends the game as expired when the last round runs out", async () => {
    const { seller } = await seatedTable(0.2, 1);
    await until("expired", () => seller.view.outcome?.kind === "expired", 2000);
    expect(seller.view).toMatchObject({ phase: "finished", turnEndsAt: null });
    expect(seller.view.reveal?.outcome).toMatchObject({ kind: "expired" });
  });

  it("stands still while paused and runs on with the time that was left after resume", async () => {
    const { facilitator, seller } = await seatedTable(0.8);
    facilitator.send("pause", {});
    await until("paused", () => seller.view.phase === "paused");
    const { turn, toAct } = seller.view;
    const left = seller.view.pausedRemainingMs ?? 0;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(800);
    await sleep(1000);
    expect(seller.view).toMatchObject({ turn, toAct, phase: "paused" });

    const resumedAt = Date.now();
    facilitator.send("resume", {});
    await until("resumed", () => seller.view.phase === "playing");
    expect(seller.view.turnEndsAt).toBeGreaterThanOrEqual(resumedAt + left - 50);
    await until("the turn passed after resume", () => seller.view.turn === turn + 1, 2000);
  });
});
