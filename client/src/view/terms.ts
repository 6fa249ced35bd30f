import type { Issue } from "../../../shared/engine/scenario.js";
import type { Package } from "../../../shared/engine/state.js";
import { buyerward, formatMoney, formatValue } from "../../../shared/engine/terms.js";
import type { PublicScenario } from "../../../shared/engine/view.js";
import type { Role } from "../../../shared/engine/roles.js";

export type TermLine = {
  readonly issueId: string;
  readonly label: string;
  readonly value: string;
  /** The value without its explanation in brackets, for small cards ("Business"). */
  readonly short: string;
  /** The issue's name in a word or two, for small cards ("Warranty" for "Hardware warranty"). */
  readonly shortLabel: string;
};

/** A move on one issue between two packages of the same side. */
export type TermMove = { readonly issueId: string; readonly label: string; readonly text: string; readonly concession: boolean };

export function termLines(scenario: PublicScenario, terms: Package): TermLine[] {
  return scenario.issues.flatMap((issue) => {
    const value = terms[issue.id];
    if (value === undefined) return [];
    const text = formatValue(issue, value, scenario.currency);
    return [{ issueId: issue.id, label: issue.label, value: text, short: text.replace(/\s*\(.*\)\s*$/, ""), shortLabel: shortLabel(issue.label) }];
  });
}

export function priceOf(scenario: PublicScenario, terms: Package): string {
  const price = terms.price;
  return typeof price === "number" ? formatMoney(price, scenario.currency) : "—";
}

/** What changed from `before` to `after`, and whether each change gives ground to the other side. */
export function movesBetween(scenario: PublicScenario, by: Role, before: Package, after: Package): TermMove[] {
  return scenario.issues.flatMap((issue) => {
    const from = before[issue.id];
    const to = after[issue.id];
    if (from === undefined || to === undefined || from === to) return [];
    const towardBuyer = buyerward(issue, to) - buyerward(issue, from);
    const concession = by === "seller" ? towardBuyer > 0 : towardBuyer < 0;
    return [{ issueId: issue.id, label: issue.label, text: moveText(issue, from, to, scenario.currency), concession }];
  });
}

function moveText(issue: Issue, from: number | string, to: number | string, currency: string): string {
  if (issue.kind === "price") {
    const delta = (to as number) - (from as number);
    return `${delta > 0 ? "+" : "−"}${formatMoney(Math.abs(delta), currency)}`;
  }
  return `${formatValue(issue, from, currency)} → ${formatValue(issue, to, currency)}`;
}

const SHORT_LABEL = 12;

/** A long issue name cut to its most telling word: the longest one, the later one on a tie. */
export function shortLabel(label: string): string {
  if (label.length <= SHORT_LABEL) return label;
  const word = label.split(/\s+/).reduce((best, w) => (w.length >= best.length ? w : best), "");
  return word.charAt(0).toUpperCase() + word.slice(1);
}
