import type { Role } from "../../../shared/engine/roles.js";
import { fillTemplateBy, type Drawn, type Scenario } from "../../../shared/engine/scenario.js";
import { formatMoney, formatValue } from "../../../shared/engine/terms.js";

/*
 * A role's brief on paper, for a class without screens. Figures the table would draw are printed
 * as the range they are drawn from: the trainer decides whether to hand out one figure instead.
 */

export type PrintBrief = {
  readonly role: Role;
  readonly heading: string;
  readonly title: string;
  readonly story: string;
  readonly brief: string;
  readonly walkAway: string;
  readonly issues: readonly string[];
  readonly values: readonly string[];
  readonly hotButtons: readonly { readonly label: string; readonly text: string }[];
  readonly strengths: readonly string[];
  readonly weaknesses: readonly string[];
};

/** Hot-button figures that are money; any other figure is a round or a count. */
const MONEY_FIGURES = new Set(["costPerRound", "penalty", "costIfMissing"]);

export function printBriefOf(scenario: Scenario, role: Role): PrintBrief {
  const money = (n: number) => formatMoney(n, scenario.currency);
  const brief = scenario.roles[role];
  const w = brief.walkAway;
  const stepWords = w.step > 1 ? ` (in steps of ${money(w.step)})` : "";
  return {
    role,
    heading: `Confidential — the ${role}'s brief`,
    title: scenario.title,
    story: scenario.story,
    brief: brief.brief,
    walkAway:
      w.min === w.max
        ? `Your walk-away: ${money(w.min)}.`
        : `Your walk-away is drawn between ${money(w.min)} and ${money(w.max)}${stepWords}. Your trainer may give you one figure.`,
    issues: scenario.issues.map((issue) =>
      issue.kind === "options"
        ? `${issue.label}: ${issue.options.map((o) => o.label).join(" / ")}`
        : `${issue.label}: from ${formatValue(issue, issue.min, scenario.currency)} to ${formatValue(issue, issue.max, scenario.currency)}`,
    ),
    values: scenario.issues.flatMap((issue) => {
      const value = brief.values[issue.id];
      if (issue.kind === "price" || !value) return [];
      const verb = role === "buyer" ? "worth to you" : "costs you";
      if ("byOption" in value && issue.kind === "options") return [`${issue.label} — ${verb}: ${issue.options.map((o) => `${o.label} ${money(value.byOption[o.id] ?? 0)}`).join(", ")}`];
      if (issue.kind !== "range" || !("atMin" in value)) return [];
      return [`${issue.label} — ${verb}: ${money(value.atMin)} at ${formatValue(issue, issue.min, scenario.currency)}, ${money(value.atMax)} at ${formatValue(issue, issue.max, scenario.currency)}`];
    }),
    hotButtons: brief.hotButtons.map((hb) => {
      const fields = hb as unknown as Readonly<Record<string, unknown>>;
      const capped = "issueId" in hb ? scenario.issues.find((i) => i.id === hb.issueId) : undefined;
      const figure = (name: string, n: number) => (MONEY_FIGURES.has(name) ? money(n) : capped && name === "max" ? formatValue(capped, n, scenario.currency) : String(n));
      return { label: hb.label, text: fillTemplateBy(hb.text, (name) => drawnWords(fields[name], (n) => figure(name, n))) };
    }),
    strengths: brief.strengths.map((p) => p.text),
    weaknesses: brief.weaknesses.map((p) => p.text),
  };
}

/** A drawn figure in words: "5" or "between 4 and 6"; undefined for anything that is not a figure. */
function drawnWords(value: unknown, figure: (n: number) => string): string | undefined {
  if (typeof value === "number") return figure(value);
  if (typeof value !== "object" || value === null || !("min" in value)) return undefined;
  const range = value as Exclude<Drawn, number>;
  return range.min === range.max ? figure(range.min) : `between ${figure(range.min)} and ${figure(range.max)}`;
}
