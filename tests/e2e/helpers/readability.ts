import type { Page } from "playwright-core";

/** A piece of text on screen that is too small, with the size it is shown at (CSS px). */
export type SmallText = { readonly text: string; readonly where: string; readonly px: number };

export type Readability = {
  /** Visible text under 12 px: nothing on screen may be that small. */
  readonly tiny: readonly SmallText[];
  /** Running text and controls under 14 px: what a person reads or taps is at least that. */
  readonly smallBody: readonly SmallText[];
  /** Table-picture text under 12 px as shown (font size × how much the canvas is scaled on screen). */
  readonly smallCanvas: readonly SmallText[];
  /** How many text pieces were measured (a check that saw none proves nothing). */
  readonly measured: number;
};

/**
 * Measures every visible text on the page by its computed font size. Body text is what sits in a
 * paragraph, a list item, a field's label, a button or a form field: at least 14 px. Everything
 * else, and the small print inside those (hints, badges, captions: SMALL_PRINT), at least 12 px. Text hidden for sighted users
 * (screen-reader-only, a closed tab) is not shown, so not measured. The table picture's text is
 * read from the canvas's `data-smallest-font` (canvas pixels), which the table scene keeps, and
 * scaled by how wide the canvas is shown.
 */
export function measureReadability(page: Page): Promise<Readability> {
  return page.evaluate(() => {
    const BODY = "p, li, label, button, summary, dd, td, th, blockquote";
    // Captions, badges and figures under a heading: small print may be 12 px.
    const SMALL_PRINT = ".hint, .tag, .chip, .status-pill, .line-round, .legend, .figures, .tile-code, .tile-facts, .walkaway-label, .ws-code, .bar-sub, .lesson, small";
    const FIELDS = "input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea";
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      // A screen-reader-only element is clipped to 1 px: it is heard, not seen.
      return r.width > 1 && r.height > 1 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    };
    const where = (el: Element) => {
      const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls}`;
    };
    const tiny: { text: string; where: string; px: number }[] = [];
    const smallBody: { text: string; where: string; px: number }[] = [];
    let measured = 0;
    const judge = (el: Element, text: string) => {
      measured++;
      // An SVG chart's text is sized in the chart's units: what is shown is that times the chart's scale.
      const scale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) : 1;
      const px = Math.round(parseFloat(getComputedStyle(el).fontSize) * scale * 10) / 10;
      const found = { text: text.trim().replace(/\s+/g, " ").slice(0, 50), where: where(el), px };
      if (px < 11.95) tiny.push(found);
      else if (px < 13.95 && (el.matches(FIELDS) || el.closest(BODY)) && !el.closest(SMALL_PRINT)) smallBody.push(found);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest("script, style, noscript, option") || !shown(el)) continue;
      judge(el, node.textContent);
    }
    for (const field of document.querySelectorAll(FIELDS)) if (shown(field)) judge(field, (field as HTMLInputElement).value || (field as HTMLInputElement).placeholder || field.id);

    const smallCanvas: { text: string; where: string; px: number }[] = [];
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>("canvas[data-smallest-font]")) {
      if (!shown(canvas)) continue;
      measured++;
      const px = (Number(canvas.dataset.smallestFont) * canvas.getBoundingClientRect().width) / canvas.width;
      if (px < 11.95) smallCanvas.push({ text: canvas.dataset.smallestFontText ?? "", where: "the table picture", px: Math.round(px * 10) / 10 });
    }
    return { tiny, smallBody, smallCanvas, measured };
  });
}
