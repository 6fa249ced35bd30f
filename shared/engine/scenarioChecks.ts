import type { z } from "zod";
import { ROLES, type Role } from "./roles.js";
import {
  ANSWER_FIELDS,
  CARD_NUMBERS,
  formatPath,
  HOT_BUTTON_NUMBERS,
  SCENARIO_PARTS as PARTS,
  templateTokens,
  type CardInput,
  type FactRef,
  type HotButtonInput,
  type IssueInput,
  type IssueValueInput,
  type ScenarioProblem,
} from "./scenario.js";
import { SCENARIO_LIMITS as LIMITS } from "./scenarioLimits.js";
import { optionNamed, optionsOf, rangeValues } from "./scenarioNormalise.js";

/*
 * Checks that tie one part of a file to another (ids that must exist, values that must cover
 * options) and rules a part's shape alone cannot say (min below max). They run on whatever
 * parts of the file can be read, so a file with a bad currency and a card naming an unknown
 * issue is told both. A reference is called unknown only when nothing in the file has that id:
 * an issue that is there but broken has its own problems, and nothing is said twice.
 */

type Path = readonly PropertyKey[];
type Add = (path: Path, message: string) => void;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** One part on its own, or undefined when it does not parse. */
function one<T>(raw: unknown, schema: z.ZodType<T>): T | undefined {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Each item of a list that parses on its own (undefined for the others); null when it is no list or too long to look into. */
function each<T>(raw: unknown, schema: z.ZodType<T>, max: number): (T | undefined)[] | null {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > max) return null;
  return raw.map((item) => one(item, schema));
}

/** The ids a raw list's items give, whether or not the items parse: what references may name. */
function rawIds(raw: unknown): Set<string> | null {
  if (raw === undefined) return new Set();
  if (!Array.isArray(raw)) return null;
  return new Set(raw.flatMap((item) => (isRecord(item) && typeof item.id === "string" ? [item.id] : [])));
}

/** What a reference to an issue finds: the issue, a broken one (say nothing more), or nothing. */
type IssueRef = { found: IssueInput } | { found: "broken" } | { found: "none" };

type Brief = {
  readonly values: Readonly<Record<string, IssueValueInput | undefined>> | null;
  readonly hotButtons: readonly (HotButtonInput | undefined)[] | null;
  readonly hotIds: Set<string> | null;
};

