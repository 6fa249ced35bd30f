import { beforeAll, describe, expect, it } from "vitest";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { useStage } from "./helpers/stage.js";
import { acceptStandingOffer, joinByInvite, makeOffer, openHeadToHead, readWalkAway, sayReady, waitForStatus, waitForSummary } from "./helpers/table.js";

describe("a head-to-head game in two browsers", { timeout: 120_000 }, () => {
  const stage = useStage();
  let seller: Player;
  let buyer: Player;

  beforeAll(async () => {
    [seller, buyer] = await Promise.all([newPlayer(stage.browser), newPlayer(stage.browser)]);
  }, 120_000);

  it("is played through the UI from the invite to a deal and the reveal", async () => {
    const invite = await openHeadToHead(seller.page, stage.server.baseUrl, { name: "Sam", role: "Seller" });
    expect(invite).toMatch(/\/t\/[A-Z0-9]{6}#seat=/);
    await screenshot(seller.page, "h2h-01-invite");

    await joinByInvite(buyer.page, invite, "Bea");
    // The clock waits until both have read their briefs.
    await sayReady(seller.page);
    await seller.page.locator(".prep-bar", { hasText: "You are ready. Waiting for Bea (buyer) to finish reading." }).waitFor();
    // The other browser hears of it over its own socket: wait for it there rather than read at once.
    await buyer.page.locator("#talk-log", { hasText: "Sam (seller) is ready." }).waitFor();
    await sayReady(buyer.page);
    await waitForStatus(seller.page, ["your_turn"]);
    await waitForStatus(buyer.page, ["their_turn"]);
    // The invite token left the address bar once it was stored for the tab.
    expect(buyer.page.url()).not.toContain("seat=");

    await makeOffer(seller.page, { price: 24000, support: "business" }, "Installed in six weeks if we agree today.");
    await waitForSummary(buyer.page, "Sam (seller) offers $24,000");
    await waitForStatus(buyer.page, ["your_turn"]);

    // Acting out of turn is refused, and the refusal says why.
    await makeOffer(seller.page, { price: 23500 });
    const toast = seller.page.locator(".toast");
    await toast.waitFor();
    expect(await toast.innerText()).toContain("Not your turn");
    expect(await toast.innerText()).toContain("counts as an interruption (1 so far)");
    await screenshot(seller.page, "h2h-02-out-of-turn");

    // The buyer's counter, by keyboard only: O focuses the builder, Enter sends it.
    await buyer.page.locator("body").click({ position: { x: 5, y: 700 } });
    await buyer.page.keyboard.press("o");
    expect(await buyer.page.evaluate(() => document.activeElement?.id)).toBe("offer-price");
    await buyer.page.keyboard.press("Control+A");
    await buyer.page.keyboard.type("19000");
    await buyer.page.keyboard.press("Enter");
    await waitForSummary(seller.page, "Bea (buyer) offers $19,000");
    await waitForStatus(seller.page, ["your_turn"]);

    await makeOffer(seller.page, { price: 21500, support: "business", warranty: 24, delivery: 6 }, "My best price.");
    await waitForSummary(buyer.page, "Sam (seller) offers $21,500");
    await waitForStatus(buyer.page, ["your_turn"]);

    // The buyer's tab goes away for a moment: the seller is told, with the time the seat is held.
    const tableUrl = buyer.page.url();
    await buyer.page.goto("about:blank");
    await waitForStatus(seller.page, ["opponent_away"]);
    expect(await seller.page.locator(".status-bar").innerText()).toMatch(/Bea \(buyer\) lost connection[\s\S]*\d:\d\d left/);
    await screenshot(seller.page, "h2h-03-opponent-away");
    await buyer.page.goto(tableUrl);
    await waitForStatus(buyer.page, ["your_turn"]);
    await waitForStatus(seller.page, ["their_turn"]);
    await screenshot(buyer.page, "h2h-03-buyer-table");
    await screenshot(seller.page, "h2h-03-seller-table");

    // Read now: a curve ball at a round's start may have moved them since the game began.
    const walkAways = { seller: await readWalkAway(seller.page), buyer: await readWalkAway(buyer.page) };

    // Accepting asks for confirmation first.
    await buyer.page.click("#accept-offer");
    const dialog = buyer.page.locator("dialog.confirm[open]");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("Accept their offer at $21,500?");
    await screenshot(buyer.page, "h2h-04-confirm-accept");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await buyer.page.locator("dialog.confirm[open]").count()).toBe(0);
    await acceptStandingOffer(buyer.page, "Deal — thank you.");

    for (const player of [buyer, seller]) {
      await waitForStatus(player.page, ["finished"]);
      const reveal = player.page.locator(".reveal");
      await reveal.waitFor();
      const text = await reveal.innerText();
      expect(text).toContain("Deal:");
      expect(text).toContain(`$${walkAways.seller.toLocaleString("en-US")}`);
      expect(text).toContain(`$${walkAways.buyer.toLocaleString("en-US")}`);
      expect(text).toContain("Efficiency");
      expect(text).toContain("Nash point");
    }
    await screenshot(buyer.page, "h2h-05-reveal-buyer");
    await screenshot(seller.page, "h2h-05-reveal-seller");
    expect(seller.errors).toEqual([]);
    expect(buyer.errors).toEqual([]);
  });
});
