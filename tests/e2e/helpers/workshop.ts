import type { Page } from "playwright-core";
import type { Player } from "./browser.js";

/** What a facilitator fills in to open a workshop; returns its join code (the console is open). */
export async function openWorkshop(page: Page, baseUrl: string, title: string): Promise<string> {
  await page.goto(baseUrl);
  await page.click("#run-workshop");
  await page.fill("#ws-title", title);
  await page.waitForSelector("#ws-scenario:not([disabled])");
  await page.selectOption("#ws-scenario", "backup-appliance");
  await page.fill("#ws-turn", "120");
  await page.selectOption("#ws-deck", "same");
  await page.selectOption("#ws-odd", "bot");
  await page.getByRole("button", { name: "Open the workshop" }).click();
  await page.waitForURL(/\/w\/[A-Z0-9]{6}\/console$/);
  return (await page.locator('[data-testid="join-code"]').innerText()).trim();
}

export async function joinWorkshop(page: Page, baseUrl: string, code: string, name: string): Promise<void> {
  await page.goto(baseUrl);
  await page.fill("#player-name", name);
  await page.fill("#workshop-code", code.toLowerCase());
  await page.getByRole("button", { name: "Join workshop" }).click();
  await page.waitForSelector(".lobby");
}

export type Seat = { readonly player: Player; readonly name: string; readonly role: "buyer" | "seller"; readonly table: string };

/** Where a participant sits once the round has sent them to their table. */
export async function seatOf(player: Player, name: string): Promise<Seat> {
  await player.page.waitForURL(/\/t\/[A-Z0-9]{6}$/, { timeout: 20_000 });
  // Attached, not visible: a phone keeps the seat label out of its narrow top bar.
  await player.page.waitForSelector(".seat-label:text-matches('You are the')", { state: "attached", timeout: 20_000 });
  const label = await player.page.locator(".seat-label").textContent() ?? "";
  const table = (await player.page.locator(".code-badge").innerText()).trim();
  return { player, name, role: label.includes("seller") ? "seller" : "buyer", table };
}

export async function tileStatus(page: Page, table: string): Promise<string | null> {
  return page.getAttribute(`.tile[data-code="${table}"]`, "data-status");
}
