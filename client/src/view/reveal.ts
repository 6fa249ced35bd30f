import type { Role } from "../../../shared/engine/roles.js";
import { formatMoney, sameTerms } from "../../../shared/engine/terms.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { PriceZone } from "../../../shared/engine/zone.js";
import { byRole, noZoneWords, termsWords, zoneCut, zoneRange } from "../../../shared/engine/zoneWords.js";
import type { TableContext } from "./context.js";
import { outcomeLine, percent, roleLabel } from "./labels.js";
import { priceOf, termLines, type TermLine } from "./terms.js";

/*
 * The end of the game as one set of figures. The zone, the price line and every sentence come
 * from the engine's analysis (shared/engine/zone.ts, zoneWords.ts), the same objects the debrief,
 * the grid and the export read, so no number here can disagree with another screen.
 */

/** One mark on the price line. */
export type LineMark = { readonly kind: "floor" | "ceiling" | "cap" | "deal" | "nash"; readonly price: number; readonly label: string };

/** The price line: one set of terms, its floor and ceiling, the signable zone on it, and the deal or the Nash point. */
export type PriceLineVM = {
  readonly title: string;
  /** The zone (signable prices) or, without one, the gap between what the seller needs and the buyer may pay. */
  readonly band: { readonly exists: boolean; readonly low: number; readonly high: number };
  readonly marks: readonly LineMark[];
  readonly axis: { readonly min: number; readonly max: number };
  /** Walk-away against floor and ceiling, in one plain sentence. */
  readonly explain: string;
};

export type RevealVM = {
  readonly headline: string;
  readonly verdict: string;
  /** A side that signed for less than walking away would have given it. */
  readonly warnings: readonly string[];
  readonly walkAways: readonly { readonly role: Role; readonly label: string; readonly value: string }[];
  /** The zone of agreement on the best terms, in words. */
  readonly zone: { readonly exists: boolean; readonly text: string };
  readonly line: PriceLineVM;
  readonly deal: { readonly price: number; readonly priceText: string; readonly lines: readonly TermLine[] } | null;
  readonly surplus: readonly { readonly role: Role; readonly label: string; readonly amount: number; readonly text: string; readonly penalty: string | null; readonly you: boolean }[];
  readonly efficiency: string;
  /** "61 % of the best joint surplus ($4,000 of $6,550)". */
  readonly efficiencyDetail: string;
  readonly joint: number;
  readonly bestJoint: number;
  /** What was left on the table, by cause: other terms, and hot-button costs for closing late. */
  readonly lost: { readonly terms: number; readonly time: number; readonly total: number };
  readonly nash: { readonly price: number; readonly priceText: string; readonly lines: readonly TermLine[]; readonly text: string } | null;
};

export function revealOf(view: TableView, ctx: TableContext): RevealVM | null {
  const reveal = view.reveal;
  if (!reveal) return null;
  const { scenario } = view;
  const money = (n: number) => formatMoney(n, scenario.currency);
  const { analysis, score, outcome } = reveal;
  const deal = outcome.kind === "deal" ? outcome : null;
  const dealPrice = deal && typeof deal.terms.price === "number" ? deal.terms.price : null;
  const nash = analysis.nash;
  const nashPrice = nash && typeof nash.terms.price === "number" ? nash.terms.price : null;
  // A deal made its terms' joint surplus less the hot-button costs of closing late: what was
  // lost splits into what better terms would have added and what the clock took.
  const total = Math.max(0, analysis.bestJoint - score.joint);
  const lostTerms = reveal.dealZone ? Math.min(total, Math.max(0, analysis.bestJoint - reveal.dealZone.joint)) : total;
  const lost = { terms: lostTerms, time: total - lostTerms, total };
  const zoneText = analysis.exists
    ? `On the best terms (${termsWords(scenario, analysis.zone.terms)}) any price ${zoneRange(scenario, analysis.zone)} worked for both sides${zoneCut(scenario, analysis.zone, byRole)}.`
    : `There was no zone of agreement: ${noZoneWords(scenario, analysis, byRole)}.`;
  return {
    headline: outcomeLine(outcome, view.viewer, ctx.seats),
    verdict: verdictOf(analysis.exists, deal !== null, score.efficiency, lost, money),
    warnings: deal
      ? (["seller", "buyer"] as const).flatMap((role) => {
          const loss = score.surplus[role];
          if (loss >= 0) return [];
          const late = score.penalties[role] > 0 ? ` (after ${money(score.penalties[role])} of hot-button costs for closing late)` : "";
          return [
            view.viewer === role
              ? `You signed ${money(-loss)} below your walk-away${late}: walking away would have served you better.`
              : `The ${role} signed ${money(-loss)} below their walk-away${late}.`,
          ];
        })
      : [],
    walkAways: (["seller", "buyer"] as const).map((role) => ({
      role,
      label: role === "buyer" ? "Buyer's walk-away (highest net cost)" : "Seller's walk-away (lowest net revenue)",
      value: money(reveal.walkAways[role]),
    })),
    zone: { exists: analysis.exists, text: zoneText },
    line: priceLine(view, reveal.dealZone ?? analysis.zone, reveal.dealZone !== null, dealPrice, nash && nashPrice !== null && sameTerms(nash.terms, (reveal.dealZone ?? analysis.zone).terms) ? nashPrice : null),
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
    efficiencyDetail: `${percent(score.efficiency)} of the best joint surplus (${money(score.joint)} of ${money(analysis.bestJoint)})`,
    joint: score.joint,
    bestJoint: analysis.bestJoint,
    lost,
    nash:
      nash && nashPrice !== null
        ? {
            price: nashPrice,
            priceText: priceOf(scenario, nash.terms),
            lines: termLines(scenario, nash.terms),
            text: `The Nash point — the split that makes both gains as large as they can be together — gives the buyer ${money(nash.buyer)} and the seller ${money(nash.seller)}.`,
          }
        : null,
  };
}

