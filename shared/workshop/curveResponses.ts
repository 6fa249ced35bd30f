import type { GameEvent } from "../engine/events.js";
import type { Role } from "../engine/roles.js";
import type { DrawnCard, TableState } from "../engine/state.js";
import { formatMoney } from "../engine/terms.js";

/*
 * How a table answered a curve ball: the first move the side it landed on made afterwards.
 * Comparing these across tables that drew the same card is one of the debrief's lessons.
 */

export type CurveResponse =
  | { readonly kind: "offer"; readonly before: number | null; readonly after: number }
  | { readonly kind: "ask"; readonly question: string }
  | { readonly kind: "accept"; readonly price: number }
  | { readonly kind: "walk_away" }
  | { readonly kind: "timeout" }
  /** The game ended before that side moved again. */
  | { readonly kind: "none" };

export type CardAnswer = {
  readonly cardId: string;
  readonly title: string;
  readonly side: Role;
  readonly visibility: "public" | "private";
  readonly round: number;
  readonly thrownBy: "schedule" | "facilitator";
  readonly response: CurveResponse;
  readonly text: string;
};

export function cardAnswers(state: TableState): CardAnswer[] {
  return state.cards.map((drawn) => {
    const response = responseTo(state, drawn);
    return {
      cardId: drawn.card.id,
      title: drawn.card.title,
      side: drawn.card.side,
      visibility: drawn.card.visibility,
      round: drawn.round,
      thrownBy: drawn.thrownBy,
      response,
      text: describeResponse(response, drawn.card.side, state.scenario.currency),
    };
  });
}

function responseTo(state: TableState, drawn: DrawnCard): CurveResponse {
  const side = drawn.card.side;
  const drawnAt = state.timeline.find((e) => e.type === "card_drawn" && e.card.id === drawn.card.id);
  if (!drawnAt) return { kind: "none" };
  let standing: number | null = null;
  for (const e of state.timeline) {
    if (e.seq < drawnAt.seq) {
      if (e.type === "offer_made" && e.by === side) standing = e.terms.price as number;
      continue;
    }
    const move = moveBy(e, side, standing);
    if (move) return move;
  }
  return { kind: "none" };
}

function moveBy(e: GameEvent, side: Role, standing: number | null): CurveResponse | null {
  switch (e.type) {
    case "offer_made":
      return e.by === side ? { kind: "offer", before: standing, after: e.terms.price as number } : null;
    case "question_asked":
      return e.by === side ? { kind: "ask", question: e.text } : null;
    case "deal":
      return e.acceptedBy === side ? { kind: "accept", price: e.terms.price as number } : null;
    case "walked_away":
      return e.by === side ? { kind: "walk_away" } : null;
    case "turn_timed_out":
      return e.by === side ? { kind: "timeout" } : null;
    default:
      return null;
  }
}

export function describeResponse(r: CurveResponse, side: Role, currency: string): string {
  const money = (n: number) => formatMoney(n, currency);
  const who = side === "buyer" ? "The buyer" : "The seller";
  switch (r.kind) {
    case "offer": {
      if (r.before === null) return `${who} made a first offer at ${money(r.after)}.`;
      const moved = r.after - r.before;
      if (moved === 0) return `${who} held the price at ${money(r.after)}.`;
      return `${who} moved the price from ${money(r.before)} to ${money(r.after)} (${moved > 0 ? "+" : "−"}${money(Math.abs(moved))}).`;
    }
    case "ask":
      return `${who} asked a question: “${r.question}”`;
    case "accept":
      return `${who} accepted at ${money(r.price)}.`;
    case "walk_away":
      return `${who} walked away.`;
    case "timeout":
      return `${who} let the turn run out.`;
    case "none":
      return `The game ended before ${who.toLowerCase()} moved again.`;
  }
}