export function crossCheck(input: unknown): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add: Add = (path, message) => problems.push({ path: formatPath(path), message });
  if (!isRecord(input)) return problems;

  // A file without issues is told so by the shape check alone.
  const issueList = input.issues === undefined ? null : each(input.issues, PARTS.issue, LIMITS.issues);
  const issueIds = rawIds(input.issues);
  // An issue with problems of its own is left out of every check that refers to it.
  const unsound = issueList ? checkIssues(issueList, add) : new Set<string>();
  const issues = new Map<string, IssueInput>();
  for (const iss of issueList ?? []) if (iss && !issues.has(iss.id)) issues.set(iss.id, iss);
  const issueRef = (issueId: string): IssueRef => {
    const found = issues.get(issueId);
    if (found && !unsound.has(issueId)) return { found };
    return found || issueIds === null || issueIds.has(issueId) || issueList === null ? { found: "broken" } : { found: "none" };
  };

  const rawRoles = isRecord(input.roles) ? input.roles : {};
  const briefs = {} as Record<Role, Brief>;
  for (const r of ROLES) {
    const raw = isRecord(rawRoles[r]) ? rawRoles[r] : {};
    briefs[r] = checkBrief(raw, r, issueList, issueRef, add);
  }
  const factExists = (owner: Role, fact: FactRef): string | null => {
    const brief = briefs[owner];
    if (fact.kind === "hotButton" && brief.hotIds && !brief.hotIds.has(fact.id)) return `the ${owner} has no hot button "${fact.id}"`;
    if (fact.kind === "value" && brief.values && !Object.hasOwn(brief.values, fact.issueId)) return `the ${owner} has no valuation of "${fact.issueId}"`;
    return null;
  };
  for (const r of ROLES) {
    const raw = isRecord(rawRoles[r]) ? rawRoles[r] : {};
    const pointIds = new Set<string>();
    for (const list of ["strengths", "weaknesses"] as const)
      (each(raw[list], PARTS.point, LIMITS.perList) ?? []).forEach((p, i) => {
        if (!p) return;
        if (pointIds.has(p.id)) add(["roles", r, list, i, "id"], `duplicate id "${p.id}" among this side's strengths and weaknesses`);
        pointIds.add(p.id);
        const problem = p.tiedTo ? factExists(r, p.tiedTo) : null;
        if (problem) add(["roles", r, list, i, "tiedTo"], problem);
      });
  }

  const questionIds = new Set<string>();
  (each(input.questions, PARTS.question, LIMITS.questions) ?? []).forEach((q, i) => {
    if (!q) return;
    if (questionIds.has(q.id)) add(["questions", i, "id"], `duplicate question id "${q.id}"`);
    questionIds.add(q.id);
    const answererRole = q.askedBy === "buyer" ? "seller" : "buyer";
    if (q.reveals) {
      const problem = factExists(answererRole, q.reveals);
      if (problem) add(["questions", i, "reveals"], problem);
    }
    const answerer = briefs[answererRole];
    if (!answerer.hotButtons || answerer.hotButtons.includes(undefined)) return;
    for (const token of templateTokens(q.answer))
      if (!answerTokenExists(answerer.hotButtons as HotButtonInput[], token))
        add(["questions", i, "answer"], `unknown placeholder {${token}}; an answer may use {walkAway} or {hotButtonId.field} of the ${answererRole}'s hot buttons`);
  });

  const deck = isRecord(input.deck) ? input.deck : {};
  const cards = each(deck.cards, PARTS.card, LIMITS.cards);
  const cardIds = new Set<string>();
  (cards ?? []).forEach((c, i) => {
    if (!c) return;
    if (cardIds.has(c.id)) add(["deck", "cards", i, "id"], `duplicate card id "${c.id}"`);
    cardIds.add(c.id);
    checkCard(c, ["deck", "cards", i], issueRef, (fact) => factExists(c.side === "buyer" ? "seller" : "buyer", fact), add);
  });
  if (cards && typeof deck.maxCards === "number" && deck.maxCards > cards.length) add(["deck", "maxCards"], `must not exceed the number of cards (${cards.length})`);
  if (typeof deck.firstRound === "number" && typeof input.rounds === "number" && input.rounds >= 1 && deck.firstRound > input.rounds)
    add(["deck", "firstRound"], `must be within the ${input.rounds} rounds`);
  return problems;
}

/** Checks each issue and the issues together; returns the ids of issues that have problems. */
function checkIssues(list: readonly (IssueInput | undefined)[], add: Add): Set<string> {
  const unsound = new Set<string>();
  const firstPrice = list.findIndex((iss) => iss?.kind === "price");
  if (firstPrice < 0 && !list.includes(undefined)) add(["issues"], 'must contain one issue of kind "price"');
  const seen = new Set<string>();
  let packages = 1;
  list.forEach((iss, i) => {
    if (!iss) return;
    const path = ["issues", i];
    const sound = passes(add, (addHere) => checkIssue(iss, path, addHere));
    if (!sound) unsound.add(iss.id);
    else packages *= iss.kind === "range" ? rangeValues(iss).length : iss.kind === "options" ? iss.options.length : 1;
    if (iss.kind === "price" && i !== firstPrice) add([...path, "kind"], `only one issue may be of kind "price" (issues[${firstPrice}] already is)`);
    else if (seen.has(iss.id)) add([...path, "id"], `duplicate issue id "${iss.id}"`);
    seen.add(iss.id);
  });
  if (packages > LIMITS.termCombinations)
    add(["issues"], `allow ${packages.toLocaleString("en-US")} different sets of terms; at most ${LIMITS.termCombinations.toLocaleString("en-US")}: use fewer issues, options or values`);
  return unsound;
}

