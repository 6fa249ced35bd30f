import { givenMoney } from "../ledger.js";
import { otherRole, type Role } from "../roles.js";
import type { FactRef, Issue } from "../scenario.js";
import type { DrawAnalysis } from "../scoring.js";
import type { KnownFact, Offer, Outcome, Package, Score, TableState } from "../state.js";
import { buyerward, formatValue, issueValues, limitWords, namedValue } from "../terms.js";
import { noZoneWords, termsWords, type Whose, zoneCut, zoneRange } from "../zoneWords.js";
import { brokenCap, penaltyAt, utility } from "../valuation.js";

/*
 * What every lesson of the debrief reads: the finished game, whose debrief it is, the draw's
 * analysis, and the small helpers the lessons share.
 */

export type DebriefTone = "good" | "warn" | "info";

export type Verdict = { readonly tone: DebriefTone; readonly text: string };

export type Context = {
  readonly state: TableState;
  readonly seat: Role;
  readonly other: Role;
  readonly outcome: Outcome;
  readonly score: Score;
  readonly analysis: DrawAnalysis;
  readonly money: (amount: number) => string;
};

export const good = (text: string): Verdict => ({ tone: "good", text });
export const warn = (text: string): Verdict => ({ tone: "warn", text });
export const info = (text: string): Verdict => ({ tone: "info", text });

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const priceOf = (terms: Package) => terms.price as number;

/** How far a package clears `role`'s walk-away if struck in `round` (negative: short of it). */
export function surplusAt(c: Context, role: Role, terms: Package, round: number): number {
  const side = c.state.sides[role];
  return utility(c.state.scenario, role, side, terms) - penaltyAt(side.hotButtons, round);
}

/** Whether `role` could have accepted `offer` in `round` and been better off than with no deal. */
export function worthAccepting(c: Context, role: Role, offer: Offer | null, round: number): number | null {
  if (!offer || brokenCap(c.state.sides[role], offer.terms)) return null;
  const surplus = surplusAt(c, role, offer.terms, round);
  return surplus >= 0 ? surplus : null;
}

/** "your" for the debrief's reader, "their" for the other side. */
export const whoseIn = (c: Context): Whose => (role) => personOf(c, role).their;

/**
 * Why `role` could not sign `offer` with a gain in `round` — a cap it breaks, or how far short
 * of the walk-away it falls — or null when it could have. `role` is named as the reader knows it.
 */
export function whyNotSign(c: Context, role: Role, offer: Offer, round: number): string | null {
  const whose = whoseIn(c)(role);
  const cap = brokenCap(c.state.sides[role], offer.terms);
  if (cap) {
    const could = `so ${role === c.seat ? "you" : "they"} could not sign it`;
    if (cap.kind === "wants") return `left out what ${whose} ${cap.label.toLowerCase()} must have (${limitWords(c.state.scenario, cap).replace(/^without /, "")}), ${could}`;
    const issue = issueById(c, cap.issueId);
    return `was above ${whose} ${cap.label.toLowerCase()} cap of ${formatValue(issue, cap.max, c.state.scenario.currency)}, ${could}`;
  }
  const surplus = surplusAt(c, role, offer.terms, round);
  return surplus < 0 ? `was ${c.money(-surplus)} short of ${whose} walk-away` : null;
}

/** "on the best terms (…) any price from $X to $Y worked for both of you (… set the top …)" */
export function zoneText(c: Context): string {
  const { scenario } = c.state;
  const z = c.analysis.zone;
  return `on the best terms (${termsWords(scenario, z.terms)}) any price ${zoneRange(scenario, z)} worked for both of you${zoneCut(scenario, z, whoseIn(c))}`;
}

/** Why no deal could work for both: "the walk-aways did not overlap: …". */
export function noZoneText(c: Context): string {
  return noZoneWords(c.state.scenario, c.analysis, whoseIn(c));
}

export function issueById(c: Context, id: string): Issue {
  const issue = c.state.scenario.issues.find((i) => i.id === id);
  if (!issue) throw new Error(`issue "${id}" is not in the scenario`);
  return issue;
}

/** Money `role` gave up net with the offer made on `turn` (the private figure of the ledger): negative when it took more back than it gave. */
export function concededAt(c: Context, turn: number, role: Role = c.seat): number {
  return c.state.ledger.filter((l) => l.by === role && l.turn === turn).reduce((sum, l) => sum + givenMoney(l), 0);
}

/** Average money `role` gave up net per offer among `offers` (0 for none): a retraction offsets what was given. */
export function concessionRate(c: Context, role: Role, offers: readonly Offer[]): number {
  return offers.length === 0 ? 0 : offers.reduce((sum, o) => sum + concededAt(c, o.turn, role), 0) / offers.length;
}

