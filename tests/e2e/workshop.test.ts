import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { PARTICIPANT_COLUMNS, RESULT_COLUMNS, termColumns } from "../../server/workshop/exportRows.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { parseCsv } from "../workshop/helpers/csv.js";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { useStage } from "./helpers/stage.js";
import { acceptStandingOffer, makeOffer, waitForStatus, waitForSummary } from "./helpers/table.js";
import { joinWorkshop, openWorkshop, seatOf, tileStatus, type Seat } from "./helpers/workshop.js";

/*
 * A whole workshop round in Chromium: a facilitator and five participants (two human tables and
 * one person against a bot), from creating the workshop to the class debrief and the export.
 */

/** A 40-character name (the longest allowed) and one that starts with an emoji: the room's awkward cases. */
const LONG = "Maximiliana Wolfeschlegelsteinhausen-Ber";
const EMOJI = "😀 Dee";
const NAMES = ["Ana", "Ben", "Cem", EMOJI, LONG] as const;

describe("a workshop round with six browsers", { timeout: 240_000 }, () => {
  const stage = useStage();
  let facilitator: Player;
  let people: Player[];
  let code: string;
  let seats: Seat[];
  let dealTable: string;

  beforeAll(async () => {
    facilitator = await newPlayer(stage.browser, { width: 1440, height: 900 });
    people = await Promise.all(NAMES.map(() => newPlayer(stage.browser)));
  }, 180_000);

  it("the facilitator opens a workshop and gets a join code and a secret link", async () => {
    const page = facilitator.page;
    code = await openWorkshop(page, stage.server.baseUrl, "Key accounts — spring cohort");
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(await page.inputValue("#facilitator-link")).toMatch(new RegExp(`/w/${code}/console#key=[A-Za-z0-9_-]{43}$`));
    // The secret never stays in the address bar.
    expect(page.url()).not.toContain("key=");
  });

  it("five participants join with the code and appear in the live roster", async () => {
    await Promise.all(people.map((p, i) => joinWorkshop(p.page, stage.server.baseUrl, code, NAMES[i]!)));
    const roster = facilitator.page.locator('[data-testid="roster"] li');
    await expect.poll(() => roster.count(), { timeout: 10_000 }).toBe(5);
    await facilitator.page.waitForSelector(".ws-card h2:text('The class (5 online of 5)')");
    await people[0]!.page.waitForSelector(".lobby h2:text('Who is here (5 online)')");
    // The 40-character name is cut inside the roster's card, not pushed under the next one.
    const name = await facilitator.page.locator(`.roster .name-cut[title="${LONG}"]`).boundingBox();
    const card = await facilitator.page.locator("section.ws-card", { has: facilitator.page.locator(".roster") }).boundingBox();
    expect(name!.x + name!.width).toBeLessThanOrEqual(card!.x + card!.width);
    await screenshot(people[0]!.page, "workshop-01-participant-lobby");
    await screenshot(facilitator.page, "workshop-02-console-class");
  });

  it("pairs at random (two human tables and a bot seat) and starts the round: everyone lands at their table", async () => {
    const page = facilitator.page;
    await page.click("#pair-random");
    await page.waitForSelector(".pairing tbody tr");
    expect(await page.locator(".pairing tbody tr").count()).toBe(3);
    await screenshot(page, "workshop-03-console-pairing");
    await page.click("#start-round");
    await page.waitForSelector('[data-panel="grid"]:not([hidden])');
    seats = await Promise.all(people.map((p, i) => seatOf(p, NAMES[i]!)));
    const tables = new Set(seats.map((s) => s.table));
    expect(tables.size).toBe(3);
    for (const s of seats) await waitForStatus(s.player.page, ["your_turn", "their_turn"]);
    await expect.poll(() => page.locator('.tile[data-status="negotiating"]').count(), { timeout: 15_000 }).toBe(3);
  });

  it("shows the live grid, throws a curve ball into every table and broadcasts a message", async () => {
    const page = facilitator.page;
    await page.selectOption("#curveball-card", "competitor-quote");
    await page.click("#curveball-all");
    await page.waitForSelector('.control-answer[data-control="curveball"]');
    expect(await page.locator(".control-answer strong").first().innerText()).toContain("3 of 3 tables done");
    // Every table carried it out: the answer clears itself after a few seconds.
    await page.waitForSelector(".control-answer", { state: "detached", timeout: 15_000 });
    await expect.poll(() => page.locator(".tile .tile-cards .chip").count(), { timeout: 10_000 }).toBe(3);

    await page.fill("#broadcast-text", "Ten minutes left: decide what you will accept.");
    await page.click("#broadcast-send");
    for (const s of seats) await s.player.page.waitForSelector(".ws-announce:text('Ten minutes left')");
    await screenshot(seats[0]!.player.page, "workshop-04-participant-table-broadcast");

    // A participant who reloads their table keeps the seat and the way back to the workshop.
    const reloaded = seats[0]!.player.page;
    await reloaded.reload();
    await waitForStatus(reloaded, ["your_turn", "their_turn"]);
    await reloaded.waitForSelector("#back-to-workshop");

    const tile = page.locator(".tile").first();
    expect(await tile.locator(".figures").first().innerText()).toMatch(/walk-away \$[0-9,]+/);
    expect(await tile.locator(".tile-strip svg").count()).toBe(1);
    // The 40-character name is cut inside its tile (whole in its title), nothing spills out of
    // a tile, and the tiles share the wide screen instead of staying narrow.
    const long = page.locator(`.tile .name-cut[title="${LONG}"]`);
    expect(await long.innerText()).toBe(LONG);
    const box = await long.boundingBox();
    const tileBox = await page.locator(".tile", { has: page.locator(`.name-cut[title="${LONG}"]`) }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(tileBox!.x + tileBox!.width);
    const overflowing = await page.$$eval(".tile, .tile .status-pill, .tile .name-cut", (els) => els.filter((el) => el.getBoundingClientRect().right > (el.closest(".tile") ?? el).getBoundingClientRect().right + 0.5).length);
    expect(overflowing).toBe(0);
    const widths = await page.$$eval(".tile", (els) => els.map((el) => el.getBoundingClientRect().width));
    const gridWidth = await page.$eval(".grid", (el) => el.getBoundingClientRect().width);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(gridWidth * 0.9);
    await screenshot(page, "workshop-05-grid");

    const emoji = seats.find((s) => s.name === EMOJI)!.player.page;
    await emoji.waitForTimeout(800);
    await screenshot(emoji, "workshop-05b-emoji-name-at-table");
  });

  it("plays the two human tables: one deal, one walk-away", async () => {
    const humanTables = [...new Set(seats.map((s) => s.table))].filter((t) => seats.filter((s) => s.table === t).length === 2);
    expect(humanTables).toHaveLength(2);
    dealTable = humanTables[0]!;
    const walkTable = humanTables[1]!;
    const at = (table: string, role: "buyer" | "seller") => seats.find((s) => s.table === table && s.role === role)!;

    const seller = at(dealTable, "seller");
    const buyer = at(dealTable, "buyer");
    await waitForStatus(seller.player.page, ["your_turn"]);
    await makeOffer(seller.player.page, { price: 21000, support: "business" }, "Business support included.");
    await waitForSummary(buyer.player.page, "offers $21,000");
    await waitForStatus(buyer.player.page, ["your_turn"]);
    await acceptStandingOffer(buyer.player.page, "Deal.");

    const walker = at(walkTable, "seller");
    await waitForStatus(walker.player.page, ["your_turn"]);
    await walker.player.page.click("#walk-away");
    const dialog = walker.player.page.locator("dialog.confirm[open]");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Walk away" }).click();

    for (const s of [seller, buyer, walker]) await waitForStatus(s.player.page, ["finished"]);
    await expect.poll(() => tileStatus(facilitator.page, dealTable), { timeout: 10_000 }).toBe("deal");
    await expect.poll(() => tileStatus(facilitator.page, walkTable), { timeout: 10_000 }).toBe("walked_away");
    await screenshot(facilitator.page, "workshop-06-grid-results");
  });

  it("opens any table in the spectator view with both sides' hidden information", async () => {
    const page = facilitator.page;
    const botTable = [...new Set(seats.map((s) => s.table))].find((t) => seats.filter((s) => s.table === t).length === 1)!;
    await page.locator(`.tile[data-code="${botTable}"]`).getByRole("button", { name: "Watch" }).click();
    await page.waitForURL(new RegExp(`/f/${botTable}$`));
    await page.waitForSelector(".seat-label:text('Facilitator view')");
    const briefs = page.locator(".panel-left .private");
    await expect.poll(() => briefs.count(), { timeout: 10_000 }).toBe(2);
    expect(await page.locator(".panel-left").innerText()).toMatch(/Seller's brief[\s\S]*Walk-away[\s\S]*Buyer's brief/i);
    // The facilitator runs this table from here as from its tile: +60 s answers in the bar.
    await page.locator(".ws-bar-controls").getByRole("button", { name: "+60 s" }).click();
    await page.waitForSelector(".ws-bar-answer:text('60 s added to the turn.')");
    expect(await page.locator(".ws-bar-controls button").allInnerTexts()).toEqual(["Pause", "+60 s", "Curve ball", "End"]);
    await page.waitForTimeout(800);
    await screenshot(page, "workshop-07-spectator");
    await page.click("#back-to-workshop");
    await page.waitForURL(/\/console$/);
  });

  it("ends the round and shows the class debrief with charts; each participant sees their own debrief", async () => {
    const page = facilitator.page;
    await page.click('[data-tab="grid"]');
    page.once("dialog", (d) => void d.accept());
    await page.click("#end-round");
    await page.waitForSelector('[data-panel="debrief"]:not([hidden])', { timeout: 15_000 });
    await page.waitForSelector(".results-table tbody tr >> nth=2", { timeout: 15_000 });
    expect(await page.locator(".results-table tbody tr").count()).toBe(3);
    await expect.poll(() => page.locator("canvas[data-chart]").count()).toBe(4);
    const totals = await page.locator(".totals").innerText();
    expect(totals).toContain("1 / 3");
    expect(totals).toMatch(/walk-aways/);
    // The long name is cut in the results table (whole in the title), the chart axes show the cut names.
    const cell = page.locator(".results-table td.names", { has: page.locator(`.name-cut[title="${LONG}"]`) });
    expect((await cell.boundingBox())!.width).toBeLessThan(420);
    await page.waitForTimeout(600);
    await screenshot(page, "workshop-08-debrief");
    await page.locator(".curve-list").scrollIntoViewIfNeeded();
    await screenshot(page, "workshop-09-debrief-tables");

    const buyer = seats.find((s) => s.table === dealTable && s.role === "buyer")!;
    await buyer.player.page.click("#back-to-workshop");
    await buyer.player.page.waitForSelector(".debrief-lines li", { timeout: 15_000 });
    const own = await buyer.player.page.locator('section[aria-label="Your debrief"]').innerText();
    expect(own).toMatch(/Your surplus as the (buyer|seller)/);
    expect(own).toMatch(/of \d (buyer|seller)s in the class/);
    await screenshot(buyer.player.page, "workshop-10-participant-debrief");
  });

  it("proposes round 2 fresh: everyone on the other side, new opponents, no warning", async () => {
    const page = facilitator.page;
    await page.click('[data-tab="class"]');
    await page.waitForSelector("#setup-title:text('Round 2')");
    await expect.poll(() => page.locator(".pairing tbody tr").count(), { timeout: 10_000 }).toBe(3);
    expect(await page.locator(".pairing-editor .notes-list li").allInnerTexts()).toEqual([]);
    await screenshot(page, "workshop-09b-console-round-2-pairing");
  });

  it("exports every game's results and full log", async () => {
    const page = facilitator.page;
    await page.click('[data-tab="debrief"]');
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="results.csv"]')]);
    const raw = readFileSync((await csvDownload.path())!, "utf8");
    // A byte order mark first, so Excel reads "😀 Dee" as typed.
    expect(raw.startsWith("\uFEFF")).toBe(true);
    const csv = raw.slice(1).trim().split("\n");
    expect(csv[0]).toBe([...RESULT_COLUMNS, ...termColumns([SCENARIOS["backup-appliance"]!.issues])].join(","));
    expect(csv).toHaveLength(4);
    expect(csv.filter((r) => r.includes(",deal,"))).toHaveLength(1);
    expect(csv.filter((r) => r.includes(",walkaway,"))).toHaveLength(1);
    expect(csv.filter((r) => r.includes(",ended,"))).toHaveLength(1);
    for (const name of NAMES) expect(csv.join("\n")).toContain(name);

    const [peopleDownload] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="participants.csv"]')]);
    const perPerson = parseCsv(readFileSync((await peopleDownload.path())!, "utf8"));
    expect(perPerson.bom).toBe(true);
    expect(perPerson.header).toEqual([...PARTICIPANT_COLUMNS]);
    expect(perPerson.rows.map((r) => r.name).sort()).toEqual([...NAMES].sort());

    const [logDownload] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="log.csv"]')]);
    const log = readFileSync((await logDownload.path())!, "utf8");
    for (const type of ["round_started", "offer_made", "deal", "walked_away", "card_drawn", "game_over"]) expect(log).toContain(type);

    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="json"]')]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, "utf8")) as { workshop: { code: string }; rounds: { games: { result: { outcome: string } }[] }[] };
    expect(json.workshop.code).toBe(code);
    expect(json.rounds[0]!.games.map((g) => g.result.outcome).sort()).toEqual(["deal", "ended", "walkaway"]);

    for (const p of [facilitator, ...people]) expect(p.errors).toEqual([]);
  });
});
