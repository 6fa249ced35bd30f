import { z } from "zod";
import { isCurrencyCode } from "./currencies.js";
import { ROLES } from "./roles.js";
import { err, ok, type Result } from "./result.js";
import { crossCheck } from "./scenarioChecks.js";
import { SCENARIO_LIMITS as LIMITS } from "./scenarioLimits.js";
import { normaliseScenario } from "./scenarioNormalise.js";

/*
 * A scenario is data: one JSON file. This module is its single schema; the engine trusts a
 * parsed Scenario and never re-checks its shape. All money is in whole currency units
 * (integers), so it survives every wire encoding exactly.
 *
 * The file may say things several ways (an option as a bare label, a numeric issue as a list of
 * values or as min/max/step); parseScenario checks what was written, with paths into the file
 * as written, then hands the engine one normalised shape (scenarioNormalise.ts).
 */

/** An HTML tag or the start of one: texts are shown as text, and a tag in one is a mistake or an attack. */
const HTML_TAG = /<[a-zA-Z!/?]/;
const plain = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !HTML_TAG.test(s), "must be plain text, without HTML tags");
const label = plain(LIMITS.label);
const text = plain(LIMITS.text);
const longText = plain(LIMITS.story);

export const ID_RULE = "must be 1–40 characters: lower-case letters, digits, _ or -, starting with a letter or digit";
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const id = z.string({ error: (iss) => (iss.input === undefined ? "is required" : ID_RULE) }).regex(ID_PATTERN, ID_RULE);
const money = z.int({ error: (iss) => (iss.input === undefined ? "is required" : "must be a whole amount of money") });
const role = z.enum(ROLES);

/**
 * A list of at most `max` items. The length is checked before any item is, so a list of ten
 * thousand bad items is one problem, refused at once.
 */
const bounded = <T extends z.ZodType>(list: z.ZodArray<T>, max: number, what: string) =>
  z
    .array(z.unknown())
    .max(max, `must have at most ${max} ${what}`)
    .pipe(list);

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
  label,
  min: money,
  max: money,
  step: z.int().positive(),
  unit: label,
  /** Public: the seller's published price, shown to both sides. */
  listPrice: money.optional(),
});

const rangeIssue = z.strictObject({
  kind: z.literal("range"),
  id,
  label,
  /** Evenly stepped values: min, max and step... */
  min: z.int().optional(),
  max: z.int().optional(),
  step: z.int().positive().optional(),
  /** ...or the values listed, ascending (6, 12, 24). */
  values: bounded(z.array(z.int()), LIMITS.valuesPerIssue, "values").optional(),
  unit: label,
  /** Public: which end the buyer argues for. The seller argues for the other end. */
  buyerPrefers: z.enum(["higher", "lower"]),
});

/** An option as written: its label alone (the id is made from it), or an object with a label and maybe an id. */
const optionInput = z.union([label, z.strictObject({ id: id.optional(), label })], {
  error: 'must be a label or { "id", "label" }',
});

const optionsIssue = z.strictObject({
  kind: z.literal("options"),
  id,
  label,
  /** Ordered from the seller's favourite to the buyer's favourite (public, by convention). */
  options: bounded(z.array(optionInput).min(2, "needs at least two options"), LIMITS.optionsPerIssue, "options"),
});

const issue = z.discriminatedUnion("kind", [priceIssue, rangeIssue, optionsIssue]);

/** What a non-price term is worth to the buyer or costs the seller, in money. Keys may be option ids or labels. */
const linearValue = z.strictObject({ atMin: money, atMax: money });
const optionValues = z.strictObject({ byOption: z.record(z.string(), money) });
const listedValues = z.strictObject({ byValue: z.record(z.string(), money) });
const issueValue = z.union([linearValue, optionValues, listedValues], {
  error:
    'must be { "atMin": money, "atMax": money } or { "byValue": { value: money } } for a numeric issue, or { "byOption": { option: money } } for an options issue',
});

const factRef = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("walkAway") }),
  z.strictObject({ kind: z.literal("hotButton"), id }),
  z.strictObject({ kind: z.literal("value"), issueId: id }),
]);

const hotButton = z.discriminatedUnion("kind", [
  /** Each round after `afterRound` costs `costPerRound` if a deal is struck late. */
  z.strictObject({ kind: z.literal("deadline"), id, label, text, afterRound: drawn, costPerRound: drawnCost }),
  /** A one-off penalty if the deal is struck after `byRound`. */
  z.strictObject({ kind: z.literal("compliance"), id, label, text, byRound: drawn, penalty: drawnCost }),
  /** This side may neither offer nor accept a value of `issueId` above `max`. */
  z.strictObject({ kind: z.literal("budgetCap"), id, label, text, issueId: z.string(), max: drawn }),
  /**
   * This side wants one value of one issue (`optionId` of an options issue, `value` of a numeric
   * one): it cannot sign without it (`mustHave`), or a deal without it costs `costIfMissing`.
   */
  z.strictObject({
    kind: z.literal("wants"),
    id,
    label,
    text,
    issueId: z.string(),
    optionId: z.string().optional(),
    value: z.int().optional(),
    mustHave: z.literal(true, { error: "must be true (leave it out otherwise)" }).optional(),
    costIfMissing: drawnCost.optional(),
  }),
]);

