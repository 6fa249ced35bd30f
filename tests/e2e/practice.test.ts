import { beforeAll, describe, expect, it } from "vitest";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { useStage } from "./helpers/stage.js";
import { acceptStandingOffer, makeOffer, sayReady, startPractice, waitForStatus } from "./helpers/table.js";

describe("a practice game against a bot", { timeout: 120_000 }, () => {
  const stage = useStage();
  let player: Player;

  beforeAll(async () => {
    player = await newPlayer(stage.browser);
  }, 120_000);

  it("is played from the lobby to the reveal", async () => {
    const { page } = player;
    await startPractice(page, stage.server.baseUrl, { name: "Alex", role: "Seller", level: "Easy" });
    // Reading time first: no moves, the time left in the status bar, and "I'm ready" to start sooner.
    await waitForStatus(page, ["reading"]);
    expect(await page.locator(".status-bar").innerText()).toMatch(/Reading time:\s+[12]:\d\d left/);
    expect(await page.locator("#make-offer").isVisible()).toBe(false);
    await screenshot(page, "practice-00-reading");
    await sayReady(page);
    await waitForStatus(page, ["your_turn"]);
    expect(await page.locator("#talk-log").innerText()).toContain("Everyone is ready: the clock is running.");
    expect(await page.locator(".seat-label").innerText()).toBe("You are the seller");
    await screenshot(page, "practice-01-opening");

    await makeOffer(page, { price: 25500 }, "List price, installed in eight weeks.");
    // Play on until the game ends: accept the bot's offer once it has made one, else hold.
    for (let turn = 0; turn < 16; turn++) {
      const kind = await waitForStatus(page, ["your_turn", "finished"], 30_000);
      if (kind === "finished") break;
      if (turn === 0) await screenshot(page, "practice-02-bot-answered");
      if (await page.locator("#accept-offer").isEnabled()) await acceptStandingOffer(page, "Agreed.");
      else await makeOffer(page, { price: 25000 });
      await page.waitForSelector('.status-bar:not([data-kind="your_turn"])');
    }
    await waitForStatus(page, ["finished"]);
    const reveal = page.locator(".reveal");
    await reveal.waitFor();
    const text = await reveal.innerText();
    expect(text).toMatch(/Seller's walk-away[\s\S]*\$[\d,]+/);
    expect(text).toMatch(/Buyer's walk-away[\s\S]*\$[\d,]+/);
    expect(text).toContain("Zone of agreement");
    expect(text).toContain("Efficiency");
    // The bot's moves are on the record, with the player's own messages.
    const talk = await page.locator("#talk-log").innerText();
    expect(talk).toContain("Bot (easy) (buyer) offered");
    expect(talk).toContain("List price, installed in eight weeks.");
    await screenshot(page, "practice-03-reveal");
    expect(player.errors).toEqual([]);
  });
});
