import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./build.js";

/** One rule axe-core found broken, with the elements that break it (as CSS selectors). */
export type AxeFinding = { readonly rule: string; readonly impact: string; readonly help: string; readonly targets: readonly string[] };

const AXE_SOURCE = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/** The WCAG 2.0 and 2.1 rules at levels A and AA: what a public-sector buyer asks a training tool to meet. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe-core on the page as it is now and returns what it rates serious or critical (a person
 * using a screen reader, a keyboard or low vision is blocked or badly hindered). Minor and
 * moderate findings are left out: they are advice, not barriers.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated, not added as a script tag: the app's Content-Security-Policy (script-src 'self') refuses inline scripts.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ rule: v.id, impact: v.impact ?? "", help: v.help, targets: v.nodes.map((n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ").slice(0, 160)})` : ""}`) }));
  }, TAGS);
}
