import type { ActionOf } from "../actions.js";
import { cardById, playCard, remainingCards } from "../curveballs.js";
import { ruleError, type RuleError } from "../errors.js";
import type { Step } from "../flow.js";

/** A facilitator throws a card in: the one named, or the next one of the deck. */
export function curveball(step: Step, action: ActionOf<"curveball">): RuleError | null {
  const s = step.state;
  const remaining = remainingCards(step);
  const cardId = action.cardId ?? remaining[0];
  if (cardId === undefined) return ruleError("rule/deck_empty", "Every card of this deck has been played at this table.");
  if (!s.scenario.deck.cards.some((c) => c.id === cardId)) return ruleError("rule/unknown_card", `There is no card "${cardId}" in this deck.`);
  if (!remaining.includes(cardId)) return ruleError("rule/card_already_drawn", "That card is already on this table.");
  playCard(step, cardById(s.scenario, cardId), "facilitator");
  return null;
}
