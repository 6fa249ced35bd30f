import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { seriousViolations } from "./helpers/axe.js";
import { LAPTOP, newPlayer, type Player } from "./helpers/browser.js";
import { ROOT } from "./helpers/build.js";
import { newPhone } from "./helpers/phone.js";
import { measureReadability } from "./helpers/readability.js";
import { useStage } from "./helpers/stage.js";
import { sayReady, startPractice, waitForStatus } from "./helpers/table.js";
import { field, problemBeside, type } from "./helpers/studio.js";
import { joinWorkshop, openWorkshop, seatOf } from "./helpers/workshop.js";

/*
 * Every screen a person meets, on a laptop and on a phone, checked as an accessibility audit would:
 * axe-core's WCAG 2.1 A/AA rules with nothing serious or critical, and every text big enough to
 * read (nothing under 12 px, running text and controls 14 px, the table picture's text as shown).
 * A screenshot of each goes to test-artifacts/screens/ for a person to look at.
 */

/** `phone`: a touch screen held upright, where the table has tabs and a bar of moves. */
type Device = { readonly name: string; readonly phone: boolean; readonly viewport: { readonly width: number; readonly height: number } };

const DEVICES: readonly Device[] = [
  { name: "laptop", phone: false, viewport: LAPTOP },
  { name: "phone", phone: true, viewport: { width: 390, height: 844 } },
  { name: "small-phone", phone: true, viewport: { width: 360, height: 740 } },
];

const SCREENS_DIR = path.join(ROOT, "test-artifacts/screens");

