import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./build.js";

/*
 * The case studio as a trainer uses it: fields are found by the document path they edit
 * (data-path), buttons by their id, and everything is typed or clicked.
 */

export const STUDIO_SCREENS = path.join(ROOT, "test-artifacts/screens");

export async function studioScreenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(STUDIO_SCREENS, { recursive: true });
  const file = path.join(STUDIO_SCREENS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

export function field(page: Page, docPath: string) {
  return page.locator(`[data-path="${docPath}"]`);
}

/** Type into the field that edits `docPath`, as a trainer would (select all, type over). */
export async function type(page: Page, docPath: string, text: string): Promise<void> {
  const input = field(page, docPath);
  await input.click();
  await input.press("ControlOrMeta+a");
  if (text === "") await input.press("Backspace");
  else await input.pressSequentially(text, { delay: 0 });
}

export async function choose(page: Page, docPath: string, value: string): Promise<void> {
  await field(page, docPath).selectOption(value);
}

/** The problem shown beside the field that edits `docPath` (empty when there is none). */
export async function problemBeside(page: Page, docPath: string): Promise<string> {
  const slot = page.locator(`.field:has(> [data-path="${docPath}"]) > .field-problem`);
  return (await slot.isVisible()) ? ((await slot.textContent()) ?? "") : "";
}

export async function problemCount(page: Page): Promise<string> {
  // The check runs ~150 ms after the last key: wait for it to settle on a figure.
  await page.waitForTimeout(400);
  return (await page.locator("#studio-problems-title").textContent()) ?? "";
}

export type CaseMistakes = {
  /** The buyer's walk-away typed the wrong way round (from above to). */
  readonly walkAwayBackwards: boolean;
  /** The second insurance option left without an id. */
  readonly optionIdMissing: boolean;
  /** The seller's cost of the biggest crew typed as "6k". */
  readonly valueNotANumber: boolean;
};

/**
 * A five-issue case from the empty form: price, two numeric issues, two options issues, both
 * roles' briefs and valuations, a pressure point, a question and a curve-ball card. `mistakes`
 * makes the errors a trainer makes on the way, to be seen and fixed.
 */
export async function fillFiveIssueCase(page: Page, mistakes: CaseMistakes): Promise<void> {
  await type(page, "id", "office-move");
  await type(page, "title", "The office move");
  await type(page, "summary", "A growing agency moves office and needs a mover for one weekend.");
  await type(page, "story", "Brightline Agency moves 80 people to a new floor across town. Two movers quoted; this one is the favourite.");
  await type(page, "rounds", "6");
  await type(page, "turnSeconds", "90");

  await type(page, "issues[0].label", "Moving fee");
  await type(page, "issues[0].min", "40,000");
  await type(page, "issues[0].max", "80000");
  await type(page, "issues[0].step", "1000");

  await page.click("#add-range-issue");
  await type(page, "issues[1].label", "Storage period");
  await type(page, "issues[1].id", "storage");
  await type(page, "issues[1].unit", "months");
  await type(page, "issues[1].min", "0");
  await type(page, "issues[1].max", "6");
  await type(page, "issues[1].step", "1");
  await choose(page, "issues[1].buyerPrefers", "higher");

  await page.click("#add-range-issue");
  await type(page, "issues[2].label", "Movers on the day");
  await type(page, "issues[2].id", "crew");
  await type(page, "issues[2].unit", "people");
  await type(page, "issues[2].min", "4");
  await type(page, "issues[2].max", "12");
  await type(page, "issues[2].step", "2");

  await page.click("#add-options-issue");
  await type(page, "issues[3].label", "Move weekend");
  await type(page, "issues[3].id", "weekend");
  await type(page, "issues[3].options[0].label", "Any weekend this quarter");
  await type(page, "issues[3].options[0].id", "any");
  await type(page, "issues[3].options[1].label", "The weekend we choose");
  await type(page, "issues[3].options[1].id", "chosen");

  await page.click("#add-options-issue");
  await type(page, "issues[4].label", "Insurance");
  await type(page, "issues[4].id", "insurance");
  await type(page, "issues[4].options[0].label", "Basic cover");
  await type(page, "issues[4].options[0].id", "basic");
  await type(page, "issues[4].options[1].label", "Full replacement cover");
  if (!mistakes.optionIdMissing) await type(page, "issues[4].options[1].id", "full");

  await type(page, "roles.buyer.brief", "You run facilities at Brightline. The board approved a budget; a smooth move matters more than a cheap one.");
  await type(page, "roles.buyer.walkAway.min", mistakes.walkAwayBackwards ? "70000" : "60000");
  await type(page, "roles.buyer.walkAway.max", mistakes.walkAwayBackwards ? "60000" : "70000");
  await type(page, "roles.buyer.walkAway.step", "1000");
  await type(page, "roles.buyer.values.storage.atMin", "0");
  await type(page, "roles.buyer.values.storage.atMax", "3000");
  await type(page, "roles.buyer.values.crew.atMin", "0");
  await type(page, "roles.buyer.values.crew.atMax", "4000");
  await type(page, "roles.buyer.values.weekend.byOption.any", "0");
  await type(page, "roles.buyer.values.weekend.byOption.chosen", "5000");
  await type(page, "roles.buyer.values.insurance.byOption.basic", "0");
  if (!mistakes.optionIdMissing) await type(page, "roles.buyer.values.insurance.byOption.full", "6000");
  await page.click("#add-buyer-strengths");
  await type(page, "roles.buyer.strengths[0].text", "A second mover quoted: you can walk away.");

  await type(page, "roles.seller.brief", "You own Swift Removals. This is a showcase client, but your crews are busy that quarter.");
  await type(page, "roles.seller.walkAway.min", "50000");
  await type(page, "roles.seller.walkAway.max", "58000");
  await type(page, "roles.seller.walkAway.step", "1000");
  await type(page, "roles.seller.values.storage.atMin", "0");
  await type(page, "roles.seller.values.storage.atMax", "1200");
  await type(page, "roles.seller.values.crew.atMin", "0");
  await type(page, "roles.seller.values.crew.atMax", mistakes.valueNotANumber ? "6k" : "6000");
  await type(page, "roles.seller.values.weekend.byOption.any", "0");
  await type(page, "roles.seller.values.weekend.byOption.chosen", "2000");
  await type(page, "roles.seller.values.insurance.byOption.basic", "0");
  if (!mistakes.optionIdMissing) await type(page, "roles.seller.values.insurance.byOption.full", "2500");
  await page.click("#add-seller-deadline");
  await type(page, "roles.seller.hotButtons[0].label", "Crews booked");
  await type(page, "roles.seller.hotButtons[0].text", "After round {afterRound} you pay {costPerRound} a round to hold the crews.");

  await page.click("#add-question");
  await type(page, "questions[0].text", "What is the lowest fee you can do this for?");
  await type(page, "questions[0].answer", "Nothing below {walkAway}, net of the other terms.");
  await choose(page, "questions[0].reveals.kind", "walkAway");

  await page.click("#add-card");
  await type(page, "deck.cards[0].title", "A rival quotes");
  await type(page, "deck.cards[0].text", "A rival sends a firm quote: your walk-away moves by {by}.");
  await type(page, "deck.cards[0].effect.by", "-3000");
  await type(page, "deck.maxCards", "1");
}

/** Save the case to the server's library; resolves with the "Saved as version N" line. */
export async function saveStudioCase(page: Page): Promise<string> {
  await page.click("#studio-save");
  const line = page.locator(".studio-saved-line");
  await line.waitFor();
  return (await line.textContent()) ?? "";
}
