import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { expectReachable, measureReach, newPhone, PHONES } from "./helpers/phone.js";
import { measureReadability } from "./helpers/readability.js";
import { useStage } from "./helpers/stage.js";
import { waitForStatus } from "./helpers/table.js";
import { openWorkshop } from "./helpers/workshop.js";

/*
 * A workshop on phones: most participants join from the phone in their pocket. At 390 × 844 and
 * 360 × 740 with touch, the name form, the waiting screen and "you are at table X / Go to table"
 * fit the screen (nothing scrolls sideways), every control is fingertip-sized and in reach, and
 * every text is at least 14 px (small print 12); at the table, the workshop's bar covers none of
 * the moves. The facilitator's console, opened on a phone, is
 * usable too: no sideways scroll, every control reachable and fingertip-sized.
 */

async function expectReadable(page: Page, step: string): Promise<void> {
  const read = await measureReadability(page);
  expect(read.tiny, `${step}: text under 12 px`).toEqual([]);
  expect(read.smallBody, `${step}: running text or controls under 14 px`).toEqual([]);
  expect(read.measured, `${step}: texts measured`).toBeGreaterThan(3);
}

describe("a workshop on a phone", { timeout: 180_000 }, () => {
  const stage = useStage();
  let players: Player[] = [];

  afterEach(async () => {
    await Promise.all(players.map((p) => p.context.close()));
    players = [];
  });

  for (const { name: size, viewport } of PHONES) {
    it(`is joined, waited in and left for the table by tapping at ${viewport.width} × ${viewport.height}`, async () => {
      const facilitator = await newPlayer(stage.browser);
      const phone = await newPhone(stage.browser, viewport);
      const other = await newPlayer(stage.browser);
      players = [facilitator, phone, other];
      const code = await openWorkshop(facilitator.page, stage.server.baseUrl, "Key accounts — spring cohort");
      const consoleLink = await facilitator.page.inputValue("#facilitator-link");
      const { page } = phone;
      const checked = async (step: string) => {
        await screenshot(page, `workshop-phone-${size}-${step}`);
        expectReachable(await measureReach(page), step);
        await expectReadable(page, step);
      };

      // The link the facilitator shares opens the name form.
      await page.goto(`${stage.server.baseUrl}/w/${code}`);
      await page.locator("#workshop-name").waitFor();
      await checked("01-name-form");
      await page.locator("#workshop-name").tap();
      await page.fill("#workshop-name", "Ana");
      await page.getByRole("button", { name: "Join", exact: true }).tap();
      await page.locator(".lobby").waitFor();
      await page.locator(".ws-status", { hasText: "Waiting for the facilitator" }).waitFor();
      await checked("02-waiting");

      // A second participant, a round: the phone is sent to its table, and back in the lobby it is told where it plays.
      await other.page.goto(`${stage.server.baseUrl}/w/${code}`);
      await other.page.fill("#workshop-name", "Ben");
      await other.page.getByRole("button", { name: "Join", exact: true }).click();
      await facilitator.page.waitForSelector(".ws-card h2:text('The class (2 online of 2)')");
      await facilitator.page.click("#pair-random");
      await facilitator.page.waitForSelector(".pairing tbody tr");
      await facilitator.page.click("#start-round");
      await page.waitForURL(/\/t\/[A-Z0-9]{6}$/, { timeout: 20_000 });
      const table = page.url().split("/").pop();
      await page.goto(`${stage.server.baseUrl}/w/${code}`);
      const go = page.locator(".assignment button", { hasText: `Go to table ${table}` });
      await go.waitFor();
      await checked("03-go-to-table");
      await go.tap();
      await page.waitForURL(new RegExp(`/t/${table}$`));
      // At the table the workshop's bar and the bar of moves share the bottom of the screen: neither covers the other.
      await waitForStatus(page, ["your_turn", "their_turn"], 30_000);
      await page.locator("#back-to-workshop").waitFor();
      await screenshot(page, `workshop-phone-${size}-04-table`);
      expectReachable(await measureReach(page), "04-table");

      // The facilitator's console on the same phone: usable without scrolling sideways.
      const consolePhone = await newPhone(stage.browser, viewport);
      players.push(consolePhone);
      await consolePhone.page.goto(consoleLink);
      await consolePhone.page.locator('[data-testid="join-code"]').waitFor();
      await consolePhone.page.getByRole("tab", { name: "Live tables" }).tap();
      await consolePhone.page.locator(".tile").first().waitFor();
      await screenshot(consolePhone.page, `workshop-phone-${size}-05-console`);
      expectReachable(await measureReach(consolePhone.page), "console");
      expect([...phone.errors, ...consolePhone.errors]).toEqual([]);
    });
  }
});