const point = z.strictObject({ id, text, tiedTo: factRef.optional() });

const roleBrief = z.strictObject({
  brief: longText,
  /** Buyer: highest acceptable net cost. Seller: lowest acceptable net revenue. */
  walkAway: drawRange,
  /** Private: the net figure this side aims for (buyer: at most; seller: at least). */
  target: drawn.optional(),
  values: z.record(z.string(), issueValue),
  hotButtons: bounded(z.array(hotButton), LIMITS.perList, "hot buttons").default([]),
  strengths: bounded(z.array(point), LIMITS.perList, "strengths").default([]),
  weaknesses: bounded(z.array(point), LIMITS.perList, "weaknesses").default([]),
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
  /** Adds `by` to what one option (or every value of the issue) is worth or costs, as it stands when the card lands. */
  z.strictObject({ kind: z.literal("shiftValue"), issueId: z.string(), optionId: z.string().optional(), by: money.refine((n) => n !== 0, "must not be 0") }),
  z.strictObject({ kind: z.literal("perRoundCost"), amount: money.positive() }),
  z.strictObject({ kind: z.literal("reveal"), fact: factRef }),
]);

const card = z.strictObject({
  id,
  title: label,
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
  cards: bounded(z.array(card), LIMITS.cards, "cards"),
});

const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: "must be a 3-letter currency code in capitals (USD, EUR, GBP…)", abort: true })
  .refine(isCurrencyCode, { error: (iss) => `${String(iss.input)} is not a currency code we know` });

const scenarioShape = z.strictObject({
  id,
  title: label,
  summary: text,
  story: longText,
  currency,
  firstMover: role.default("seller"),
  rounds: z.int().min(1).max(50),
  turnSeconds: z.int().min(10).max(900),
  issues: bounded(z.array(issue).min(1, "needs at least one issue"), LIMITS.issues, "issues"),
  roles: z.strictObject({ buyer: roleBrief, seller: roleBrief }),
  questions: bounded(z.array(question), LIMITS.questions, "questions").default([]),
  deck,
});

/** The parts a scenario file is checked in, one at a time, so a broken part leaves the others to be checked. */
export const SCENARIO_PARTS = { issue, issueValue, hotButton, point, question, card, drawRange, drawn } as const;

/** A scenario file as written (checked for shape, not yet normalised). */
export type ScenarioInput = z.output<typeof scenarioShape>;
export type IssueInput = z.output<typeof issue>;
export type IssueValueInput = z.output<typeof issueValue>;
export type HotButtonInput = z.output<typeof hotButton>;
export type CardInput = z.output<typeof card>;
export type RoleBriefInput = z.output<typeof roleBrief>;
export type OptionInput = z.output<typeof optionInput>;

/*
 * The normalised scenario the engine reads: every option has its id, every numeric issue its
 * list of values, every valuation and want names options by id. Only issues differ in shape
 * from the file as written; the other parts are normalised in place.
 */
export type PriceIssue = Extract<IssueInput, { kind: "price" }>;
export type RangeIssue = {
  readonly kind: "range";
  readonly id: string;
  readonly label: string;
  /** The first and last of `values`. */
  readonly min: number;
  readonly max: number;
  /** Every value the issue may take, ascending: listed in the file, or stepped from min to max. */
  readonly values: readonly number[];
  readonly unit: string;
  readonly buyerPrefers: "higher" | "lower";
};
export type IssueOption = { readonly id: string; readonly label: string };
export type OptionsIssue = { readonly kind: "options"; readonly id: string; readonly label: string; readonly options: readonly IssueOption[] };
export type Issue = PriceIssue | RangeIssue | OptionsIssue;
export type Scenario = Omit<ScenarioInput, "issues"> & { issues: Issue[] };
export type IssueValue = IssueValueInput;
export type FactRef = z.output<typeof factRef>;
export type HotButtonSpec = HotButtonInput;
export type Drawn = z.output<typeof drawn>;
export type RoleBrief = RoleBriefInput;
export type Question = Scenario["questions"][number];
export type Card = CardInput;
export type CardEffect = Card["effect"];
export type BriefPoint = z.output<typeof point>;

/** One problem in a scenario file: where (`issues[2].step`) and what is wrong. */
export type ScenarioProblem = { readonly path: string; readonly message: string };

