import type { SeatIntent } from "../../client/src/net/connection.js";
import type { Action } from "../../shared/engine/index.js";

/**
 * A bot's engine action as the message a seated client sends (the seat itself travels with
 * the connection, never in the message). Non-seat actions are not a player's to send: null.
 */
export function seatIntentOf(action: Action): SeatIntent | null {
  const text = (message: string | undefined) => (message ? { message } : {});
  switch (action.type) {
    case "offer":
      return { type: "offer", payload: { terms: action.terms, ...text(action.message) } };
    case "accept":
      return { type: "accept", payload: text(action.message) };
    case "ask":
      return { type: "ask", payload: { questionId: action.questionId, ...text(action.message) } };
    case "walk_away":
      return { type: "walk_away", payload: text(action.message) };
    case "note":
      return { type: "note", payload: { text: action.text } };
    case "timeout":
    case "curveball":
    case "pause":
    case "resume":
    case "add_time":
    case "end":
    case "abandon":
    case "ready":
    case "start_now":
      return null;
  }
}
