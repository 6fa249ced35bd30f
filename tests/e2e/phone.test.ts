import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { LAPTOP, newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { expectReachable, measureReach, newPhone, onScreenNow, PHONES } from "./helpers/phone.js";
import { useStage } from "./helpers/stage.js";
import { makeOffer, sayReady, startPractice, waitForStatus } from "./helpers/table.js";

/*
 * The table on a phone, played by tapping: a practice game from the start page to the debrief at
 * 390 × 844 and 360 × 740 with touch. At every step every visible control of the screen is measured
 * (bounding box inside the screen's width, not cut off by a box that does not scroll, a tap on its
 * centre lands on it, at least 44 × 44 CSS px), and the four moves sit in the bar on screen without
 * scrolling. Then a tablet and a laptop zoomed to 200 %, and the laptop's two small failures: the
 * refusal toast over the gauge, and the debrief below the fold.
 */

/** Slow enough to see (and measure) the bot's turn before it answers. */
const BOT_THINK_MS = "1500";

async function tapTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).tap();
  await page.waitForSelector(`.pane-tabs [role="tab"][aria-selected="true"]:text-is("${name}")`);
}

/** Opens the builder from the bar (unless it is open), types a price and sends it from the bar. */
async function offerByTapping(page: Page, price: number): Promise<void> {
  const bar = page.locator("#bar-offer");
  if ((await bar.innerText()) !== "Send offer") await bar.tap();
  await expect.poll(() => bar.innerText()).toBe("Send offer");
  await page.locator("#offer-price").tap();
  await page.fill("#offer-price", String(price));
  await bar.tap();
}

