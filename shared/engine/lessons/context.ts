import type { Role } from "../roles.js";
import type { Issue } from "../scenario.js";
import type { DrawAnalysis } from "../scoring.js";
import type { Offer, Outcome, Package, Score, TableState } from "../state.js";
import { formatValue } from "../terms.js";
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
export const whoseIn = (c: Context): Whose => (role) => (role === c.seat ? "your" : "their");

/**
 * Why `role` could not sign `offer` with a gain in `round` — a cap it breaks, or how far short
 * of the walk-away it falls — or null when it could have. `role` is named as the reader knows it.
 */
export function whyNotSign(c: Context, role: Role, offer: Offer, round: number): string | null {
  const whose = whoseIn(c)(role);
  const cap = brokenCap(c.state.sides[role], offer.terms);
  if (cap) {
    const issue = issueById(c, cap.issueId);
    return `was above ${whose} ${cap.label.toLowerCase()} cap of ${formatValue(issue, cap.max, c.state.scenario.currency)}, so ${role === c.seat ? "you" : "they"} could not sign it`;
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

/** Money `role` gave up with the offer made on `turn` (the private figure of the ledger). */
export function concededAt(c: Context, turn: number, role: Role = c.seat): number {
  return c.state.ledger.filter((l) => l.by === role && l.turn === turn).reduce((sum, l) => sum + l.money, 0);
}

/** Average money `role` gave up per offer among `offers` (0 for none). */
export function concessionRate(c: Context, role: Role, offers: readonly Offer[]): number {
  return offers.length === 0 ? 0 : offers.reduce((sum, o) => sum + concededAt(c, o.turn, role), 0) / offers.length;
}
