import type { Role } from "../../../shared/engine/roles.js";
import type { Package } from "../../../shared/engine/state.js";
import { buyerward, formatMoney, formatValue, issueValues } from "../../../shared/engine/terms.js";
import { brokenCap, capAllows } from "../../../shared/engine/valuation.js";
import type { TableView } from "../../../shared/engine/view.js";
import { verdictFor } from "./gauge.js";
import { asSide } from "./surplus.js";
import { movesBetween, type TermMove } from "./terms.js";

/** One control of the offer builder: a stepped number for price, a choice for every other issue. */
export type DraftFieldVM =
  | {
      readonly kind: "price";
      readonly issueId: string;
      readonly label: string;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly hint: string;
    }
  | {
      readonly kind: "choice";
      readonly issueId: string;
      readonly label: string;
      readonly options: readonly { readonly value: string; readonly label: string }[];
      readonly hint: string;
    };

export function draftFields(view: TableView): DraftFieldVM[] {
  const { currency } = view.scenario;
  return view.scenario.issues.map((issue): DraftFieldVM => {
    switch (issue.kind) {
      case "price":
        return {
          kind: "price",
          issueId: issue.id,
          label: issue.label,
          min: issue.min,
          max: issue.max,
          step: issue.step,
          hint:
            `${formatMoney(issue.min, currency)} – ${formatMoney(issue.max, currency)}, in steps of ${formatMoney(issue.step, currency)}` +
            (issue.listPrice === undefined ? "" : `; list price ${formatMoney(issue.listPrice, currency)}`),
        };
      case "range":
        return {
          kind: "choice",
          issueId: issue.id,
          label: issue.label,
          options: issueValues(issue).map((v) => ({ value: String(v), label: formatValue(issue, v, currency) })),
          hint: `The buyer prefers ${issue.buyerPrefers} ${issue.unit}.`,
        };
      case "options":
        return {
          kind: "choice",
          issueId: issue.id,
          label: issue.label,
          options: issue.options.map((o) => ({ value: o.id, label: o.label })),
          hint: "Listed from the seller's favourite to the buyer's.",
        };
    }
  });
}

/**
 * Where the builder starts: your standing offer (your previous offer: offers replace, never
 * vanish), else your own opening. Never the other side's offer and never a split of the range:
 * a form that starts there hands the player a concession they did not choose to make, and the
 * review would then praise it. The opening puts every term at your own end of the range the
 * scenario allows (the top price for a seller, the bottom for a buyer): the scenario's range is
 * its band of credible prices, and any point inside it would be a number we picked for the
 * player. From there every change the player makes is a concession they chose. A term stops at
 * your own budget cap, as the table would refuse anything past it.
 */
export function initialDraft(view: TableView, me: Role): Package {
  const previous = view.standing[me];
  if (previous) return { ...previous.terms };
  const own = view.sides[me];
  const side = own ? asSide(own) : null;
  const draft: Record<string, number | string> = {};
  for (const issue of view.scenario.issues) {
    const values = issueValues(issue).sort((a, b) => buyerward(issue, a) - buyerward(issue, b));
    if (me === "buyer") values.reverse();
    const allowed = side ? values.filter((v) => capAllows(side, issue.id, v)) : values;
    draft[issue.id] = (allowed[0] ?? values[0]) as number | string;
  }
  return draft;
}

/** Turn the builder's raw control values back into a package, numbers where the issue is numeric. */
export function draftFromInputs(view: TableView, inputs: Readonly<Record<string, string>>): { terms: Package; problem: string | null } {
  const terms: Record<string, number | string> = {};
  for (const issue of view.scenario.issues) {
    const raw = (inputs[issue.id] ?? "").trim();
    if (issue.kind === "options") {
      terms[issue.id] = raw;
      continue;
    }
    const value = Number(raw.replace(/[^0-9.-]/g, ""));
    if (raw === "" || !Number.isInteger(value)) return { terms, problem: `${issue.label}: enter a whole number.` };
    if (value < issue.min || value > issue.max) return { terms, problem: `${issue.label}: between ${issue.min} and ${issue.max}.` };
    if (issue.kind === "price" && (value - issue.min) % issue.step !== 0) return { terms, problem: `${issue.label}: in steps of ${issue.step}.` };
    if (issue.kind === "range" && !issue.values.includes(value)) return { terms, problem: `${issue.label}: one of ${issue.values.join(", ")}.` };
    terms[issue.id] = value;
  }
  return { terms, problem: null };
}

export type DraftReviewVM = {
  readonly verdict: string | null;
  readonly good: boolean;
  readonly moves: readonly TermMove[];
  readonly notes: readonly string[];
};

/** What sending this draft would mean: against your walk-away, your cap, and your last offer. */
export function reviewDraft(view: TableView, me: Role, draft: Package): DraftReviewVM {
  const own = view.sides[me];
  const previous = view.standing[me];
  const verdict = own ? verdictFor(view, own, me, draft) : null;
  const moves = previous ? movesBetween(view.scenario, me, previous.terms, draft) : [];
  const notes: string[] = [];
  const cap = own ? brokenCap(asSide(own), draft) : null;
  if (cap) notes.push(`${cap.label}: the table will refuse this — ${cap.kind === "wants" ? "it leaves out what you must have" : "it is above your cap"}.`);
  if (previous && moves.length === 0) notes.push("Same as your standing offer: you give nothing new.");
  const lastOwnConcession = view.ledger.findLast((c) => c.by === me);
  if (moves.some((m) => m.concession) && lastOwnConcession?.status === "unreciprocated")
    notes.push("Your last concession was not reciprocated: consider asking for something in return first.");
  return { verdict: verdict?.text ?? null, good: (verdict?.surplus ?? 0) >= 0, moves, notes };
}
