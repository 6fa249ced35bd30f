import { entryKind, ledgerBalance } from "./ledger.js";
import { otherRole, type Role } from "./roles.js";
import type { Issue } from "./scenario.js";
import type { Offer, TableState } from "./state.js";
import { buyerward } from "./terms.js";
import { utility } from "./valuation.js";

/*
 * How much a side gave, the one set of figures the debrief, the grid tile, the class charts and
 * the export all read. Money is the side's own (private): net of retractions, so ground given and
 * taken back again counts once or not at all, and as a share of the distance between the two
 * openings, which can pass 100 % only when the side offered more than the other side had asked.
 */

export type ConcessionFigures = {
  /** New concessions (one per issue and offer; restoring ground taken back is not one). */
  readonly concessions: number;
  readonly retractions: number;
  /** Concessions the other side did not answer with one. */
  readonly unreciprocated: number;
  /** Issues the side moved back on, in scenario order. */
  readonly retractedIssues: readonly string[];
  /** The side's own utility of its opening minus of its last offer: what it gave up net (0 before a second offer). */
  readonly money: number;
  /** The side's own utility of its opening minus of the other side's opening; null until both opened, or when that opening asked for no more than its own. */
  readonly gap: number | null;
  /** money / gap; null without a gap. */
  readonly share: number | null;
  /** Whether the side's last offer gave more than the other side's opening asked for (the only way share passes 1). */
  readonly pastTheirOpening: boolean;
  /** The public figure: openingGapClosed. */
  readonly gapClosed: number | null;
};

export function concessionFigures(state: TableState, role: Role): ConcessionFigures {
  const counts = ledgerBalance(state.ledger)[role];
  const retracted = new Set(state.ledger.filter((c) => c.by === role && entryKind(c.status) === "retraction").map((c) => c.issueId));
  const own = openings(state.offers, role);
  const value = (offer: Offer) => utility(state.scenario, role, state.sides[role], offer.terms);
  const money = own.first && own.last ? value(own.first) - value(own.last) : 0;
  const theirs = openings(state.offers, otherRole(role)).first;
  const span = own.first && theirs ? value(own.first) - value(theirs) : 0;
  const gap = span > 0 ? span : null;
  return {
    ...counts,
    retractedIssues: state.scenario.issues.filter((i) => retracted.has(i.id)).map((i) => i.id),
    money,
    gap,
    share: gap === null ? null : money / gap,
    pastTheirOpening: gap !== null && money > gap,
    gapClosed: openingGapClosed(state.scenario.issues, state.offers, role),
  };
}

/**
 * The share of the distance between the two openings that `role`'s last offer has closed, issue
 * by issue in each issue's own units, averaged over the issues on which the openings differ; an
 * issue counts at most fully closed and at least not moved. It reads only public offers, so both
 * players may see it; it weighs every issue alike, since how much an issue matters to a side is
 * private. Null until both sides have opened with some difference.
 */
export function openingGapClosed(issues: readonly Issue[], offers: readonly Offer[], role: Role): number | null {
  const own = openings(offers, role);
  const theirs = openings(offers, otherRole(role)).first;
  if (!own.first || !own.last || !theirs) return null;
  let sum = 0;
  let counted = 0;
  for (const issue of issues) {
    const at = (offer: Offer) => {
      const position = buyerward(issue, offer.terms[issue.id] as number | string);
      return role === "seller" ? position : 1 - position;
    };
    const start = at(own.first);
    const gap = at(theirs) - start;
    if (gap <= 0) continue;
    sum += Math.min(1, Math.max(0, (at(own.last) - start) / gap));
    counted++;
  }
  return counted === 0 ? null : Math.round((sum / counted) * 1000) / 1000;
}

function openings(offers: readonly Offer[], role: Role): { first: Offer | null; last: Offer | null } {
  let first: Offer | null = null;
  let last: Offer | null = null;
  for (const o of offers) {
    if (o.by !== role) continue;
    first ??= o;
    last = o;
  }
  return { first, last };
}
