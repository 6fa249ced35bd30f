import type { KnownFact, Role } from "../engine/index.js";
import type { PackageSpace } from "./space.js";

/*
 * What a bot can use from the facts it learned about the other side (answers and leaks). The
 * engine hands a fact over as its kind plus the sentence describeFact wrote, so the numbers are
 * read back from that sentence; tests/bots/facts.test.ts pins this to describeFact's wording.
 */

export type OtherSideFacts = {
  /** The other side's walk-away, when a fact told it. */
  readonly walkAway: number | null;
  /** Exact money per value (worth to a buyer, cost to a seller), by axis index, for the axes a fact told. */
  readonly money: ReadonlyMap<number, Float64Array>;
  /** Whether the other side let slip a hot button (a date or a cap it must meet). */
  readonly pressed: boolean;
  /** The other side's budget caps a fact told: it cannot sign a package above `max` on the issue. */
  readonly caps: readonly LearnedCap[];
};

export type LearnedCap = { readonly issueId: string; readonly max: number };

const MONEY = /(−|-)?[^\d\s]*\s?(\d[\d,]*)/;

/** The first amount of money in a sentence written by formatMoney ("$18,250", "−€300", "CHF 1,000"). */
export function firstAmount(text: string): number | null {
  const m = MONEY.exec(text);
  if (!m) return null;
  const n = Number((m[2] as string).replaceAll(",", ""));
  return m[1] ? -n : n;
}

/** What a side knows before it learns anything: most of a game, for most bots. */
const NOTHING_LEARNED: OtherSideFacts = { walkAway: null, money: new Map(), pressed: false, caps: [] };

/*
 * The facts last read about each side. A bot sees the same list of learned facts move after move
 * until it learns something. One slot per side rather than a cache keyed on every list: new keys
 * in a WeakMap, a few per game, cost more than reading the facts again.
 */
const lastRead: Record<Role, { learned: readonly KnownFact[]; space: PackageSpace; facts: OtherSideFacts } | null> = { buyer: null, seller: null };

/** readFacts, for the list of learned facts a bot's view holds now. */
export function factsFrom(learned: readonly KnownFact[], space: PackageSpace, owner: Role): OtherSideFacts {
  if (learned.length === 0) return NOTHING_LEARNED;
  const last = lastRead[owner];
  if (last && last.learned === learned && last.space === space) return last.facts;
  const facts = readFacts(learned, space, owner);
  lastRead[owner] = { learned, space, facts };
  return facts;
}

export function readFacts(learned: readonly KnownFact[], space: PackageSpace, owner: Role): OtherSideFacts {
  let walkAway: number | null = null;
  let pressed = false;
  const money = new Map<number, Float64Array>();
  const caps: LearnedCap[] = [];
  for (const known of learned) {
    const fact = known.fact;
    switch (fact.kind) {
      case "walkAway":
        walkAway = firstAmount(known.text) ?? walkAway;
        break;
      case "hotButton": {
        pressed = true;
        const cap = capOf(space, known.text);
        if (cap) caps.push(cap);
        break;
      }
      case "value": {
        const a = space.axes.findIndex((axis) => axis.issue.id === fact.issueId);
        const values = a >= 0 ? valueMoneyOf(space, a, owner, known.text) : null;
        if (values) money.set(a, values);
        break;
      }
    }
  }
  return { walkAway, money, pressed, caps };
}

const CAP = /cannot go above (.+) on (.+) \(/;

/** describeFact tells a budget cap as "… cannot go above <value> on <issue label> (<cap label>)."; null for any other hot button. */
function capOf(space: PackageSpace, text: string): LearnedCap | null {
  const m = CAP.exec(text);
  if (!m) return null;
  const max = firstAmount(m[1] as string);
  const label = m[2] as string;
  const issue = [space.price, ...space.axes.map((a) => a.issue)].find((i) => i.label.toLowerCase() === label);
  return max === null || !issue ? null : { issueId: issue.id, max };
}

const readValues = new WeakMap<PackageSpace, Map<string, Float64Array | null>>();
/** Sentences kept per space: each is one side's valuation of one issue, so few ever differ. */
const MAX_READ_VALUES = 1_000;

/**
 * valueMoney, kept per sentence: the same valuation is told in the same words at every table,
 * and a side's list of facts is read again each time it learns one more.
 */
function valueMoneyOf(space: PackageSpace, a: number, owner: Role, text: string): Float64Array | null {
  let bySentence = readValues.get(space);
  if (!bySentence) {
    bySentence = new Map();
    readValues.set(space, bySentence);
  }
  const key = `${owner}:${a}:${text}`;
  let values = bySentence.get(key);
  if (values === undefined) {
    values = valueMoney(space, a, owner, text);
    if (bySentence.size >= MAX_READ_VALUES) bySentence.clear();
    bySentence.set(key, values);
  }
  return values;
}

/** describeFact lists "<option label> costs $X" per option, or both ends "<n> <unit> is worth $X" of a range. */
function valueMoney(space: PackageSpace, a: number, owner: Role, text: string): Float64Array | null {
  const axis = space.axes[a];
  if (!axis) return null;
  const verb = owner === "buyer" ? "is worth" : "costs";
  const amountAfter = (label: string): number | null => {
    const at = text.indexOf(`${label} ${verb} `);
    return at < 0 ? null : firstAmount(text.slice(at + label.length + verb.length + 2));
  };
  const issue = axis.issue;
  if (issue.kind === "options") {
    const amounts = issue.options.map((o) => amountAfter(o.label));
    return amounts.every((x) => x !== null) ? Float64Array.from(amounts as number[]) : null;
  }
  const low = amountAfter(`${issue.min} ${issue.unit}`);
  const high = amountAfter(`${issue.max} ${issue.unit}`);
  if (low === null || high === null) return null;
  return Float64Array.from(axis.values as number[], (v) => Math.round(low + ((high - low) * (v - issue.min)) / (issue.max - issue.min)));
}
