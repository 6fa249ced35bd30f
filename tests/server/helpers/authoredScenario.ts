import { parseScenario } from "../../../shared/engine/index.js";

/*
 * A scenario document as a trainer would POST it from the studio. Every hidden value (either
 * side's brief, walk-away range, valuations and hot buttons, the answers, the deck) is a number
 * of four digits or more, or a text with a word found nowhere in the public part, so a leak
 * test can look for each one in the bytes of a response.
 */
export function authoredDocument(id: string, title = "Harbour crane upkeep") {
  return {
    id,
    title,
    summary: "A port authority buys upkeep for its quay cranes.",
    story: "The harbour board wants its cranes serviced before the busy season.",
    currency: "EUR",
    firstMover: "seller",
    rounds: 6,
    turnSeconds: 60,
    issues: [
      { kind: "price", id: "price", label: "Annual fee", min: 40000, max: 90000, step: 500, unit: "EUR a year" },
      { kind: "range", id: "term", label: "Contract term", min: 12, max: 48, step: 12, unit: "months", buyerPrefers: "lower" },
      { kind: "options", id: "cover", label: "Cover", options: [{ id: "weekday", label: "Weekdays" }, { id: "always", label: "Around the clock" }] },
    ],
    roles: {
      buyer: {
        brief: "Buyer brief zephyrquill: the board meets soon.",
        walkAway: { min: 71113, max: 73319, step: 1103 },
        values: { term: { atMin: 4127, atMax: 9173 }, cover: { byOption: { weekday: 2309, always: 8219 } } },
        hotButtons: [
          { kind: "deadline", id: "ice", label: "Ice season larkspur", text: "Ice closes the port after round {afterRound}, costing {costPerRound}.", afterRound: 3, costPerRound: 6271 },
          { kind: "budgetCap", id: "cap", label: "Board cap marlinfish", text: "The board caps the fee at {max}.", issueId: "price", max: { min: 86111, max: 87331, step: 1 } },
        ],
        strengths: [{ id: "s1", text: "Strength ochrefalcon", tiedTo: { kind: "walkAway" } }],
        weaknesses: [{ id: "w1", text: "Weakness umberheron", tiedTo: { kind: "hotButton", id: "ice" } }],
      },
      seller: {
        brief: "Seller brief cobaltwren: the crew is idle.",
        walkAway: { min: 51407, max: 53609 },
        values: { term: { atMin: -3181, atMax: -1297 }, cover: { byOption: { weekday: -1451, always: -5521 } } },
        hotButtons: [{ kind: "compliance", id: "audit", label: "Audit rule garnetfox", text: "Sign by round {byRound} or pay {penalty}.", byRound: 5, penalty: 7717 }],
      },
    },
    questions: [
      { id: "q1", askedBy: "buyer", text: "When must you sign?", answer: "Answer saffronotter: by round {audit.byRound}.", reveals: { kind: "hotButton", id: "audit" } },
      { id: "q2", askedBy: "seller", text: "What is your ceiling?", answer: "Answer tealbadger: {walkAway}.", reveals: { kind: "walkAway" } },
    ],
    deck: {
      firstRound: 2,
      chancePerRound: 0.35,
      maxCards: 2,
      cards: [
        { id: "c1", title: "Card indigomoth", text: "Card plumviper {by}.", visibility: "private", side: "seller", effect: { kind: "shiftWalkAway", by: 1931 } },
        { id: "c2", title: "Strike ambergecko", text: "Strike costs {amount}.", visibility: "public", side: "buyer", effect: { kind: "perRoundCost", amount: 2741 } },
        {
          id: "c3",
          title: "Valuation jadeibis",
          text: "Jade ibis text.",
          visibility: "private",
          side: "buyer",
          effect: { kind: "changeValue", issueId: "cover", value: { byOption: { weekday: 3413, always: 9941 } } },
        },
        { id: "c4", title: "Leak russetcrow", text: "Russet crow text.", visibility: "private", side: "buyer", effect: { kind: "reveal", fact: { kind: "value", issueId: "term" } } },
      ],
    },
  };
}

export type AuthoredDocument = ReturnType<typeof authoredDocument>;

/** Fields whose values are names the public part uses too (issue and option ids) or words of the format. */
const STRUCTURAL = new Set(["id", "issueId", "kind", "visibility", "side", "askedBy"]);

/**
 * Every hidden value of a document: the leaves of both roles, of the deck, and each question's
 * answer and what it reveals, without the format's own words and ids. Numbers of fewer than
 * four digits are left out: "3" cannot be told from any other 3 in a response.
 */
export function hiddenValues(document: AuthoredDocument): (string | number)[] {
  const found: (string | number)[] = [];
  const walk = (value: unknown, key: string) => {
    if (STRUCTURAL.has(key)) return;
    if (typeof value === "string") found.push(value);
    else if (typeof value === "number") {
      if (Math.abs(value) >= 1000) found.push(value);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(document.roles, "roles");
  walk(document.deck, "deck");
  for (const q of document.questions) walk({ answer: q.answer, reveals: q.reveals }, "question");
  return found;
}

/** Where a hidden value shows up in a response body, or null: numbers as whole numbers, texts as JSON would write them. */
export function leakIn(body: string, value: string | number): string | null {
  const pattern = typeof value === "number" ? new RegExp(`(?<![0-9])${Math.abs(value)}(?![0-9])`) : null;
  const index = pattern ? body.search(pattern) : body.indexOf(JSON.stringify(value).slice(1, -1));
  return index < 0 ? null : body.slice(Math.max(0, index - 40), index + 40);
}

// The fixture must be a valid scenario, or every test built on it would test a refusal.
const check = parseScenario(authoredDocument("fixture-check"));
if (!check.ok) throw new Error(`authoredDocument is not a valid scenario: ${JSON.stringify(check.error)}`);
