import type { Role } from "../roles.js";
import type { Issue } from "../scenario.js";
import { givenMoney } from "../ledger.js";
import type { DrawAnalysis } from "../scoring.js";
import type { Offer, Outcome, Package, Score, TableState } from "../state.js";
import { formatValue } from "../terms.js";
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

export function termsText(c: Context, terms: Package): string {
  const { scenario } = c.state;
  return scenario.issues
    .filter((i) => i.kind !== "price")
    .map((i) => `${i.label.toLowerCase()} ${formatValue(i, terms[i.id] as number | string, scenario.currency)}`)
    .join(", ");
}

export function zopaText(c: Context): string {
  const { zopa } = c.analysis;
  return `prices from ${c.money(zopa.low)} to ${c.money(zopa.high)} worked for both of you with ${termsText(c, zopa.terms)}`;
}

export function limitsText(c: Context): string {
  return `your walk-away was ${c.money(c.state.sides[c.seat].walkAway)}, theirs ${c.money(c.state.sides[c.other].walkAway)}`;
}

export const NO_ZOPA = "no package could satisfy both of you";


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
