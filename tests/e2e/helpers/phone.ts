import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import type { Player } from "./browser.js";

/** The two phone screens the issue names, portrait, held in a hand: touch, mobile, a dense display. */
export const PHONES = [
  { name: "390", viewport: { width: 390, height: 844 } },
  { name: "360", viewport: { width: 360, height: 740 } },
] as const;

export async function newPhone(browser: Browser, viewport: { width: number; height: number }): Promise<Player> {
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { context, page, errors, frames: [] };
}

/** One visible control and why a finger cannot use it (empty when it can). */
export type ControlReport = { readonly control: string; readonly problems: readonly string[] };

export type Reach = {
  /** Every visible control on the screen. */
  readonly controls: number;
  /** Controls a finger cannot reach: past a side of the screen, cut off by a box that does not scroll, or covered. */
  readonly unreachable: readonly ControlReport[];
  /** Controls smaller than a fingertip (44 × 44 CSS px). */
  readonly small: readonly ControlReport[];
  /** The page scrolls sideways (nothing on a phone should). */
  readonly sideways: boolean;
};

/**
 * Measures every visible button, field, select, tab and disclosure on the page by its bounding
 * box: whether it lies within the screen's width, whether a box that does not scroll cuts it off,
 * and whether, once scrolled to, a tap on its centre lands on it (not on a bar or dialog above it).
 * Scrolling to each control moves the page; the scroll position is put back afterwards.
 */
export function measureReach(page: Page): Promise<Reach> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const name = (el: Element) => {
      const text = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${text ? ` "${text}"` : ""}`;
    };
    const modal = document.querySelector("dialog[open]");
    const controls = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, a[href], [role="tab"]')].filter((el) => {
      if (modal && !modal.contains(el)) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    });
    const scrolled = { x: window.scrollX, y: window.scrollY };
    const unreachable: { control: string; problems: string[] }[] = [];
    const small: { control: string; problems: string[] }[] = [];
    for (const control of controls) {
      // A radio drawn as its label (a segmented choice) is aimed at through the label.
      const el = control.matches("label input") && getComputedStyle(control).opacity === "0" ? (control.closest("label") as HTMLElement) : control;
      const problems: string[] = [];
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > vw + 0.5) problems.push(`spans x ${Math.round(r.left)}–${Math.round(r.right)} on a ${vw} px screen`);
      for (let a = el.parentElement; a; a = a.parentElement) {
        const cs = getComputedStyle(a);
        const clipsY = cs.overflowY === "hidden" || cs.overflowY === "clip";
        const clipsX = cs.overflowX === "hidden" || cs.overflowX === "clip" || cs.overflowX === "auto" || cs.overflowX === "scroll";
        if (!clipsX && !clipsY) continue;
        const b = a.getBoundingClientRect();
        if (clipsY && (r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5)) problems.push(`cut off by ${name(a)}`);
        else if (clipsX && (r.left < b.left - 0.5 || r.right > b.right + 0.5)) problems.push(`cut off sideways by ${name(a)}`);
      }
      if (problems.length === 0) {
        el.scrollIntoView({ block: "center", inline: "nearest" });
        const s = el.getBoundingClientRect();
        const x = Math.min(Math.max(s.left + s.width / 2, 1), vw - 1);
        const y = Math.min(Math.max(s.top + s.height / 2, 1), vh - 1);
        const hit = document.elementFromPoint(x, y);
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
        if (!hit || !(el === hit || el.contains(hit) || hit.contains(el) || label?.contains(hit) || el.closest("label")?.contains(hit)))
          problems.push(`a tap on it lands on ${hit ? name(hit) : "nothing"}`);
      }
      if (problems.length > 0) unreachable.push({ control: name(el), problems });
      // Inline text links inside a sentence are read, not aimed at: the rule is for controls.
      if ((r.width < 43.5 || r.height < 43.5) && !(el.tagName === "A" && el.closest("p"))) small.push({ control: name(el), problems: [`${Math.round(r.width)} × ${Math.round(r.height)}`] });
    }
    window.scrollTo(scrolled.x, scrolled.y);
    return { controls: controls.length, unreachable, small, sideways: document.documentElement.scrollWidth > vw + 0.5 };
  });
}

/** Every control of the screen is in a finger's reach and fingertip-sized, and nothing scrolls sideways. */
export function expectReachable(reach: Reach, step: string): void {
  expect(reach.unreachable, `${step}: controls a finger cannot reach`).toEqual([]);
  expect(reach.small, `${step}: controls under 44 × 44 px`).toEqual([]);
  expect(reach.sideways, `${step}: the page scrolls sideways`).toBe(false);
  expect(reach.controls, `${step}: controls measured`).toBeGreaterThan(0);
}

/**
 * Whether every element matching `selector` lies wholly inside the screen as it is now, without
 * scrolling, and is not covered there (the middle of it is itself, not a sticky bar above it).
 */
export function onScreenNow(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const els = [...document.querySelectorAll(sel)].filter((el) => el.getBoundingClientRect().width > 0);
    return (
      els.length > 0 &&
      els.every((el) => {
        const r = el.getBoundingClientRect();
        const inside = r.left >= -0.5 && r.top >= -0.5 && r.right <= document.documentElement.clientWidth + 0.5 && r.bottom <= window.innerHeight + 0.5;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return inside && hit !== null && (el === hit || el.contains(hit));
      })
    );
  }, selector);
}
