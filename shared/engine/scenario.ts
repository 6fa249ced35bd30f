import { z } from "zod";
import { ROLES, type Role } from "./roles.js";
import { err, ok, type Result } from "./result.js";

/*
 * A scenario is data: one JSON file. This module is its single schema; the engine trusts a
 * parsed Scenario and never re-checks its shape. All money is in whole currency units
 * (integers), so it survives every wire encoding exactly.
 */

const text = z.string().trim().min(1, "must not be empty");
const id = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "must be a short lower-case id (a-z, 0-9, _ or -)");
const money = z.int({ error: (iss) => (iss.input === undefined ? "is required" : "must be a whole amount of money") });
const role = z.enum(ROLES);

/** A number the table draws from a range when it is created (seeded). */
const drawRange = z
  .strictObject({ min: z.int(), max: z.int(), step: z.int().positive().default(1) })
  .refine((r) => r.min <= r.max, { message: "min must not exceed max", path: ["max"] });
const drawn = z.union([z.int(), drawRange], { error: 'must be a whole number or a range { "min", "max", "step" } to draw from' });
/** A cost drawn per table: a negative one would pay the side instead. */
const drawnCost = drawn.refine((v) => (typeof v === "number" ? v : v.min) >= 0, "must not be negative");

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
const issueValue = z.union([linearValue, optionValues], {
  error: 'must be { "atMin": money, "atMax": money } for a range issue or { "byOption": { optionId: money } } for an options issue',
});

const factRef = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("walkAway") }),
  z.strictObject({ kind: z.literal("hotButton"), id }),
  z.strictObject({ kind: z.literal("value"), issueId: id }),
]);

const hotButton = z.discriminatedUnion("kind", [
  /** Each round after `afterRound` costs `costPerRound` if a deal is struck late. */
  z.strictObject({ kind: z.literal("deadline"), id, label: text, text, afterRound: drawn, costPerRound: drawnCost }),
  /** A one-off penalty if the deal is struck after `byRound`. */
  z.strictObject({ kind: z.literal("compliance"), id, label: text, text, byRound: drawn, penalty: drawnCost }),
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
  const parsed = scenarioShape.safeParse(input, { error: plainMessage });
  if (!parsed.success) return err(parsed.error.issues.flatMap((i) => problemsOf(i, [])));
  const problems = crossCheck(parsed.data);
  return problems.length > 0 ? err(problems) : ok(parsed.data);
}

/** zod's wording for the commonest mistakes, said the way a scenario author would say it. */
function plainMessage(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.code === "invalid_type") {
    if (iss.input === undefined) return "is required";
    return `must be ${TYPE_WORDS[iss.expected] ?? iss.expected}, not ${typeWords(iss.input)}`;
  }
  if (iss.code === "invalid_union" && "options" in iss && Array.isArray(iss.options))
    return `must be one of ${iss.options.map((o) => JSON.stringify(o)).join(", ")}`;
  return undefined;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  int: "a whole number",
  number: "a number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
};

function typeWords(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number") return Number.isInteger(value) ? "a whole number" : `a fraction (${value})`;
  return TYPE_WORDS[typeof value] ?? typeof value;
}

/**
 * zod's issues as problems an author can act on: an unknown key is named in the path, and a
 * failed union reports the branch the input was evidently meant for (of those that got past the
 * type check at the union's own level, the one with fewest problems), else the union's message.
 */
function problemsOf(issue: z.core.$ZodIssue, base: readonly PropertyKey[]): ScenarioProblem[] {
  const path = [...base, ...issue.path];
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: "is not a field of a scenario file (check the spelling)" }));
  if (issue.code === "invalid_union" && "errors" in issue && issue.errors.length > 0) {
    const meant = issue.errors
      .filter((branch) => !branch.some((b) => b.path.length === 0 && b.code === "invalid_type"))
      .sort((a, b) => a.length - b.length);
    const [closest, runnerUp] = meant;
    if (closest && (!runnerUp || closest.length < runnerUp.length)) return closest.flatMap((b) => problemsOf(b, path));
  }
  return [{ path: formatPath(path), message: issue.message }];
}

export function describeProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `${p.path || "(root)"}: ${p.message}`).join("\n");
}

