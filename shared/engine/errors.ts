/** Stable codes for every refused action: clients and tests match on these, never on the text. */
export const RULE_ERROR_CODES = [
  "rule/game_over",
  "rule/not_your_turn",
  "rule/paused",
  "rule/not_paused",
  "rule/bad_terms",
  "rule/no_offer_to_accept",
  "rule/unknown_question",
  "rule/not_your_question",
  "rule/already_asked",
  "rule/budget_cap",
  "rule/timer_not_expired",
  "rule/unknown_card",
  "rule/card_already_drawn",
  "rule/deck_empty",
  "rule/message_too_long",
  "rule/bad_note",
  /** The side's notepad holds MAX_NOTES_PER_SIDE notes or MAX_NOTEPAD_CHARS characters already. */
  "rule/notepad_full",
  "rule/bad_time",
  /** A move during reading time, before the first turn's clock runs. */
  "rule/preparing",
  /** "Ready" or "start now" once reading time is over (or at a table that has none). */
  "rule/not_preparing",
  /** "Ready" from a seat whose word does not start the clock (a workshop round: the facilitator starts it). */
  "rule/ready_not_counted",
  "rule/already_ready",
  /** Not a well-formed action at all (the edge should have refused it). */
  "rule/bad_action",
] as const;
export type RuleErrorCode = (typeof RULE_ERROR_CODES)[number];

export type RuleError = { readonly code: RuleErrorCode; readonly message: string };

export const ruleError = (code: RuleErrorCode, message: string): RuleError => ({ code, message });
