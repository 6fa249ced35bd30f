import type { RuleErrorCode } from "../../../shared/engine/errors.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { ProtocolErrorCode } from "../../../shared/protocol/messages.js";
import type { Refusal } from "../model/clientModel.js";

export type RefusalVM = { readonly key: number; readonly title: string; readonly message: string; readonly hint: string | null };

const TITLES: Record<RuleErrorCode | ProtocolErrorCode, string> = {
  "rule/game_over": "The game is over",
  "rule/not_your_turn": "Not your turn",
  "rule/paused": "The game is paused",
  "rule/not_paused": "The game is not paused",
  "rule/bad_terms": "That offer is not complete",
  "rule/no_offer_to_accept": "Nothing to accept yet",
  "rule/unknown_question": "Unknown question",
  "rule/not_your_question": "Not your question",
  "rule/already_asked": "Already asked",
  "rule/budget_cap": "Over your budget cap",
  "rule/timer_not_expired": "The turn still has time",
  "rule/unknown_card": "Unknown card",
  "rule/card_already_drawn": "Card already drawn",
  "rule/deck_empty": "The deck is empty",
  "rule/message_too_long": "Message too long",
  "rule/bad_note": "Note not saved",
  "rule/notepad_full": "Notepad full",
  "rule/bad_time": "Invalid time",
  "rule/preparing": "Reading time",
  "rule/not_preparing": "The clock is already running",
  "rule/ready_not_counted": "The facilitator starts the clock",
  "rule/already_ready": "Already ready",
  "rule/bad_action": "Malformed request",
  "protocol/unknown_type": "Unknown request",
  "protocol/bad_payload": "Malformed request",
  "protocol/not_allowed": "Not allowed",
  "protocol/rate_limited": "Slow down",
  "protocol/server_error": "The table could not do that",
  "protocol/not_started": "The game has not started",
};

/** Why the table refused what the player just tried, in words. */
export function refusalOf(refusal: Refusal | null, view: TableView): RefusalVM | null {
  if (!refusal) return null;
  const title = refusal.code in TITLES ? TITLES[refusal.code as keyof typeof TITLES] : "Refused";
  const me = view.viewer === "buyer" || view.viewer === "seller" ? view.viewer : null;
  const hint =
    refusal.code === "rule/not_your_turn" && me
      ? `Listening is part of the game: acting out of turn counts as an interruption (${view.interruptions[me]} so far).`
      : null;
  return { key: refusal.at, title, message: refusal.message, hint };
}