/** Keys that read well after a dot; any other key (a label with spaces) is quoted in brackets: byOption["48 hours"]. */
const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    const name = String(key);
    if (!PLAIN_KEY.test(name)) return `${acc}[${JSON.stringify(name)}]`;
    return acc === "" ? name : `${acc}.${name}`;
  }, "");
}

/**
 * Validate untrusted JSON into a Scenario, or list every problem with its exact field path in
 * the file as written: problems of shape and problems between parts (an unknown issue, a
 * missing valuation) together, as far as the parts that could be read allow.
 */
export function parseScenario(input: unknown): Result<Scenario, ScenarioProblem[]> {
  const deep = tooDeep(input);
  if (deep) return err([deep]);
  const parsed = scenarioShape.safeParse(input, { error: plainMessage });
  const problems = parsed.success ? [] : parsed.error.issues.flatMap((i) => problemsOf(i, []));
  problems.push(...crossCheck(input));
  if (!parsed.success || problems.length > 0) return err(capProblems(problems));
  return ok(normaliseScenario(parsed.data));
}

/**
 * Where the input first nests deeper than the format allows, or null. Walks without recursion:
 * the input may be anything a JSON parser accepts.
 */
function tooDeep(input: unknown): ScenarioProblem | null {
  const pending: { value: unknown; depth: number; path: string }[] = [{ value: input, depth: 0, path: "" }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth, path } = next;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= LIMITS.depth) return { path, message: `is nested too deeply: a scenario goes at most ${LIMITS.depth} levels down` };
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [`${path}[${i}]`, v]) : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v]);
    for (const [childPath, child] of entries) pending.push({ value: child, depth: depth + 1, path: childPath });
  }
  return null;
}

/** A scenario file's size in words an author reads ("256 KiB"). */
export const SCENARIO_FILE_LIMIT_TEXT = `${LIMITS.documentBytes / 1024} KiB`;

/** Whether a text is over the format's bound on a file, in UTF-8 bytes. */
export function tooLargeScenarioText(source: string): boolean {
  // A UTF-16 string never takes more bytes than 3 per unit in UTF-8: only long texts are measured.
  return source.length * 3 > LIMITS.documentBytes && new TextEncoder().encode(source).length > LIMITS.documentBytes;
}

/** parseScenario for a file's text: too large a file or text that is not JSON is one problem. */
export function parseScenarioText(source: string): Result<Scenario, ScenarioProblem[]> {
  if (tooLargeScenarioText(source)) return err([{ path: "", message: `is too large: a scenario file may be at most ${SCENARIO_FILE_LIMIT_TEXT}` }]);
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (e) {
    return err([{ path: "", message: `is not valid JSON (${(e as Error).message})` }]);
  }
  return parseScenario(json);
}

/** The first problems of a long list, and how many more there are. */
function capProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  if (problems.length <= LIMITS.problems) return problems;
  const more = problems.length - LIMITS.problems;
  return [...problems.slice(0, LIMITS.problems), { path: "", message: `and ${more} more problem${more === 1 ? "" : "s"}` }];
}

/** zod's wording for the commonest mistakes, said the way a scenario author would say it. */
function plainMessage(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.code === "invalid_type") {
    if (iss.input === undefined) return "is required";
    return `must be ${TYPE_WORDS[iss.expected] ?? iss.expected}, not ${typeWords(iss.input)}`;
  }
  if (iss.code === "invalid_union" && "options" in iss && Array.isArray(iss.options))
    return `must be one of ${iss.options.map((o) => JSON.stringify(o)).join(", ")}`;
  if (iss.code === "invalid_value") return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(", ")}`;
  if (iss.code === "too_small" && iss.origin === "number") return `must be ${iss.inclusive === false ? "more than" : "at least"} ${iss.minimum}`;
  if (iss.code === "too_big" && iss.origin === "number") return `must be ${iss.inclusive === false ? "less than" : "at most"} ${iss.maximum}`;
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

/** The drawn numbers create.ts fills into each kind of hot-button text. */
export const HOT_BUTTON_NUMBERS = {
  deadline: ["afterRound", "costPerRound"],
  compliance: ["byRound", "penalty"],
  budgetCap: ["max"],
  wants: ["costIfMissing"],
} as const;

/** The numbers curveballs.ts fills into each kind of card text. */
export const CARD_NUMBERS = { shiftWalkAway: ["by"], changeDeadline: ["by"], perRoundCost: ["amount"], shiftValue: ["by"], changeValue: [], reveal: [] } as const;

/** Besides its numbers, an answer may quote a hot button's label and filled-in text (rules/ask.ts). */
export const ANSWER_FIELDS = ["label", "text"] as const;

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
