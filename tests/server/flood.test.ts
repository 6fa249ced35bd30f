import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../shared/protocol/join.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import { sleep, until } from "./helpers/wait.js";

const RATE = 10;
const BURST = 40;
let h: Harness;
beforeAll(async () => {
  h = await bootServer({ MESSAGE_RATE: RATE, MESSAGE_BURST: BURST, MAX_PAYLOAD_BYTES: 4096 });
});
afterAll(async () => {
  await h.stop();
});

async function seatedTable() {
  const table = await h.open({ scenarioId: "backup-appliance" });
  const seller = await h.join(table.code, { seat: table.seats.seller! }, "seller");
  const buyer = await h.join(table.code, { seat: table.seats.buyer! }, "buyer");
  const observer = await h.join(table.code, {}, "observer");
  await until("started", () => seller.state.started);
  return { seller, buyer, observer };
}

describe("message budget and payload cap", () => {
  it("disconnects a flooder with a clear code; the others play on", async () => {
    const { seller, buyer, observer } = await seatedTable();
    for (let i = 0; i < 2000; i++) observer.send("note", { text: `spam ${i}` });
    await until("the flooder is closed", () => observer.client.closes.length > 0, 5000);
    expect(observer.client.closes).toEqual([CLOSE_CODES.rateLimited]);
    expect(observer.messages("error").some((e) => e.code === "protocol/rate_limited")).toBe(true);
    // Roughly the burst was answered before the cut-off; the rest was never handled.
    expect(observer.messages("error").length).toBeLessThanOrEqual(BURST + 5);

    seller.send("offer", { terms: { price: 24000, support: "basic", warranty: 12, delivery: 8, payment: "upfront" } });
    await until("the players are unaffected", () => buyer.view.offers.length === 1 && buyer.view.toAct === "buyer");
    expect(seller.isOpen && buyer.isOpen).toBe(true);
  });

  it("lets a client that stays within the budget send as much as it likes", async () => {
    const { seller } = await seatedTable();
    for (let i = 0; i < BURST - 5; i++) seller.send("note", { text: `note ${i}` });
    await sleep(1000);
    for (let i = 0; i < RATE - 2; i++) seller.send("note", { text: `later ${i}` });
    await until("every note recorded", () => seller.events().filter((e) => e.type === "note_taken").length === BURST - 5 + RATE - 2);
    expect(seller.isOpen).toBe(true);
    expect(seller.errorCount()).toBe(0);
  });

  it("closes a connection that sends a frame over the payload cap (1009), and only that one", async () => {
    const { seller, buyer } = await seatedTable();
    // A note may hold 2,000 characters; 3,000 four-byte characters make a frame far over 4 KiB.
    buyer.send("note", { text: "€".repeat(3000) });
    await until("the oversized sender is closed", () => buyer.client.closes.length > 0);
    expect(buyer.client.closes).toEqual([1009]);
    await until("the seat shows the buyer away", () => seller.state.seats.get("buyer")?.connected === false);
    expect(seller.isOpen).toBe(true);
  });
});
