import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeDraw, apply, buyerward, createTable, parseScenario, type Scenario, type TableState } from "../../shared/engine/index.js";
import { getScenario, loadScenarios, SCENARIOS, scenarioList } from "../../shared/scenarios/index.js";

const FIXTURES = new URL("./fixtures/", import.meta.url);
const readJson = (relative: string): unknown => JSON.parse(readFileSync(new URL(relative, FIXTURES), "utf8"));

const SHIPPED_IDS = ["backup-appliance", "partner-reseller", "fleet-maintenance"];
const shipped = Object.values(SCENARIOS);

/** Money figures quoted in a text, e.g. "$3,000" or "£11,000" → [3000, 11000]. */
const quotedAmounts = (text: string): number[] => [...text.matchAll(/[$€£]([\d,]+)/g)].map((m) => Number((m[1] as string).replaceAll(",", "")));

/** Every figure a valuation can truthfully be quoted as: option values, range ends and per-step amounts. */
function valuationFigures(scenario: Scenario, issueId: string, value: Scenario["roles"]["buyer"]["values"][string]): number[] {
  if ("byOption" in value) return Object.values(value.byOption);
  if ("byValue" in value) return Object.values(value.byValue);
  const issue = scenario.issues.find((i) => i.id === issueId);
  if (!issue || issue.kind !== "range") return [value.atMin, value.atMax];
  const steps = issue.values.length - 1;
  return [value.atMin, value.atMax, Math.abs(value.atMax - value.atMin) / steps];
}

/** A table where `role` is to act, reached by letting the first mover's turn time out if needed. */
function tableWithTurn(scenario: Scenario, seed: string, role: "buyer" | "seller"): TableState {
  const table = createTable(scenario, seed, { now: 0 });
  if (table.toAct === role) return table;
  const passed = apply(table, { type: "timeout" }, table.turnEndsAt ?? 0);
  if (!passed.ok) throw new Error(passed.error.message);
  return passed.state;
}

describe("the scenario registry", () => {
  it("ships the three scenarios under their file names", () => {
    expect(Object.keys(SCENARIOS)).toEqual(SHIPPED_IDS);
    expect(scenarioList()).toEqual(shipped.map((s) => ({ id: s.id, title: s.title, summary: s.summary })));
    for (const id of SHIPPED_IDS) expect(getScenario(id)?.id).toBe(id);
  });

  it("finds nothing for unknown ids, including names every object inherits", () => {
    for (const id of ["", "nope", "constructor", "__proto__", "toString", "hasOwnProperty"]) expect(getScenario(id)).toBeUndefined();
  });

  it("throws at load with the file name and the field path when a file is broken", () => {
    const broken = { ...(readJson("broken/two-price-issues.json") as object), id: "good-name" };
    expect(() => loadScenarios({ "good-name": broken })).toThrow(/good-name\.json:\nissues\[3\]\.kind: only one issue may be of kind "price"/);
  });

  it("throws when a file's id is not its name", () => {
    expect(() => loadScenarios({ "other-name": readJson("minimal.json") })).toThrow(/other-name\.json:\nid: must equal the file name "other-name" \(it is "minimal"\)/);
  });

  it("loads a valid file", () => {
    expect(Object.keys(loadScenarios({ minimal: readJson("minimal.json") }))).toEqual(["minimal"]);
  });
});

