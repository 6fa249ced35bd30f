import type { PerRole } from "./roles.js";
import type { Concession, Offer, TableState } from "./state.js";
import { buyerward } from "./terms.js";
import { issueMoneyOf } from "./valuation.js";

/*
 * The reciprocity ledger (GAME.md §5). Each offer is compared with the same side's previous
 * offer issue by issue; a move toward the other side is a concession. When a side makes its
 * next comparable offer, the other side's pending concessions are settled: reciprocated if that
 * offer concedes anything, unreciprocated if not.
 */

/** The ledger after `offer` is made (with `previous` as its maker's last offer, if any). */
export function recordOffer(state: TableState, offer: Offer, previous: Offer | null): readonly Concession[] {
  if (!previous) return state.ledger;
  const fresh = concessionsBetween(state, previous, offer);
  const status = fresh.length > 0 ? ("reciprocated" as const) : ("unreciprocated" as const);
  const next: Concession[] = [];
  for (const c of state.ledger) next.push(c.by !== offer.by && c.status === "pending" ? { ...c, status } : c);
  for (const c of fresh) next.push(c);
  return next;
}

export function concessionsBetween(state: TableState, previous: Offer, offer: Offer): Concession[] {
  const { scenario } = state;
  const by = offer.by;
  const side = state.sides[by];
  const out: Concession[] = [];
  for (const issue of scenario.issues) {
    const before = previous.terms[issue.id];
    const after = offer.terms[issue.id];
    if (before === undefined || after === undefined || before === after) continue;
    const towardBuyer = buyerward(issue, after) - buyerward(issue, before);
    const share = by === "seller" ? towardBuyer : -towardBuyer;
    if (share <= 0) continue;
    let money: number;
    if (issue.kind === "price") money = by === "seller" ? (before as number) - (after as number) : (after as number) - (before as number);
    else {
      const valuation = side.values[issue.id];
      const old$ = valuation ? issueMoneyOf(issue, valuation, before) : 0;
      const new$ = valuation ? issueMoneyOf(issue, valuation, after) : 0;
      money = by === "seller" ? new$ - old$ : old$ - new$;
    }
    out.push({ turn: offer.turn, by, issueId: issue.id, share: Math.round(share * 1000) / 1000, money, status: "pending" });
  }
  return out;
}

export type LedgerBalance = {
  /** Sum of concession shares this side gave. */
  readonly given: number;
  readonly received: number;
  /** Concessions this side made that the other side did not answer. */
  readonly unreciprocated: number;
};

/** The running balance both players see (computed from the public part of the ledger). */
export function ledgerBalance(ledger: readonly Pick<Concession, "by" | "share" | "status">[]): PerRole<LedgerBalance> {
  // Plain sums rather than per-role records and closures: every view carries a balance.
  let buyerGave = 0;
  let sellerGave = 0;
  let buyerUnanswered = 0;
  let sellerUnanswered = 0;
  for (const c of ledger) {
    const unanswered = c.status === "unreciprocated" ? 1 : 0;
    if (c.by === "buyer") {
      buyerGave += c.share;
      buyerUnanswered += unanswered;
    } else {
      sellerGave += c.share;
      sellerUnanswered += unanswered;
    }
  }
  const buyer = round3(buyerGave);
  const seller = round3(sellerGave);
  return {
    buyer: { given: buyer, received: seller, unreciprocated: buyerUnanswered },
    seller: { given: seller, received: buyer, unreciprocated: sellerUnanswered },
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
