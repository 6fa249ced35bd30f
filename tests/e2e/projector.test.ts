import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { qrSvgMarkup } from "../../client/src/workshop/qr.js";
import { parseCsv } from "../workshop/helpers/csv.js";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { newPhone } from "./helpers/phone.js";
import { useStage } from "./helpers/stage.js";
import { acceptStandingOffer, makeOffer, waitForStatus, waitForSummary } from "./helpers/table.js";
import { joinWorkshop, openWorkshop, seatOf, type Seat } from "./helpers/workshop.js";

/*
 * The projector view on a 1280 × 720 wall beside a workshop round: the join screen with its QR
 * code of the public join link (never 127.0.0.1), the live count as two people join — one on a
 * laptop, one on a phone who plays by tapping — the round's tables, the class debrief's charts,
 * and the anonymous switch that takes every real name off the wall (and out of the export).
 */

const PUBLIC_URL = "https://parley.example.com";
const LAPTOP_NAME = "Priya Raman";
const PHONE_NAME = "Tomás Ortega";
const shot = (page: Page, name: string) => screenshot(page, name, "screens");

/** Everything a person on the projector page could read: its text and every label of an image. */
const wallText = (page: Page) =>
  page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll("[aria-label], [title]")].map((el) => `${el.getAttribute("aria-label") ?? ""} ${el.getAttribute("title") ?? ""}`)].join("\n"));

/** The smallest text on the page, in CSS px (every element with text of its own, as rendered). */
const smallestText = (page: Page) =>
  page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll("body *")]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "") && el.getClientRects().length > 0)
        .map((el) => parseFloat(getComputedStyle(el).fontSize)),
    ),
  );

/** Nothing on the page spills past the screen: the wall cannot be scrolled. */
const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight);

