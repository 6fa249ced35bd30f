import { otherRole } from "../../../shared/engine/roles.js";
import { limitWords } from "../../../shared/engine/terms.js";
import { brokenCap } from "../../../shared/engine/valuation.js";
import type { TableView } from "../../../shared/engine/view.js";
import { verdictFor } from "./gauge.js";
import { asSide } from "./surplus.js";
import { priceOf, termLines, type TermLine } from "./terms.js";

/** What the confirmation dialogs say before the two moves that end the game. */
export type ActionsVM = {
  readonly yourTurn: boolean;
  readonly playing: boolean;
  readonly accept: {
    readonly available: boolean;
    readonly price: string;
    readonly lines: readonly TermLine[];
    readonly verdict: string | null;
    readonly warning: string | null;
  };
  readonly walkAway: { readonly text: string; readonly warning: string | null };
};

export function actionsOf(view: TableView): ActionsVM | null {
  const me = view.viewer;
  if (me !== "buyer" && me !== "seller") return null;
  const own = view.sides[me];
  const theirs = view.standing[otherRole(me)];
  const verdict = own && theirs ? verdictFor(view, own, me, theirs.terms) : null;
  const cap = own && theirs ? brokenCap(asSide(own), theirs.terms) : null;
  const capWarning = cap ? `${cap.label}: you cannot accept ${limitWords(view.scenario, cap, true)} — the table will refuse it.` : null;
  return {
    yourTurn: view.phase === "playing" && view.toAct === me,
    playing: view.phase === "playing",
    accept: {
      available: theirs !== null,
      price: theirs ? priceOf(view.scenario, theirs.terms) : "—",
      lines: theirs ? termLines(view.scenario, theirs.terms) : [],
      verdict: verdict?.text ?? null,
      warning: capWarning ?? (verdict && verdict.surplus < 0 ? "Accepting leaves you below your walk-away: walking away would serve you better." : null),
    },
    walkAway: {
      text: "No deal: both sides fall back on their alternatives, and the game ends for both of you.",
      warning: verdict && verdict.surplus > 0 ? `Their offer on the table is still inside your walk-away. ${verdict.text}` : null,
    },
  };
}
