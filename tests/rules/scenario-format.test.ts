import { describe, expect, it } from "vitest";
import {
  analyzeDraw,
  apply,
  createTable,
  debrief,
  ID_RULE,
  issueMoney,
  issueValues,
  parseScenario,
  parseScenarioText,
  publicScenario,
  scoreOutcome,
  termsProblem,
  viewFor,
  type Package,
  type Scenario,
  type ScenarioProblem,
} from "../../shared/engine/index.js";
import { SCENARIOS, shippedIdProblem } from "../../shared/scenarios/index.js";
import { labService, labServiceJson, type LabServiceJson } from "./helpers/labService.js";
import { act, T0 } from "./helpers/play.js";

/* The scenario file format: what each field written a trainer's way becomes, and each refusal. */

const problemsOf = (raw: unknown): ScenarioProblem[] => {
  const parsed = parseScenario(raw);
  return parsed.ok ? [] : parsed.error;
};
const edited = (edit: (raw: LabServiceJson) => void): LabServiceJson => {
  const raw = labServiceJson();
  edit(raw);
  return raw;
};
const issue = (s: Scenario, id: string) => s.issues.find((i) => i.id === id);
/** A package on the lab case: the buyer's must-have (4-hour response) and the seller's want (24 months) met unless overridden. */
const deal = (over: Partial<Record<string, number | string>> = {}): Package =>
  ({ price: 60000, response: "4h", term: 24, visits: 4, payment: "quarterly", ...over }) as Package;

