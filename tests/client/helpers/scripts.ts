import type { TableState } from "../../../shared/engine/index.js";
import { newTable, offer, pkg, play } from "./tables.js";

/*
 * Scripted games on the backup-appliance scenario, stopped at the moments the client must draw:
 * opening, concessions answered or not, questions, public and private curve balls, notes, the end.
 */

export function opening(): TableState {
  return play(newTable(), [offer("seller", pkg({ price: 25000 }), "List price, installed in eight weeks.")]);
}

/** Seller opened, buyer countered, seller conceded on price and support, buyer asked a question. */
export function midGame(): TableState {
  return play(opening(), [
    offer("buyer", pkg({ price: 17000, support: "premium", warranty: 36, delivery: 2, payment: "net90" })),
    offer("seller", pkg({ price: 24000, support: "business" }), "We can move on support."),
    { type: "ask", by: "buyer", questionId: "seller-date", message: "Before I answer that —" },
  ]);
}

/** midGame plus a note, a private card for the buyer, a public card and another concession. */
export function withCards(): TableState {
  return play(midGame(), [
    { type: "note", by: "buyer", text: "Their quarter closes soon: hold firm on price." },
    { type: "curveball", cardId: "competitor-quote" },
    { type: "curveball", cardId: "supplier-costs" },
    { type: "curveball", cardId: "board-moves-up" },
    offer("seller", pkg({ price: 23000, support: "business", warranty: 24 })),
  ]);
}

/** The buyer accepts the seller's standing offer at $21,500. */
export function dealDone(): TableState {
  return play(withCards(), [
    offer("buyer", pkg({ price: 20000, support: "business", warranty: 24, delivery: 4 })),
    offer("seller", pkg({ price: 21500, support: "business", warranty: 24, delivery: 6 }), "Final offer."),
    { type: "accept", by: "buyer", message: "Deal." },
  ]);
}

export function walkedAway(): TableState {
  return play(midGame(), [{ type: "walk_away", by: "seller", message: "We are too far apart." }]);
}

export const SCRIPTS = { opening, midGame, withCards, dealDone, walkedAway } as const;
