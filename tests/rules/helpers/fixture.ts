import { readFileSync } from "node:fs";
import { describeProblems, parseScenario, type Scenario } from "../../../shared/engine/index.js";

/*
 * A small, fully known scenario for unit tests: fixed walk-aways, fixed hot buttons and a deck
 * that never draws on its own (tests throw cards in by name), so every number is hand-checkable.
 *
 * Buyer walk-away 2500, seller walk-away 1500. Issues: price 1000..3000 step 100; support
 * basic|premium; warranty 0..24 months (buyer prefers higher); delivery 2..6 weeks (buyer
 * prefers lower). Buyer: compliance "audit" (after round 3: 200), budget cap "cap" on price
 * (2800). Seller: deadline "quarter" (after round 2: 50 a round).
 */

// Plain JSON, edited by tests before parsing; typed loosely on purpose (it is the untrusted file format).
export type RawScenario = Record<string, any>;

export function fixtureJson(): RawScenario {
  return {
    id: "fixture",
    title: "Fixture",
    summary: "A tiny scenario for tests.",
    story: "Both sides read this.",
    currency: "USD",
    firstMover: "seller",
    rounds: 4,
    turnSeconds: 60,
    issues: [
      { kind: "price", id: "price", label: "Price", min: 1000, max: 3000, step: 100, unit: "USD" },
      { kind: "options", id: "support", label: "Support", options: [{ id: "basic", label: "Basic" }, { id: "premium", label: "Premium" }] },
      { kind: "range", id: "warranty", label: "Warranty", min: 0, max: 24, step: 12, unit: "months", buyerPrefers: "higher" },
      { kind: "range", id: "delivery", label: "Delivery", min: 2, max: 6, step: 2, unit: "weeks", buyerPrefers: "lower" },
    ],
    roles: {
      buyer: {
        brief: "You buy.",
        walkAway: { min: 2500, max: 2500 },
        values: {
          support: { byOption: { basic: 0, premium: 400 } },
          warranty: { atMin: 0, atMax: 240 },
          delivery: { atMin: 120, atMax: 0 },
        },
        hotButtons: [
          { kind: "compliance", id: "audit", label: "Audit", text: "The audit falls after round {byRound}; later costs {penalty}.", byRound: 3, penalty: 200 },
          { kind: "budgetCap", id: "cap", label: "Budget", text: "You may not sign above {max}.", issueId: "price", max: 2800 },
        ],
        strengths: [{ id: "others", text: "Other vendors exist.", tiedTo: { kind: "walkAway" } }],
        weaknesses: [{ id: "hurry", text: "The audit is close.", tiedTo: { kind: "hotButton", id: "audit" } }],
      },
      seller: {
        brief: "You sell.",
        walkAway: { min: 1500, max: 1500 },
        values: {
          support: { byOption: { basic: 0, premium: 100 } },
          warranty: { atMin: 0, atMax: 60 },
          delivery: { atMin: 90, atMax: 0 },
        },
        hotButtons: [
          { kind: "deadline", id: "quarter", label: "Quarter", text: "Your quarter closes after round {afterRound}; each later round costs {costPerRound}.", afterRound: 2, costPerRound: 50 },
        ],
      },
    },
    questions: [
      { id: "seller-date", askedBy: "buyer", text: "Is there a date?", answer: "Our quarter closes after round {quarter.afterRound} and each round after costs {quarter.costPerRound}.", reveals: { kind: "hotButton", id: "quarter" } },
      { id: "seller-floor", askedBy: "buyer", text: "What is your floor?", answer: "We cannot go below {walkAway}.", reveals: { kind: "walkAway" } },
      { id: "buyer-budget", askedBy: "seller", text: "Is there a budget?", answer: "The board approved {cap.max}.", reveals: { kind: "hotButton", id: "cap" } },
      { id: "buyer-weather", askedBy: "seller", text: "How is the weather?", answer: "Fine, thanks." },
    ],
    deck: {
      firstRound: 1,
      chancePerRound: 0,
      maxCards: 0,
      cards: [
        { id: "competitor", title: "A competitor calls", text: "Your walk-away drops by {by}.", visibility: "private", side: "buyer", effect: { kind: "shiftWalkAway", by: -300 } },
        { id: "board-early", title: "Board meets early", text: "The talks lose {by} round.", visibility: "public", side: "buyer", effect: { kind: "changeDeadline", by: -1 } },
        { id: "extension", title: "Extension", text: "The talks gain {by} rounds.", visibility: "public", side: "seller", effect: { kind: "changeDeadline", by: 2 } },
        { id: "cfo-warranty", title: "The CFO wants warranty", text: "24 months is now worth $600 to you.", visibility: "private", side: "buyer", effect: { kind: "changeValue", issueId: "warranty", value: { atMin: 0, atMax: 600 } } },
        { id: "bleed", title: "Money bleeds", text: "Every further round costs you {amount}.", visibility: "private", side: "seller", effect: { kind: "perRoundCost", amount: 25 } },
        { id: "leak", title: "A leak", text: "You hear where their floor is.", visibility: "private", side: "buyer", effect: { kind: "reveal", fact: { kind: "walkAway" } } },
      ],
    },
  };
}

export function parseOrThrow(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(`fixture scenario is invalid:\n${describeProblems(parsed.error)}`);
  return parsed.value;
}

/** The fixture, optionally edited first (the edit gets a fresh deep copy). */
export function fixture(edit?: (raw: RawScenario) => void): Scenario {
  const raw = fixtureJson();
  edit?.(raw);
  return parseOrThrow(raw);
}

export function backupAppliance(): Scenario {
  const url = new URL("../../../shared/scenarios/backup-appliance.json", import.meta.url);
  return parseOrThrow(JSON.parse(readFileSync(url, "utf8")));
}
