import { afterEach, describe, expect, it } from "vitest";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { useStage } from "./helpers/stage.js";
import { acceptStandingOffer, joinByInvite, makeOffer, openHeadToHead, pageText, readWalkAway, sayReady, waitForStatus } from "./helpers/table.js";

/*
 * The reveal in the browser, for the two draws a trainer found contradictions on: a deal on terms
 * that are not the best (drawn on its own terms' line, inside its zone), and a backup-appliance
 * draw whose zone the buyer's budget cap cuts (the zone stops at the cap, and the cap is marked).
 */

const money = (text: string) => Number(text.replace(/[^0-9]/g, ""));

describe("the reveal tells one story", { timeout: 120_000 }, () => {
  const stage = useStage();
  let seller: Player;
  let buyer: Player;

  afterEach(async () => {
    await Promise.all([seller.context.close(), buyer.context.close()]);
  });

  /** Two fresh browsers at a new head-to-head table, and the figures each one's brief shows. */
  async function newTable(): Promise<{ sellerWalkAway: number; buyerWalkAway: number; cap: number }> {
    [seller, buyer] = await Promise.all([newPlayer(stage.browser), newPlayer(stage.browser)]);
    const invite = await openHeadToHead(seller.page, stage.server.baseUrl, { name: "Sam", role: "Seller" });
    await joinByInvite(buyer.page, invite, "Bea");
    await sayReady(seller.page);
    await sayReady(buyer.page);
    await waitForStatus(seller.page, ["your_turn"]);
    await waitForStatus(buyer.page, ["their_turn"]);
    const cap = /approved at most \$([\d,]+)/.exec(await pageText(buyer.page))?.[1];
    expect(cap, "the buyer's brief names the board's cap").toBeDefined();
    return { sellerWalkAway: await readWalkAway(seller.page), buyerWalkAway: await readWalkAway(buyer.page), cap: money(cap as string) };
  }

  it("draws a deal on plain terms against the floor and ceiling of those terms", async () => {
    const { sellerWalkAway, buyerWalkAway } = await newTable();
    // Basic support, 12 months, 8 weeks, paid up front: worth nothing to the buyer and costing the seller nothing,
    // so floor and ceiling on these terms are the walk-aways themselves, and a price just above the seller's gains both.
    const price = sellerWalkAway + 250;
    expect(price).toBeLessThan(buyerWalkAway);
    await makeOffer(seller.page, { price, support: "basic", warranty: 12, delivery: 8, payment: "upfront" });
    await waitForStatus(buyer.page, ["your_turn"]);
    await acceptStandingOffer(buyer.page);
    await waitForStatus(seller.page, ["finished"]);
    const reveal = seller.page.locator(".reveal");
    await reveal.waitFor();
    const text = await reveal.innerText();
    expect(text).toContain("Price on the terms you agreed");
    expect(text).toContain(`the seller's $${sellerWalkAway.toLocaleString("en-US")} plus $0 of costs is a floor of $${sellerWalkAway.toLocaleString("en-US")}`);
    expect(text).toMatch(/Seller's surplus \(you\)\s*\$250/);
    await screenshot(seller.page, "reveal-01-deal-on-plain-terms");
    await screenshot(buyer.page, "reveal-02-deal-on-plain-terms-buyer");
    expect([...seller.errors, ...buyer.errors]).toEqual([]);
  });

  it("stops the zone of a capped draw at the cap, and says so", async () => {
    const { cap } = await newTable();
    await makeOffer(seller.page, { price: 26000, support: "premium", warranty: 36, delivery: 2, payment: "upfront" });
    await waitForStatus(buyer.page, ["your_turn"]);
    await buyer.page.click("#walk-away");
    const dialog = buyer.page.locator("dialog.confirm[open]");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: /walk away/i }).click();
    await waitForStatus(buyer.page, ["finished"]);
    const reveal = buyer.page.locator(".reveal");
    await reveal.waitFor();
    const text = await reveal.innerText();
    const zone = /any price from \$([\d,]+) to \$([\d,]+)/.exec(text);
    expect(zone, text).not.toBeNull();
    expect(money(zone![2]!)).toBeLessThanOrEqual(cap);
    if (money(zone![2]!) === cap) expect(text).toContain(`the buyer's budget cap of $${cap.toLocaleString("en-US")} set the top`);
    expect(text).toContain("Price on the best terms");
    await screenshot(buyer.page, "reveal-03-capped-draw");
    expect([...seller.errors, ...buyer.errors]).toEqual([]);
  });
});
