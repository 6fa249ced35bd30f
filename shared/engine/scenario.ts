import { z } from "zod";
import { ROLES } from "./roles.js";
import { err, ok, type Result } from "./result.js";

/*
 * A scenario is data: one JSON file. This module is its single schema; the engine trusts a
 * parsed Scenario and never re-checks its shape. All money is in whole currency units
 * (integers), so it survives every wire encoding exactly.
 */

const text = z.string().trim().min(1, "must not be empty");
const id = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "must be a short lower-case id (a-z, 0-9, _ or -)");
const money = z.int("must be a whole amount of money");
const role = z.enum(ROLES);

/** A number the table draws from a range when it is created (seeded). */
const drawRange = z
  .strictObject({ min: z.int(), max: z.int(), step: z.int().positive().default(1) })
  .refine((r) => r.min <= r.max, { message: "min must not exceed max", path: ["max"] });
const drawn = z.union([z.int(), drawRange]);

const priceIssue = z.strictObject({
  kind: z.literal("price"),
  id: z.literal("price"),
  label: text,
  min: money,
  max: money,
  step: z.int().positive(),
  unit: text,
});

const rangeIssue = z.strictObject({
  kind: z.literal("range"),
  id,
  label: text,
  min: z.int(),
  max: z.int(),
  step: z.int().positive(),
  unit: text,
  /** Public: which end the buyer argues for. The seller argues for the other end. */
  buyerPrefers: z.enum(["higher", "lower"]),
});

const optionsIssue = z.strictObject({
  kind: z.literal("options"),
  id,
  label: text,
  /** Ordered from the seller's favourite to the buyer's favourite (public, by convention). */
  options: z.array(z.strictObject({ id, label: text })).min(2, "needs at least two options"),
});

const issue = z.discriminatedUnion("kind", [priceIssue, rangeIssue, optionsIssue]);

/** What a non-price term is worth to the buyer or costs the seller, in money. */
const linearValue = z.strictObject({ atMin: money, atMax: money });
const optionValues = z.strictObject({ byOption: z.record(z.string(), money) });
const issueValue = z.union([linearValue, optionValues]);

const factRef = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("walkAway") }),
  z.strictObject({ kind: z.literal("hotButton"), id }),
  z.strictObject({ kind: z.literal("value"), issueId: id }),
]);

const hotButton = z.discriminatedUnion("kind", [
  /** Each round after `afterRound` costs `costPerRound` if a deal is struck late. */
  z.strictObject({ kind: z.literal("deadline"), id, label: text, text, afterRound: drawn, costPerRound: drawn }),
  /** A one-off penalty if the deal is struck after `byRound`. */
  z.strictObject({ kind: z.literal("compliance"), id, label: text, text, byRound: drawn, penalty: drawn }),
  /** This side may neither offer nor accept a value of `issueId` above `max`. */
  z.strictObject({ kind: z.literal("budgetCap"), id, label: text, text, issueId: z.string(), max: drawn }),
]);

const point = z.strictObject({ id, text, tiedTo: factRef.optional() });

const roleBrief = z.strictObject({
  brief: text,
  /** Buyer: highest acceptable net cost. Seller: lowest acceptable net revenue. */
  walkAway: drawRange,
  values: z.record(z.string(), issueValue),
  hotButtons: z.array(hotButton).default([]),
  strengths: z.array(point).default([]),
  weaknesses: z.array(point).default([]),
});

const question = z.strictObject({
  id,
  askedBy: role,
  text,
  /** Answered truthfully from the other side's brief; {tokens} are filled from that side's draw. */
  answer: text,
  reveals: factRef.optional(),
});

const effect = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("shiftWalkAway"), by: money }),
  z.strictObject({ kind: z.literal("changeDeadline"), by: z.int().refine((n) => n !== 0, "must not be 0") }),
  z.strictObject({ kind: z.literal("changeValue"), issueId: z.string(), value: issueValue }),
  z.strictObject({ kind: z.literal("perRoundCost"), amount: money.positive() }),
  z.strictObject({ kind: z.literal("reveal"), fact: factRef }),
]);

const card = z.strictObject({
  id,
  title: text,
  /** Shown to `side` (and to both sides when public). */
  text,
  visibility: z.enum(["public", "private"]),
  /** The side the effect lands on; for a reveal, the side that learns the fact. */
  side: role,
  effect,
});