function checkIssue(iss: IssueInput, path: Path, add: Add): void {
  switch (iss.kind) {
    case "price":
      if (iss.min >= iss.max) add([...path, "max"], "must be greater than min");
      else if ((iss.max - iss.min) % iss.step !== 0) add([...path, "step"], `must divide max − min (${iss.max - iss.min})`);
      if (iss.listPrice !== undefined && (iss.listPrice < iss.min || iss.listPrice > iss.max))
        add([...path, "listPrice"], `must be within the price range (${iss.min} to ${iss.max})`);
      return;
    case "range":
      return checkRange(iss, path, add);
    case "options":
      return checkOptions(iss.options, [...path, "options"], add);
  }
}

function checkRange(iss: Extract<IssueInput, { kind: "range" }>, path: Path, add: Add): void {
  if (iss.values) {
    const values = iss.values;
    if (iss.step !== undefined) add([...path, "step"], 'give either "values" or "min", "max" and "step", not both');
    if (values.length < 2) add([...path, "values"], "needs at least two values");
    values.forEach((v, j) => {
      if (j > 0 && v <= (values[j - 1] as number)) add([...path, "values", j], `must be greater than the value before it (${values[j - 1]})`);
    });
    const first = values[0];
    const last = values.at(-1);
    if (iss.min !== undefined && iss.min !== first) add([...path, "min"], `must be the first listed value (${first}), or be left out`);
    if (iss.max !== undefined && iss.max !== last) add([...path, "max"], `must be the last listed value (${last}), or be left out`);
    return;
  }
  for (const field of ["min", "max", "step"] as const) if (iss[field] === undefined) add([...path, field], 'is required (or list the values in "values")');
  const { min, max, step } = iss;
  if (min === undefined || max === undefined || step === undefined) return;
  if (min >= max) add([...path, "max"], "must be greater than min");
  else if ((max - min) % step !== 0) add([...path, "step"], `must divide max − min (${max - min})`);
  else if ((max - min) / step + 1 > LIMITS.valuesPerIssue)
    add([...path, "step"], `leaves ${(max - min) / step + 1} values between min and max; at most ${LIMITS.valuesPerIssue}: use a larger step or list the values`);
}

/** Runs `checks` and says whether they found nothing wrong. */
function passes(add: Add, checks: (add: Add) => void): boolean {
  let found = false;
  checks((path, message) => {
    found = true;
    add(path, message);
  });
  return !found;
}

function checkOptions(written: Extract<IssueInput, { kind: "options" }>["options"], path: Path, add: Add): void {
  const options = optionsOf(written);
  const byId = new Map<string, number>();
  const byLabel = new Map<string, number>();
  options.forEach((o, j) => {
    const w = written[j];
    const given = typeof w === "object" && w.id !== undefined;
    const at = given ? [...path, j, "id"] : typeof w === "string" ? [...path, j] : [...path, j, "label"];
    if (o.id === "") add(at, 'gives no id (its label has no letters or digits): add an "id"');
    else if (byId.has(o.id)) {
      const other = `${formatPath(path)}[${byId.get(o.id)}]`;
      add(at, given ? `duplicate option id "${o.id}" (${other} has it too)` : `makes the id "${o.id}", as ${other} does: give one of them an "id"`);
    } else byId.set(o.id, j);
    if (byLabel.has(o.label)) add(typeof w === "string" ? [...path, j] : [...path, j, "label"], `has the same label as ${formatPath(path)}[${byLabel.get(o.label)}]`);
    else byLabel.set(o.label, j);
  });
}