/** Checks that tie one part of the file to another: ids that must exist, values that must cover options. */
function crossCheck(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (path: readonly PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });

  const issueIds = new Map<string, Issue>();
  const firstPrice = s.issues.findIndex((iss) => iss.kind === "price");
  if (firstPrice < 0) add(["issues"], 'must contain one issue of kind "price"');
  s.issues.forEach((iss, i) => {
    if (iss.kind === "price" && i !== firstPrice) add(["issues", i, "kind"], `only one issue may be of kind "price" (issues[${firstPrice}] already is)`);
    else if (issueIds.has(iss.id)) add(["issues", i, "id"], `duplicate issue id "${iss.id}"`);
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

  const checkValue = (path: PropertyKey[], issueId: string, value: IssueValue) => {
    const iss = issueIds.get(issueId);
    if (!iss) return add(path, `unknown issue "${issueId}"`);
    if (iss.kind === "price") return add(path, "price has no valuation: it is money already");
    if (iss.kind === "range" && !("atMin" in value)) return add(path, 'a range issue needs { "atMin", "atMax" }');
    if (iss.kind === "options") {
      if (!("byOption" in value)) return add(path, 'an options issue needs { "byOption": { optionId: money } }');
      for (const o of iss.options) if (!Object.hasOwn(value.byOption, o.id)) add([...path, "byOption", o.id], "missing value for this option");
      for (const k of Object.keys(value.byOption))
        if (!iss.options.some((o) => o.id === k)) add([...path, "byOption", k], `not an option of "${issueId}"`);
    }
  };

  const factExists = (owner: Role, fact: FactRef): string | null => {
    const brief = s.roles[owner];
    if (fact.kind === "hotButton" && !brief.hotButtons.some((h) => h.id === fact.id)) return `the ${owner} has no hot button "${fact.id}"`;
    if (fact.kind === "value" && !Object.hasOwn(brief.values, fact.issueId)) return `the ${owner} has no valuation of "${fact.issueId}"`;
    return null;
  };

  for (const r of ROLES) {
    const brief = s.roles[r];
    for (const iss of s.issues)
      if (iss.kind !== "price" && !Object.hasOwn(brief.values, iss.id)) add(["roles", r, "values", iss.id], "missing valuation for this issue");
    for (const [issueId, v] of Object.entries(brief.values)) checkValue(["roles", r, "values", issueId], issueId, v);
    const hotIds = new Set<string>();
    brief.hotButtons.forEach((h, i) => {
      if (hotIds.has(h.id)) add(["roles", r, "hotButtons", i, "id"], `duplicate hot button id "${h.id}"`);
      hotIds.add(h.id);
      if (h.kind === "budgetCap") {
        const capped = issueIds.get(h.issueId);
        if (!capped) add(["roles", r, "hotButtons", i, "issueId"], `unknown issue "${h.issueId}"`);
        else if (capped.kind === "options") add(["roles", r, "hotButtons", i, "issueId"], `"${h.issueId}" has options, not numbers: a cap needs a price or range issue`);
      }
      const allowed = HOT_BUTTON_NUMBERS[h.kind];
      for (const token of templateTokens(h.text))
        if (!(allowed as readonly string[]).includes(token))
          add(["roles", r, "hotButtons", i, "text"], `unknown placeholder {${token}}; a ${h.kind} text may use ${allowed.map((a) => `{${a}}`).join(", ")}`);
    });
    const pointIds = new Set<string>();
    for (const list of ["strengths", "weaknesses"] as const)
      brief[list].forEach((p, i) => {
        if (pointIds.has(p.id)) add(["roles", r, list, i, "id"], `duplicate id "${p.id}" among this side's strengths and weaknesses`);
        pointIds.add(p.id);
        const problem = p.tiedTo ? factExists(r, p.tiedTo) : null;
        if (problem) add(["roles", r, list, i, "tiedTo"], problem);
      });
  }

  const questionIds = new Set<string>();
  s.questions.forEach((q, i) => {
    if (questionIds.has(q.id)) add(["questions", i, "id"], `duplicate question id "${q.id}"`);
    questionIds.add(q.id);
    const answererRole = q.askedBy === "buyer" ? "seller" : "buyer";
    const answerer = s.roles[answererRole];
    if (q.reveals) {
      const problem = factExists(answererRole, q.reveals);
      if (problem) add(["questions", i, "reveals"], problem);
    }
    for (const token of templateTokens(q.answer))
      if (!answerTokenExists(answerer, token))
        add(["questions", i, "answer"], `unknown placeholder {${token}}; an answer may use {walkAway} or {hotButtonId.field} of the ${answererRole}'s hot buttons`);
  });

  const cardIds = new Set<string>();
  s.deck.cards.forEach((c, i) => {
    if (cardIds.has(c.id)) add(["deck", "cards", i, "id"], `duplicate card id "${c.id}"`);
    cardIds.add(c.id);
    const e = c.effect;
    const allowed = CARD_NUMBERS[e.kind];
    for (const token of templateTokens(c.text))
      if (!(allowed as readonly string[]).includes(token))
        add(["deck", "cards", i, "text"], `unknown placeholder {${token}}; ${allowed.length > 0 ? `a ${e.kind} card may use ${allowed.map((a) => `{${a}}`).join(", ")}` : `a ${e.kind} card has no numbers to fill in`}`);
    if (e.kind === "changeDeadline" && c.visibility !== "public") add(["deck", "cards", i, "visibility"], "a deadline change is seen by both sides: must be public");
    if (e.kind === "changeValue") checkValue(["deck", "cards", i, "effect", "value"], e.issueId, e.value);
    if (e.kind === "reveal") {
      const problem = factExists(c.side === "buyer" ? "seller" : "buyer", e.fact);
      if (problem) add(["deck", "cards", i, "effect", "fact"], problem);
    }
  });
  if (s.deck.maxCards > s.deck.cards.length) add(["deck", "maxCards"], `must not exceed the number of cards (${s.deck.cards.length})`);
  if (s.deck.firstRound > s.rounds) add(["deck", "firstRound"], `must be within the ${s.rounds} rounds`);
  return problems;
}

/** The drawn numbers create.ts fills into each kind of hot-button text. */
const HOT_BUTTON_NUMBERS = { deadline: ["afterRound", "costPerRound"], compliance: ["byRound", "penalty"], budgetCap: ["max"] } as const;

/** The numbers curveballs.ts fills into each kind of card text. */
const CARD_NUMBERS = { shiftWalkAway: ["by"], changeDeadline: ["by"], perRoundCost: ["amount"], changeValue: [], reveal: [] } as const;

/** Besides its numbers, an answer may quote a hot button's label and filled-in text (rules/ask.ts). */
const ANSWER_FIELDS = ["label", "text"] as const;

const TOKEN = /\{([a-zA-Z0-9_.:-]+)\}/g;

export function templateTokens(template: string): string[] {
  return [...template.matchAll(TOKEN)].map((m) => m[1] as string);
}

/** Fill `{name}` placeholders; unknown names are left as they are (validation refuses them up front). */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return fillTemplateBy(template, (name) => (Object.hasOwn(values, name) ? values[name] : undefined));
}

