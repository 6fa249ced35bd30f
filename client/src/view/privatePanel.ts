import type { Role } from "../../../shared/engine/roles.js";
import type { HotButton } from "../../../shared/engine/state.js";
import { formatMoney, limitWords } from "../../../shared/engine/terms.js";
import type { PrivateView, TableView } from "../../../shared/engine/view.js";
import { roleLabel } from "./labels.js";

export type HotButtonVM = { readonly key: string; readonly label: string; readonly text: string; readonly status: string; readonly urgent: boolean };

/** One side's confidential brief, as its owner (or a facilitator) sees it. */
export type PrivatePanelVM = {
  readonly role: Role;
  readonly title: string;
  readonly brief: string;
  readonly walkAway: string;
  readonly walkAwayHelp: string;
  /** The brief's target and what it means, when the scenario sets one. */
  readonly target: { readonly amount: string; readonly help: string } | null;
  readonly hotButtons: readonly HotButtonVM[];
  readonly strengths: readonly string[];
  readonly weaknesses: readonly string[];
  readonly learned: readonly { readonly key: string; readonly text: string; readonly source: string }[];
  readonly notes: readonly { readonly key: string; readonly round: number; readonly text: string }[];
};

export function privatePanelsOf(view: TableView): PrivatePanelVM[] {
  const roles: Role[] = view.viewer === "buyer" || view.viewer === "seller" ? [view.viewer] : view.viewer === "facilitator" ? ["seller", "buyer"] : [];
  return roles.flatMap((role) => {
    const side = view.sides[role];
    return side ? [panel(view, side)] : [];
  });
}

function panel(view: TableView, side: PrivateView): PrivatePanelVM {
  const money = (n: number) => formatMoney(n, view.scenario.currency);
  const own = view.viewer === side.role;
  return {
    role: side.role,
    title: own ? `Your brief — ${roleLabel(side.role)}` : `${roleLabel(side.role)}'s brief`,
    brief: side.brief,
    walkAway: money(side.walkAway),
    walkAwayHelp:
      side.role === "buyer"
        ? "The highest net cost you can accept: price minus what the other terms are worth to you."
        : "The lowest net revenue you can accept: price minus what the other terms cost you.",
    target:
      side.target === undefined
        ? null
        : {
            amount: money(side.target),
            help: side.role === "buyer" ? "The net cost you aim to pay at most: a good deal is at or below it." : "The net revenue you aim for: a good deal is at or above it.",
          },
    hotButtons: side.hotButtons.map((h) => hotButton(view, h)),
    strengths: side.strengths.map((p) => p.text),
    weaknesses: side.weaknesses.map((p) => p.text),
    learned: side.learned.map((k, i) => ({ key: `learned-${i}`, text: k.text, source: k.source === "answer" ? "From an answer" : "From a curve ball" })),
    notes: (side.notes ?? []).map((n, i) => ({ key: `note-${i}`, round: n.round, text: n.text })),
  };
}

/** A hot button with a reminder of where the table stands against it right now. */
function hotButton(view: TableView, h: HotButton): HotButtonVM {
  const money = (n: number) => formatMoney(n, view.scenario.currency);
  const round = view.round;
  switch (h.kind) {
    case "deadline": {
      const late = round - h.afterRound;
      const status =
        late > 0
          ? `A deal now costs you ${money(late * h.costPerRound)}, and ${money(h.costPerRound)} more each round.`
          : late === 0
            ? `Last round without cost: from round ${h.afterRound + 1}, ${money(h.costPerRound)} a round.`
            : `${-late + 1} rounds before it starts to cost you.`;
      return { key: h.id, label: h.label, text: h.text, status, urgent: late >= 0 };
    }
    case "compliance": {
      const left = h.byRound - round;
      const status =
        left < 0
          ? `Missed: a deal now carries the ${money(h.penalty)} penalty.`
          : left === 0
            ? `Agree this round to avoid the ${money(h.penalty)} penalty.`
            : `${left + 1} rounds left (this one included) to avoid ${money(h.penalty)}.`;
      return { key: h.id, label: h.label, text: h.text, status, urgent: left <= 0 };
    }
    // A limit is worded as the table words its refusals (limitWords).
    case "budgetCap":
      return { key: h.id, label: h.label, text: h.text, status: `You can neither offer nor accept ${limitWords(view.scenario, h)}.`, urgent: false };
    case "wants": {
      const status = h.mustHave
        ? `You can neither offer nor accept ${limitWords(view.scenario, h, true)}.`
        : `A deal ${limitWords(view.scenario, h)} costs you ${money(h.costIfMissing)} (counted in what the terms are worth to you).`;
      return { key: h.id, label: h.label, text: h.text, status, urgent: false };
    }
  }
}