describe("the lab-service case, which uses every field", () => {
  const s = labService();

  it("gives options written as labels ids made from them, and keeps given ids (which may start with a digit)", () => {
    const response = issue(s, "response");
    expect(response?.kind === "options" && response.options).toEqual([
      { id: "48-hours", label: "48 hours" },
      { id: "next-business-day", label: "Next business day" },
      { id: "4h", label: "4-hour response" },
    ]);
  });

  it("names options by id in every valuation, want and card, whether the file used ids or labels", () => {
    expect(s.roles.buyer.values.response).toEqual({ byOption: { "48-hours": 0, "next-business-day": 3000, "4h": 7000 } });
    expect(s.roles.seller.values.payment).toEqual({ byOption: { "annually-in-advance": 0, quarterly: 400, "monthly-in-arrears": 1500 } });
    expect(s.roles.buyer.hotButtons[0]).toMatchObject({ kind: "wants", optionId: "4h" });
    expect(s.deck.cards[0]?.effect).toEqual({ kind: "shiftValue", issueId: "response", optionId: "4h", by: 2000 });
  });

  it("offers exactly the listed values of a numeric issue, and prices a linear valuation by the number", () => {
    const term = issue(s, "term");
    expect(term).toMatchObject({ kind: "range", min: 6, max: 24, values: [6, 12, 24] });
    expect(issueValues(term as never)).toEqual([6, 12, 24]);
    expect(termsProblem(s, deal({ term: 12 }))).toBeNull();
    expect(termsProblem(s, deal({ term: 18 }))).toBe("Contract length: must be one of 6, 12, 24");
    // 12 months is a third of the way from 6 to 24: the seller's cost falls from 3,000 to 0.
    expect(issueMoney(s, "term", s.roles.seller.values.term as never, 12)).toBe(2000);
    expect(issue(s, "visits")).toMatchObject({ values: [2, 4, 6] });
  });

  it("shows the list price to everyone and each target only to its own side", () => {
    const table = createTable(s, "targets", { now: T0 });
    expect(publicScenario(s).issues[0]).toMatchObject({ listPrice: 64000 });
    expect(table.sides.buyer.target).toBe(58000);
    expect([60000, 61000, 62000]).toContain(table.sides.seller.target);
    expect(viewFor(table, "buyer").sides.buyer?.target).toBe(58000);
    expect(viewFor(table, "buyer").sides.seller).toBeUndefined();
    expect(JSON.stringify(viewFor(table, "buyer"))).not.toContain(String(table.sides.seller.target));
    expect(viewFor(table, "facilitator").sides.seller?.target).toBe(table.sides.seller.target);
  });

  it("refuses an offer or an acceptance without a must-have, and keeps it out of the zone", () => {
    const table = createTable(s, "must-have", { now: T0 });
    const seller = act(table, { type: "offer", by: "seller", terms: deal({ response: "next-business-day", price: 62000 }) });
    const accepted = apply(seller, { type: "accept", by: "buyer" }, T0);
    expect(!accepted.ok && accepted.error.message).toBe("Accreditation: you cannot accept terms without Response time “4-hour response”");
    const offered = apply(seller, { type: "offer", by: "buyer", terms: deal({ response: "48-hours" }) }, T0);
    expect(!offered.ok && offered.error.message).toBe("Accreditation: you cannot go without Response time “4-hour response”");
    const analysis = analyzeDraw(s, table.sides);
    expect(analysis.zone.terms.response).toBe("4h");
    expect(analysis.pareto.every((p) => p.terms.response === "4h")).toBe(true);
  });

  it("counts what a missing want costs in the side's score", () => {
    const table = createTable(s, "wants", { now: T0 });
    const cost = table.sides.seller.hotButtons.find((h) => h.kind === "wants");
    if (cost?.kind !== "wants") throw new Error("the seller has a want");
    expect(cost.text).toContain(`€${cost.costIfMissing.toLocaleString("en-US")}`);
    const score = (terms: Package) => scoreOutcome(table, { kind: "deal", terms, acceptedBy: "buyer", round: 1 }).surplus.seller;
    // 12 months instead of 24: the seller's own valuation adds 2,000 and the want its cost.
    expect(score(deal()) - score(deal({ term: 12 }))).toBe(2000 + cost.costIfMissing);
  });

  it("shifts a valuation from where it stands when a relative card lands", () => {
    const table = createTable(s, "cards", { now: T0 });
    const standby = act(table, { type: "curveball", cardId: "standby-cost" });
    expect(standby.sides.seller.values.response).toEqual({ byOption: { "48-hours": 0, "next-business-day": 2000, "4h": 7000 } });
    const visits = act(table, { type: "curveball", cardId: "visits-valued" });
    expect(visits.sides.buyer.values.visits).toEqual({ atMin: 500, atMax: 3000 });
    expect(visits.cards.at(-1)?.text).toBe("Last year's downtime report makes every preventive visit plan worth €500 more to you.");
    // A card that replaces a valuation keeps what a missing want costs (here the buyer has none on the term).
    const repriced = act(table, { type: "curveball", cardId: "term-priced" });
    expect(repriced.sides.buyer.values.term).toEqual({ byValue: { "6": 2500, "12": 1500, "24": 0 } });
  });

  it("tells each side in the debrief whether a must-have it learned of was kept", () => {
    let table = createTable(s, "debrief", { now: T0 });
    table = act(table, { type: "ask", by: "seller", questionId: "must-haves" });
    table = act(table, { type: "offer", by: "buyer", terms: deal({ price: 55000, term: 12 }) });
    table = act(table, { type: "offer", by: "seller", terms: deal({ price: 62000 }) });
    table = act(table, { type: "accept", by: "buyer" });
    const texts = (role: "buyer" | "seller") => debrief(table, role).map((l) => l.text);
    expect(texts("buyer").some((t) => t.includes('learned your pressure point "Accreditation" by asking "Is there anything you cannot do without?" and used it: their offers all kept Response time “4-hour response”, which you could not do without.'))).toBe(true);
    expect(texts("seller")).toContain("You asked 1 of your 2 questions and learned 1 private fact: after learning their accreditation, your offers all kept Response time “4-hour response”, which they could not do without.");
  });

  it("parses its own normalised output to the same scenario", () => {
    const again = parseScenario(JSON.parse(JSON.stringify(s)));
    expect(again.ok && again.value).toEqual(s);
  });
});

describe("files in the format as it was", () => {
  it.each(Object.values(SCENARIOS).map((s) => [s.id, s] as const))("%s keeps its stepped values", (_id, s) => {
    for (const i of s.issues) if (i.kind === "range") expect(i.values.length).toBeGreaterThanOrEqual(2);
  });
});

