import type { Choice } from "./fields.js";

/* The studio's words for the format's names, as a trainer would say them. */

export const ROLE_CHOICES: readonly Choice[] = [
  { value: "buyer", label: "The buyer" },
  { value: "seller", label: "The seller" },
];

export const HOT_BUTTON_WORDS: Readonly<Record<string, string>> = {
  deadline: "Deadline (costs per round after a round)",
  compliance: "Compliance date (one penalty after a round)",
  budgetCap: "Budget cap (may not go above a figure)",
  wants: "Wants a term (must have, or costs if missing)",
};

export const EFFECT_WORDS: Readonly<Record<string, string>> = {
  shiftWalkAway: "Moves the walk-away",
  changeDeadline: "Changes the number of rounds",
  perRoundCost: "Costs per further round",
  changeValue: "Changes what a term is worth",
  shiftValue: "Shifts what a term is worth",
  reveal: "Reveals a fact about the other side",
};

export const FACT_CHOICES: readonly Choice[] = [
  { value: "", label: "Nothing" },
  { value: "walkAway", label: "The walk-away" },
  { value: "hotButton", label: "A pressure point" },
  { value: "value", label: "What a term is worth" },
];
