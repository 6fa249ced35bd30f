import type { Issue, OptionsIssue, Scenario } from "./scenario.js";
import { issuesById, type Issues, type Limit } from "./valuation.js";
import type { Package } from "./state.js";

/** Why a package is not a valid set of terms, or null when it is. */
export function termsProblem(scenario: Scenario, terms: unknown): string | null {
  if (typeof terms !== "object" || terms === null || Array.isArray(terms)) return "terms must be an object with a value for every issue";
  const record = terms as Record<string, unknown>;
  const issues = issuesById(scenario);
  for (const key of Object.keys(record)) if (!issues.has(key)) return `"${key}" is not an issue of this scenario`;
  for (const issue of scenario.issues) {
    const value = record[issue.id];
    if (value === undefined) return `${issue.label}: a value is missing`;
    if (issue.kind === "options") {
      if (!issue.options.some((o) => o.id === value))
        return typeof value === "string" ? `${issue.label}: "${value}" is not one of the options` : `${issue.label}: pick one of the options`;
      continue;
    }
    if (typeof value !== "number" || !Number.isInteger(value)) return `${issue.label}: must be a whole number`;
    if (value < issue.min || value > issue.max) return `${issue.label}: must be between ${issue.min} and ${issue.max}`;
    if (issue.kind === "price" && (value - issue.min) % issue.step !== 0) return `${issue.label}: must move in steps of ${issue.step}`;
    if (issue.kind === "range" && !issue.values.includes(value)) return `${issue.label}: must be one of ${issue.values.join(", ")}`;
  }
  return null;
}

/** Position of a value along its issue, 0 at the seller's end and 1 at the buyer's end. */
export function buyerward(issue: Issue, value: number | string): number {
  switch (issue.kind) {
    case "price":
      return (issue.max - (value as number)) / (issue.max - issue.min);
    case "range": {
      const t = ((value as number) - issue.min) / (issue.max - issue.min);
      return issue.buyerPrefers === "higher" ? t : 1 - t;
    }
    case "options":
      return optionIndex(issue, value as string) / (issue.options.length - 1);
  }
}

export function optionIndex(issue: OptionsIssue, optionId: string): number {
  return issue.options.findIndex((o) => o.id === optionId);
}

/** Every value an issue can take, in order from min (or first option) up. */
export function issueValues(issue: Issue): (number | string)[] {
  if (issue.kind === "options") return issue.options.map((o) => o.id);
  if (issue.kind === "range") return [...issue.values];
  const out: number[] = [];
  for (let v = issue.min; v <= issue.max; v += issue.step) out.push(v);
  return out;
}

const combinations = new WeakMap<readonly Issue[], readonly Package[]>();

/** Every combination of the non-price issues (price is handled in closed form by callers); built once per scenario. */
export function termCombinations(scenario: Issues): readonly Package[] {
  let combos = combinations.get(scenario.issues);
  if (!combos) {
    let built: Record<string, number | string>[] = [{}];
    for (const issue of scenario.issues) {
      if (issue.kind === "price") continue;
      const values = issueValues(issue);
      built = built.flatMap((c) => values.map((v) => ({ ...c, [issue.id]: v })));
    }
    combos = built;
    combinations.set(scenario.issues, combos);
  }
  return combos;
}

/** Whether two packages agree on every term but price (a package without price, such as a zone's terms, included). */
export function sameTerms(a: Package, b: Package): boolean {
  for (const key of Object.keys(a)) if (key !== "price" && a[key] !== b[key]) return false;
  for (const key of Object.keys(b)) if (key !== "price" && a[key] !== b[key]) return false;
  return true;
}

export function priceIssue(scenario: Issues): Extract<Issue, { kind: "price" }> {
  const issue = scenario.issues.find((i) => i.kind === "price");
  if (!issue || issue.kind !== "price") throw new Error("scenario has no price issue (parseScenario refuses such files)");
  return issue;
}

export function formatValue(issue: Issue, value: number | string, currency: string): string {
  if (issue.kind === "options") return issue.options.find((o) => o.id === value)?.label ?? String(value);
  if (issue.kind === "price") return formatMoney(value as number, currency);
  return `${value} ${issue.unit}`;
}

/** A term's name and one of its values, as a want names it: "Cancellation “Two weeks”", "Contract length “24 months”". */
export function namedValue(issue: Issue, value: number | string, currency: string): string {
  return `${issue.label} “${formatValue(issue, value, currency)}”`;
}

/**
 * What a limit rules out, in words that follow "you cannot go" ("above $22,500" for a cap,
 * "without Contract length “24 months”" for a must-have) or, for `accept`, "you cannot accept"
 * ("more than $22,500", "terms without Contract length “24 months”").
 */
export function limitWords(scenario: Issues & { readonly currency: string }, limit: Limit, accept = false): string {
  const issue = scenario.issues.find((i) => i.id === limit.issueId);
  const value = limit.kind === "budgetCap" ? limit.max : limit.value;
  if (limit.kind === "budgetCap") return `${accept ? "more than" : "above"} ${issue ? formatValue(issue, value, scenario.currency) : String(value)}`;
  return `${accept ? "terms " : ""}without ${issue ? namedValue(issue, value, scenario.currency) : `“${String(value)}”`}`;
}

export function formatMoney(amount: number, currency: string): string {
  const sign = amount < 0 ? "−" : "";
  const symbol = currency === "USD" ? "$" : currency === "EUR" ? "€" : currency === "GBP" ? "£" : `${currency} `;
  return `${sign}${symbol}${groupThousands(Math.abs(Math.round(amount)))}`;
}

/** 1234567 → "1,234,567" (toLocaleString is ten times slower, and texts are formatted in hot paths). */
export function groupThousands(n: number): string {
  const digits = String(n);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}
