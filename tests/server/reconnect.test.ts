import { matchMaker } from "@colyseus/core";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withProtocol } from "../../shared/protocol/version.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import { joinError } from "./helpers/joinError.js";
import type { Player } from "./helpers/player.js";
import { sleep, until } from "./helpers/wait.js";

const WINDOW_SECONDS = 1.5;
const terms = (price: number) => ({ price, support: "business", warranty: 24, delivery: 4, payment: "net30" });

let h: Harness;
beforeAll(async () => {
  h = await bootServer({ RECONNECT_SECONDS: WINDOW_SECONDS });
});
afterAll(async () => {
  await h.stop();
});

async function startedTable(options: { turnSeconds?: number; rounds?: number } = {}): Promise<{ code: string; seller: Player; buyer: Player; tokens: { buyer: string; seller: string } }> {
  const table = await h.open({ scenarioId: "backup-appliance", ...options });
  const seller = await h.join(table.code, { seat: table.seats.seller!, name: "Seller" }, "seller");
  const buyer = await h.join(table.code, { seat: table.seats.buyer!, name: "Buyer" }, "buyer");
  await until("started", () => seller.state.started && buyer.state.started);
  return { code: table.code, seller, buyer, tokens: { buyer: table.seats.buyer!, seller: table.seats.seller! } };
}

