import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/engine/scenario.js";
import { newPlayer, type Player } from "./helpers/browser.js";
import { newPhone } from "./helpers/phone.js";
import { useStage } from "./helpers/stage.js";
import { field, fillFiveIssueCase, problemBeside, problemCount, STUDIO_SCREENS, studioScreenshot, type } from "./helpers/studio.js";

/*
 * Issue #14: a trainer writes a new five-issue case in the studio from an empty form, fixes the
 * validation errors shown beside their fields, previews a brief, exports and re-imports the
 * file and prints one page per role. Each step leaves the page where the next one starts.
 */
describe("the case studio", { timeout: 240_000 }, () => {
  const stage = useStage();
  let trainer: Player;
  let exported = "";

  beforeAll(async () => {
    trainer = await newPlayer(stage.browser);
  }, 120_000);

  it("is reached from the start page and starts from an empty form", async () => {
    const { page } = trainer;
    await page.goto(stage.server.baseUrl);
    await page.click("#write-case");
    await page.waitForURL(/\/studio$/);
    await expect.poll(() => field(page, "title").inputValue()).toBe("");
    expect(await page.locator("#studio-preview-body").innerText()).toBe("");
    await studioScreenshot(page, "studio-01-empty-1280");
  });

  it("shows each mistake beside its field as the case is typed, and the summary counts them", async () => {
    const { page } = trainer;
    await fillFiveIssueCase(page, { walkAwayBackwards: true, optionIdMissing: true, valueNotANumber: true });
    await expect.poll(() => problemCount(page)).toBe("3 problems");

    expect(await problemBeside(page, "roles.buyer.walkAway.max")).toContain("min must not exceed max");
    expect(await field(page, "roles.buyer.walkAway.max").getAttribute("aria-invalid")).toBe("true");
    expect(await problemBeside(page, "issues[4].options[1].id")).toContain("lower-case");
    expect(await problemBeside(page, "roles.seller.values.crew.atMax")).toContain("must be a whole amount of money");
    // The field's problem is its accessible description.
    const describedBy = (await field(page, "roles.seller.values.crew.atMax").getAttribute("aria-describedby")) ?? "";
    expect(describedBy).toContain("-problem");
    await field(page, "roles.buyer.walkAway.max").scrollIntoViewIfNeeded();
    await studioScreenshot(page, "studio-02-problems-1280");

    // A summary entry takes the trainer to its field.
    await page.locator("#studio-problems li", { hasText: "Walk-away" }).first().getByRole("button").click();
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path)).toBe("roles.buyer.walkAway.max");
  });

  it("says there are no problems once they are fixed, and previews the buyer's brief", async () => {
    const { page } = trainer;
    await type(page, "roles.buyer.walkAway.min", "60000");
    await type(page, "roles.buyer.walkAway.max", "70000");
    await expect.poll(() => problemBeside(page, "roles.buyer.walkAway.max")).toBe("");
    await type(page, "issues[4].options[1].id", "full");
    await type(page, "roles.buyer.values.insurance.byOption.full", "6000");
    await type(page, "roles.seller.values.insurance.byOption.full", "2500");
    await type(page, "roles.seller.values.crew.atMax", "6000");
    await expect.poll(() => problemBeside(page, "issues[4].options[1].id")).toBe("");
    await expect.poll(() => problemCount(page)).toBe("No problems");
    expect(await field(page, "roles.seller.values.crew.atMax").getAttribute("aria-invalid")).toBeNull();

    const preview = page.locator("#studio-preview-body");
    await expect.poll(() => preview.innerText()).toContain("You run facilities at Brightline.");
    const walkAway = await preview.locator('[data-testid="my-walkaway"] .walkaway-value').innerText();
    const drawn = Number(walkAway.replace(/[^\d]/g, ""));
    expect(drawn).toBeGreaterThanOrEqual(60000);
    expect(drawn).toBeLessThanOrEqual(70000);
    await page.click("#preview-seller");
    await expect.poll(() => preview.innerText()).toContain("You own Swift Removals.");
    expect(await preview.innerText()).toContain("Crews booked");
    await page.click("#preview-buyer");
    await page.locator(".studio-preview").scrollIntoViewIfNeeded();
    await studioScreenshot(page, "studio-03-no-problems-preview-1280");
  });

  it("exports a file the scenario format accepts, and imports it back", async () => {
    const { page } = trainer;
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#studio-export")]);
    expect(download.suggestedFilename()).toBe("office-move.json");
    exported = path.join(STUDIO_SCREENS, "office-move.json");
    await download.saveAs(exported);
    const json: unknown = JSON.parse(readFileSync(exported, "utf8"));
    const parsed = parseScenario(json);
    expect(parsed.ok ? [] : parsed.error).toEqual([]);
    if (!parsed.ok) return;
    expect(parsed.value.issues.map((i) => i.kind)).toEqual(["price", "range", "range", "options", "options"]);
    expect(parsed.value.questions).toHaveLength(1);
    expect(parsed.value.deck.cards).toHaveLength(1);

    // A file that is not JSON is refused with a message, and the case is left as it was.
    const junk = path.join(STUDIO_SCREENS, "not-a-case.json");
    writeFileSync(junk, "this is not { json");
    await page.setInputFiles("#studio-import-file", junk);
    await expect.poll(() => page.locator("#studio-file-error").innerText()).toContain("not a JSON file");
    expect(await field(page, "title").inputValue()).toBe("The office move");

    await type(page, "title", "Scratch");
    await page.setInputFiles("#studio-import-file", exported);
    await expect.poll(() => page.locator("#studio-file-status").innerText()).toBe("office-move.json loaded.");
    expect(await field(page, "title").inputValue()).toBe("The office move");
    expect(await problemCount(page)).toBe("No problems");
  });

  it("prints one page per role, with the walk-away as the range it is drawn from", async () => {
    const { page } = trainer;
    await page.emulateMedia({ media: "print" });
    const pages = page.locator(".print-page");
    expect(await pages.count()).toBe(2);
    const buyer = await pages.nth(0).innerText();
    expect(buyer).toContain("The office move");
    expect(buyer).toContain("Brightline Agency moves 80 people");
    expect(buyer).toContain("drawn between €60,000 and €70,000");
    expect(buyer).toContain("Insurance — worth to you: Basic cover €0, Full replacement cover €6,000");
    const seller = await pages.nth(1).innerText();
    expect(seller).toContain("Crews booked — After round between 3 and 5 you pay €1,000 a round");
    expect(await page.locator(".studio-form").isVisible()).toBe(false);
    await studioScreenshot(page, "studio-04-print-1280", true);
    const pdf = await page.pdf({ format: "A4" });
    writeFileSync(path.join(STUDIO_SCREENS, "studio-briefs.pdf"), pdf);
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(2);
    await page.emulateMedia({ media: "screen" });
    expect(trainer.errors).toEqual([]);
  });

  it("opens the workshop form with a case chosen, as the studio links to it after a save", async () => {
    const { page } = trainer;
    await page.goto(`${stage.server.baseUrl}/workshop?scenario=fleet-maintenance`);
    await expect.poll(() => page.locator("#ws-scenario").inputValue()).toBe("fleet-maintenance");
  });

  it("is one column on a phone", async () => {
    const phone = await newPhone(stage.browser, { width: 390, height: 844 });
    const { page } = phone;
    await page.goto(`${stage.server.baseUrl}/studio`);
    await page.setInputFiles("#studio-import-file", exported);
    await expect.poll(() => page.locator("#studio-file-status").innerText()).toBe("office-move.json loaded.");
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(sideways).toBe(false);
    const form = await page.locator(".studio-form").boundingBox();
    const side = await page.locator(".studio-side").boundingBox();
    expect(side && form && side.y >= form.y + form.height - 1).toBe(true);
    const fontSize = await field(page, "title").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(14);
    await studioScreenshot(page, "studio-05-phone-390");
    await field(page, "roles.buyer.walkAway.min").scrollIntoViewIfNeeded();
    await studioScreenshot(page, "studio-06-phone-390-role");
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