const deck = z.strictObject({
  firstRound: z.int().min(1),
  chancePerRound: z.number().min(0).max(1),
  maxCards: z.int().min(0),
  cards: z.array(card),
});

const scenarioShape = z.strictObject({
  id,
  title: text,
  summary: text,
  story: text,
  currency: z.string().regex(/^[A-Z]{3}$/, "must be a 3-letter currency code"),
  firstMover: role.default("seller"),
  rounds: z.int().min(1).max(50),
  turnSeconds: z.int().min(10).max(900),
  issues: z.array(issue).min(1),
  roles: z.strictObject({ buyer: roleBrief, seller: roleBrief }),
  questions: z.array(question).default([]),
  deck,
});

export type Scenario = z.output<typeof scenarioShape>;
export type Issue = Scenario["issues"][number];
export type PriceIssue = Extract<Issue, { kind: "price" }>;
export type RangeIssue = Extract<Issue, { kind: "range" }>;
export type OptionsIssue = Extract<Issue, { kind: "options" }>;
export type IssueValue = z.output<typeof issueValue>;
export type FactRef = z.output<typeof factRef>;
export type HotButtonSpec = z.output<typeof hotButton>;
export type Drawn = z.output<typeof drawn>;
export type RoleBrief = Scenario["roles"]["buyer"];
export type Question = Scenario["questions"][number];
export type Card = z.output<typeof card>;
export type CardEffect = Card["effect"];
export type BriefPoint = z.output<typeof point>;

/** One problem in a scenario file: where (`issues[2].step`) and what is wrong. */
export type ScenarioProblem = { readonly path: string; readonly message: string };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    return acc === "" ? String(key) : `${acc}.${String(key)}`;
  }, "");
}

/** Validate untrusted JSON into a Scenario, or list every problem with its exact field path. */
export function parseScenario(input: unknown): Result<Scenario, ScenarioProblem[]> {
  const parsed = scenarioShape.safeParse(input);
  if (!parsed.success) {
    return err(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  const problems = crossCheck(parsed.data);
  return problems.length > 0 ? err(problems) : ok(parsed.data);
}

export function describeProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `${p.path || "(root)"}: ${p.message}`).join("\n");
}

