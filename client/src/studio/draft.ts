import { ROLES } from "../../../shared/engine/roles.js";
import { idFromLabel } from "../../../shared/engine/scenarioNormalise.js";
import { getAt, insertAt, isObject, listAt, objectAt, removeAt, setAt, type Doc, type Json, type JsonObject, type Path } from "./document.js";

/*
 * The case a trainer is writing, and every change the studio's buttons make to it. Changes that
 * touch more than one place (an issue's id is also the key of both sides' valuations) are made
 * here in one step, so the form never has to patch the document piece by piece.
 */

export type IssueKind = "price" | "range" | "options";
export type HotButtonKind = "deadline" | "compliance" | "budgetCap" | "wants";
export type EffectKind = "shiftWalkAway" | "changeDeadline" | "changeValue" | "perRoundCost" | "reveal" | "shiftValue";
export type FactKind = "walkAway" | "hotButton" | "value";
export type PointList = "strengths" | "weaknesses";

export const HOT_BUTTON_KINDS: readonly HotButtonKind[] = ["deadline", "compliance", "budgetCap", "wants"];
export const EFFECT_KINDS: readonly EffectKind[] = ["shiftWalkAway", "changeDeadline", "perRoundCost", "changeValue", "shiftValue", "reveal"];

function emptyRole(): JsonObject {
  return { brief: "", walkAway: { min: null, max: null, step: 1 }, values: {}, hotButtons: [], strengths: [], weaknesses: [] };
}

/** Where a new case starts: the one issue every case has (price), both roles, no deck yet. */
export function emptyDraft(): Doc {
  return stripNulls({
    id: "",
    title: "",
    summary: "",
    story: "",
    currency: "EUR",
    firstMover: "seller",
    rounds: 6,
    turnSeconds: 90,
    issues: [{ kind: "price", id: "price", label: "Price", min: null, max: null, step: 100, unit: "EUR" }],
    roles: { buyer: emptyRole(), seller: emptyRole() },
    questions: [],
    deck: { firstRound: 2, chancePerRound: 0.3, maxCards: 0, cards: [] },
  }) as Doc;
}

/** Nulls above stand for "the trainer fills this in": a document leaves them out, so the schema says "is required". */
function stripNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, stripNulls(v)]])));
}

function newIssue(kind: Exclude<IssueKind, "price">): JsonObject {
  return kind === "range"
    ? { kind, id: "", label: "", min: 0, max: 10, step: 1, unit: "", buyerPrefers: "higher" }
    : { kind, id: "", label: "", options: [{ id: "", label: "" }, { id: "", label: "" }] };
}

function issueAt(doc: Doc, index: number): JsonObject {
  return objectAt(doc, ["issues", index]);
}

function issueIdAt(doc: Doc, index: number): string {
  const id = issueAt(doc, index).id;
  return typeof id === "string" ? id : "";
}

/** An id is some issue's own only if no other issue has it too: valuations follow it only then. */
function ownedBy(doc: Doc, id: string, index: number): boolean {
  return id !== "" && listAt(doc, ["issues"]).every((iss, i) => i === index || !isObject(iss) || iss.id !== id);
}

export function addIssue(doc: Doc, kind: Exclude<IssueKind, "price">): Doc {
  return insertAt(doc, ["issues"], newIssue(kind));
}

/** Remove an issue and both sides' valuations of it. */
export function removeIssue(doc: Doc, index: number): Doc {
  const id = issueIdAt(doc, index);
  let next = removeAt(doc, ["issues"], index);
  if (ownedBy(doc, id, index)) for (const role of ROLES) next = setAt(next, ["roles", role, "values", id], undefined);
  return next;
}

/**
 * Rename an issue: its valuations, and every hot button and card that names it, follow. While
 * two issues share an id (half-way through typing) nothing moves, so one issue's valuations are
 * never handed to another.
 */
