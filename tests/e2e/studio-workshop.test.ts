import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../workshop/helpers/csv.js";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { useStage } from "./helpers/stage.js";
import { field, fillFiveIssueCase, problemCount, saveStudioCase, STUDIO_SCREENS, studioScreenshot, type } from "./helpers/studio.js";
import { acceptStandingOffer, makeOffer, readWalkAway, waitForStatus, waitForSummary } from "./helpers/table.js";
import { joinWorkshop, seatOf, tileStatus, type Seat } from "./helpers/workshop.js";

/*
 * Issue #14, continued: the case the trainer wrote in the studio is calibrated between bots,
 * saved, and played in a workshop (two participants, each against a bot seat the facilitator
 * places by hand, then against each other). While the second round is running the trainer saves
 * a new version and the server is killed (kill -9): the running game comes back by itself,
 * still on version 1 as its players first read it, and its result reaches the console.
 */

const CASE_ID = "office-move";
const TITLE = "The office move";
const NEW_TITLE = "The office move — revised";
const BRIEF = "You run facilities at Brightline.";
const NEW_BRIEF = "You head facilities at Brightline.";
const OPTION = "Full replacement cover";
const NEW_OPTION = "New-for-old cover";

/** A percentage as the calibration panel writes it ("45 %"), as a number. */
function percentOf(text: string): number {
  const m = /^(\d+) %/.exec(text.trim());
  if (!m) throw new Error(`not a percentage: "${text}"`);
  return Number(m[1]);
}