/** Checks that tie one part of the file to another: ids that must exist, values that must cover options. */
function crossCheck(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (path: readonly PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });

  const issueIds = new Map<string, Issue>();
  s.issues.forEach((iss, i) => {
    if (issueIds.has(iss.id)) add(["issues", i, "id"], `duplicate issue id "${iss.id}"`);
    issueIds.set(iss.id, iss);
    if (iss.kind !== "options") {
      if (iss.min >= iss.max) add(["issues", i, "max"], "must be greater than min");
      else if ((iss.max - iss.min) % iss.step !== 0) add(["issues", i, "step"], `must divide max − min (${iss.max - iss.min})`);
    } else {
      const seen = new Set<string>();
      iss.options.forEach((o, j) => {
        if (seen.has(o.id)) add(["issues", i, "options", j, "id"], `duplicate option id "${o.id}"`);
        seen.add(o.id);
      });
    }
  });
  if (s.issues.filter((i) => i.kind === "price").length !== 1) add(["issues"], 'must contain exactly one issue of kind "price"');

  const checkValue = (path: PropertyKey[], issueId: string, value: IssueValue) => {
    const iss = issueIds.get(issueId);
    if (!iss) return add(path, `unknown issue "${issueId}"`);
    if (iss.kind === "price") return add(path, "price has no valuation: it is money already");
    if (iss.kind === "range" && !("atMin" in value)) return add(path, 'a range issue needs { "atMin", "atMax" }');
    if (iss.kind === "options") {
      if (!("byOption" in value)) return add(path, 'an options issue needs { "byOption": { optionId: money } }');
      for (const o of iss.options) if (!(o.id in value.byOption)) add([...path, "byOption", o.id], "missing value for this option");
      for (const k of Object.keys(value.byOption))
        if (!iss.options.some((o) => o.id === k)) add([...path, "byOption", k], `not an option of "${issueId}"`);
    }
  };

  const factExists = (owner: RoleBrief, fact: FactRef): string | null => {
    if (fact.kind === "hotButton" && !owner.hotButtons.some((h) => h.id === fact.id)) return `no hot button "${fact.id}" on that side`;
    if (fact.kind === "value" && !(fact.issueId in owner.values)) return `no valuation of "${fact.issueId}" on that side`;
    return null;
  };

  for (const r of ROLES) {
    const brief = s.roles[r];
    for (const iss of s.issues)
      if (iss.kind !== "price" && !(iss.id in brief.values)) add(["roles", r, "values", iss.id], "missing valuation for this issue");
    for (const [issueId, v] of Object.entries(brief.values)) checkValue(["roles", r, "values", issueId], issueId, v);
    const hotIds = new Set<string>();
    brief.hotButtons.forEach((h, i) => {
      if (hotIds.has(h.id)) add(["roles", r, "hotButtons", i, "id"], `duplicate hot button id "${h.id}"`);
      hotIds.add(h.id);
      if (h.kind === "budgetCap" && !issueIds.has(h.issueId)) add(["roles", r, "hotButtons", i, "issueId"], `unknown issue "${h.issueId}"`);
      for (const token of templateTokens(h.text))
        if (!(token in h)) add(["roles", r, "hotButtons", i, "text"], `unknown placeholder {${token}}`);
    });
    [...brief.strengths, ...brief.weaknesses].forEach((p) => {
      if (!p.tiedTo) return;
      const problem = factExists(brief, p.tiedTo);
      const list = brief.strengths.includes(p) ? "strengths" : "weaknesses";
      if (problem) add(["roles", r, list, (brief[list] as BriefPoint[]).indexOf(p), "tiedTo"], problem);
    });
  }

  const questionIds = new Set<string>();
  s.questions.forEach((q, i) => {
    if (questionIds.has(q.id)) add(["questions", i, "id"], `duplicate question id "${q.id}"`);
    questionIds.add(q.id);
    const answerer = s.roles[q.askedBy === "buyer" ? "seller" : "buyer"];
    if (q.reveals) {
      const problem = factExists(answerer, q.reveals);
      if (problem) add(["questions", i, "reveals"], problem);
    }
    for (const token of templateTokens(q.answer))
      if (!answerTokenExists(answerer, token)) add(["questions", i, "answer"], `unknown placeholder {${token}}`);
  });

  const cardIds = new Set<string>();
  s.deck.cards.forEach((c, i) => {
    if (cardIds.has(c.id)) add(["deck", "cards", i, "id"], `duplicate card id "${c.id}"`);
    cardIds.add(c.id);
    const e = c.effect;
    if (e.kind === "changeDeadline" && c.visibility !== "public") add(["deck", "cards", i, "visibility"], "a deadline change is seen by both sides: must be public");
    if (e.kind === "changeValue") checkValue(["deck", "cards", i, "effect", "value"], e.issueId, e.value);
    if (e.kind === "reveal") {
      const problem = factExists(s.roles[c.side === "buyer" ? "seller" : "buyer"], e.fact);
      if (problem) add(["deck", "cards", i, "effect", "fact"], problem);
    }
  });
  if (s.deck.maxCards > s.deck.cards.length) add(["deck", "maxCards"], `must not exceed the number of cards (${s.deck.cards.length})`);
  if (s.deck.firstRound > s.rounds) add(["deck", "firstRound"], `must be within the ${s.rounds} rounds`);
  return problems;
}

const TOKEN = /\{([a-zA-Z0-9_.:-]+)\}/g;

export function templateTokens(template: string): string[] {
  return [...template.matchAll(TOKEN)].map((m) => m[1] as string);
}

/** Fill `{name}` placeholders; unknown names are left as they are (validation refuses them up front). */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(TOKEN, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Answer placeholders: {walkAway} or {<hotButtonId>.<field>}, filled from the answering side's draw. */
function answerTokenExists(brief: RoleBrief, token: string): boolean {
  if (token === "walkAway") return true;
  const [hotId, field] = token.split(".");
  const hot = brief.hotButtons.find((h) => h.id === hotId);
  return hot !== undefined && field !== undefined && field in hot && field !== "id" && field !== "kind";
}
