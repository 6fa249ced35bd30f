import { describe, expect, it } from "vitest";
import type { TableState } from "../../shared/engine/index.js";
import { CLOSE_CODES } from "../../shared/protocol/join.js";
import { bootServer } from "./helpers/harness.js";
import { until } from "./helpers/wait.js";

describe("server shutdown", () => {
  it("closes every table with its own code and never scores it as a walk-away or an abandonment", async () => {
    const h = await bootServer({ RECONNECT_SECONDS: 0.2 });
    const table = await h.open({ scenarioId: "backup-appliance" });
    const seller = await h.join(table.code, { seat: table.seats.seller! }, "seller");
    const buyer = await h.join(table.code, { seat: table.seats.buyer! }, "buyer");
    await until("started", () => seller.state.started);
    seller.send("offer", { terms: { price: 24000, support: "basic", warranty: 12, delivery: 8, payment: "upfront" } });
    await until("offer seen", () => buyer.view.offers.length === 1);

    const room = h.room(table.code) as unknown as { table: TableState };
    await h.running.stop();
    await until("both closed", () => seller.client.closes.length > 0 && buyer.client.closes.length > 0);
    expect(seller.client.closes).toEqual([CLOSE_CODES.serverShutdown]);
    expect(buyer.client.closes).toEqual([CLOSE_CODES.serverShutdown]);
    for (const p of [seller, buyer]) {
      expect(p.view.outcome).toBeNull();
      expect(p.events().some((e) => e.type === "game_over" || e.type === "walked_away")).toBe(false);
    }
    // On the server too, the game closed without an outcome.
    expect(room.table.outcome).toBeNull();
    expect(room.table.phase).toBe("playing");
  });
});