describe("the projector view beside a workshop round", { timeout: 240_000 }, () => {
  const stage = useStage({ PUBLIC_URL });
  let facilitator: Player;
  let wall: Player;
  let laptop: Player;
  let phone: Player;
  let code: string;
  let seats: Seat[];

  beforeAll(async () => {
    facilitator = await newPlayer(stage.browser, { width: 1440, height: 900 });
    wall = await newPlayer(stage.browser, { width: 1280, height: 720 });
    laptop = await newPlayer(stage.browser);
    phone = await newPhone(stage.browser, { width: 390, height: 844 });
  }, 120_000);

  it("the console links to the projector; the wall shows the public join link as text and as a QR code", async () => {
    code = await openWorkshop(facilitator.page, stage.server.baseUrl, "Projector check");
    // The console gives the public address too, not its own 127.0.0.1.
    await expect.poll(() => facilitator.page.locator('[data-testid="join-where"]').innerText(), { timeout: 10_000 }).toContain(`${PUBLIC_URL}/w/${code}`);
    const link = facilitator.page.locator("#open-projector[href]");
    await link.waitFor();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(new RegExp(`^/w/${code}/projector#key=[A-Za-z0-9_-]{43}$`));
    await screenshot(facilitator.page, "projector-00-console-join-card", "screens");
    expect(href).not.toContain(await facilitator.page.evaluate((c) => JSON.parse(sessionStorage.getItem(`parley:console:${c}`) ?? "{}").secret as string, code));

    await wall.page.goto(`${stage.server.baseUrl}${href}`);
    await wall.page.waitForSelector(".pj-join");
    expect(wall.page.url()).not.toContain("key=");
    expect(await wall.page.locator('[data-testid="projector-code"]').innerText()).toBe(code);
    expect(await wall.page.locator('[data-testid="join-address"]').innerText()).toBe("parley.example.com");
    expect(await wall.page.locator('[data-testid="joined-count"]').innerText()).toBe("0");
    await wall.page.waitForSelector('[data-testid="join-qr"] svg');
    expect(await wall.page.locator('[data-testid="join-url"]').innerText()).toBe(`parley.example.com/w/${code}`);
    expect(await wallText(wall.page)).not.toMatch(/127\.0\.0\.1|localhost/);
    // The QR code is the one the qrcode package makes of exactly the join link: same modules, same drawing.
    const drawn = await wall.page.locator('[data-testid="join-qr"] svg path').evaluateAll((paths) => paths.map((p) => p.getAttribute("d")));
    const expected = [...(await qrSvgMarkup(`${PUBLIC_URL}/w/${code}`)).matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
    expect(drawn).toEqual(expected);
    const other = [...(await qrSvgMarkup(`http://127.0.0.1:2567/w/${code}`)).matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
    expect(drawn).not.toEqual(other);
    const qrBox = (await wall.page.locator('[data-testid="join-qr"] svg').boundingBox())!;
    expect(qrBox.width).toBeGreaterThan(300);
    expect(await fitsTheScreen(wall.page)).toBe(true);
  });

  it("counts people as they join: one on a laptop, one on a phone by tapping", async () => {
    await joinWorkshop(laptop.page, stage.server.baseUrl, code, LAPTOP_NAME);
    await expect.poll(() => wall.page.locator('[data-testid="joined-count"]').innerText(), { timeout: 10_000 }).toBe("1");

    const p = phone.page;
    await p.goto(stage.server.baseUrl);
    await p.locator("#player-name").tap();
    await p.fill("#player-name", PHONE_NAME);
    await p.locator("#workshop-code").tap();
    await p.fill("#workshop-code", code);
    await p.getByRole("button", { name: "Join workshop" }).tap();
    await p.waitForSelector(".lobby");
    await expect.poll(() => wall.page.locator('[data-testid="joined-count"]').innerText(), { timeout: 10_000 }).toBe("2");
    expect(await wall.page.locator(".pj-names li").allInnerTexts()).toEqual([LAPTOP_NAME, PHONE_NAME]);
    expect(await fitsTheScreen(wall.page)).toBe(true);
    expect(await smallestText(wall.page)).toBeGreaterThanOrEqual(14);
    await shot(wall.page, "projector-01-join-1280x720");
    await wall.page.setViewportSize({ width: 1920, height: 1080 });
    expect(await fitsTheScreen(wall.page)).toBe(true);
    await shot(wall.page, "projector-01b-join-1920x1080");
    await wall.page.setViewportSize({ width: 1280, height: 720 });
  });

  it("shows the round's table while the two play, the phone by tapping", async () => {
    const page = facilitator.page;
    await page.click("#pair-random");
    await page.waitForSelector(".pairing tbody tr");
    await page.click("#start-round");
    const onLaptop = await seatOf(laptop, LAPTOP_NAME);
    // On a phone the seat's label gives way to the table picture: the phone has the other seat.
    await phone.page.waitForURL(new RegExp(`/t/${onLaptop.table}$`), { timeout: 20_000 });
    seats = [onLaptop, { player: phone, name: PHONE_NAME, role: onLaptop.role === "buyer" ? "seller" : "buyer", table: onLaptop.table }];
    await wall.page.waitForSelector(`.pj-table[data-code="${seats[0]!.table}"]`);
    expect(await wall.page.locator(".pj-table").count()).toBe(1);
    await expect.poll(() => wall.page.locator(".pj-table").getAttribute("data-status"), { timeout: 15_000 }).toBe("negotiating");
    expect(await wall.page.locator('[data-testid="round-counts"]').innerText()).toMatch(/0\s+of 1 table finished/);
    expect(await wall.page.locator(".pj-table-names").innerText()).toContain(LAPTOP_NAME);
    // The wall carries no hidden number: no walk-away, no zone.
    expect(await wallText(wall.page)).not.toMatch(/walk-away|zone/i);
    expect(await fitsTheScreen(wall.page)).toBe(true);
    expect(await smallestText(wall.page)).toBeGreaterThanOrEqual(14);
    await shot(wall.page, "projector-02-round");

    const seller = seats.find((s) => s.role === "seller")!;
    const buyer = seats.find((s) => s.role === "buyer")!;
    await waitForStatus(seller.player.page, ["your_turn"]);
    if (seller.player === phone) {
      const bar = phone.page.locator("#bar-offer");
      await bar.tap();
      await expect.poll(() => bar.innerText()).toBe("Send offer");
      await phone.page.locator("#offer-price").tap();
      await phone.page.fill("#offer-price", "21000");
      await bar.tap();
    } else await makeOffer(seller.player.page, { price: 21000, support: "business" });
    await waitForSummary(buyer.player.page, "offers $21,000");
    await waitForStatus(buyer.player.page, ["your_turn"]);
    if (buyer.player === phone) {
      await phone.page.locator("#bar-accept").tap();
      const dialog = phone.page.locator("dialog.confirm[open]");
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Accept the deal" }).tap();
    } else await acceptStandingOffer(buyer.player.page);
    for (const s of seats) await waitForStatus(s.player.page, ["finished"]);
  });

  it("shows the class debrief's charts once the round is over", async () => {
    await wall.page.waitForSelector(".pj-debrief", { timeout: 20_000 });
    await expect.poll(() => wall.page.locator(".pj-chart canvas[data-chart]").count()).toBe(4);
    expect(await wall.page.locator(".pj-debrief .totals").innerText()).toContain("1 / 1");
    // Charts large enough to read: each takes a quarter of the wall, give or take the margins.
    const box = (await wall.page.locator('.pj-chart canvas[data-chart="prices"]').boundingBox())!;
    expect(box.width).toBeGreaterThan(500);
    expect(box.height).toBeGreaterThan(180);
    expect(await fitsTheScreen(wall.page)).toBe(true);
    expect(await smallestText(wall.page)).toBeGreaterThanOrEqual(14);
    await wall.page.waitForTimeout(500);
    await shot(wall.page, "projector-03-debrief");
  });

  it("switched to anonymous, shows no real name on the wall, and the export follows", async () => {
    const page = facilitator.page;
    const before = wall.frames.length;
    await page.click('[data-tab="class"]');
    await page.check("#projector-anonymous");
    // The charts' labels are drawn on canvas: what the wall was sent is what it can show. From
    // the first anonymous view on (a view sent just before the switch may still be on its way).
    const firstAnonymous = () => wall.frames.findIndex((f, i) => i >= before && f.toString("utf8").includes("Player 1"));
    await expect.poll(firstAnonymous, { timeout: 10_000 }).toBeGreaterThanOrEqual(0);
    const sent = () => wall.frames.slice(firstAnonymous()).map((f) => f.toString("utf8")).join("\n");
    expect(sent()).toContain("Player 2");
    for (const name of [LAPTOP_NAME, PHONE_NAME, "Priya", "Tomás"]) expect(sent()).not.toContain(name);
    await expect.poll(() => wall.page.locator(".pj-chart canvas[data-chart]").count()).toBe(4);
    for (const name of [LAPTOP_NAME, PHONE_NAME, "Priya", "Tomás"]) expect(await wallText(wall.page)).not.toContain(name);
    await wall.page.waitForTimeout(500);
    await shot(wall.page, "projector-04-anonymous-debrief");

    // The export's choice follows the switch: the per-person file has pseudonyms only.
    await page.click('[data-tab="debrief"]');
    expect(await page.isChecked("#export-anonymous")).toBe(true);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="participants.csv"]')]);
    const raw = readFileSync((await download.path())!, "utf8");
    for (const name of [LAPTOP_NAME, PHONE_NAME]) expect(raw).not.toContain(name);
    expect(parseCsv(raw).rows.map((r) => r.name).sort()).toEqual(["Player 1", "Player 2"]);

    // A reload keeps the wall anonymous (the switch is stored with the workshop).
    await wall.page.reload();
    await wall.page.waitForSelector(".pj-debrief");
    expect(await wallText(wall.page)).not.toContain(LAPTOP_NAME);
    for (const p of [facilitator, wall, laptop, phone]) expect(p.errors).toEqual([]);
  });
});