/** Each edit of the lab case must be refused with exactly these problems. */
const REFUSED: readonly (readonly [what: string, edit: (raw: LabServiceJson) => void, problems: readonly ScenarioProblem[]])[] = [
  ["a currency nobody knows", (r) => (r.currency = "XYZ"), [{ path: "currency", message: "XYZ is not a currency code we know" }]],
  ["a currency in lower case", (r) => (r.currency = "eur"), [{ path: "currency", message: "must be a 3-letter currency code in capitals (USD, EUR, GBP…)" }]],
  ["a label with a tag", (r) => (r.issues[1].label = "Response <b>time</b>"), [{ path: "issues[1].label", message: "must be plain text, without HTML tags" }]],
  ["a script in the story", (r) => (r.story = "Hello <script>alert(1)</script>"), [{ path: "story", message: "must be plain text, without HTML tags" }]],
  ["an image tag in a card", (r) => (r.deck.cards[3].text = 'Look <img src="x" onerror="alert(1)">'), [{ path: "deck.cards[3].text", message: "must be plain text, without HTML tags" }]],
  ["a closing tag in an answer", (r) => (r.questions[1].answer = "Fine</p>"), [{ path: "questions[1].answer", message: "must be plain text, without HTML tags" }]],
  ["an id that starts with _", (r) => (r.issues[1].options[2].id = "_4h"), [{ path: "issues[1].options[2].id", message: ID_RULE }]],
  ["an id with capitals", (r) => (r.deck.cards[3].id = "Rival"), [{ path: "deck.cards[3].id", message: ID_RULE }]],
  [
    "two labels that make the same id",
    (r) => r.issues[4].options.push("quarterly!"),
    [{ path: "issues[4].options[3]", message: 'makes the id "quarterly", as issues[4].options[1] does: give one of them an "id"' }],
  ],
  ["a label without letters or digits", (r) => r.issues[4].options.push("???"), [{ path: "issues[4].options[3]", message: 'gives no id (its label has no letters or digits): add an "id"' }]],
  [
    "a valuation naming no option",
    (r) => (r.roles.buyer.values.response.byOption["Same day"] = 9000),
    [{ path: 'roles.buyer.values.response.byOption["Same day"]', message: 'not an option of "response"' }],
  ],
  [
    "a valuation naming one option twice",
    (r) => (r.roles.buyer.values.response.byOption["48-hours"] = 0),
    [{ path: "roles.buyer.values.response.byOption.48-hours", message: 'names the same option as "48 hours"' }],
  ],
  ["listed values out of order", (r) => (r.issues[2].values = [6, 24, 12]), [{ path: "issues[2].values[2]", message: "must be greater than the value before it (24)" }]],
  ["one listed value", (r) => (r.issues[2].values = [12]), [{ path: "issues[2].values", message: "needs at least two values" }]],
  ["listed values and a step", (r) => (r.issues[2].step = 6), [{ path: "issues[2].step", message: 'give either "values" or "min", "max" and "step", not both' }]],
  [
    "a stepped issue without its step",
    (r) => delete r.issues[3].step,
    [{ path: "issues[3].step", message: 'is required (or list the values in "values")' }],
  ],
  ["a listed value without a valuation", (r) => delete r.roles.buyer.values.term.byValue["12"], [{ path: "roles.buyer.values.term.byValue.12", message: "missing value for this value" }]],
  ["a valuation of a value the issue cannot take", (r) => (r.roles.buyer.values.term.byValue["18"] = 500), [{ path: "roles.buyer.values.term.byValue.18", message: 'not a value "term" can take' }]],
  ["a list price outside the range", (r) => (r.issues[0].listPrice = 80000), [{ path: "issues[0].listPrice", message: "must be within the price range (40000 to 70000)" }]],
  [
    "a buyer's target above the walk-away",
    (r) => (r.roles.buyer.target = 71000),
    [{ path: "roles.buyer.target", message: "must not be above the walk-away: a target is what the buyer hopes to pay at most" }],
  ],
  ["a want with neither must-have nor cost", (r) => delete r.roles.buyer.hotButtons[0].mustHave, [{ path: "roles.buyer.hotButtons[0]", message: 'needs "mustHave": true or a "costIfMissing"' }]],
  [
    "a want with both",
    (r) => (r.roles.buyer.hotButtons[0].costIfMissing = 1000),
    [{ path: "roles.buyer.hotButtons[0].costIfMissing", message: 'give "mustHave" or "costIfMissing", not both' }],
  ],
  ["a want of an option the issue lacks", (r) => (r.roles.buyer.hotButtons[0].optionId = "same-day"), [{ path: "roles.buyer.hotButtons[0].optionId", message: 'not an option of "response"' }]],
  ["a want of a number the issue cannot take", (r) => (r.roles.seller.hotButtons[0].value = 18), [{ path: "roles.seller.hotButtons[0].value", message: 'not a value "term" can take' }]],
  [
    "a want of an option on a numeric issue",
    (r) => {
      delete r.roles.seller.hotButtons[0].value;
      r.roles.seller.hotButtons[0].optionId = "24";
    },
    [{ path: "roles.seller.hotButtons[0].optionId", message: '"term" is numeric: give the wanted number in "value"' }, { path: "roles.seller.hotButtons[0].value", message: "is required: the value this side wants" }],
  ],
  [
    "a want on price",
    (r) => {
      r.roles.seller.hotButtons[0].issueId = "price";
      r.roles.seller.hotButtons[0].value = 60000;
    },
    [{ path: "roles.seller.hotButtons[0].issueId", message: "price cannot be wanted: a budget cap or the walk-away says what price a side needs" }],
  ],
  ["a must-have that is false", (r) => (r.roles.buyer.hotButtons[0].mustHave = false), [{ path: "roles.buyer.hotButtons[0].mustHave", message: "must be true (leave it out otherwise)" }]],
  ["a relative card on an option the issue lacks", (r) => (r.deck.cards[0].effect.optionId = "Same day"), [{ path: "deck.cards[0].effect.optionId", message: 'not an option of "response"' }]],
  ["a relative card on price", (r) => (r.deck.cards[1].effect.issueId = "price"), [{ path: "deck.cards[1].effect.issueId", message: "price has no valuation to shift: it is money already" }]],
  ["a relative card of nothing", (r) => (r.deck.cards[1].effect.by = 0), [{ path: "deck.cards[1].effect.by", message: "must not be 0" }]],
  [
    "an id a shipped issue would not collide with, in a list that is too long",
    (r) => (r.issues = Array.from({ length: 13 }, (_, i) => ({ ...r.issues[3], id: `v${i}` }))),
    [{ path: "issues", message: "must have at most 12 issues" }],
  ],
  ["ten thousand options", (r) => (r.issues[1].options = Array.from({ length: 10_000 }, (_, i) => `Option ${i}`)), [{ path: "issues[1].options", message: "must have at most 20 options" }]],
  ["sixty-one cards", (r) => (r.deck.cards = Array.from({ length: 61 }, () => r.deck.cards[3])), [{ path: "deck.cards", message: "must have at most 60 cards" }]],
  ["thirteen hot buttons", (r) => (r.roles.seller.hotButtons = Array.from({ length: 13 }, () => r.roles.seller.hotButtons[0])), [{ path: "roles.seller.hotButtons", message: "must have at most 12 hot buttons" }]],
  ["a label of 81 characters", (r) => (r.title = "x".repeat(81)), [{ path: "title", message: "must be at most 80 characters" }]],
  ["a story of 6,001 characters", (r) => (r.story = "x".repeat(6001)), [{ path: "story", message: "must be at most 6000 characters" }]],
  [
    "a stepped issue with too many values",
    (r) => {
      r.issues[3] = { ...r.issues[3], min: 0, max: 100, step: 1 };
      r.roles.buyer.values.visits = { atMin: 0, atMax: 100 };
      r.roles.seller.values.visits = { atMin: 0, atMax: 100 };
    },
    [{ path: "issues[3].step", message: "leaves 101 values between min and max; at most 50: use a larger step or list the values" }],
  ],
  [
    "junk nested ten thousand deep",
    (r) => (r.story = JSON.parse(`${"[".repeat(10_000)}${"]".repeat(10_000)}`)),
    [{ path: `story${"[0]".repeat(15)}`, message: "is nested too deeply: a scenario goes at most 16 levels down" }],
  ],
  ["a list inside a list where text belongs", (r) => (r.story = [["a"]]), [{ path: "story", message: "must be text, not a list" }]],
  ["a field the format does not have", (r) => (r.issues[2].colour = "red"), [{ path: "issues[2].colour", message: "is not a field of a scenario file (check the spelling)" }]],
];

