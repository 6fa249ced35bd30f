import type { Page } from "playwright-core";
import type { StatusVM } from "../../../client/src/view/status.js";

/*
 * What a person does at the table, as page actions. Every wait is on visible state (the status
 * line's kind, the table summary, a dialog) — never on a fixed delay.
 */

/** The status line's kinds, as the client's view-model names them. */
export type StatusKind = StatusVM["kind"];

export async function waitForStatus(page: Page, kinds: readonly StatusKind[], timeout = 20_000): Promise<StatusKind> {
  const selector = kinds.map((k) => `.status-bar[data-kind="${k}"]`).join(", ");
  await page.waitForSelector(selector, { timeout });
  return (await page.getAttribute(".status-bar", "data-kind")) as StatusKind;
}

export async function waitForSummary(page: Page, text: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((t) => document.getElementById("table-summary")?.textContent?.includes(t) ?? false, text, { timeout });
}

async function choose(page: Page, card: string, label: string): Promise<void> {
  await page.locator(`${card} .choice`, { hasText: label }).click();
}

export async function startPractice(page: Page, baseUrl: string, options: { name: string; role: "Buyer" | "Seller"; level: "Easy" | "Firm" | "Tough" }): Promise<void> {
  await page.goto(baseUrl);
  await page.fill("#player-name", options.name);
  await page.waitForSelector(".card-practice select:not([disabled])");
  await choose(page, ".card-practice", options.role);
  await choose(page, ".card-practice", options.level);
  await page.getByRole("button", { name: "Start practice" }).click();
}

/** Done reading the brief: press "I'm ready" once reading time is shown. */
export async function sayReady(page: Page): Promise<void> {
  await waitForStatus(page, ["reading"]);
  await page.getByRole("button", { name: "I'm ready" }).click();
}

/** Open a head-to-head table; returns the invite link shown for the colleague. */
export async function openHeadToHead(page: Page, baseUrl: string, options: { name: string; role: "Buyer" | "Seller" }): Promise<string> {
  await page.goto(baseUrl);
  await page.fill("#player-name", options.name);
  await page.waitForSelector(".card-h2h select:not([disabled])");
  await choose(page, ".card-h2h", options.role);
  await page.getByRole("button", { name: "Open a table" }).click();
  await waitForStatus(page, ["waiting_for_opponent"]);
  const link = page.locator("#invite-link");
  await link.waitFor();
  return link.inputValue();
}

export async function joinByInvite(page: Page, inviteUrl: string, name: string): Promise<void> {
  await page.goto(inviteUrl);
  await page.fill("#invite-name", name);
  await page.getByRole("button", { name: "Take my seat" }).click();
}

export type Terms = { readonly price: number; readonly support?: string; readonly warranty?: number; readonly delivery?: number; readonly payment?: string };

export async function makeOffer(page: Page, terms: Terms, message?: string): Promise<void> {
  await page.getByRole("tab", { name: "Make an offer" }).click();
  await page.fill("#offer-price", String(terms.price));
  for (const id of ["support", "warranty", "delivery", "payment"] as const) {
    const value = terms[id];
    if (value !== undefined) await page.selectOption(`#offer-${id}`, String(value));
  }
  if (message) await page.fill("#move-message", message);
  await page.click("#make-offer");
}

export async function acceptStandingOffer(page: Page, message?: string): Promise<void> {
  if (message) await page.fill("#move-message", message);
  await page.click("#accept-offer");
  const dialog = page.locator("dialog.confirm[open]");
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Accept the deal" }).click();
}

export async function askQuestion(page: Page, text: string): Promise<void> {
  await page.getByRole("tab", { name: "Ask a question" }).click();
  await page.locator(".question-list li", { hasText: text }).getByRole("button", { name: "Ask" }).click();
}

export async function saveNote(page: Page, text: string): Promise<void> {
  await page.fill("#notepad", text);
  await page.getByRole("button", { name: "Save note" }).click();
  await page.locator(".notes li", { hasText: text }).waitFor();
}

/** The player's own walk-away, as their brief panel shows it. */
export async function readWalkAway(page: Page): Promise<number> {
  const text = await page.locator('[data-testid="my-walkaway"] .walkaway-value').innerText();
  return Number(text.replace(/[^0-9]/g, ""));
}

export async function tableCode(page: Page): Promise<string> {
  return (await page.locator(".code-badge").innerText()).trim();
}

/** Every bit of text in the document, hidden regions included. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.textContent ?? "");
}
