import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootServer, type Harness } from "./helpers/harness.js";
import { sleep, until } from "./helpers/wait.js";

const THINK_MS = 400;
const IDLE_SECONDS = 0.6;

let h: Harness;
beforeAll(async () => {
  h = await bootServer({ BOT_THINK_MS: THINK_MS, TABLE_IDLE_SECONDS: IDLE_SECONDS });
});
afterAll(async () => {
  await h.stop();
});

describe("the room's other clocks", () => {
  it("a bot thinks for BOT_THINK_MS before it acts", async () => {
    const table = await h.open({ scenarioId: "backup-appliance", bot: { role: "seller", level: "easy" } });
    const buyer = await h.join(table.code, { seat: table.seats.buyer! }, "buyer");
    await until("the bot moved", () => buyer.view.turn === 1, 3000);
    // Server timestamps: from the start of the game (round 1) to the bot's first move.
    const events = buyer.events();
    const start = events.find((e) => e.type === "round_started")!;
    const move = events.find((e) => e.turn === 0 && "by" in e && e.by === "seller")!;
    expect(move.at - start.at).toBeGreaterThanOrEqual(THINK_MS);
    expect(move.at - start.at).toBeLessThan(THINK_MS + 1000);
  });

  it("closes a table that stands empty for TABLE_IDLE_SECONDS, and never one with someone in it", async () => {
    const empty = await h.open({ scenarioId: "backup-appliance" });
    const watched = await h.open({ scenarioId: "backup-appliance" });
    const observer = await h.join(watched.code, {}, "observer");
    await until("the empty table is closed", () => h.room(empty.code) === undefined, 3000);
    await sleep(IDLE_SECONDS * 1000 + 200);
    expect(h.room(watched.code)).toBeDefined();
    expect(observer.isOpen).toBe(true);

    // Once the last person leaves, the clock starts; a table closed this way refuses joins.
    await observer.room.leave(true);
    await until("the watched table is closed", () => h.room(watched.code) === undefined, 3000);
    await expect(h.join(watched.code, {}, "late")).rejects.toThrow(/not found/);
  });
});
