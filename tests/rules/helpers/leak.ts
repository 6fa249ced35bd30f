import { ROLES, issueValues, otherRole, type FactRef, type IssueValue, type Role, type TableState, type Viewer } from "../../../shared/engine/index.js";
import { termsWorth } from "./oracle.js";

/*
 * A by-value leak scanner. Every private value of the state becomes a Secret that knows who may
 * see it; a view is then searched for each secret's value in every encoding a client could read
 * (a JSON number, the digits inside a string, the money format "123,457"), never by key name.
 */

export type Secret = {
  readonly label: string;
  readonly value: number | string;
  /** Viewers allowed to see it right now. */
  readonly visibleTo: readonly Viewer[];
  /** Raw data the facilitator view must carry (positive control); derived figures need not appear. */
  readonly raw: boolean;
};

const factKey = (f: FactRef) => (f.kind === "walkAway" ? "walkAway" : f.kind === "hotButton" ? `hot:${f.id}` : `value:${f.issueId}`);

/** Viewers who know this fact of `owner`: the owner, facilitators, and whoever learned it. */
function knowers(state: TableState, owner: Role, key: string): Viewer[] {
  const learner = otherRole(owner);
  const learned = state.sides[learner].learned.some((k) => factKey(k.fact) === key);
  return learned ? [owner, "facilitator", learner] : [owner, "facilitator"];
}

function valueNumbers(state: TableState, owner: Role, issueId: string, valuation: IssueValue): { n: number; raw: boolean }[] {
  const out: { n: number; raw: boolean }[] = [];
  const raws =
    "byOption" in valuation ? Object.values(valuation.byOption) : "byValue" in valuation ? Object.values(valuation.byValue) : [valuation.atMin, valuation.atMax];
  for (const n of raws) out.push({ n, raw: true });
  const issue = state.scenario.issues.find((i) => i.id === issueId);
  if (!issue) return out;
  // Every point and every difference between two points: concession money is such a difference.
  const side = { ...state.sides[owner], values: { [issueId]: valuation } };
  const points = issueValues(issue).map((v) => termsWorth({ ...state.scenario, issues: [issue] }, side, { [issueId]: v }));
  for (const a of points) {
    out.push({ n: a, raw: false });
    for (const b of points) out.push({ n: Math.abs(a - b), raw: false });
  }
  return out;
}

function sideSecrets(state: TableState, owner: Role): Secret[] {
  const side = state.sides[owner];
  const brief = state.scenario.roles[owner];
  const out: Secret[] = [];
  const add = (label: string, value: number | string, visibleTo: Viewer[], raw = true) => {
    if (typeof value === "number" && Math.abs(value) < 1000) return; // small numbers occur everywhere by chance
    out.push({ label: `${owner} ${label}`, value, visibleTo, raw });
  };
  const own: Viewer[] = [owner, "facilitator"];
  for (const wa of new Set([side.walkAway, brief.walkAway.min, brief.walkAway.max])) add("walk-away", wa, knowers(state, owner, "walkAway"), wa === side.walkAway);
  // A target is never revealed: no fact names it.
  const targets = brief.target === undefined ? [] : typeof brief.target === "number" ? [brief.target] : [brief.target.min, brief.target.max];
  for (const t of new Set([...(side.target === undefined ? [] : [side.target]), ...targets])) add("target", t, own, t === side.target);
  for (const h of side.hotButtons) {
    const fromCard = state.cards.find((c) => `card-${c.card.id}` === h.id);
    if (fromCard?.card.visibility === "public") continue;
    const who = fromCard ? own : knowers(state, owner, `hot:${h.id}`);
    add(`hot button ${h.id} text`, h.text, who);
    add(`hot button ${h.id} label`, h.label, who);
    if (h.kind === "deadline") add(`hot button ${h.id} cost`, h.costPerRound, who);
    if (h.kind === "compliance") add(`hot button ${h.id} penalty`, h.penalty, who);
    if (h.kind === "budgetCap") add(`hot button ${h.id} max`, h.max, who);
    if (h.kind === "wants") add(`hot button ${h.id} cost if missing`, h.costIfMissing, who);
  }
  for (const [issueId, valuation] of [...Object.entries(brief.values), ...Object.entries(side.values)]) {
    const who = knowers(state, owner, `value:${issueId}`);
    const current = side.values[issueId] === valuation;
    for (const { n, raw } of valueNumbers(state, owner, issueId, valuation)) if (n !== 0) add(`value of ${issueId}`, n, who, raw && current);
  }
  add("brief", brief.brief, own);
  for (const p of [...brief.strengths, ...brief.weaknesses]) add(`point ${p.id}`, p.text, own);
  const notesSeenBy: Viewer[] = state.phase === "finished" ? [owner, "facilitator"] : [owner];
  for (const n of side.notes) add("note", n.text, notesSeenBy);
  return out;
}