function priceLine(view: TableView, zone: PriceZone, onDeal: boolean, dealPrice: number | null, nashPrice: number | null): PriceLineVM {
  const { scenario } = view;
  const money = (n: number) => formatMoney(n, scenario.currency);
  const price = scenario.issues.find((i) => i.kind === "price");
  const min = price?.kind === "price" ? price.min : 0;
  const band =
    zone.low !== null && zone.high !== null
      ? { exists: true, low: zone.low, high: zone.high }
      : { exists: false, low: Math.max(zone.floor, min), high: Math.min(zone.ceiling, zone.top) };
  const marks: LineMark[] = [
    { kind: "floor", price: zone.floor, label: `Seller's floor ${money(zone.floor)}` },
    { kind: "ceiling", price: zone.ceiling, label: `Buyer's ceiling ${money(zone.ceiling)}` },
  ];
  // A cap matters to the picture, and to the sentence under it, only where it cuts below the ceiling.
  const cap = zone.topBy.kind === "cap" && zone.top < zone.ceiling ? zone.topBy.role : null;
  if (cap) marks.push({ kind: "cap", price: zone.top, label: `${roleLabel(cap)}'s cap ${money(zone.top)}` });
  if (nashPrice !== null) marks.push({ kind: "nash", price: nashPrice, label: `Nash ${money(nashPrice)}` });
  if (dealPrice !== null) marks.push({ kind: "deal", price: dealPrice, label: `Deal ${money(dealPrice)}` });
  const prices = marks.map((m) => m.price).concat(band.low, band.high);
  const span = Math.max(...prices) - Math.min(...prices);
  const pad = Math.max(span * 0.15, 500);
  const walk = view.reveal?.walkAways ?? { buyer: 0, seller: 0 };
  const cost = zone.floor - walk.seller;
  const worth = zone.ceiling - walk.buyer;
  return {
    title: onDeal ? "Price on the terms you agreed" : "Price on the best terms",
    band,
    marks,
    axis: { min: Math.floor((Math.min(...prices) - pad) / 500) * 500, max: Math.ceil((Math.max(...prices) + pad) / 500) * 500 },
    explain:
      `Walk-aways are net of the other terms; as prices on these terms, the seller's ${money(walk.seller)} plus ${money(cost)} of costs ` +
      `is a floor of ${money(zone.floor)}, and the buyer's ${money(walk.buyer)} plus ${money(worth)} of worth a ceiling of ${money(zone.ceiling)}` +
      (cap ? `, cut to ${money(zone.top)} by the ${roleLabel(cap).toLowerCase()}'s cap.` : "."),
  };
}

function verdictOf(zone: boolean, dealt: boolean, efficiency: number, lost: RevealVM["lost"], money: (n: number) => string): string {
  if (!zone) return dealt ? "There was no zone of agreement, yet a deal was struck: someone signed below their walk-away." : "There was no zone of agreement: walking away was the right answer.";
  if (!dealt) return `A deal was possible, worth up to ${money(lost.total)} to the two of you together: no deal left all of it on the table.`;
  if (lost.total === 0) return "You found the best package: nothing was left on the table.";
  const causes = [lost.terms > 0 ? `better terms would have added ${money(lost.terms)}` : null, lost.time > 0 ? `closing before the hot buttons bit, ${money(lost.time)}` : null].filter((x) => x !== null);
  return `Efficiency ${percent(efficiency)}: ${causes.join(", and ")} to share between you.`;
}
