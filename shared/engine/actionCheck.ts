import { ACTION_TYPES, type Action } from "./actions.js";
import { isRole } from "./roles.js";

/*
 * apply() is the last line of defence: callers validate messages at the edge, but a bug there
 * must get a refusal, never an exception inside a room. This checks only what the rules read
 * without checking it themselves (whose seat, which strings); terms, note texts and seconds
 * are judged by their own rules with more helpful errors.
 */

const SEATED = new Set(["offer", "accept", "ask", "walk_away", "note", "abandon", "ready"]);
const WITH_MESSAGE = new Set(["offer", "accept", "ask", "walk_away"]);

/** Why a value is not a well-formed Action, or null when it is. */
export function actionProblem(action: unknown): string | null {
  if (typeof action !== "object" || action === null) return "An action must be an object.";
  const a = action as Record<string, unknown>;
  if (typeof a.type !== "string" || !(ACTION_TYPES as readonly string[]).includes(a.type)) return "Unknown action type.";
  if (SEATED.has(a.type) && !isRole(a.by)) return 'An action needs "by": "buyer" or "seller".';
  if (WITH_MESSAGE.has(a.type) && a.message !== undefined && typeof a.message !== "string") return "A message must be text.";
  if (a.type === "ask" && typeof a.questionId !== "string") return "A question needs its id.";
  if (a.type === "curveball" && a.cardId !== undefined && typeof a.cardId !== "string") return "A card id must be text.";
  return null;
}

export function isAction(value: unknown): value is Action {
  return actionProblem(value) === null;
}
