import type { Role } from "../../../shared/engine/roles.js";
import { formatMoney } from "../../../shared/engine/terms.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { outcomeLine, percent, roleLabel } from "./labels.js";
import { priceOf, termLines, type TermLine } from "./terms.js";

export type RevealVM = {
  readonly headline: string;
  readonly verdict: string;
  /** A side that signed for less than walking away would have given it. */
  readonly warnings: readonly string[];
  readonly walkAways: readonly { readonly role: Role; readonly label: string; readonly value: string }[];
  readonly zopa: { readonly exists: boolean; readonly low: number; readonly high: number; readonly text: string };
  readonly deal: { readonly price: number; readonly priceText: string; readonly lines: readonly TermLine[] } | null;
  readonly surplus: readonly { readonly role: Role; readonly label: string; readonly amount: number; readonly text: string; readonly penalty: string | null; readonly you: boolean }[];
  readonly efficiency: string;
  readonly joint: number;
  readonly bestJoint: number;
  readonly nash: { readonly price: number; readonly priceText: string; readonly lines: readonly TermLine[]; readonly text: string } | null;
  /** The price axis for the chart: the ZOPA band, the deal and the Nash point on one line. */
  readonly axis: { readonly min: number; readonly max: number };
};

export function revealOf(view: TableView, ctx: TableContext): RevealVM | null {
  const reveal = view.reveal;
  if (!reveal) return null;
  const { scenario } = view;
  const money = (n: number) => formatMoney(n, scenario.currency);
  const { analysis, score, outcome } = reveal;
  const zopaExists = analysis.zopaExists;
  const low = analysis.zopa.low;
  const high = analysis.zopa.high;
  const deal = outcome.kind === "deal" ? outcome : null;
  const dealPrice = deal && typeof deal.terms.price === "number" ? deal.terms.price : null;
  const nash = analysis.nash;
  const nashPrice = nash && typeof nash.terms.price === "number" ? nash.terms.price : null;
  const points = [low, high, ...(dealPrice === null ? [] : [dealPrice]), ...(nashPrice === null ? [] : [nashPrice])];
  const span = Math.max(...points) - Math.min(...points);
  const pad = Math.max(span * 0.2, 1000);
  const lost = Math.max(0, analysis.bestJoint - score.joint);
  return {
    headline: outcomeLine(outcome, view.viewer, ctx.seats),
    verdict: verdictOf(zopaExists, deal !== null, score.efficiency, lost, money),
    warnings: deal
      ? (["seller", "buyer"] as const).flatMap((role) =>
          score.surplus[role] < 0
            ? [
                view.viewer === role
                  ? `You signed ${money(-score.surplus[role])} below your walk-away: walking away would have served you better.`
                  : `The ${role} signed ${money(-score.surplus[role])} below their walk-away.`,
              ]
            : [],
        )
      : [],
    walkAways: (["seller", "buyer"] as const).map((role) => ({
      role,
      label: role === "buyer" ? "Buyer's walk-away (highest net cost)" : "Seller's walk-away (lowest net revenue)",
      value: money(reveal.walkAways[role]),
    })),
    zopa: {
      exists: zopaExists,
      low,
      high,
      text: zopaExists
        ? `On the best package, any price from ${money(low)} to ${money(high)} worked for both sides.`
        : `There was no zone of agreement: the seller needed at least ${money(low)}, the buyer could pay at most ${money(high)}.`,
    },
    deal: deal && dealPrice !== null ? { price: dealPrice, priceText: money(dealPrice), lines: termLines(scenario, deal.terms) } : null,
    surplus: (["seller", "buyer"] as const).map((role) => ({
      role,
      label: `${roleLabel(role)}'s surplus`,
      amount: score.surplus[role],
      text: money(score.surplus[role]),
      penalty: score.penalties[role] > 0 ? `after ${money(score.penalties[role])} of hot-button costs` : null,
      you: view.viewer === role,
    })),
    efficiency: percent(score.efficiency),
    joint: score.joint,
    bestJoint: analysis.bestJoint,
    nash:
      nash && nashPrice !== null
        ? {
            price: nashPrice,
            priceText: priceOf(scenario, nash.terms),
            lines: termLines(scenario, nash.terms),
            text: `The Nash point — the split that maximises both surpluses together — gives the buyer ${money(nash.buyer)} and the seller ${money(nash.seller)}.`,
          }
        : null,
    axis: { min: Math.floor((Math.min(...points) - pad) / 500) * 500, max: Math.ceil((Math.max(...points) + pad) / 500) * 500 },
  };
}

function verdictOf(zopa: boolean, dealt: boolean, efficiency: number, lost: number, money: (n: number) => string): string {
  if (!zopa) return dealt ? "There was no zone of agreement, yet a deal was struck: someone signed below their walk-away." : "There was no zone of agreement: walking away was the right answer.";
  if (!dealt) return `A deal was possible, worth up to ${money(lost)} to the two of you together: no deal left all of it on the table.`;
  if (efficiency >= 0.995) return "You found the best package: nothing was left on the table.";
  return `Efficiency ${percent(efficiency)}: a better package would have added ${money(lost)} to share between you.`;
}