/** The words a sentence uses for one side: the debrief's reader is "you", the other side "they". */
type Person = { readonly they: string; readonly their: string; readonly them: string };
const YOU: Person = { they: "you", their: "your", them: "you" };
const THEY: Person = { they: "they", their: "their", them: "them" };
export const personOf = (c: Context, role: Role): Person => (role === c.seat ? YOU : THEY);

export function sameFact(a: FactRef, b: FactRef): boolean {
  switch (a.kind) {
    case "walkAway":
      return b.kind === "walkAway";
    case "hotButton":
      return b.kind === "hotButton" && b.id === a.id;
    case "value":
      return b.kind === "value" && b.issueId === a.issueId;
  }
}

/**
 * Whether `learner`'s offers after a fact was learned show it was put to work, and how (in words
 * from the reader's side). The discovery lesson asks it of the reader's own facts, the position
 * lesson of what the other side learned about the reader: one judgement, so both lines agree.
 */
export function useOf(c: Context, learner: Role, known: KnownFact): { used: boolean; how: string } {
  const owner = otherRole(learner);
  const [l, o] = [personOf(c, learner), personOf(c, owner)];
  const before = c.state.offers.filter((x) => x.by === learner && x.turn < known.turn);
  const after = c.state.offers.filter((x) => x.by === learner && x.turn > known.turn);
  const { fact } = known;
  const walkedAway = c.outcome.kind === "walkaway" && c.outcome.by === learner;
  if (fact.kind === "walkAway" && walkedAway && !c.analysis.exists) return { used: true, how: `${l.they} walked away from a table where no deal was possible` };
  if (after.length === 0) return { used: false, how: "made no offer afterwards" };
  switch (fact.kind) {
    case "value": {
      const issue = issueById(c, fact.issueId);
      const baseline = before.at(-1)?.terms[issue.id] ?? favouriteEnd(issue, learner);
      const moved = after.some((x) => x.terms[issue.id] !== baseline);
      return moved
        ? { used: true, how: `${l.their} offers moved on ${issue.label.toLowerCase()}` }
        : { used: false, how: `${l.their} offers never moved on ${issue.label.toLowerCase()}` };
    }
    case "hotButton": {
      const hot = c.state.sides[owner].hotButtons.find((h) => h.id === fact.id);
      if (hot?.kind === "budgetCap") {
        const issue = issueById(c, hot.issueId);
        const limit = formatValue(issue, hot.max, c.state.scenario.currency);
        const within = after.every((x) => (x.terms[issue.id] as number) <= hot.max);
        return within
          ? { used: true, how: `${l.their} offers stayed within ${o.their} limit of ${limit}` }
          : { used: false, how: `${l.they} still offered above ${o.their} limit of ${limit}` };
      }
      if (hot?.kind === "wants") {
        const issue = issueById(c, hot.issueId);
        const wanted = namedValue(issue, hot.value, c.state.scenario.currency);
        const gave = after.filter((x) => x.terms[issue.id] === hot.value).length;
        if (hot.mustHave)
          return gave === after.length
            ? { used: true, how: `${l.their} offers all kept ${wanted}, which ${o.they} could not do without` }
            : { used: false, how: `${l.they} still offered terms without ${wanted}, which ${o.they} could not do without` };
        return gave > 0
          ? { used: true, how: `${l.they} put ${wanted}, which ${o.they} wanted, on the table` }
          : { used: false, how: `${l.their} offers never included ${wanted}, which ${o.they} wanted` };
      }
      // Openings concede nothing by definition, so only counter-offers set a pace.
      const counters = new Set(c.state.offers.filter((x) => x.by === learner).slice(1));
      const mineBefore = before.filter((x) => counters.has(x));
      const now = concessionRate(c, learner, after.filter((x) => counters.has(x)));
      const [was, against] =
        mineBefore.length > 0
          ? [concessionRate(c, learner, mineBefore), "before"]
          : [concessionRate(c, owner, c.state.offers.filter((x) => x.by === owner).slice(1)), `from ${o.them}`];
      return now <= was
        ? { used: true, how: `${l.they} conceded less per offer (${c.money(now)} against ${c.money(was)} ${against}) and let the clock work for ${l.them}` }
        : { used: false, how: `${l.they} conceded more per offer afterwards (${c.money(now)} against ${c.money(was)} ${against})` };
    }
    case "walkAway": {
      const reachable = after.some((x) => utility(c.state.scenario, owner, c.state.sides[owner], x.terms) >= 0);
      return reachable
        ? { used: true, how: `${l.they} made an offer inside ${o.their} limit` }
        : { used: false, how: `none of ${l.their} later offers came inside ${o.their} limit` };
    }
  }
}

/** The value of an issue a side would ask for before any trading. */
export function favouriteEnd(issue: Issue, role: Role): number | string {
  const values = issueValues(issue);
  const target = role === "buyer" ? 1 : 0;
  return values.find((v) => buyerward(issue, v) === target) ?? (values[0] as number | string);
}