describe.each(shipped.map((s) => [s.id, s] as const))("shipped scenario %s", (_id, scenario) => {
  it("round-trips through the parser unchanged", () => {
    const again = parseScenario(JSON.parse(JSON.stringify(scenario)));
    expect(again.ok && again.value).toEqual(scenario);
  });

  it("has price plus three or four other issues, five or six questions and five to seven cards", () => {
    expect(scenario.issues.filter((i) => i.kind === "price")).toHaveLength(1);
    expect(scenario.issues.length - 1).toBeGreaterThanOrEqual(3);
    expect(scenario.issues.length - 1).toBeLessThanOrEqual(4);
    expect(scenario.questions.length).toBeGreaterThanOrEqual(5);
    expect(scenario.questions.length).toBeLessThanOrEqual(6);
    expect(scenario.deck.cards.length).toBeGreaterThanOrEqual(5);
    expect(scenario.deck.cards.length).toBeLessThanOrEqual(7);
    for (const role of ["buyer", "seller"] as const) {
      expect(scenario.questions.some((q) => q.askedBy === role), `${role} has questions to ask`).toBe(true);
      expect(scenario.roles[role].strengths.length, `${role} strengths`).toBeGreaterThan(0);
      expect(scenario.roles[role].weaknesses.some((w) => w.tiedTo), `${role} has a weakness with teeth`).toBe(true);
    }
  });

  it("draws tables whose walk-aways, hot buttons and deck order are filled in", () => {
    for (let i = 0; i < 25; i++) {
      const table = createTable(scenario, `draw-${i}`, { now: 0 });
      for (const role of ["buyer", "seller"] as const) {
        const { walkAway } = scenario.roles[role];
        expect(table.sides[role].walkAway).toBeGreaterThanOrEqual(walkAway.min);
        expect(table.sides[role].walkAway).toBeLessThanOrEqual(walkAway.max);
        for (const hot of table.sides[role].hotButtons) expect(hot.text, hot.id).not.toMatch(/[{}]/);
      }
      expect([...table.deckOrder].sort()).toEqual(scenario.deck.cards.map((c) => c.id).sort());
    }
  });

  it("answers every question with the answering side's numbers and records what it reveals", () => {
    for (const question of scenario.questions) {
      const table = tableWithTurn(scenario, "questions", question.askedBy);
      const asked = apply(table, { type: "ask", by: question.askedBy, questionId: question.id }, 1);
      expect(asked.ok, question.id).toBe(true);
      const answer = asked.events.find((e) => e.type === "question_answered");
      expect(answer?.type === "question_answered" && answer.answer, question.id).not.toMatch(/[{}]/);
      expect(asked.state.sides[question.askedBy].learned.length, question.id).toBe(question.reveals ? 1 : 0);
    }
  });

  it("quotes only true figures when an answer or a card speaks about what a term is worth", () => {
    for (const question of scenario.questions) {
      if (question.reveals?.kind !== "value") continue;
      const { issueId } = question.reveals;
      const answerer = scenario.roles[question.askedBy === "buyer" ? "seller" : "buyer"];
      const figures = valuationFigures(scenario, issueId, answerer.values[issueId] as never);
      for (const amount of quotedAmounts(question.answer)) expect(figures, `${question.id} quotes ${amount}`).toContain(amount);
    }
    for (const card of scenario.deck.cards) {
      if (card.effect.kind !== "changeValue") continue;
      const figures = valuationFigures(scenario, card.effect.issueId, card.effect.value);
      for (const amount of quotedAmounts(card.text)) expect(figures, `${card.id} quotes ${amount}`).toContain(amount);
    }
  });

  it("plays every card with its numbers filled in", () => {
    for (const card of scenario.deck.cards) {
      const thrown = apply(createTable(scenario, "cards", { now: 0 }), { type: "curveball", cardId: card.id }, 1);
      expect(thrown.ok, card.id).toBe(true);
      const drawn = thrown.state.cards.at(-1);
      expect(drawn?.card.id).toBe(card.id);
      expect(drawn?.text, card.id).not.toMatch(/[{}]/);
    }
  });

  it("has integrative value: the best package is not simply one side's favourite on every issue", () => {
    const table = createTable(scenario, "integrative", { now: 0 });
    const { terms } = analyzeDraw(scenario, table.sides).zone;
    // 0 is the seller's end of an issue, 1 the buyer's (terms.ts).
    const positions = scenario.issues.filter((i) => i.kind !== "price").map((i) => buyerward(i, terms[i.id] as number | string));
    expect(positions.every((p) => p === 0), JSON.stringify(terms)).toBe(false);
    expect(positions.every((p) => p === 1), JSON.stringify(terms)).toBe(false);
  });
});

describe("the scenarios as a set", () => {
  it("use every hot-button kind, every card effect and both card visibilities", () => {
    const hotKinds = new Set(shipped.flatMap((s) => [...s.roles.buyer.hotButtons, ...s.roles.seller.hotButtons].map((h) => h.kind)));
    expect([...hotKinds].sort()).toEqual(["budgetCap", "compliance", "deadline"]);
    const cards = shipped.flatMap((s) => s.deck.cards);
    expect([...new Set(cards.map((c) => c.effect.kind))].sort()).toEqual(["changeDeadline", "changeValue", "perRoundCost", "reveal", "shiftWalkAway"]);
    expect([...new Set(cards.map((c) => c.visibility))].sort()).toEqual(["private", "public"]);
  });

  it("backup-appliance and partner-reseller leave room for a deal even on their worst draw", () => {
    for (const id of ["backup-appliance", "partner-reseller"]) {
      const scenario = SCENARIOS[id] as Scenario;
      const { sides } = createTable(scenario, "worst", { now: 0 });
      // The least room there can be: the buyer's lowest ceiling against the seller's highest floor.
      const worst = {
        buyer: { ...sides.buyer, walkAway: scenario.roles.buyer.walkAway.min },
        seller: { ...sides.seller, walkAway: scenario.roles.seller.walkAway.max },
      };
      expect(analyzeDraw(scenario, worst).exists, id).toBe(true);
    }
  });

  it("fleet-maintenance has no ZOPA on roughly a quarter to a half of its draws", { timeout: 60_000 }, () => {
    const scenario = SCENARIOS["fleet-maintenance"] as Scenario;
    let none = 0;
    const seeds = 200;
    for (let i = 0; i < seeds; i++) if (!analyzeDraw(scenario, createTable(scenario, `zopa-${i}`, { now: 0 }).sides).exists) none++;
    expect(none / seeds).toBeGreaterThanOrEqual(0.25);
    expect(none / seeds).toBeLessThanOrEqual(0.45);
  });
});