function checkBrief(
  raw: Record<string, unknown>,
  role: Role,
  issueList: readonly (IssueInput | undefined)[] | null,
  issueRef: (id: string) => IssueRef,
  add: Add,
): Brief {
  const path = ["roles", role];
  const values = isRecord(raw.values) ? Object.fromEntries(Object.entries(raw.values).map(([k, v]) => [k, one(v, PARTS.issueValue)])) : null;
  if (values) {
    for (const iss of issueList ?? [])
      if (iss && iss.kind !== "price" && !Object.hasOwn(values, iss.id)) add([...path, "values", iss.id], "missing valuation for this issue");
    for (const [issueId, v] of Object.entries(values)) if (v) checkValue([...path, "values", issueId], issueRef(issueId), issueId, v, add);
  }
  const hotButtons = each(raw.hotButtons, PARTS.hotButton, LIMITS.perList);
  const hotIds = new Set<string>();
  (hotButtons ?? []).forEach((h, i) => {
    if (!h) return;
    const at = [...path, "hotButtons", i];
    if (hotIds.has(h.id)) add([...at, "id"], `duplicate hot button id "${h.id}"`);
    hotIds.add(h.id);
    checkHotButton(h, at, issueRef, add);
  });
  const walkAway = one(raw.walkAway, PARTS.drawRange);
  const target = one(raw.target, PARTS.drawn);
  if (walkAway && target !== undefined) {
    const [low, high] = typeof target === "number" ? [target, target] : [target.min, target.max];
    const buyer = role === "buyer";
    if (buyer ? high > walkAway.max : low < walkAway.min)
      add([...path, "target"], buyer ? "must not be above the walk-away: a target is what the buyer hopes to pay at most" : "must not be below the walk-away: a target is what the seller hopes to earn at least");
  }
  return { values, hotButtons, hotIds: rawIds(raw.hotButtons) };
}

function checkHotButton(h: HotButtonInput, at: Path, issueRef: (id: string) => IssueRef, add: Add): void {
  if (h.kind === "budgetCap") {
    const ref = issueRef(h.issueId);
    if (ref.found === "none") add([...at, "issueId"], `unknown issue "${h.issueId}"`);
    else if (ref.found !== "broken" && ref.found.kind === "options")
      add([...at, "issueId"], `"${h.issueId}" has options, not numbers: a cap needs a price or range issue`);
  }
  if (h.kind === "wants") checkWant(h, at, issueRef(h.issueId), add);
  const allowed: readonly string[] = h.kind === "wants" && h.costIfMissing === undefined ? [] : HOT_BUTTON_NUMBERS[h.kind];
  for (const token of templateTokens(h.text))
    if (!allowed.includes(token))
      add(
        [...at, "text"],
        allowed.length > 0
          ? `unknown placeholder {${token}}; a ${h.kind} text may use ${allowed.map((a) => `{${a}}`).join(", ")}`
          : `unknown placeholder {${token}}; this text has no numbers to fill in`,
      );
}

function checkWant(h: Extract<HotButtonInput, { kind: "wants" }>, at: Path, ref: IssueRef, add: Add): void {
  if (h.mustHave === undefined && h.costIfMissing === undefined) add(at, 'needs "mustHave": true or a "costIfMissing"');
  if (h.mustHave !== undefined && h.costIfMissing !== undefined) add([...at, "costIfMissing"], 'give "mustHave" or "costIfMissing", not both');
  if (ref.found === "none") return add([...at, "issueId"], `unknown issue "${h.issueId}"`);
  if (ref.found === "broken") return;
  const iss = ref.found;
  if (iss.kind === "price") return add([...at, "issueId"], "price cannot be wanted: a budget cap or the walk-away says what price a side needs");
  if (iss.kind === "options") {
    if (h.value !== undefined) add([...at, "value"], `"${h.issueId}" has options: name the option in "optionId"`);
    if (h.optionId === undefined) add([...at, "optionId"], "is required: the option this side wants");
    else if (optionNamed(optionsOf(iss.options), h.optionId) === undefined) add([...at, "optionId"], `not an option of "${h.issueId}"`);
    return;
  }
  if (h.optionId !== undefined) add([...at, "optionId"], `"${h.issueId}" is numeric: give the wanted number in "value"`);
  if (h.value === undefined) add([...at, "value"], "is required: the value this side wants");
  else if (!rangeValues(iss).includes(h.value)) add([...at, "value"], `not a value "${h.issueId}" can take`);
}