export function renameIssue(doc: Doc, index: number, id: string): Doc {
  const old = issueIdAt(doc, index);
  let next = setAt(doc, ["issues", index, "id"], id);
  if (!ownedBy(doc, old, index) || !ownedBy(next, id, index)) return next;
  for (const role of ROLES) {
    const values = objectAt(next, ["roles", role, "values"]);
    if (Object.hasOwn(values, old)) next = setAt(next, ["roles", role, "values"], renameKey(values, old, id));
    next = renameRefs(next, ["roles", role, "hotButtons"], (item) => item, old, id);
  }
  return renameRefs(next, ["deck", "cards"], (card) => (isObject(card.effect) ? card.effect : null), old, id);
}

/** Point each item's `issueId` (found by `at`) that is `old` at `id` instead. */
function renameRefs(doc: Doc, listPath: Path, at: (item: JsonObject) => Json | null, old: string, id: string): Doc {
  let next = doc;
  listAt(doc, listPath).forEach((item, i) => {
    const target = isObject(item) ? at(item) : null;
    if (!isObject(target) || target.issueId !== old) return;
    const prefix = target === item ? [] : ["effect"];
    next = setAt(next, [...listPath, i, ...prefix, "issueId"], id);
  });
  return next;
}

/** The object with one key renamed, in the same place among the others. */
function renameKey(object: JsonObject, old: string, id: string): JsonObject {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k === old ? id : k, v]));
}

/** An option's id as written: `{id, label}`, or a plain label whose id is made from it. */
export function optionId(option: Json | undefined): string {
  if (typeof option === "string") return idFromLabel(option);
  return isObject(option) && typeof option.id === "string" ? option.id : "";
}

export function optionLabel(option: Json | undefined): string {
  if (typeof option === "string") return option;
  return isObject(option) && typeof option.label === "string" ? option.label : "";
}

export function addOption(doc: Doc, issueIndex: number): Doc {
  return insertAt(doc, ["issues", issueIndex, "options"], { id: "", label: "" });
}

/** Remove an option and both sides' value of it. */
export function removeOption(doc: Doc, issueIndex: number, optionIndex: number): Doc {
  const issueId = issueIdAt(doc, issueIndex);
  const id = optionId(getAt(doc, ["issues", issueIndex, "options", optionIndex]));
  let next = removeAt(doc, ["issues", issueIndex, "options"], optionIndex);
  if (id !== "" && optionIds(next, issueIndex).every((o) => o !== id))
    for (const role of ROLES) next = setAt(next, ["roles", role, "values", issueId, "byOption", id], undefined);
  return next;
}

function optionIds(doc: Doc, issueIndex: number): string[] {
  return listAt(doc, ["issues", issueIndex, "options"]).map(optionId);
}

/** Rename an option: both sides' values of it follow, unless another option of the issue has either id. */
export function renameOption(doc: Doc, issueIndex: number, optionIndex: number, id: string): Doc {
  const path = ["issues", issueIndex, "options", optionIndex];
  const old = optionId(getAt(doc, path));
  let next = setAt(doc, [...path, "id"], id);
  const others = optionIds(doc, issueIndex).filter((_, i) => i !== optionIndex);
  if (old === "" || id === "" || others.includes(old) || others.includes(id)) return next;
  const issueId = issueIdAt(doc, issueIndex);
  for (const role of ROLES) {
    const byOption = getAt(next, ["roles", role, "values", issueId, "byOption"]);
    if (isObject(byOption) && Object.hasOwn(byOption, old)) next = setAt(next, ["roles", role, "values", issueId, "byOption"], renameKey(byOption, old, id));
  }
  return next;
}

