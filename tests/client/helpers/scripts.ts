import type { Action, TableState } from "../../../shared/engine/index.js";
import { newTable, offer, pkg, play, steps } from "./tables.js";

/*
 * Scripted games on the backup-appliance scenario, stopped at the moments the client must draw:
 * opening, concessions answered or not, questions, public and private curve balls, notes, the end.
 */

const OPENING: readonly Action[] = [offer("seller", pkg({ price: 25000 }), "List price, installed in eight weeks.")];

/** The buyer counters, the seller concedes on price and support, the buyer asks a question. */
const MID_GAME: readonly Action[] = [
  offer("buyer", pkg({ price: 17000, support: "premium", warranty: 36, delivery: 2, payment: "net90" })),
  offer("seller", pkg({ price: 24000, support: "business" }), "We can move on support."),
  { type: "ask", by: "buyer", questionId: "seller-date", message: "Before I answer that —" },
];

/** A note, a private card for the buyer, a public card and another concession. */
const WITH_CARDS: readonly Action[] = [
  { type: "note", by: "buyer", text: "Their quarter closes soon: hold firm on price." },
  { type: "curveball", cardId: "competitor-quote" },
  { type: "curveball", cardId: "supplier-costs" },
  { type: "curveball", cardId: "board-moves-up" },
  offer("seller", pkg({ price: 23000, support: "business", warranty: 24 })),
];

/** The buyer accepts the seller's standing offer at $21,500. */
const DEAL: readonly Action[] = [
  offer("buyer", pkg({ price: 20000, support: "business", warranty: 24, delivery: 4 })),
  offer("seller", pkg({ price: 21500, support: "business", warranty: 24, delivery: 6 }), "Final offer."),
  { type: "accept", by: "buyer", message: "Deal." },
];

export function opening(): TableState {
  return play(newTable(), OPENING);
}

export function midGame(): TableState {
  return play(opening(), MID_GAME);
}

export function withCards(): TableState {
  return play(midGame(), WITH_CARDS);
}

export function dealDone(): TableState {
  return play(withCards(), DEAL);
}

export function walkedAway(): TableState {
  return play(midGame(), [{ type: "walk_away", by: "seller", message: "We are too far apart." }]);
}

export const SCRIPTS = { opening, midGame, withCards, dealDone, walkedAway } as const;

/** Every state of the scripted deal, from the empty table on: what a client watching from the start is sent a view of. */
export function dealDoneSteps(): TableState[] {
  return steps(newTable(), [...OPENING, ...MID_GAME, ...WITH_CARDS, ...DEAL]);
}