function checkValue(path: Path, ref: IssueRef, issueId: string, value: IssueValueInput, add: Add): void {
  if (ref.found === "none") return add(path, `unknown issue "${issueId}"`);
  if (ref.found === "broken") return;
  const iss = ref.found;
  if (iss.kind === "price") return add(path, "price has no valuation: it is money already");
  if (iss.kind === "range") {
    if ("byOption" in value) return add(path, 'a numeric issue needs { "atMin", "atMax" } or { "byValue" }');
    if (!("byValue" in value)) return;
    const values = rangeValues(iss);
    for (const v of values) if (!Object.hasOwn(value.byValue, String(v))) add([...path, "byValue", String(v)], "missing value for this value");
    for (const k of Object.keys(value.byValue))
      if (!values.some((v) => String(v) === k)) add([...path, "byValue", k], `not a value "${issueId}" can take`);
    return;
  }
  if (!("byOption" in value)) return add(path, 'an options issue needs { "byOption": { option: money } }');
  const options = optionsOf(iss.options);
  const named = new Map<string, string>();
  for (const k of Object.keys(value.byOption)) {
    const optionId = optionNamed(options, k);
    if (optionId === undefined) add([...path, "byOption", k], `not an option of "${issueId}"`);
    else if (named.has(optionId)) add([...path, "byOption", k], `names the same option as "${named.get(optionId)}"`);
    else named.set(optionId, k);
  }
  for (const o of options) if (o.id !== "" && !named.has(o.id)) add([...path, "byOption", o.id], "missing value for this option");
}

function checkCard(c: CardInput, at: Path, issueRef: (id: string) => IssueRef, factProblem: (fact: FactRef) => string | null, add: Add): void {
  const e = c.effect;
  const allowed: readonly string[] = CARD_NUMBERS[e.kind];
  for (const token of templateTokens(c.text))
    if (!allowed.includes(token))
      add(
        [...at, "text"],
        `unknown placeholder {${token}}; ${allowed.length > 0 ? `a ${e.kind} card may use ${allowed.map((a) => `{${a}}`).join(", ")}` : `a ${e.kind} card has no numbers to fill in`}`,
      );
  switch (e.kind) {
    case "changeDeadline":
      if (c.visibility !== "public") add([...at, "visibility"], "a deadline change is seen by both sides: must be public");
      return;
    case "changeValue":
      return checkValue([...at, "effect", "value"], issueRef(e.issueId), e.issueId, e.value, add);
    case "shiftValue": {
      const ref = issueRef(e.issueId);
      if (ref.found === "none") return add([...at, "effect", "issueId"], `unknown issue "${e.issueId}"`);
      if (ref.found === "broken") return;
      if (ref.found.kind === "price") return add([...at, "effect", "issueId"], "price has no valuation to shift: it is money already");
      if (e.optionId === undefined) return;
      if (ref.found.kind !== "options") return add([...at, "effect", "optionId"], `"${e.issueId}" is numeric: leave "optionId" out to shift every value`);
      if (optionNamed(optionsOf(ref.found.options), e.optionId) === undefined) add([...at, "effect", "optionId"], `not an option of "${e.issueId}"`);
      return;
    }
    case "reveal": {
      const problem = factProblem(e.fact);
      if (problem) add([...at, "effect", "fact"], problem);
      return;
    }
    case "shiftWalkAway":
    case "perRoundCost":
      return;
  }
}

/** Answer placeholders: {walkAway} or {<hotButtonId>.<field>}, filled from the answering side's draw. */
function answerTokenExists(hotButtons: readonly HotButtonInput[], token: string): boolean {
  if (token === "walkAway") return true;
  const [hotId, field, ...rest] = token.split(".");
  const hot = hotButtons.find((h) => h.id === hotId);
  if (!hot || field === undefined || rest.length > 0) return false;
  return (HOT_BUTTON_NUMBERS[hot.kind] as readonly string[]).includes(field) || (ANSWER_FIELDS as readonly string[]).includes(field);
}

