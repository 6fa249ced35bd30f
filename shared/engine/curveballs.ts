import { otherRole, withRole, type Role } from "./roles.js";
import { nextRandom } from "./rng.js";
import { fillTemplate, type Card, type FactRef, type Scenario } from "./scenario.js";
import { currentRound, type DrawnCard, type HotButton, type KnownFact, type SidePrivate } from "./state.js";
import { formatMoney, formatValue } from "./terms.js";
import { issueById, issueMoney, shiftedValue, valuesWithWants } from "./valuation.js";
import type { Step } from "./flow.js";

/** Card ids not drawn yet, in deck order. */
export function remainingCards(step: Step): string[] {
  const drawn = new Set(step.state.cards.map((c) => c.card.id));
  return step.state.deckOrder.filter((id) => !drawn.has(id));
}

/** At a round's start: maybe draw the next card, as the deck's schedule and the table's PRNG decide. */
export function drawScheduledCard(step: Step): void {
  const { deck } = step.state.scenario;
  const { cards } = step.state;
  let scheduled = 0;
  for (const c of cards) if (c.thrownBy === "schedule") scheduled++;
  if (currentRound(step.state) < deck.firstRound || scheduled >= deck.maxCards) return;
  // remainingCards(step)[0] without building the list: this runs at every round's start.
  const next = step.state.deckOrder.find((id) => !cards.some((c) => c.card.id === id));
  if (next === undefined) return;
  const [rng, roll] = nextRandom(step.state.rng);
  step.update({ rng });
  if (roll >= deck.chancePerRound) return;
  playCard(step, cardById(step.state.scenario, next), "schedule");
}

export function cardById(scenario: Scenario, id: string): Card {
  const card = scenario.deck.cards.find((c) => c.id === id);
  if (!card) throw new Error(`card "${id}" is not in the deck`);
  return card;
}

/** Put a card on the table: announce it to whom it concerns, then apply its effect. */
export function playCard(step: Step, card: Card, thrownBy: DrawnCard["thrownBy"]): void {
  const s = step.state;
  const text = fillTemplate(card.text, effectNumbers(s.scenario, card));
  const drawn: DrawnCard = { card, round: currentRound(s), turn: s.turn, thrownBy, text };
  step.update({ cards: [...s.cards, drawn] });
  if (card.visibility === "public") step.emit({ type: "card_drawn", card, text, thrownBy });
  else {
    step.emit({ type: "card_drawn", card, text, thrownBy }, card.side);
    step.emit({ type: "card_hidden", side: card.side, thrownBy }, otherRole(card.side));
  }
  applyEffect(step, card);
}

function effectNumbers(scenario: Scenario, card: Card): Record<string, string | number> {
  const e = card.effect;
  switch (e.kind) {
    case "shiftWalkAway":
      return { by: formatMoney(Math.abs(e.by), scenario.currency) };
    case "changeDeadline":
      return { by: Math.abs(e.by) };
    case "perRoundCost":
      return { amount: formatMoney(e.amount, scenario.currency) };
    case "shiftValue":
      return { by: formatMoney(Math.abs(e.by), scenario.currency) };
    case "changeValue":
    case "reveal":
      return {};
  }
}