/** A numeric issue's scale: evenly spaced from min to max by step, or a list of the values it may take. */
export function setScale(doc: Doc, issueIndex: number, scale: "spaced" | "listed"): Doc {
  const issue = issueAt(doc, issueIndex);
  const { min, max, step, values, ...rest } = issue;
  if (scale === "listed") {
    const listed = Array.isArray(values) ? values : typeof min === "number" && typeof max === "number" ? [min, max] : [];
    return setAt(doc, ["issues", issueIndex], { ...rest, values: listed });
  }
  const numbers = Array.isArray(values) ? values.filter((v): v is number => typeof v === "number") : [];
  return setAt(doc, ["issues", issueIndex], { ...rest, min: numbers[0] ?? 0, max: numbers.at(-1) ?? 10, step: 1 });
}

/** A unique id among the ids in use: `prefix-1`, `prefix-2`, … */
function freshId(prefix: string, used: readonly Json[]): string {
  const taken = new Set(used.map((item) => (isObject(item) ? item.id : null)));
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

export function newHotButton(kind: HotButtonKind, keep: JsonObject = {}): JsonObject {
  const common = { id: keep.id ?? "", label: keep.label ?? "", text: keep.text ?? "" };
  switch (kind) {
    case "deadline":
      return { kind, ...common, afterRound: { min: 3, max: 5, step: 1 }, costPerRound: 1000 };
    case "compliance":
      return { kind, ...common, byRound: { min: 4, max: 6, step: 1 }, penalty: 5000 };
    case "budgetCap":
      return { kind, ...common, issueId: "price", max: 0 };
    case "wants":
      return { kind, ...common, issueId: "", mustHave: true };
  }
}

/** The values a numeric issue can take, as written: listed, or every step from min to max (none while those are not figures). */
export function numericValues(issue: JsonObject): number[] {
  if (Array.isArray(issue.values)) return issue.values.filter((v): v is number => typeof v === "number");
  const { min, max, step } = issue;
  if (typeof min !== "number" || typeof max !== "number" || typeof step !== "number" || step <= 0 || max < min) return [];
  const out: number[] = [];
  // Only so many values are valued one by one: counting stops past that (a range of a million steps).
  for (let v = min; v <= max && out.length <= MAX_VALUED_ONE_BY_ONE; v += step) out.push(v);
  return out;
}

/** The most values a side may value one by one in the studio; a longer issue is valued at both ends. */
export const MAX_VALUED_ONE_BY_ONE = 50;

/** A side values a numeric issue at both ends (a straight line between), or value by value. */
export function setValuation(doc: Doc, role: string, issueIndex: number, by: "ends" | "value"): Doc {
  const issueId = issueIdAt(doc, issueIndex);
  const path = ["roles", role, "values", issueId];
  if (by === "ends") return setAt(doc, path, { atMin: 0, atMax: 0 });
  return setAt(doc, path, { byValue: Object.fromEntries(numericValues(issueAt(doc, issueIndex)).map((v) => [String(v), 0])) });
}

export function addHotButton(doc: Doc, role: string, kind: HotButtonKind): Doc {
  const path = ["roles", role, "hotButtons"];
  return insertAt(doc, path, newHotButton(kind, { id: freshId("pressure", listAt(doc, path)) }));
}

/** Change a hot button's kind: its id, label and text stay, the numbers start again. */
export function setHotButtonKind(doc: Doc, role: string, index: number, kind: HotButtonKind): Doc {
  const path = ["roles", role, "hotButtons", index];
  return setAt(doc, path, newHotButton(kind, objectAt(doc, path)));
}

/** A `wants` hot button either cannot do without its term, or puts a cost on missing it. */
export function setWantsStrength(doc: Doc, role: string, index: number, strength: "mustHave" | "costIfMissing"): Doc {
  const path = ["roles", role, "hotButtons", index];
  const { mustHave: _m, costIfMissing: _c, ...rest } = objectAt(doc, path);
  return setAt(doc, path, strength === "mustHave" ? { ...rest, mustHave: true } : { ...rest, costIfMissing: 0 });
}

/** Point a `wants` hot button at an issue: an option for an options issue, a value for a numeric one. */
export function setWantsIssue(doc: Doc, role: string, index: number, issueId: string): Doc {
  const path = ["roles", role, "hotButtons", index];
  const { optionId: _o, value: _v, ...rest } = objectAt(doc, path);
  const issue = listAt(doc, ["issues"]).find((iss) => isObject(iss) && iss.id === issueId);
  const target: JsonObject = isObject(issue) && issue.kind === "options" ? { optionId: "" } : {};
  return setAt(doc, path, { ...rest, issueId, ...target });
}

export function addPoint(doc: Doc, role: string, list: PointList): Doc {
  const brief = objectAt(doc, ["roles", role]);
  const used = [...listAt(brief, ["strengths"]), ...listAt(brief, ["weaknesses"])];
  return insertAt(doc, ["roles", role, list], { id: freshId(list === "strengths" ? "strength" : "weakness", used), text: "" });
}

function newFact(kind: FactKind): JsonObject {
  switch (kind) {
    case "walkAway":
      return { kind };
    case "hotButton":
      return { kind, id: "" };
    case "value":
      return { kind, issueId: "" };
  }
}

/** Tie a point, a question or a reveal card to a fact, or (null) to nothing. */
export function setFact(doc: Doc, path: Path, kind: FactKind | null): Doc {
  return setAt(doc, path, kind === null ? undefined : newFact(kind));
}

export function addQuestion(doc: Doc): Doc {
  return insertAt(doc, ["questions"], { id: freshId("question", listAt(doc, ["questions"])), askedBy: "buyer", text: "", answer: "" });
}

function newEffect(kind: EffectKind): JsonObject {
  switch (kind) {
    case "shiftWalkAway":
      return { kind, by: 0 };
    case "changeDeadline":
      return { kind, by: -1 };
    case "perRoundCost":
      return { kind, amount: 500 };
    case "changeValue":
      return { kind, issueId: "", value: { atMin: 0, atMax: 0 } };
    case "shiftValue":
      return { kind, issueId: "", by: 0 };
    case "reveal":
      return { kind, fact: { kind: "walkAway" } };
  }
}

export function addCard(doc: Doc): Doc {
  const path = ["deck", "cards"];
  return insertAt(doc, path, { id: freshId("card", listAt(doc, path)), title: "", text: "", visibility: "private", side: "buyer", effect: newEffect("shiftWalkAway") });
}

/** A deadline change is seen by both sides: choosing it makes the card public. */
export function setEffectKind(doc: Doc, cardIndex: number, kind: EffectKind): Doc {
  const next = setAt(doc, ["deck", "cards", cardIndex, "effect"], newEffect(kind));
  return kind === "changeDeadline" ? setAt(next, ["deck", "cards", cardIndex, "visibility"], "public") : next;
}

/** A changeValue card's new valuation takes the shape its issue needs: per option, or at both ends. */
export function setChangeValueIssue(doc: Doc, cardIndex: number, issueId: string): Doc {
  const issue = listAt(doc, ["issues"]).find((iss) => isObject(iss) && iss.id === issueId);
  const index = listAt(doc, ["issues"]).indexOf(issue as Json);
  const value: JsonObject = isObject(issue) && issue.kind === "options" ? { byOption: Object.fromEntries(optionIds(doc, index).map((id) => [id, 0])) } : { atMin: 0, atMax: 0 };
  return setAt(doc, ["deck", "cards", cardIndex, "effect"], { kind: "changeValue", issueId, value });
}

/** A hot button's number drawn per table: one figure, or a range `{min, max, step}`. */
export function setDrawnMode(doc: Doc, path: Path, mode: "fixed" | "range"): Doc {
  const value = getAt(doc, path);
  if (mode === "range") {
    const n = typeof value === "number" ? value : 0;
    return setAt(doc, path, { min: n, max: n, step: 1 });
  }
  return setAt(doc, path, isObject(value) && typeof value.min === "number" ? value.min : 0);
}