/**
 * Answers go to the two players (the asker, and the side whose brief gave them) and never to
 * observers; an unasked answer and an undrawn private card reach nobody.
 */
function eventSecrets(state: TableState): Secret[] {
  const out: Secret[] = [];
  for (const q of state.scenario.questions) {
    const marker = q.answer.split(/[ {]/)[0] as string;
    const asked = state.asked[q.askedBy].includes(q.id);
    out.push({ label: `answer to ${q.id}`, value: marker, visibleTo: asked ? ["buyer", "seller", "facilitator"] : [], raw: asked });
  }
  for (const card of state.scenario.deck.cards) {
    if (card.visibility === "public") continue;
    const drawn = state.cards.some((c) => c.card.id === card.id);
    const who: Viewer[] = drawn ? [card.side, "facilitator"] : [];
    out.push({ label: `card ${card.id} title`, value: card.title, visibleTo: who, raw: drawn });
    out.push({ label: `card ${card.id} text`, value: card.text.split(/[ {]/)[0] as string, visibleTo: who, raw: drawn });
    const e = card.effect;
    const amount = e.kind === "shiftWalkAway" || e.kind === "shiftValue" ? Math.abs(e.by) : e.kind === "perRoundCost" ? e.amount : null;
    if (amount !== null && amount >= 1000) out.push({ label: `card ${card.id} amount`, value: amount, visibleTo: who, raw: false });
  }
  return out;
}

export function allSecrets(state: TableState): Secret[] {
  return [...ROLES.flatMap((r) => sideSecrets(state, r)), ...eventSecrets(state)];
}

/** Every number and string value anywhere inside `view`, as a client decoding its JSON would see it. */
function valuesOf(view: unknown): { numbers: Set<number>; strings: string[] } {
  const numbers = new Set<number>();
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "number") numbers.add(Math.abs(v));
    else if (typeof v === "string") strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(JSON.parse(JSON.stringify(view)));
  return { numbers, strings };
}

/** The secrets whose value occurs anywhere in the view. */
export function secretsIn(view: unknown, secrets: readonly Secret[]): Secret[] {
  const { numbers, strings } = valuesOf(view);
  // One haystack, split by a character no secret contains, so no match can span two strings.
  const text = strings.join("\u0000");
  return secrets.filter((s) => {
    if (typeof s.value === "string") return text.includes(s.value);
    const n = Math.abs(s.value);
    return numbers.has(n) || text.includes(String(n)) || text.includes(n.toLocaleString("en-US"));
  });
}

/**
 * Secrets found in the view that this viewer must not see, as readable labels. `textsOnly` is for
 * the end-of-game reveal, whose hundreds of derived figures (the Pareto frontier) match numbers by chance.
 */
export function leaksIn(view: unknown, state: TableState, viewer: Viewer, textsOnly = false): string[] {
  const forbidden = allSecrets(state).filter((s) => !s.visibleTo.includes(viewer) && (!textsOnly || typeof s.value === "string"));
  return [...new Set(secretsIn(view, forbidden).map((s) => `${s.label} (${s.value})`))];
}

/** Raw secrets the facilitator may see that are missing from its view: the scanner's positive control. */
export function missingForFacilitator(view: unknown, state: TableState): string[] {
  const expected = allSecrets(state).filter((s) => s.raw && s.visibleTo.includes("facilitator"));
  const found = new Set(secretsIn(view, expected));
  return expected.filter((s) => !found.has(s)).map((s) => `${s.label} (${s.value})`);
}
