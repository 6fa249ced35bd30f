import type { Role } from "../../../shared/engine/roles.js";
import type { Offer } from "../../../shared/engine/state.js";
import { formatMoney } from "../../../shared/engine/terms.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { sideName } from "./labels.js";
import { surplusOf } from "./surplus.js";
import { movesBetween, priceOf, termLines, type TermLine, type TermMove } from "./terms.js";

export type OfferCardVM = {
  readonly key: string;
  readonly by: Role;
  readonly byName: string;
  readonly round: number;
  readonly price: string;
  readonly lines: readonly TermLine[];
  readonly message: string | null;
  /** The offer its side currently has on the table. */
  readonly standing: boolean;
  readonly mine: boolean;
  /** Changes from the same side's previous offer. */
  readonly moves: readonly TermMove[];
  /** Where the offer falls against the viewer's own walk-away (players only). */
  readonly forYou: { readonly surplus: number; readonly text: string; readonly short: string; readonly good: boolean } | null;
};

export function offerCardsOf(view: TableView, ctx: TableContext): OfferCardVM[] {
  const { scenario, viewer } = view;
  const me = viewer === "buyer" || viewer === "seller" ? viewer : null;
  const own = me ? view.sides[me] : undefined;
  const previous: Partial<Record<Role, Offer>> = {};
  return view.offers.map((offer) => {
    const before = previous[offer.by];
    previous[offer.by] = offer;
    const surplus = me && own ? surplusOf(scenario.issues, me, own, offer.terms) : null;
    return {
      key: `offer-${offer.turn}`,
      by: offer.by,
      byName: sideName(offer.by, viewer, ctx.seats),
      round: offer.round,
      price: priceOf(scenario, offer.terms),
      lines: termLines(scenario, offer.terms).filter((l) => l.issueId !== "price"),
      message: offer.message ?? null,
      standing: view.standing[offer.by]?.turn === offer.turn,
      mine: offer.by === me,
      moves: before ? movesBetween(scenario, offer.by, before.terms, offer.terms) : [],
      forYou:
        surplus === null
          ? null
          : {
              surplus,
              good: surplus >= 0,
              text: surplus >= 0 ? `${formatMoney(surplus, scenario.currency)} inside your walk-away` : `${formatMoney(-surplus, scenario.currency)} past your walk-away`,
              short: `${surplus >= 0 ? "+" : "−"}${formatMoney(Math.abs(surplus), scenario.currency)} vs walk-away`,
            },
    };
  });
}

/** The distance between the two standing prices: public, and the first thing a table looks at. */
export function priceGapOf(view: TableView): string | null {
  const buyer = view.standing.buyer?.terms.price;
  const seller = view.standing.seller?.terms.price;
  if (typeof buyer !== "number" || typeof seller !== "number") return null;
  const gap = seller - buyer;
  return gap === 0 ? "Same price on both offers" : `Price gap ${formatMoney(Math.abs(gap), view.scenario.currency)}`;
}
