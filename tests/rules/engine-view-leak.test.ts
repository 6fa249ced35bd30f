import { describe, expect, it } from "vitest";
import { VIEWERS, createTable, viewFor, type Action, type Package, type TableState } from "../../shared/engine/index.js";
import { allSecrets, leaksIn, missingForFacilitator, secretsIn } from "./helpers/leak.js";
import { T0 } from "./helpers/play.js";
import { sentinelScenario } from "./helpers/sentinels.js";
import { apply } from "../../shared/engine/index.js";

const scenario = sentinelScenario();
const terms = (price: number, rest: Partial<Package> = {}): Package => ({ price, support: "basic", warranty: 0, delivery: 6, ...rest });

/** Every viewer's view, checked: players and observers see nothing not theirs; facilitators see it all. */
function checkViews(state: TableState, when: string): void {
  for (const viewer of VIEWERS) {
    const view = viewFor(state, viewer);
    expect(leaksIn(view, state, viewer), `${viewer} view ${when}`).toEqual([]);
  }
  expect(missingForFacilitator(viewFor(state, "facilitator"), state), `facilitator view ${when}`).toEqual([]);
}

const script: Action[] = [
  { type: "offer", by: "seller", terms: terms(190000), message: "Opening" },
  { type: "note", by: "buyer", text: "NOTE-buyer-1" },
  { type: "note", by: "seller", text: "NOTE-seller-1" },
  { type: "ask", by: "buyer", questionId: "seller-chat" },
  { type: "offer", by: "seller", terms: terms(185000, { warranty: 12, delivery: 4 }) },
  { type: "curveball", cardId: "b-shift" },
  { type: "curveball", cardId: "s-shift" },
  { type: "curveball", cardId: "b-value" },
  { type: "curveball", cardId: "s-bleed" },
  { type: "offer", by: "buyer", terms: terms(110000, { support: "premium", warranty: 24, delivery: 2 }) },
  { type: "ask", by: "seller", questionId: "buyer-chat" },
  { type: "offer", by: "buyer", terms: terms(115000, { support: "basic", warranty: 12, delivery: 4 }) },
  { type: "walk_away", by: "buyer" },
  { type: "pause" },
  { type: "add_time", seconds: 30 },
  { type: "resume" },
  { type: "offer", by: "seller", terms: terms(180000, { support: "premium", warranty: 12, delivery: 4 }) },
  { type: "ask", by: "buyer", questionId: "seller-support" },
  { type: "ask", by: "seller", questionId: "buyer-budget" },
  { type: "curveball", cardId: "pub-value" },
  { type: "curveball", cardId: "b-leak" },
  { type: "curveball", cardId: "s-leak" },
  { type: "ask", by: "buyer", questionId: "seller-floor" },
  { type: "ask", by: "seller", questionId: "buyer-floor" },
  { type: "offer", by: "buyer", terms: terms(150000, { support: "premium", warranty: 12, delivery: 4 }) },
];

describe("viewFor never leaks the other side's secrets (scanned by value)", () => {
  it("the scanner finds a secret in any encoding, and ignores key names", () => {
    const s = createTable(scenario, "scan", { now: T0 });
    const walkAway = allSecrets(s).filter((x) => x.label === "buyer walk-away");
    expect(walkAway).toHaveLength(1);
    expect(secretsIn({ a: [{ b: 123457 }] }, walkAway)).toHaveLength(1);
    expect(secretsIn({ a: -123457 }, walkAway)).toHaveLength(1);
    expect(secretsIn({ a: "at most $123,457 net" }, walkAway)).toHaveLength(1);
    expect(secretsIn({ a: "code 123457" }, walkAway)).toHaveLength(1);
    expect(secretsIn({ 123457: "key only" }, walkAway)).toHaveLength(0);
    expect(secretsIn({ a: 1234570, b: "12345" }, walkAway)).toHaveLength(0);
  });

  it("through a whole scripted game with every card, question and concession kind", () => {
    let s = createTable(scenario, "leak-script", { now: T0, rounds: 10 });
    checkViews(s, "at the start");
    let now = T0;
    for (const action of script) {
      const result = apply(s, action, (now += 1_000));
      // The schedule may already have drawn a card the script throws: that refusal is fine too.
      const expected = result.ok || result.error.code === "rule/not_your_turn" || result.error.code === "rule/card_already_drawn";
      expect(expected, JSON.stringify(action)).toBe(true);
      s = result.state;
      checkViews(s, `after ${JSON.stringify(action)}`);
    }
    // The script reached every kind of secret: questions with answers, private cards on both sides, learned facts.
    expect(s.cards.filter((c) => c.card.visibility === "private")).toHaveLength(6);
    expect(s.cards.some((c) => c.card.id === "pub-value")).toBe(true);
    expect(s.sides.buyer.learned.map((f) => f.fact.kind).sort()).toEqual(["value", "walkAway", "walkAway"]);
    expect(s.sides.seller.learned.map((f) => f.fact.kind).sort()).toEqual(["hotButton", "hotButton", "walkAway"]);
    expect(s.ledger.some((c) => c.issueId !== "price")).toBe(true);
    expect(s.phase).toBe("playing");

    s = apply(s, { type: "accept", by: "seller" }, (now += 1_000)).state;
    expect(s.phase).toBe("finished");
    const walkAways = { buyer: s.sides.buyer.walkAway, seller: s.sides.seller.walkAway };
    for (const viewer of VIEWERS) {
      const view = viewFor(s, viewer);
      expect(view.reveal?.walkAways, viewer).toEqual(walkAways);
      expect(view.reveal?.score, viewer).toEqual(s.score);
    }
    for (const role of ["buyer", "seller"] as const) {
      const sides = viewFor(s, role).sides;
      expect(sides.buyer?.walkAway).toBe(walkAways.buyer);
      expect(sides.seller?.walkAway).toBe(walkAways.seller);
    }
    // After the end the reveal shows the observer both walk-aways (checked above) and no private text.
    expect(leaksIn(viewFor(s, "observer"), s, "observer", true)).toEqual([]);
    // Players see both briefs now, but notes stay with their writer (and the facilitator), answers with the two players.
    for (const role of ["buyer", "seller"] as const)
      expect(leaksIn(viewFor(s, role), s, role).filter((l) => /note|answer/.test(l)), role).toEqual([]);
    expect(JSON.stringify(viewFor(s, "seller"))).not.toContain("NOTE-buyer-1");
    expect(JSON.stringify(viewFor(s, "facilitator"))).toContain("NOTE-buyer-1");
  });
});