describe("every screen is readable and passes an accessibility audit", { timeout: 240_000 }, () => {
  // A public address, as a workshop room has: without one the projector shows no QR code (127.0.0.1 reaches no one else).
  const stage = useStage({ BOT_THINK_MS: "1500", PUBLIC_URL: "https://parley.example.com" });
  // Browsers are closed after each test (a live table costs CPU), except the workshop's, which
  // serves all of a device's workshop screens and is closed after that device.
  let forTest: Player[] = [];
  let forDevice: Player[] = [];
  afterEach(async () => {
    await Promise.all(forTest.map((p) => p.context.close()));
    forTest = [];
  });

  async function open(device: Device, keep: "test" | "device" = "test"): Promise<Player> {
    const p = await (device.phone ? newPhone(stage.browser, device.viewport) : newPlayer(stage.browser, device.viewport));
    (keep === "test" ? forTest : forDevice).push(p);
    return p;
  }

  /** The screen as it is now passes the audit and the readability check, and is photographed. */
  async function audit(page: Page, device: Device, screen: string): Promise<void> {
    mkdirSync(SCREENS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS_DIR, `${device.name}-${screen}.png`), fullPage: device.phone });
    const what = `${screen} on a ${device.name}`;
    expect.soft(await seriousViolations(page), `${what}: serious or critical accessibility findings`).toEqual([]);
    const read = await measureReadability(page);
    expect.soft(read.measured, `${what}: texts measured`).toBeGreaterThan(5);
    expect.soft(read.tiny, `${what}: text under 12 px`).toEqual([]);
    expect.soft(read.smallBody, `${what}: running text or controls under 14 px`).toEqual([]);
    expect.soft(read.smallCanvas, `${what}: table-picture text under 12 px as shown`).toEqual([]);
  }

  /** Opens the offer builder: a tab beside the moves on a laptop, the bar's first button on a phone (which sends the offer once the builder is open). */
  async function openBuilder(page: Page, device: Device): Promise<void> {
    if (device.phone) {
      const bar = page.locator("#bar-offer");
      if ((await bar.innerText()) !== "Send offer") await bar.tap();
      await expect.poll(() => bar.innerText()).toBe("Send offer");
    } else await page.getByRole("tab", { name: "Make an offer" }).click();
    await page.locator("#offer-price").waitFor();
  }

  /** A practice game as the seller: an offer with a message and the bot's answer on the table, the builder open again. */
  async function practiceTable(device: Device): Promise<Page> {
    const { page } = await open(device);
    await startPractice(page, stage.server.baseUrl, { name: "Alex", role: "Seller", level: "Easy" });
    await sayReady(page);
    await waitForStatus(page, ["your_turn"]);
    await page.waitForSelector("#game canvas[data-smallest-font]");
    await openBuilder(page, device);
    await page.fill("#offer-price", "25500");
    await page.fill("#move-message", "List price, installed in eight weeks.");
    if (device.phone) await page.locator("#bar-offer").tap();
    else await page.click("#make-offer");
    await waitForStatus(page, ["their_turn"]);
    await waitForStatus(page, ["your_turn"], 30_000);
    await openBuilder(page, device);
    return page;
  }

  /**
   * A workshop with two participants at their table and a curve ball thrown: the facilitator's
   * console, one participant at the table, the other back in the lobby.
   */
  type Workshop = { readonly console: Page; readonly table: Page; readonly lobby: Page; readonly projectorLink: string };
  const workshops = new Map<string, Promise<Workshop>>();
  function runningWorkshop(device: Device): Promise<Workshop> {
    const existing = workshops.get(device.name);
    if (existing) return existing;
    const made = (async () => {
      const facilitator = await open(device, "device");
      const code = await openWorkshop(facilitator.page, stage.server.baseUrl, "Key accounts — spring cohort");
      const [ana, ben] = await Promise.all([open(device, "device"), open(device, "device")]);
      await Promise.all([joinWorkshop(ana.page, stage.server.baseUrl, code, "Ana"), joinWorkshop(ben.page, stage.server.baseUrl, code, "Ben")]);
      await facilitator.page.waitForSelector(".ws-card h2:text('The class (2 online of 2)')");
      await facilitator.page.click("#pair-random");
      await facilitator.page.waitForSelector(".pairing tbody tr");
      await facilitator.page.click("#start-round");
      await facilitator.page.waitForSelector('[data-panel="grid"]:not([hidden])');
      await Promise.all([seatOf(ana, "Ana"), seatOf(ben, "Ben")]);
      await Promise.all([ana, ben].map((p) => waitForStatus(p.page, ["your_turn", "their_turn"], 30_000)));
      await facilitator.page.selectOption("#curveball-card", "competitor-quote");
      await facilitator.page.click("#curveball-all");
      await facilitator.page.locator(".tile .tile-cards .chip").first().waitFor({ timeout: 15_000 });
      // Back to the lobby from the table: it names the table and offers the way back to it.
      await ana.page.goto(`${stage.server.baseUrl}/w/${code}`);
      await ana.page.locator(".assignment button", { hasText: "Go to table" }).waitFor();
      const projectorLink = (await facilitator.page.locator("#open-projector[href]").getAttribute("href")) ?? "";
      return { console: facilitator.page, table: ben.page, lobby: ana.page, projectorLink };
    })();
    workshops.set(device.name, made);
    return made;
  }

  /**
   * Each screen, reached the way a person reaches it. One line more adds a screen to every device.
   * `picture`: the screen has the table picture, which a phone shows on a tab of its own: it is
   * audited there too.
   */
  const screens: readonly { readonly name: string; readonly picture?: boolean; readonly open: (device: Device) => Promise<Page> }[] = [
    {
      name: "start",
      open: async (device) => {
        const { page } = await open(device);
        await page.goto(stage.server.baseUrl);
        await page.waitForSelector(".card-practice select:not([disabled])");
        return page;
      },
    },
    { name: "table", picture: true, open: practiceTable },
    {
      name: "reveal-and-debrief",
      picture: true,
      open: async (device) => {
        const page = await practiceTable(device);
        if (device.phone) await page.locator("#bar-walk").tap();
        else await page.click("#walk-away");
        await page.locator("dialog.confirm[open]").getByRole("button", { name: "Walk away" }).click();
        await waitForStatus(page, ["finished"]);
        await page.locator('section[aria-label="Your debrief"] .debrief-lines li').first().waitFor();
        return page;
      },
    },
    { name: "workshop-table", picture: true, open: async (device) => (await runningWorkshop(device)).table },
    { name: "workshop-lobby", open: async (device) => (await runningWorkshop(device)).lobby },
    { name: "console", open: async (device) => (await runningWorkshop(device)).console },
    {
      name: "projector-join",
      open: async (device) => {
        const facilitator = await open(device);
        await openWorkshop(facilitator.page, stage.server.baseUrl, "Key accounts — autumn cohort");
        const href = await facilitator.page.locator("#open-projector[href]").getAttribute("href");
        const wall = await open(device);
        await wall.page.goto(`${stage.server.baseUrl}${href}`);
        await wall.page.waitForSelector('.pj-join [data-testid="join-qr"] svg');
        return wall.page;
      },
    },
    {
      name: "projector-round",
      open: async (device) => {
        const { projectorLink } = await runningWorkshop(device);
        const wall = await open(device);
        await wall.page.goto(`${stage.server.baseUrl}${projectorLink}`);
        await wall.page.locator(".pj-tables .pj-table").first().waitFor();
        return wall.page;
      },
    },
    {
      name: "studio",
      open: async (device) => {
        const { page } = await open(device);
        await page.goto(`${stage.server.baseUrl}/studio/copy/backup-appliance`);
        await expect.poll(() => field(page, "title").inputValue()).not.toBe("");
        // One mistake on the page, so the problem beside its field and the summary are audited too.
        await type(page, "rounds", "0");
        await expect.poll(() => problemBeside(page, "rounds")).not.toBe("");
        return page;
      },
    },
  ];

  for (const device of DEVICES)
    describe(`on a ${device.name}`, () => {
      afterAll(async () => {
        await Promise.all(forDevice.map((p) => p.context.close()));
        forDevice = [];
      });
      for (const screen of screens)
        it(`${screen.name} on a ${device.name}`, async () => {
          const page = await screen.open(device);
          await audit(page, device, screen.name);
          // The laptop's table fits its screen: panels scroll, the page does not.
          if (!device.phone && screen.name === "table")
            expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight), "the laptop table page scrolls").toBeLessThanOrEqual(0);
          if (device.phone && screen.picture) {
            await page.getByRole("tab", { name: "Table", exact: true }).tap();
            await page.waitForSelector("#game canvas[data-smallest-font]");
            await audit(page, device, `${screen.name}-picture`);
          }
        });
    });
});
