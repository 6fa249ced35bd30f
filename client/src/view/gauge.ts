import { otherRole, type Role } from "../../../shared/engine/roles.js";
import type { Package } from "../../../shared/engine/state.js";
import { formatMoney } from "../../../shared/engine/terms.js";
import { penaltyAt } from "../../../shared/engine/valuation.js";
import type { PrivateView, TableView } from "../../../shared/engine/view.js";
import { netOf, surplusOf } from "./surplus.js";

export type GaugeMark = {
  readonly key: "theirs" | "mine" | "draft";
  readonly label: string;
  /** Net cost (buyer) or net revenue (seller) of the package. */
  readonly net: number;
  /** What a deal on this package this round would leave the viewer, hot-button costs included. */
  readonly surplus: number;
  readonly good: boolean;
  readonly caption: string;
};

/**
 * The player's own walk-away line and where the standing offers (and the draft in the offer
 * builder) fall against it, on the axis that matters to this side: net cost for the buyer, net
 * revenue for the seller. Only ever built from the viewer's own side.
 */
export type GaugeVM = {
  readonly role: Role;
  readonly axisLabel: string;
  /** Which way is good on the axis. */
  readonly better: "lower" | "higher";
  readonly walkAway: number;
  readonly walkAwayText: string;
  readonly min: number;
  readonly max: number;
  readonly marks: readonly GaugeMark[];
  /** What the side's hot buttons would cost if a deal were struck this round. */
  readonly penaltyNow: number;
  readonly penaltyText: string | null;
};

const MIN_SPAN = 4000;

export function gaugeOf(view: TableView, draft: Package | null): GaugeVM | null {
  const me = view.viewer;
  if (me !== "buyer" && me !== "seller") return null;
  const own = view.sides[me];
  if (!own) return null;
  const { scenario } = view;
  const money = (n: number) => formatMoney(n, scenario.currency);
  const penaltyNow = penaltyAt(own.hotButtons, view.round);
  // Judged as the deal would be scored this round, so the gauge, the review and the reveal agree.
  const late = penaltyNow > 0 ? ` after ${money(penaltyNow)} of hot buttons` : "";
  const mark = (key: GaugeMark["key"], label: string, terms: Package): GaugeMark => {
    const surplus = surplusOf(scenario.issues, me, own, terms) - penaltyNow;
    const good = surplus >= 0;
    return {
      key,
      label,
      net: netOf(scenario.issues, own, terms),
      surplus,
      good,
      caption: good ? `${money(surplus)} inside${late}` : `${money(-surplus)} past it${late}`,
    };
  };
  const marks: GaugeMark[] = [];
  const theirs = view.standing[otherRole(me)];
  const mine = view.standing[me];
  if (theirs) marks.push(mark("theirs", "Their offer", theirs.terms));
  if (mine) marks.push(mark("mine", "Your offer", mine.terms));
  // A draft that only repeats an offer already on the table adds nothing to the picture.
  const same = (a: Package, b: Package | undefined) => b !== undefined && JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
  const draftIsNew = draft !== null && !same(draft, mine?.terms) && !same(draft, theirs?.terms);
  if (draft && draftIsNew && typeof draft.price === "number" && view.phase !== "finished") marks.push(mark("draft", "Your draft", draft));
  const values = [own.walkAway, ...marks.map((m) => m.net)];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.15, (MIN_SPAN - (hi - lo)) / 2, 500);
  return {
    role: me,
    axisLabel: me === "buyer" ? "Your net cost (price minus what the terms are worth to you)" : "Your net revenue (price minus what the terms cost you)",
    better: me === "buyer" ? "lower" : "higher",
    walkAway: own.walkAway,
    walkAwayText: `Walk-away ${money(own.walkAway)}`,
    min: Math.floor((lo - pad) / 250) * 250,
    max: Math.ceil((hi + pad) / 250) * 250,
    marks,
    penaltyNow,
    penaltyText: penaltyNow > 0 ? `A deal this round also costs you ${money(penaltyNow)} (hot buttons).` : null,
  };
}

/** Exposed for panels that describe one package in words. */
export function verdictFor(view: TableView, own: PrivateView, role: Role, terms: Package): { surplus: number; text: string } {
  const money = (n: number) => formatMoney(n, view.scenario.currency);
  const surplus = surplusOf(view.scenario.issues, role, own, terms) - penaltyAt(own.hotButtons, view.round);
  return {
    surplus,
    text:
      surplus >= 0
        ? `This leaves you ${money(surplus)} better off than walking away.`
        : `This leaves you ${money(-surplus)} worse off than walking away.`,
  };
}

function sorted(terms: Package): [string, number | string][] {
  return Object.entries(terms).sort(([a], [b]) => a.localeCompare(b));
}
