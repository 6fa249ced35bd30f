import type { PerRole, Role } from "./roles.js";
import type { Issue } from "./scenario.js";
import type { Concession, ConcessionStatus, Offer, TableState } from "./state.js";
import { buyerward } from "./terms.js";
import { issueMoneyOf } from "./valuation.js";

/*
 * The reciprocity ledger (GAME.md §5). Each offer is compared with the same side's previous
 * offer issue by issue. A move toward the other side onto ground the side had not given before
 * is a concession; a move back away from the other side is a retraction; a move toward the other
 * side over ground the side had taken back is restoring it, which is not a new concession. When a
 * side makes its next offer, the other side's pending concessions are settled: reciprocated if
 * that offer makes a new concession, unreciprocated if not (restoring answers nothing).
 */

/** The three kinds of ledger entry; the kind is read off the entry's status (state.ts). */
export type LedgerEntryKind = "concession" | "retraction" | "restored";

export function entryKind(status: ConcessionStatus): LedgerEntryKind {
  switch (status) {
    case "pending":
    case "reciprocated":
    case "unreciprocated":
      return "concession";
    case "retraction":
      return "retraction";
    case "restored":
      return "restored";
  }
}

export const isConcession = (entry: Pick<Concession, "status">): boolean => entryKind(entry.status) === "concession";

/** What an entry gave up in its mover's money: a retraction counts against, since it takes ground back. */
export const givenMoney = (entry: Pick<Concession, "status" | "money">): number => (entry.status === "retraction" ? -entry.money : entry.money);

/** The ledger after `offer` is made (with `previous` as its maker's last offer, if any). */
export function recordOffer(state: TableState, offer: Offer, previous: Offer | null): readonly Concession[] {
  if (!previous) return state.ledger;
  const fresh = concessionsBetween(state, previous, offer);
  const status = fresh.some(isConcession) ? ("reciprocated" as const) : ("unreciprocated" as const);
  const next: Concession[] = [];
  for (const c of state.ledger) next.push(c.by !== offer.by && c.status === "pending" ? { ...c, status } : c);
  for (const c of fresh) next.push(c);
  return next;
}

/** How far `value` gives toward the other side of `by`: 0 at `by`'s own end of the issue, 1 at the other's. */
const givenBy = (issue: Issue, by: Role, value: number | string): number => (by === "seller" ? buyerward(issue, value) : 1 - buyerward(issue, value));

/**
 * The ledger entries of `offer` against its maker's `previous` offer. The side's earlier offers
 * (in state.offers) tell how far it had ever given on each issue: a move toward the other side
 * restores ground up to that mark and concedes beyond it, so one move may make two entries.
 */
export function concessionsBetween(state: TableState, previous: Offer, offer: Offer): Concession[] {
  const { scenario } = state;
  const by = offer.by;
  const out: Concession[] = [];
  for (const issue of scenario.issues) {
    const before = previous.terms[issue.id];
    const after = offer.terms[issue.id];
    if (before === undefined || after === undefined || before === after) continue;
    const from = givenBy(issue, by, before);
    const to = givenBy(issue, by, after);
    if (to < from) {
      out.push(entryOf(state, offer, issue, before, after, "retraction"));
      continue;
    }
    const [mark, markAt] = furthestGiven(state, by, issue, before, from);
    if (markAt > from) out.push(entryOf(state, offer, issue, before, to <= markAt ? after : mark, "restored"));
    if (to > markAt) out.push(entryOf(state, offer, issue, markAt > from ? mark : before, after, "pending"));
  }
  return out;
}

/** One entry of `offer`'s move on `issue` from `start` to `end`. */
function entryOf(state: TableState, offer: Offer, issue: Issue, start: number | string, end: number | string, status: ConcessionStatus): Concession {
  const by = offer.by;
  return {
    turn: offer.turn,
    by,
    issueId: issue.id,
    share: round3(Math.abs(givenBy(issue, by, end) - givenBy(issue, by, start))),
    // Given up for a concession or a restoring, taken back for a retraction: negative when a
    // move toward the other side happens to suit the mover too (a term that costs it nothing).
    money: status === "retraction" ? moneyOf(state, by, issue, end) - moneyOf(state, by, issue, start) : moneyOf(state, by, issue, start) - moneyOf(state, by, issue, end),
    status,
  };
}

/** The value of `issue` furthest toward the other side among `by`'s offers so far, and how far it gives (`fallback` at `fallbackAt` before any). */
function furthestGiven(state: TableState, by: Role, issue: Issue, fallback: number | string, fallbackAt: number): [number | string, number] {
  let best = fallback;
  let bestAt = fallbackAt;
  for (const o of state.offers) {
    if (o.by !== by) continue;
    const value = o.terms[issue.id];
    if (value === undefined || value === best) continue;
    const at = givenBy(issue, by, value);
    if (at > bestAt) {
      best = value;
      bestAt = at;
    }
  }
  return [best, bestAt];
}

/** What a value of one issue is worth to `by` in its own money (price: what it receives as seller, pays as buyer, signed so more is better). */
function moneyOf(state: TableState, by: Role, issue: Issue, value: number | string): number {
  if (issue.kind === "price") return by === "seller" ? (value as number) : -(value as number);
  const valuation = state.sides[by].values[issue.id];
  const money = valuation ? issueMoneyOf(issue, valuation, value) : 0;
  return by === "seller" ? -money : money;
}

/**
 * The running balance both players see, computed from the public part of the ledger. It counts
 * moves rather than adding up shares: a share is of one issue's range, and shares of different
 * issues do not add up to anything a player could read (three issues half-conceded would show
 * 150 %). How much ground a side has given, as a share of the distance between the openings, is
 * openingGapClosed (concessionFigures.ts), which reads the public offers.
 */
export type LedgerBalance = {
  /** New concessions this side made (one per issue and offer). */
  readonly concessions: number;
  /** Moves back away from the other side. */
  readonly retractions: number;
  /** Concessions of this side the other side did not answer with one. */
  readonly unreciprocated: number;
};

export function ledgerBalance(ledger: readonly Pick<Concession, "by" | "status">[]): PerRole<LedgerBalance> {
  // Plain counters rather than per-role records and closures: every view carries a balance.
  let buyerConcessions = 0;
  let sellerConcessions = 0;
  let buyerRetractions = 0;
  let sellerRetractions = 0;
  let buyerUnanswered = 0;
  let sellerUnanswered = 0;
  for (const c of ledger) {
    const kind = entryKind(c.status);
    const concession = kind === "concession" ? 1 : 0;
    const retraction = kind === "retraction" ? 1 : 0;
    const unanswered = c.status === "unreciprocated" ? 1 : 0;
    if (c.by === "buyer") {
      buyerConcessions += concession;
      buyerRetractions += retraction;
      buyerUnanswered += unanswered;
    } else {
      sellerConcessions += concession;
      sellerRetractions += retraction;
      sellerUnanswered += unanswered;
    }
  }
  return {
    buyer: { concessions: buyerConcessions, retractions: buyerRetractions, unreciprocated: buyerUnanswered },
    seller: { concessions: sellerConcessions, retractions: sellerRetractions, unreciprocated: sellerUnanswered },
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