describe("refusals", () => {
  it("start from a valid case", () => {
    expect(problemsOf(labServiceJson())).toEqual([]);
  });

  it.each(REFUSED)("%s", (_what, edit, problems) => {
    expect(problemsOf(edited(edit))).toEqual(problems);
  });

  it("refuses ten thousand options at once", () => {
    const raw = edited((r) => (r.issues[1].options = Array.from({ length: 10_000 }, (_, i) => ({ id: `o${i}`, label: `<b>${i}</b>` }))));
    const started = performance.now();
    expect(problemsOf(raw)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses a document over 256 KiB as one problem, and text that is not JSON", () => {
    const big = JSON.stringify({ ...labServiceJson(), story: "x".repeat(256 * 1024) });
    expect(parseScenarioText(big)).toEqual({ ok: false, error: [{ path: "", message: "is too large: a scenario file may be at most 256 KiB" }] });
    const notJson = parseScenarioText("{ nope");
    expect(!notJson.ok && notJson.error[0]?.message).toMatch(/^is not valid JSON \(/);
    expect(parseScenarioText(JSON.stringify(labServiceJson())).ok).toBe(true);
  });

  it("lists the first 50 problems and counts the rest", () => {
    const raw = edited((r) => {
      for (let i = 0; i < 120; i++) r[`junk${i}`] = i;
    });
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(51);
    expect(problems.at(-1)).toEqual({ path: "", message: "and 70 more problems" });
  });

  it("reports an id a shipped scenario has", () => {
    expect(shippedIdProblem("backup-appliance")).toEqual({ path: "id", message: '"backup-appliance" is the id of a scenario Parley ships: choose another' });
    expect(shippedIdProblem("lab-service")).toBeNull();
    expect(shippedIdProblem("constructor")).toBeNull();
  });
});

describe("every problem at once", () => {
  /** Independent problems, each in another part of the file: shape problems and problems between parts alike. */
  const INDEPENDENT: readonly (readonly [edit: (raw: LabServiceJson) => void, problem: ScenarioProblem])[] = [
    [(r) => (r.currency = "XYZ"), { path: "currency", message: "XYZ is not a currency code we know" }],
    [(r) => (r.deck.cards[2].effect.issueId = "warranty"), { path: "deck.cards[2].effect.value", message: 'unknown issue "warranty"' }],
    [(r) => (r.issues[1].options[2].id = "4H"), { path: "issues[1].options[2].id", message: ID_RULE }],
    [(r) => (r.title = "<i>Lab</i>"), { path: "title", message: "must be plain text, without HTML tags" }],
    [(r) => (r.roles.seller.hotButtons[0].value = 18), { path: "roles.seller.hotButtons[0].value", message: 'not a value "term" can take' }],
    [(r) => (r.questions[0].reveals = { kind: "hotButton", id: "nope" }), { path: "questions[0].reveals", message: 'the seller has no hot button "nope"' }],
    [(r) => (r.rounds = "six"), { path: "rounds", message: "must be a number, not text" }],
    [(r) => delete r.roles.buyer.values.visits, { path: "roles.buyer.values.visits", message: "missing valuation for this issue" }],
  ];

  it.each(INDEPENDENT.map((_, n) => n + 1))("reports all %i problems of a file with that many", (n) => {
    const chosen = INDEPENDENT.slice(0, n);
    const problems = problemsOf(edited((r) => chosen.forEach(([edit]) => edit(r))));
    expect(problems).toHaveLength(n);
    expect(problems).toEqual(expect.arrayContaining(chosen.map(([, problem]) => problem)));
  });
});
