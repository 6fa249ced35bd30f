import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ROOT } from "./build.js";

/** Debian's Chromium with the flags verified on these machines (STACK-NOTES.md). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--enable-unsafe-swiftshader",
    ],
  });
}

export const LAPTOP = { width: 1280, height: 720 } as const;

export type Player = { readonly context: BrowserContext; readonly page: Page; readonly errors: string[]; readonly frames: Buffer[] };

/**
 * A fresh browser profile (its own sessionStorage) on a laptop-sized screen. Page errors and
 * every WebSocket frame the page receives are collected from the start.
 */
export async function newPlayer(browser: Browser, viewport: { width: number; height: number } = LAPTOP): Promise<Player> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  const frames: Buffer[] = [];
  page.on("websocket", (ws) => ws.on("framereceived", ({ payload }) => frames.push(Buffer.from(payload))));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { context, page, errors, frames };
}

/** A PNG of the page as it is now, under test-artifacts/<folder>/. */
export async function screenshot(page: Page, name: string, folder = "screenshots"): Promise<string> {
  const shots = path.join(ROOT, "test-artifacts", folder);
  mkdirSync(shots, { recursive: true });
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