function applyEffect(step: Step, card: Card): void {
  const s = step.state;
  const side = s.sides[card.side];
  const e = card.effect;
  switch (e.kind) {
    case "shiftWalkAway":
      return setSide(step, card.side, { ...side, walkAway: side.walkAway + e.by });
    case "changeDeadline": {
      const lastRound = Math.max(currentRound(s), s.lastRound + e.by);
      step.update({ lastRound });
      return step.emit({ type: "deadline_changed", lastRound });
    }
    case "changeValue": {
      // A new valuation replaces the old one; what a missing want costs the side still counts.
      const values = valuesWithWants(s.scenario, card.side, { ...side.values, [e.issueId]: e.value }, side.hotButtons, e.issueId);
      return setSide(step, card.side, { ...side, values });
    }
    case "shiftValue": {
      const issue = issueById(s.scenario, e.issueId);
      const valuation = side.values[e.issueId];
      if (!issue || issue.kind === "price" || !valuation) return;
      return setSide(step, card.side, { ...side, values: { ...side.values, [e.issueId]: shiftedValue(issue, valuation, e.by, e.optionId) } });
    }
    case "perRoundCost": {
      const bleed: HotButton = {
        kind: "deadline",
        id: `card-${card.id}`,
        label: card.title,
        text: fillTemplate(card.text, effectNumbers(s.scenario, card)),
        afterRound: currentRound(s),
        costPerRound: e.amount,
      };
      return setSide(step, card.side, { ...side, hotButtons: [...side.hotButtons, bleed] });
    }
    case "reveal": {
      const owner = otherRole(card.side);
      const known: KnownFact = { fact: e.fact, text: describeFact(s.scenario, owner, s.sides[owner], e.fact), turn: s.turn, source: "card" };
      setSide(step, card.side, { ...side, learned: [...side.learned, known] });
      return step.emit({ type: "fact_revealed", to: card.side, text: known.text }, card.side);
    }
  }
}

function setSide(step: Step, role: Role, next: SidePrivate): void {
  step.update({ sides: withRole(step.state.sides, role, next) });
}

/** A private fact in plain words, with the owner's current numbers. */
export function describeFact(scenario: Scenario, owner: Role, side: SidePrivate, fact: FactRef): string {
  const who = owner === "buyer" ? "The buyer" : "The seller";
  switch (fact.kind) {
    case "walkAway":
      return owner === "buyer"
        ? `${who} will not pay more than ${formatMoney(side.walkAway, scenario.currency)} net for the deal.`
        : `${who} will not go below ${formatMoney(side.walkAway, scenario.currency)} net for the deal.`;
    case "hotButton": {
      const hot = side.hotButtons.find((h) => h.id === fact.id);
      return hot ? describeHotButton(scenario, who, hot) : `${who} has no such pressure any more.`;
    }
    case "value": {
      const issue = scenario.issues.find((i) => i.id === fact.issueId);
      const valuation = side.values[fact.issueId];
      if (!issue || issue.kind === "price" || !valuation) return `${who} did not say.`;
      const verb = owner === "buyer" ? "is worth" : "costs";
      const points =
        issue.kind === "options"
          ? issue.options.map((o) => `${o.label} ${verb} ${formatMoney(issueMoney(scenario, issue.id, valuation, o.id), scenario.currency)}`)
          : [issue.min, issue.max].map((v) => `${v} ${issue.unit} ${verb} ${formatMoney(issueMoney(scenario, issue.id, valuation, v), scenario.currency)}`);
      return `${who}, on ${issue.label.toLowerCase()}: ${points.join("; ")}.`;
    }
  }
}

/**
 * A hot button as the other side learns it. Its own text speaks to its owner ("costs you"), so
 * the fact is retold in the third person from the drawn numbers.
 */
function describeHotButton(scenario: Scenario, who: string, hot: HotButton): string {
  switch (hot.kind) {
    case "deadline":
      return `${who} has a deadline (${hot.label}): every round after round ${hot.afterRound} costs them ${formatMoney(hot.costPerRound, scenario.currency)}.`;
    case "compliance":
      return `${who} has a hard date (${hot.label}): a deal after round ${hot.byRound} costs them ${formatMoney(hot.penalty, scenario.currency)}.`;
    case "budgetCap": {
      const issue = scenario.issues.find((i) => i.id === hot.issueId);
      const limit = issue ? `${formatValue(issue, hot.max, scenario.currency)} on ${issue.label.toLowerCase()}` : String(hot.max);
      return `${who} cannot go above ${limit} (${hot.label}).`;
    }
    case "wants": {
      const issue = scenario.issues.find((i) => i.id === hot.issueId);
      const wanted = issue ? `${formatValue(issue, hot.value, scenario.currency)} on ${issue.label.toLowerCase()}` : String(hot.value);
      return hot.mustHave
        ? `${who} cannot sign without ${wanted} (${hot.label}).`
        : `${who} wants ${wanted} (${hot.label}): a deal without it costs them ${formatMoney(hot.costIfMissing, scenario.currency)}.`;
    }
  }
}
