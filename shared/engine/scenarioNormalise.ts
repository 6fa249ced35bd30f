import type {
  CardInput,
  HotButtonInput,
  Issue,
  IssueInput,
  IssueOption,
  IssueValueInput,
  OptionInput,
  RangeIssue,
  RoleBriefInput,
  Scenario,
  ScenarioInput,
} from "./scenario.js";

/*
 * From the file as written to the one shape the engine reads. Runs only on a file that passed
 * every check (scenarioChecks.ts), so every reference here resolves.
 */

/** The id made from an option's label: lower case, every run of other characters a "-", at most 40 characters. */
export function idFromLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/** Options as written (bare labels or objects) with their ids, given or made from their labels. */
export function optionsOf(written: readonly OptionInput[]): IssueOption[] {
  return written.map((o) => (typeof o === "string" ? { id: idFromLabel(o), label: o } : { id: o.id ?? idFromLabel(o.label), label: o.label }));
}

/** The id of the option a file names by id or by its exact label; undefined when none matches. */
export function optionNamed(options: readonly IssueOption[], name: string): string | undefined {
  return (options.find((o) => o.id === name) ?? options.find((o) => o.label === name))?.id;
}

/** A numeric issue's values: as listed, or every step from min to max. */
export function rangeValues(issue: Extract<IssueInput, { kind: "range" }>): number[] {
  if (issue.values) return [...issue.values];
  const { min = 0, max = 0, step = 1 } = issue;
  const out: number[] = [];
  for (let v = min; v <= max; v += step) out.push(v);
  return out;
}

export function normaliseIssue(issue: IssueInput): Issue {
  switch (issue.kind) {
    case "price":
      return issue;
    case "range": {
      const values = rangeValues(issue);
      const range: RangeIssue = {
        kind: "range",
        id: issue.id,
        label: issue.label,
        min: values[0] as number,
        max: values.at(-1) as number,
        values,
        unit: issue.unit,
        buyerPrefers: issue.buyerPrefers,
      };
      return range;
    }
    case "options":
      return { kind: "options", id: issue.id, label: issue.label, options: optionsOf(issue.options) };
  }
}

export function normaliseScenario(input: ScenarioInput): Scenario {
  const issues = input.issues.map(normaliseIssue);
  const optionsById = new Map(issues.flatMap((i) => (i.kind === "options" ? [[i.id, i.options] as const] : [])));
  const optionId = (issueId: string, name: string) => optionNamed(optionsById.get(issueId) ?? [], name) ?? name;
  const value = (issueId: string, v: IssueValueInput): IssueValueInput =>
    "byOption" in v ? { byOption: Object.fromEntries(Object.entries(v.byOption).map(([k, money]) => [optionId(issueId, k), money])) } : v;
  const hotButton = (h: HotButtonInput): HotButtonInput =>
    h.kind === "wants" && h.optionId !== undefined ? { ...h, optionId: optionId(h.issueId, h.optionId) } : h;
  const brief = (b: RoleBriefInput): RoleBriefInput => ({
    ...b,
    values: Object.fromEntries(Object.entries(b.values).map(([issueId, v]) => [issueId, value(issueId, v)])),
    hotButtons: b.hotButtons.map(hotButton),
  });
  const card = (c: CardInput): CardInput => {
    const e = c.effect;
    if (e.kind === "changeValue") return { ...c, effect: { ...e, value: value(e.issueId, e.value) } };
    if (e.kind === "shiftValue" && e.optionId !== undefined) return { ...c, effect: { ...e, optionId: optionId(e.issueId, e.optionId) } };
    return c;
  };
  return {
    ...input,
    issues,
    roles: { buyer: brief(input.roles.buyer), seller: brief(input.roles.seller) },
    deck: { ...input.deck, cards: input.deck.cards.map(card) },
  };
}
