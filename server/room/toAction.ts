import type { Action } from "../../shared/engine/index.js";
import type { SeatMessage } from "../../shared/protocol/messages.js";
import type { Seating } from "./audience.js";

export type ActionFor = { ok: true; action: Action } | { ok: false; message: string };

/**
 * A validated move from a seat, as the engine action it stands for. The acting role comes from
 * the seat the connection was given at join, never from the message itself. (The facilitator's
 * controls enter the table through TableRoom.facilitatorControl.)
 */
export function toAction(message: SeatMessage, seating: Seating): ActionFor {
  const { role } = seating;
  const seat = (make: (by: NonNullable<Seating["role"]>) => Action): ActionFor =>
    role ? { ok: true, action: make(role) } : { ok: false, message: `Only a player in a seat may send "${message.type}".` };
  const withText = (text: string | undefined) => (text ? { message: text } : {});

  switch (message.type) {
    case "offer":
      return seat((by) => ({ type: "offer", by, terms: message.payload.terms, ...withText(message.payload.message) }));
    case "accept":
      return seat((by) => ({ type: "accept", by, ...withText(message.payload.message) }));
    case "ask":
      return seat((by) => ({ type: "ask", by, questionId: message.payload.questionId, ...withText(message.payload.message) }));
    case "walk_away":
      return seat((by) => ({ type: "walk_away", by, ...withText(message.payload.message) }));
    case "note":
      return seat((by) => ({ type: "note", by, text: message.payload.text }));
    case "ready":
      return seat((by) => ({ type: "ready", by }));
    default:
      return unreachable(message);
  }
}

function unreachable(message: never): never {
  throw new Error(`unhandled message ${JSON.stringify(message)}`);
}
