import { beforeAll, describe, expect, it } from "vitest";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { useStage } from "./helpers/stage.js";
import { acceptStandingOffer, makeOffer, waitForStatus, waitForSummary } from "./helpers/table.js";
import { joinWorkshop, openWorkshop, seatOf, tileStatus } from "./helpers/workshop.js";

/*
 * The server of a running workshop is killed (kill -9) and started again: without anyone
 * reloading, the facilitator's console and both players' tables come back by themselves, the
 * game goes on where it stood, and its result reaches the console and the players' lobby.
 */

describe("a workshop in the browser through a server crash", { timeout: 180_000 }, () => {
  const stage = useStage({ RECONNECT_SECONDS: "60" });
  let facilitator: Player;
  let ana: Player;
  let ben: Player;

  beforeAll(async () => {
    [facilitator, ana, ben] = await Promise.all([newPlayer(stage.browser, { width: 1440, height: 900 }), newPlayer(stage.browser), newPlayer(stage.browser)]);
  }, 120_000);

  it("comes back by itself: console, seats and the game in progress", async () => {
    const console = facilitator.page;
    const code = await openWorkshop(console, stage.server.baseUrl, "Crash drill");
    await joinWorkshop(ana.page, stage.server.baseUrl, code, "Ana");
    await joinWorkshop(ben.page, stage.server.baseUrl, code, "Ben");
    await console.waitForSelector(".ws-card h2:text('The class (2 online of 2)')");
    await console.click("#pair-random");
    await console.waitForSelector(".pairing tbody tr");
    await console.click("#start-round");
    const seats = await Promise.all([seatOf(ana, "Ana"), seatOf(ben, "Ben")]);
    const seller = seats.find((s) => s.role === "seller")!;
    const buyer = seats.find((s) => s.role === "buyer")!;
    const table = seller.table;
    await waitForStatus(seller.player.page, ["your_turn"]);
    await makeOffer(seller.player.page, { price: 21500, support: "business" }, "Before the lights go out.");
    await waitForSummary(buyer.player.page, "offers $21,500");
    await expect.poll(() => tileStatus(console, table), { timeout: 10_000 }).toBe("negotiating");

    const crashedAt = Date.now();
    await stage.server.crashAndRestart();
    // Nobody reloads: every page reconnects on its own.
    await waitForStatus(buyer.player.page, ["your_turn"], 30_000);
    await waitForStatus(seller.player.page, ["their_turn"], 30_000);
    const backMs = Date.now() - crashedAt;
    await waitForSummary(buyer.player.page, "offers $21,500");
    expect(await buyer.player.page.locator("#talk-log").innerText()).toContain("Before the lights go out.");
    await expect.poll(() => tileStatus(console, table), { timeout: 20_000 }).toBe("negotiating");
    // Both participants' workshop connections are back (the class list sits on another tab of the console).
    await console.waitForSelector(".ws-card h2:text('The class (2 online of 2)')", { state: "attached", timeout: 20_000 });
    await screenshot(console, "workshop-restart-01-console-after-crash");
    await screenshot(buyer.player.page, "workshop-restart-02-table-after-crash");

    await acceptStandingOffer(buyer.player.page, "Deal, after all that.");
    for (const s of seats) await waitForStatus(s.player.page, ["finished"]);
    await expect.poll(() => tileStatus(console, table), { timeout: 10_000 }).toBe("deal");

    // Back in the lobby, the player's own result from the rebuilt workshop.
    await buyer.player.page.click("#back-to-workshop");
    await buyer.player.page.waitForSelector(".lobby");
    await buyer.player.page.waitForSelector("[aria-label='Your debrief']:not([hidden])", { timeout: 15_000 });
    await screenshot(buyer.player.page, "workshop-restart-03-lobby-result");
    for (const p of [facilitator, ana, ben]) expect(p.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/i.test(e))).toEqual([]);
    process.stdout.write(`workshop restart in the browser: both tables and the console live again ${backMs} ms after kill -9\n`);
  });
});