describe("the table on a phone", { timeout: 240_000 }, () => {
  const stage = useStage({ BOT_THINK_MS });
  let player: Player | null = null;

  afterEach(async () => {
    await player?.context.close();
    player = null;
  });

  for (const { name: size, viewport } of PHONES) {
    it(`is played by tapping from the start page to the debrief at ${viewport.width} × ${viewport.height}`, async () => {
      player = await newPhone(stage.browser, viewport);
      const { page } = player;
      const shot = (step: string) => screenshot(page, `phone-${size}-${step}`);
      const measured = async (step: string) => expectReachable(await measureReach(page), step);
      const barOnScreen = async (step: string) => expect(await onScreenNow(page, ".action-bar button"), `${step}: the four moves are on screen`).toBe(true);

      await page.goto(stage.server.baseUrl);
      await page.waitForSelector(".card-practice select:not([disabled])");
      await shot("01-start");
      const start = await measureReach(page);
      expect(start.unreachable, "start page").toEqual([]);
      expect(start.sideways, "start page scrolls sideways").toBe(false);
      await page.locator("#player-name").tap();
      await page.fill("#player-name", "Alex");
      await page.locator(".card-practice .choice", { hasText: "Seller" }).tap();
      await page.locator(".card-practice .choice", { hasText: "Easy" }).tap();
      await page.getByRole("button", { name: "Start practice" }).tap();

      // Reading time first: "I'm ready" is in reach, and tapping it starts the game.
      await waitForStatus(page, ["reading"]);
      await shot("01b-reading");
      const reading = await measureReach(page);
      expect(reading.unreachable, "reading time").toEqual([]);
      await page.getByRole("button", { name: "I'm ready" }).tap();

      // The opening: the table picture first, drawn for the width, with the moves in the bar.
      await waitForStatus(page, ["your_turn"]);
      await page.waitForSelector("#game canvas");
      await expect.poll(async () => (await page.locator("#game canvas").boundingBox())?.width, { message: "the table picture spans the screen" }).toBeGreaterThan(viewport.width - 2);
      expect(await page.evaluate(() => document.querySelector<HTMLCanvasElement>("#game canvas")?.width), "drawn for the width, at the screen's density").toBe(viewport.width * 2);
      expect(await onScreenNow(page, ".status-bar .clock-time"), "the turn clock").toBe(true);
      await barOnScreen("opening");
      await shot("02-opening");
      await measured("opening");

      // Your turn: the builder from the bar.
      await page.locator("#bar-offer").tap();
      await expect.poll(() => page.locator("#bar-offer").innerText()).toBe("Send offer");
      await page.locator("#offer-price").tap();
      await page.fill("#offer-price", "25500");
      await page.locator("#move-message").tap();
      await page.fill("#move-message", "List price, installed in eight weeks.");
      await barOnScreen("builder");
      await shot("03-your-turn-builder");
      await measured("offer builder");
      await page.locator("#bar-offer").tap();

      // Their turn: the status line says so, the clock runs, and the parts can be read.
      await waitForStatus(page, ["their_turn"]);
      await tapTab(page, "Table");
      await barOnScreen("their turn");
      expect(await onScreenNow(page, ".status-bar .clock-time"), "the turn clock on their turn").toBe(true);
      await shot("04-their-turn");
      await measured("their turn");

      await tapTab(page, "Brief");
      expect(await page.locator('[data-testid="my-walkaway"]').isVisible()).toBe(true);
      await shot("05-brief-tab");
      await measured("brief tab");

      await waitForStatus(page, ["your_turn"], 30_000);
      await tapTab(page, "Talk");
      expect(await page.locator("#talk-log").innerText()).toContain("offered");
      await shot("06-talk-tab");
      await measured("talk tab");
      await tapTab(page, "Ledger");
      await measured("ledger tab");
      await tapTab(page, "Notes");
      await page.locator("#notepad").tap();
      await page.fill("#notepad", "They opened low; I hold on price.");
      await page.getByRole("button", { name: "Save note" }).tap();
      await page.locator(".notes li", { hasText: "I hold on price" }).waitFor();
      await measured("notes tab");

      // A question from the bar, then on until the end: accept their offer at 390, walk away at 360.
      await page.locator("#bar-ask").tap();
      await page.locator(".question-list li").first().getByRole("button", { name: "Ask" }).tap();
      await page.waitForSelector('.status-bar:not([data-kind="your_turn"])');
      for (let turn = 0; turn < 16; turn++) {
        const kind = await waitForStatus(page, ["your_turn", "finished"], 30_000);
        if (kind === "finished") break;
        await barOnScreen(`turn ${turn + 2}`);
        await measured(`turn ${turn + 2}`);
        if (size === "360" && turn === 1) {
          await page.locator("#bar-walk").tap();
          const dialog = page.locator("dialog.confirm[open]");
          await measured("walk-away dialog");
          await dialog.getByRole("button", { name: "Walk away" }).tap();
        } else if (size === "390" && (await page.locator("#bar-accept").isEnabled())) {
          await page.locator("#bar-accept").tap();
          const dialog = page.locator("dialog.confirm[open]");
          await shot("07-accept-dialog");
          await measured("accept dialog");
          await dialog.getByRole("button", { name: "Accept the deal" }).tap();
        } else await offerByTapping(page, 25000 - turn * 250);
        await page.waitForSelector('.status-bar:not([data-kind="your_turn"])');
      }

      // The end: the debrief tab comes to the front, the moves bar goes, the picture shows the reveal.
      await waitForStatus(page, ["finished"]);
      await page.locator('section[aria-label="Your debrief"] .debrief-lines li').first().waitFor();
      expect(await page.getAttribute("#pane-tab-reveal", "aria-selected")).toBe("true");
      expect(await page.locator(".action-bar").isVisible()).toBe(false);
      expect(await page.locator(".jump-debrief").isVisible()).toBe(true);
      await shot("08-reveal");
      await measured("reveal");
      await page.locator(".jump-debrief").tap();
      await expect.poll(() => onScreenNow(page, 'section[aria-label="Your debrief"] h3')).toBe(true);
      await shot("09-debrief");
      await tapTab(page, "Table");
      await page.waitForTimeout(300);
      await shot("10-reveal-picture");
      await measured("reveal picture");
      expect(player.errors).toEqual([]);
    });
  }

  for (const [what, viewport] of [
    ["a tablet held upright", { width: 768, height: 1024 }],
    ["a laptop zoomed to 200 %", { width: 640, height: 360 }],
  ] as const) {
    it(`works on ${what} (${viewport.width} × ${viewport.height})`, async () => {
      player = await newPlayer(stage.browser, viewport);
      const { page } = player;
      await startPractice(page, stage.server.baseUrl, { name: "Alex", role: "Buyer", level: "Firm" });
      await sayReady(page);
      await waitForStatus(page, ["their_turn", "your_turn"]);
      await page.waitForSelector("#game canvas");
      const reach = await measureReach(page);
      expect(reach.unreachable).toEqual([]);
      expect(reach.sideways).toBe(false);
      await waitForStatus(page, ["your_turn"], 30_000);
      await expect.poll(() => onScreenNow(page, ".action-bar button")).toBe(true);
      await screenshot(page, `phone-${viewport.width}-table`);
      expect(player.errors).toEqual([]);
    });
  }

  it("keeps a refusal off the laptop's gauge and points to the debrief below the fold (1280 × 720)", async () => {
    player = await newPlayer(stage.browser, LAPTOP);
    const { page } = player;
    await startPractice(page, stage.server.baseUrl, { name: "Alex", role: "Seller", level: "Easy" });
    await sayReady(page);
    await waitForStatus(page, ["your_turn"]);
    await page.waitForSelector("#game canvas");
    await makeOffer(page, { price: 25500 });
    await waitForStatus(page, ["their_turn"]);
    // An offer while the bot thinks is refused: the toast stays clear of the table picture.
    await page.click("#make-offer");
    const toast = page.locator(".toast:not([hidden])");
    await toast.waitFor();
    const [t, c] = await Promise.all([toast.boundingBox(), page.locator("#game canvas").boundingBox()]);
    if (!t || !c) throw new Error("toast and canvas are on screen");
    const overlaps = t.x < c.x + c.width && c.x < t.x + t.width && t.y < c.y + c.height && c.y < t.y + t.height;
    expect(overlaps, `toast ${JSON.stringify(t)} over the table ${JSON.stringify(c)}`).toBe(false);
    await screenshot(page, "laptop-refusal-toast");

    await waitForStatus(page, ["your_turn"], 30_000);
    await page.click("#walk-away");
    await page.locator("dialog.confirm[open]").getByRole("button", { name: "Walk away" }).click();
    await waitForStatus(page, ["finished"]);
    const debrief = page.locator('section[aria-label="Your debrief"]');
    await debrief.locator(".debrief-lines li").first().waitFor();
    expect(await onScreenNow(page, ".jump-debrief"), "the pointer to the debrief is on screen").toBe(true);
    await screenshot(page, "laptop-reveal-pointer");
    await page.click(".jump-debrief");
    await expect.poll(() => onScreenNow(page, 'section[aria-label="Your debrief"] h3')).toBe(true);
    await screenshot(page, "laptop-debrief");
    expect(player.errors).toEqual([]);
  });
});