/** The calibration figure whose label starts with `label`. */
async function figure(page: Page, label: string): Promise<string> {
  return (await page.locator(".calibrate-figures dt", { hasText: label }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
}

/** What a player reads of the case at their table: its title, their brief and the options offered. */
async function caseAsSeen(page: Page): Promise<{ title: string; brief: string; options: string[] }> {
  return {
    title: (await page.locator(".table-title").textContent()) ?? "",
    brief: (await page.locator(".panel-left").textContent()) ?? "",
    options: await page.locator("#offer-insurance option").allTextContents(),
  };
}

describe("a studio case calibrated, saved, played in a workshop and edited mid-round through a server crash", { timeout: 300_000 }, () => {
  const stage = useStage({ RECONNECT_SECONDS: "60" });
  let trainer: Player;
  let ana: Player;
  let ben: Player;
  let round2: { seller: Seat; buyer: Seat; offered: string };
  let facilitatorLink: string;

  beforeAll(async () => {
    [trainer, ana, ben] = await Promise.all([newPlayer(stage.browser, { width: 1440, height: 900 }), newPlayer(stage.browser), newPlayer(stage.browser)]);
  }, 120_000);

  it("calibrates the finished draft between bots and shows consistent figures, verdicts and the card's effect", async () => {
    const { page } = trainer;
    await page.goto(stage.server.baseUrl);
    await page.click("#write-case");
    await page.waitForURL(/\/studio$/);
    await fillFiveIssueCase(page, { walkAwayBackwards: false, optionIdMissing: false, valueNotANumber: false });
    await expect.poll(() => problemCount(page)).toBe("No problems");

    // The smallest run the studio allows: anything below it is raised to it.
    await page.fill("#calibrate-games", "5");
    await page.click("#calibrate-start");
    expect(await page.inputValue("#calibrate-games")).toBe("20");
    const panel = page.locator("section.calibrate");
    await panel.locator("p[role=status]", { hasText: "Done: 20 games played." }).waitFor({ timeout: 60_000 });
    expect(await page.locator("#calibrate-progress").isHidden()).toBe(true);
    expect(await page.locator("#calibrate-start").isDisabled()).toBe(false);

    const results = page.locator(".calibrate-results");
    expect(await results.locator("p").first().innerText()).toMatch(new RegExp(`^20 games of “${TITLE}” between `));
    // How games end: deals and the three ways of no deal share the 20 games between them.
    const legend = await results.locator(".calibrate-legend li").allInnerTexts();
    expect(legend.map((l) => l.replace(/ \d+ %$/, ""))).toEqual(["Deal", "Buyer walks away", "Seller walks away", "Out of time"]);
    const shares = legend.map((l) => percentOf(l.replace(/^\D+/, "")));
    for (const s of shares) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
      // With 20 games every share is a whole number of games (5 % each).
      expect(s % 5).toBe(0);
    }
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);

    const zone = percentOf(await figure(page, "Draws with a zone of agreement"));
    expect(zone).toBeGreaterThan(0);
    expect(zone).toBeLessThanOrEqual(100);
    const dealRate = percentOf(await figure(page, "Deals on draws with a zone"));
    expect(dealRate).toBeLessThanOrEqual(100);
    // The deals on draws with a zone are among all the deals (to rounding).
    expect(shares[0]!).toBeGreaterThanOrEqual(Math.round((zone * dealRate) / 100) - 1);
    const efficiency = await figure(page, "Efficiency of deals");
    if (shares[0]! > 0) {
      const [mean, median] = [...efficiency.matchAll(/(\d+) %/g)].map((m) => Number(m[1]));
      expect(efficiency).toMatch(/^\d+ % on average, median \d+ %/);
      for (const e of [mean!, median!]) expect(e).toBeLessThanOrEqual(100);
      const where = Number(/^(\d\.\d\d) on average; \d+ % near the midpoint$/.exec(await figure(page, "Where deals land"))?.[1]);
      expect(where).toBeGreaterThanOrEqual(0);
      expect(where).toBeLessThanOrEqual(1);
      const split = /^buyer (\d+) %, seller (\d+) %$/.exec(await figure(page, "Share of the joint surplus"));
      expect(Number(split?.[1]) + Number(split?.[2])).toBeGreaterThanOrEqual(99);
      expect(Number(split?.[1]) + Number(split?.[2])).toBeLessThanOrEqual(101);
      // The case has six rounds.
      const rounds = Number(/^(\d+\.\d) on average$/.exec(await figure(page, "Rounds to a deal"))?.[1]);
      expect(rounds).toBeGreaterThanOrEqual(1);
      expect(rounds).toBeLessThanOrEqual(6);
    } else expect(efficiency).toContain("no deals");

    const verdicts = await results.locator(".calibrate-verdicts li").allInnerTexts();
    expect(verdicts.length).toBeGreaterThan(0);
    for (const v of verdicts) expect(v).toMatch(/^(OK|Warning|Problem): [A-Z].{10,}/);

    const cards = results.locator(".calibrate-cards tbody tr");
    expect(await cards.count()).toBe(1);
    const card = await cards.first().locator("th, td").allInnerTexts();
    expect(card[0]).toMatch(/^A rival quotes \((buyer|seller)\)$/);
    expect(percentOf(card[1]!)).toBeLessThanOrEqual(100);
    expect(card[2]).toMatch(/^(\d+ %|–) with, (\d+ %|–) without$/);

    await panel.scrollIntoViewIfNeeded();
    await studioScreenshot(page, "studio-workshop-01-calibrated-1440");
    // The whole panel, figures and card rows included: the right-hand column scrolls within
    // the window's height, so a tall window shows it all.
    await page.setViewportSize({ width: 1440, height: 2400 });
    await panel.screenshot({ path: path.join(STUDIO_SCREENS, "studio-workshop-01b-calibrate-panel.png") });
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(trainer.errors).toEqual([]);
  });

  it("saves the case as version 1, shows the edit key once and links to a workshop on it", async () => {
    const { page } = trainer;
    expect(await saveStudioCase(page)).toBe("Saved as version 1.");
    expect(await page.inputValue("#studio-edit-key")).toMatch(/^\S{16,}$/);
    await page.locator(".studio-save").scrollIntoViewIfNeeded();
    await studioScreenshot(page, "studio-workshop-02-saved-1440");
    await page.click("#studio-open-workshop");
    await page.waitForURL(new RegExp(`/workshop\\?scenario=${CASE_ID}$`));
    await page.waitForSelector("#ws-scenario:not([disabled])");
    expect(await page.inputValue("#ws-scenario")).toBe(CASE_ID);
    expect(await page.locator("#ws-scenario option:checked").textContent()).toBe(`${TITLE} (yours)`);
  });

  it("plays round 1: two participants, each against a bot seat placed by hand, to the class debrief", async () => {
    const { page } = trainer;
    await page.fill("#ws-title", "Office move pilot");
    // Long turns: the machine is loaded and round 2 waits through an edit and a restart.
    await page.fill("#ws-turn", "300");
    await page.getByRole("button", { name: "Open the workshop" }).click();
    await page.waitForURL(/\/w\/[A-Z0-9]{6}\/console$/);
    const code = (await page.locator('[data-testid="join-code"]').innerText()).trim();
    facilitatorLink = await page.inputValue("#facilitator-link");
    await joinWorkshop(ana.page, stage.server.baseUrl, code, "Ana");
    await joinWorkshop(ben.page, stage.server.baseUrl, code, "Ben");
    await page.waitForSelector(".ws-card h2:text('The class (2 online of 2)')");

    // Two people make one table at random; the facilitator gives each a bot opponent instead.
    await page.click("#pair-random");
    await expect.poll(() => page.locator(".pairing tbody tr").count()).toBe(1);
    await page.getByRole("button", { name: "+ Add a table" }).click();
    const seat = (table: number, role: "buyer" | "seller") => page.locator(`.pairing select[data-table="${table}"][data-role="${role}"]`);
    await seat(0, "seller").selectOption({ label: "Ana" });
    await seat(0, "buyer").selectOption({ label: "Bot" });
    await seat(1, "buyer").selectOption({ label: "Ben" });
    expect(await seat(1, "seller").inputValue()).toBe("__bot__");
    expect(await page.locator(".pairing-editor .notes-list li").allInnerTexts()).toEqual([]);
    expect(await page.inputValue("#round-scenario")).toBe(CASE_ID);
    await screenshot(page, "studio-workshop-03-console-pairing-bots", "screens");
    await page.click("#start-round");

    const [anaSeat, benSeat] = await Promise.all([seatOf(ana, "Ana"), seatOf(ben, "Ben")]);
    expect([anaSeat.role, benSeat.role]).toEqual(["seller", "buyer"]);
    expect(anaSeat.table).not.toBe(benSeat.table);
    for (const p of [ana.page, ben.page]) {
      await waitForStatus(p, ["your_turn", "their_turn"]);
      expect((await caseAsSeen(p)).title).toBe(TITLE);
    }
    expect((await caseAsSeen(ben.page)).brief).toContain(BRIEF);

    // Ben takes the bot seller's opening offer; Ana, the seller, walks away from her bot.
    await waitForStatus(ben.page, ["your_turn"], 30_000);
    await acceptStandingOffer(ben.page, "Done.");
    await waitForStatus(ana.page, ["your_turn"]);
    await ana.page.click("#walk-away");
    const dialog = ana.page.locator("dialog.confirm[open]");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Walk away" }).click();
    for (const p of [ana.page, ben.page]) await waitForStatus(p, ["finished"]);
    await expect.poll(() => tileStatus(page, benSeat.table), { timeout: 15_000 }).toBe("deal");
    await expect.poll(() => tileStatus(page, anaSeat.table), { timeout: 15_000 }).toBe("walked_away");

    // Every game over: the round closes and the console turns to the class debrief, which names the case.
    await page.waitForSelector('[data-panel="debrief"]:not([hidden])', { timeout: 20_000 });
    await expect.poll(() => page.locator(".results-table tbody tr").count(), { timeout: 15_000 }).toBe(2);
    expect(await page.locator('#debrief-round option:checked').textContent()).toBe(`Round 1 — ${TITLE}`);
    expect(await page.locator(".totals").innerText()).toContain("1 / 2");
    await screenshot(page, "studio-workshop-04-debrief-round-1", "screens");
  });

  it("starts round 2 on the same case (Ana and Ben at one table) and a first offer is made", async () => {
    const { page } = trainer;
    for (const p of [ana.page, ben.page]) {
      await p.click("#back-to-workshop");
      await p.waitForSelector(".lobby");
    }
    await page.click('[data-tab="class"]');
    await page.waitForSelector("#setup-title:text('Round 2')");
    await expect.poll(() => page.locator(".pairing tbody tr").count(), { timeout: 15_000 }).toBe(1);
    expect(await page.inputValue("#round-scenario")).toBe(CASE_ID);
    await page.click("#start-round");
    const seats = await Promise.all([seatOf(ana, "Ana"), seatOf(ben, "Ben")]);
    const seller = seats.find((s) => s.role === "seller")!;
    const buyer = seats.find((s) => s.role === "buyer")!;
    // Everyone on the other side from round 1.
    expect(seller.name).toBe("Ben");
    expect(seller.table).toBe(buyer.table);

    // The seller asks for the middle of the zone the two walk-aways leave (the case's ranges
    // always leave one on the offer's plainest terms, which cost and are worth nothing).
    await waitForStatus(seller.player.page, ["your_turn"]);
    const [floor, ceiling] = [await readWalkAway(seller.player.page), await readWalkAway(buyer.player.page)];
    expect(floor).toBeLessThan(ceiling);
    const price = Math.round((floor + ceiling) / 2000) * 1000;
    await makeOffer(seller.player.page, { price }, "Right in the middle, two crews on the day.");
    round2 = { seller, buyer, offered: `offers €${price.toLocaleString("en-US")}` };
    await waitForSummary(buyer.player.page, round2.offered);
    await expect.poll(() => tileStatus(page, round2.seller.table), { timeout: 15_000 }).toBe("negotiating");
    const seen = await caseAsSeen(round2.buyer.player.page);
    expect(seen.title).toBe(TITLE);
    expect(seen.brief).toContain(BRIEF);
    expect(seen.options).toContain(OPTION);
  });

  it("saves version 2 of the case from the studio while the game runs", async () => {
    // The trainer's own browser: the edit key from the first save is kept there.
    const page = await trainer.context.newPage();
    await page.goto(`${stage.server.baseUrl}/studio/edit/${CASE_ID}`);
    await page.waitForSelector("h1:text('Case studio — a new version')");
    await expect.poll(() => field(page, "title").inputValue(), { timeout: 15_000 }).toBe(TITLE);
    await type(page, "title", NEW_TITLE);
    const brief = await field(page, "roles.buyer.brief").inputValue();
    await type(page, "roles.buyer.brief", brief.replace(BRIEF, NEW_BRIEF));
    await type(page, "issues[4].options[1].label", NEW_OPTION);
    await expect.poll(() => problemCount(page)).toBe("No problems");
    expect(await saveStudioCase(page)).toBe("Saved as version 2.");
    // The key was handed out once, on the first save.
    expect(await page.locator("#studio-edit-key").count()).toBe(0);
    await studioScreenshot(page, "studio-workshop-05-saved-version-2-1440");
    await page.close();

    const latest = await fetch(`${stage.server.baseUrl}/api/scenarios/${CASE_ID}`);
    expect(latest.headers.get("scenario-version")).toBe("2");
    expect(((await latest.json()) as { title: string }).title).toBe(NEW_TITLE);
  });

  it("brings the running game back after kill -9, still on version 1, and its result reaches the console", async () => {
    const console = trainer.page;
    const { seller, buyer } = round2;
    const crashedAt = Date.now();
    await stage.server.crashAndRestart();
    // Nobody reloads: the tables reconnect by themselves and the game stands where it was.
    await waitForStatus(buyer.player.page, ["your_turn"], 40_000);
    await waitForStatus(seller.player.page, ["their_turn"], 40_000);
    const backMs = Date.now() - crashedAt;
    await waitForSummary(buyer.player.page, round2.offered);
    for (const s of [buyer, seller]) {
      const seen = await caseAsSeen(s.player.page);
      expect(seen.title).toBe(TITLE);
      expect(seen.options).toContain(OPTION);
      expect(seen.options).not.toContain(NEW_OPTION);
    }
    const brief = (await caseAsSeen(buyer.player.page)).brief;
    expect(brief).toContain(BRIEF);
    expect(brief).not.toContain(NEW_BRIEF);
    // The console, open since round 1, is connected again.
    await console.waitForSelector(`.ws-status[data-tone="neutral"]:text("Round 2 running — ${TITLE}. 0 of 1 tables finished.")`, { timeout: 30_000 });
    await expect.poll(() => tileStatus(console, buyer.table), { timeout: 20_000 }).toBe("negotiating");
    await screenshot(buyer.player.page, "studio-workshop-06-table-after-crash-version-1", "screens");

    // A page opened only now (the facilitator link in a new tab, then Watch) reads the pinned version too.
    const watcher = await trainer.context.newPage();
    await watcher.goto(facilitatorLink);
    await watcher.waitForURL(/\/console$/);
    await watcher.click('[data-tab="grid"]');
    await watcher.locator(`.tile[data-code="${buyer.table}"]`).getByRole("button", { name: "Watch" }).click();
    await watcher.waitForURL(new RegExp(`/f/${buyer.table}$`));
    await watcher.waitForSelector(".seat-label:text('Facilitator view')");
    await expect.poll(() => watcher.locator(".table-title").textContent(), { timeout: 15_000 }).toBe(TITLE);
    const both = (await watcher.locator(".panel-left").textContent()) ?? "";
    expect(both).toContain(BRIEF);
    expect(both).not.toContain(NEW_BRIEF);
    await screenshot(watcher, "studio-workshop-06b-facilitator-view-after-crash", "screens");
    await watcher.close();

    await acceptStandingOffer(buyer.player.page, "Agreed, after all that.");
    for (const s of [buyer, seller]) await waitForStatus(s.player.page, ["finished"]);
    await expect.poll(() => tileStatus(console, buyer.table), { timeout: 15_000 }).toBe("deal");
    // The console turns to the debrief of the round just over, not the one it showed before.
    await console.waitForSelector('[data-panel="debrief"]:not([hidden])', { timeout: 20_000 });
    await expect.poll(() => console.locator('#debrief-round option:checked').textContent(), { timeout: 15_000 }).toBe(`Round 2 — ${TITLE}`);
    await expect.poll(() => console.locator(".results-table tbody tr").count(), { timeout: 15_000 }).toBe(1);
    expect(await console.locator(".totals").innerText()).toContain("1 / 1");
    await screenshot(console, "studio-workshop-07-debrief-round-2", "screens");

    // The export says which version each game was played on: version 1 throughout.
    const [download] = await Promise.all([console.waitForEvent("download"), console.click('[data-export="results.csv"]')]);
    const csv = parseCsv(readFileSync((await download.path())!, "utf8"));
    expect(csv.rows.map((r) => [r.round, r.scenario, r.scenario_version, r.outcome])).toEqual([
      ["1", CASE_ID, "1", expect.stringMatching(/^(deal|walkaway)$/)],
      ["1", CASE_ID, "1", expect.stringMatching(/^(deal|walkaway)$/)],
      ["2", CASE_ID, "1", "deal"],
    ]);
    expect(csv.rows.filter((r) => r.round === "1").map((r) => r.outcome).sort()).toEqual(["deal", "walkaway"]);

    // The library still serves version 1 as played, and version 2 as the latest.
    const v1 = (await (await fetch(`${stage.server.baseUrl}/api/scenarios/${CASE_ID}?version=1`)).json()) as { title: string };
    expect(v1.title).toBe(TITLE);
    const latest = await fetch(`${stage.server.baseUrl}/api/scenarios/${CASE_ID}`);
    expect(latest.headers.get("scenario-version")).toBe("2");

    for (const p of [trainer, ana, ben]) expect(p.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/i.test(e))).toEqual([]);
    process.stdout.write(`studio case through a crash: the round-2 table live again ${backMs} ms after kill -9\n`);
  });
});