/** fillTemplate with each placeholder's value asked for only if the template has it; undefined leaves it as it is. */
export function fillTemplateBy(template: string, valueOf: (name: string) => string | number | undefined): string {
  const parts = templateParts(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = valueOf(name);
    out += value === undefined ? `{${name}}` : String(value);
    out += parts[i + 1] as string;
  }
  return out;
}

/**
 * Templates cut at their placeholders once (text at even indexes, names at odd ones): texts are
 * filled on every question and card. Templates come from scenario files; the cache is emptied
 * if ever it grows past what any set of them would need.
 */
const cutTemplates = new Map<string, readonly string[]>();
const MAX_CUT_TEMPLATES = 2_000;

function templateParts(template: string): readonly string[] {
  let parts = cutTemplates.get(template);
  if (!parts) {
    if (cutTemplates.size >= MAX_CUT_TEMPLATES) cutTemplates.clear();
    parts = template.split(TOKEN);
    cutTemplates.set(template, parts);
  }
  return parts;
}

/** Answer placeholders: {walkAway} or {<hotButtonId>.<field>}, filled from the answering side's draw. */
function answerTokenExists(brief: RoleBrief, token: string): boolean {
  if (token === "walkAway") return true;
  const [hotId, field, ...rest] = token.split(".");
  const hot = brief.hotButtons.find((h) => h.id === hotId);
  if (!hot || field === undefined || rest.length > 0) return false;
  return (HOT_BUTTON_NUMBERS[hot.kind] as readonly string[]).includes(field) || (ANSWER_FIELDS as readonly string[]).includes(field);
}