/** Each broken file differs from fixtures/minimal.json in one place and must be refused with exactly this problem. */
const BROKEN: readonly (readonly [file: string, path: string, message: string])[] = [
  ["wrong-type", "rounds", "must be a number, not text"],
  ["missing-field", "story", "is required"],
  ["bad-currency", "currency", "must be a 3-letter currency code in capitals (USD, EUR, GBP…)"],
  ["unknown-issue-kind", "issues[1].kind", 'must be one of "price", "range", "options"'],
  ["unknown-issue-in-values", "roles.buyer.values.colour", 'unknown issue "colour"'],
  ["option-value-missing", "roles.seller.values.support.byOption.premium", "missing value for this option"],
  ["value-missing-field", "roles.buyer.values.warranty.atMax", "is required"],
  ["value-wrong-shape-for-issue", "roles.seller.values.warranty", 'a numeric issue needs { "atMin", "atMax" } or { "byValue" }'],
  ["step-not-dividing-range", "issues[2].step", "must divide max − min (24)"],
  ["duplicate-issue-id", "issues[3].id", 'duplicate issue id "warranty"'],
  ["duplicate-card-id", "deck.cards[3].id", 'duplicate card id "competitor"'],
  ["two-price-issues", "issues[3].kind", 'only one issue may be of kind "price" (issues[0] already is)'],
  ["unknown-hot-button-placeholder", "roles.seller.hotButtons[0].text", "unknown placeholder {closingDate}; a deadline text may use {afterRound}, {costPerRound}"],
  ["unknown-answer-placeholder", "questions[1].answer", "unknown placeholder {cap.issueId}; an answer may use {walkAway} or {hotButtonId.field} of the buyer's hot buttons"],
  ["unknown-card-placeholder", "deck.cards[0].text", "unknown placeholder {amount}; a shiftWalkAway card may use {by}"],
  ["reveal-of-missing-fact", "deck.cards[4].effect.fact", 'the buyer has no hot button "quarter"'],
  ["question-reveals-missing-fact", "questions[0].reveals", 'the seller has no hot button "audit"'],
  ["tied-to-missing-fact", "roles.buyer.weaknesses[0].tiedTo", 'the buyer has no hot button "deadline"'],
  ["private-deadline-card", "deck.cards[1].visibility", "a deadline change is seen by both sides: must be public"],
  ["max-cards-over-deck", "deck.maxCards", "must not exceed the number of cards (5)"],
  ["budget-cap-on-options", "roles.buyer.hotButtons[1].issueId", '"support" has options, not numbers: a cap needs a price or range issue'],
  ["walk-away-min-above-max", "roles.seller.walkAway.max", "min must not exceed max"],
  ["unknown-extra-key", "issues[1].colour", "is not a field of a scenario file (check the spelling)"],
  ["negative-penalty", "roles.seller.hotButtons[0].costPerRound", "must not be negative"],
  // An id that names an Object.prototype member must still need its own value.
  ["prototype-option-id", "roles.buyer.values.support.byOption.constructor", "missing value for this option"],
];

describe("broken scenario files", () => {
  it("start from a valid base", () => {
    expect(parseScenario(readJson("minimal.json")).ok).toBe(true);
  });

  it("are all listed here, and every listed one exists", () => {
    const files = readdirSync(new URL("broken/", FIXTURES)).map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual(BROKEN.map(([file]) => file).sort());
  });

  it.each(BROKEN)("%s is refused at %s", (file, path, message) => {
    const parsed = parseScenario(readJson(`broken/${file}.json`));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toEqual([{ path, message }]);
  });
});