describe("leaving and coming back", () => {
  it("inside the window: the other side sees the seat away at once; the player returns to the same seat and view", async () => {
    const { seller, buyer } = await startedTable();
    seller.send("offer", { terms: terms(24000) });
    await until("offer seen", () => buyer.view.offers.length === 1);
    const ownWalkAway = buyer.view.sides.buyer!.walkAway;
    const welcomes = buyer.messages("welcome").length;

    const droppedAt = Date.now();
    buyer.drop();
    await until("seller sees the buyer away", () => seller.state.seats.get("buyer")?.connected === false);
    const away = seller.state.seats.get("buyer")!;
    expect(away.returnBy).toBeGreaterThanOrEqual(droppedAt + WINDOW_SECONDS * 1000 - 50);
    expect(away.returnBy).toBeLessThanOrEqual(Date.now() + WINDOW_SECONDS * 1000);

    await buyer.reconnect();
    await until("buyer greeted again", () => buyer.messages("welcome").length === welcomes + 1);
    expect(buyer.last("welcome")).toMatchObject({ viewer: "buyer", role: "buyer" });
    expect(buyer.view.sides.buyer!.walkAway).toBe(ownWalkAway);
    const whole = buyer.messages("view").at(-1)!.delta;
    expect(whole.kind).toBe("whole");
    expect(buyer.events().map((e) => e.type)).toContain("offer_made");
    expect(buyer.view.offers.length).toBe(1);
    await until("seller sees the buyer back", () => seller.state.seats.get("buyer")?.connected === true && seller.state.seats.get("buyer")?.returnBy === 0);

    buyer.send("offer", { terms: terms(19000) });
    await until("play goes on", () => seller.view.offers.length === 2);
    expect(seller.view.outcome).toBeNull();
  });

  it("after the window: the game ends as abandoned by the absent player, never as a walk-away", async () => {
    const { code, seller, buyer, tokens } = await startedTable();
    const stale = buyer.room.reconnectionToken;
    buyer.drop();
    await until("abandoned", () => seller.view.outcome?.kind === "abandoned", WINDOW_SECONDS * 1000 + 3000);
    const over = seller.events().find((e) => e.type === "game_over");
    expect(over).toMatchObject({ outcome: { kind: "abandoned", by: "buyer" } });
    expect(seller.events().some((e) => e.type === "walked_away")).toBe(false);
    expect(seller.view.reveal).not.toBeNull();

    expect(await joinError(buyer.client.reconnect(stale))).toMatch(/./);
    // The seat token still opens the seat: the player can read how it ended.
    const back = await h.join(code, { seat: tokens.buyer }, "buyer again");
    expect(back.view.outcome?.kind).toBe("abandoned");
    expect(back.view.reveal).not.toBeNull();
  });

  it("a seat taken again with its token cancels the old connection's way back", async () => {
    const { code, seller, buyer, tokens } = await startedTable();
    const stale = buyer.room.reconnectionToken;
    buyer.drop();
    await until("away", () => seller.state.seats.get("buyer")?.connected === false);
    const again = await h.join(code, { seat: tokens.buyer }, "new tab");
    expect(again.state.seats.get("buyer")?.connected).toBe(true);
    expect(await joinError(buyer.client.reconnect(stale))).toMatch(/./);
    await sleep(WINDOW_SECONDS * 1000 + 300);
    expect(seller.view.outcome).toBeNull();
  });

  it("a consented leave mid-game holds the seat for the window too", async () => {
    const { code, seller, buyer, tokens } = await startedTable();
    await buyer.room.leave(true);
    await until("away", () => seller.state.seats.get("buyer")?.connected === false && seller.state.seats.get("buyer")!.returnBy > 0);
    await h.join(code, { seat: tokens.buyer }, "returning");
    await sleep(WINDOW_SECONDS * 1000 + 300);
    expect(seller.view.outcome).toBeNull();
  });

  it("both players away while the turn timer fires: whoever arrives or returns sees the current state (colyseus#917)", async () => {
    // One round of two 0.6 s turns, so the game runs out while nobody is connected.
    const { code, seller, buyer } = await startedTable({ turnSeconds: 0.6, rounds: 1 });
    seller.drop();
    buyer.drop();
    await until("both away on the server", () => h.room(code).clients.length === 0);
    // A visit that changes nothing leaves Colyseus' cached full state marked fresh…
    const visitor = await h.join(code, {}, "visitor");
    await visitor.room.leave(true);
    // …then the timers move the game on with nobody connected.
    const expired = async () => (await h.running.services.store.loadTable(code))?.status === "finished";
    for (const since = Date.now(); !(await expired()); await sleep(20)) if (Date.now() - since > 3000) throw new Error("timed out waiting for the game to expire with both away");
    expect(h.room(code).clients.length).toBe(0);

    // A newcomer changes nothing in the public state, so only a fresh full encode shows them the end.
    const newcomer = await h.join(code, {}, "newcomer");
    await seller.reconnect();
    await buyer.reconnect();
    for (const p of [newcomer, seller, buyer]) {
      await until(`${p.label} sees both seats back`, () => p.state.seats.get("buyer")?.connected === true && p.state.seats.get("seller")?.connected === true);
      expect(p.view).toMatchObject({ phase: "finished", outcome: { kind: "expired" }, turn: 1, turnEndsAt: null });
    }
    for (const p of [seller, buyer]) expect(p.events().filter((e) => e.type === "turn_timed_out")).toHaveLength(2);
  });

  it("a connection lost before its join completes leaves the server running and the seat free to take", async () => {
    const unheard: unknown[] = [];
    const listen = (reason: unknown) => unheard.push(reason);
    process.on("unhandledRejection", listen);
    try {
      const table = await h.open({ scenarioId: "backup-appliance" });
      const buyer = await h.join(table.code, { seat: table.seats.buyer! }, "buyer");
      // The seller's seat link, then an observer who only knows the code: each connects and is
      // gone as soon as the server has let it in, before the client confirms the join.
      for (const options of [{ seat: table.seats.seller! }, {}]) {
        const seat = await matchMaker.joinById(table.code, withProtocol(options));
        const socket = new WebSocket(`${h.endpoint}/${seat.room.processId}/${seat.room.roomId}?sessionId=${seat.sessionId}`);
        await new Promise<void>((resolve) => socket.once("message", () => resolve(socket.terminate())));
        await until("the connection is gone", () => !h.room(table.code).clients.some((c) => c.sessionId === seat.sessionId));
      }
      await sleep(100);
      expect(unheard).toEqual([]);
      const seller = await h.join(table.code, { seat: table.seats.seller! }, "seller");
      await until("the game is under way", () => buyer.state.started && buyer.state.seats.get("seller")?.connected === true);
      expect(seller.isOpen).toBe(true);
    } finally {
      process.off("unhandledRejection", listen);
    }
  });
});
