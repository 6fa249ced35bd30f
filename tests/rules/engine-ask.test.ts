import { describe, expect, it } from "vitest";
import { apply, createTable, formatMoney, viewFor } from "../../shared/engine/index.js";
import { backupAppliance, fixture } from "./helpers/fixture.js";
import { act, newTable, offer, pkg, refused, T0 } from "./helpers/play.js";

describe("ask", () => {
  const afterOpening = () => act(newTable(), offer("seller", pkg({ price: 2900 })));

  it("answers the asker, shows the answered side what was said for it, and tells observers nothing", () => {
    const s = afterOpening();
    const result = apply(s, { type: "ask", by: "buyer", questionId: "seller-date", message: "Quick question" }, T0);
    expect(result.ok).toBe(true);
    const [asked, answered] = result.events;
    expect(asked).toMatchObject({ type: "question_asked", by: "buyer", questionId: "seller-date", text: "Is there a date?", message: "Quick question", audience: "all" });
    expect(answered).toMatchObject({
      type: "question_answered",
      to: "buyer",
      audience: "players",
      answer: "Our quarter closes after round 2 and each round after costs $50.",
    });
    // The seller's own numbers, told to the buyer for them: the seller must know what the buyer knows now.
    const sellerSees = JSON.stringify(viewFor(result.state, "seller").timeline);
    expect(sellerSees).toContain("Is there a date?");
    expect(sellerSees).toContain("Our quarter closes");
    expect(result.state.sides.seller.learned).toEqual([]);
    expect(JSON.stringify(viewFor(result.state, "observer"))).not.toContain("Our quarter closes");
  });

  it("fills the numbers from this table's draw, whatever it is", () => {
    const scenario = backupAppliance();
    const quoted = new Set<string>();
    for (let i = 0; i < 12; i++) {
      let s = createTable(scenario, `draw-${i}`, { now: T0 });
      s = act(s, offer("seller", { price: 24000, support: "basic", warranty: 12, delivery: 8, payment: "upfront" }));
      const quarter = s.sides.seller.hotButtons.find((h) => h.id === "quarter");
      if (quarter?.kind !== "deadline") throw new Error("the backup appliance seller has a quarter deadline");
      const answer = apply(s, { type: "ask", by: "buyer", questionId: "seller-date" }, T0).events.find((e) => e.type === "question_answered");
      const expected = `our quarter closes after round ${quarter.afterRound}, and every round after that costs us about ${formatMoney(quarter.costPerRound, "USD")}.`;
      expect(answer).toMatchObject({ answer: `Honestly, yes: ${expected}` });
      quoted.add(expected);
    }
    expect(quoted.size).toBeGreaterThan(3);
  });

  it("quotes the other side's current walk-away after a card moved it", () => {
    const scenario = fixture((raw) =>
      raw.deck.cards.push({ id: "supplier", title: "Supplier", text: "Up by {by}.", visibility: "private", side: "seller", effect: { kind: "shiftWalkAway", by: 200 } }),
    );
    const s = act(act(newTable(scenario), offer("seller", pkg())), { type: "curveball", cardId: "supplier" });
    const answered = apply(s, { type: "ask", by: "buyer", questionId: "seller-floor" }, T0).events[1];
    expect(answered).toMatchObject({ answer: "We cannot go below $1,700." });
  });

  it("records the revealed fact as learned by the asker and keeps both standing offers", () => {
    const s = act(afterOpening(), { type: "ask", by: "buyer", questionId: "seller-floor" });
    expect(s.sides.buyer.learned).toEqual([
      { fact: { kind: "walkAway" }, text: "The seller will not go below $1,500 net for the deal.", turn: 1, source: "answer" },
    ]);
    expect(s.sides.seller.learned).toEqual([]);
    expect(s.standing.seller?.terms.price).toBe(2900);
    expect(s.toAct).toBe("seller");
    expect(s.asked).toEqual({ buyer: ["seller-floor"], seller: [] });
  });

  it("retells a learned hot button in the third person, not in its owner's \"you\"", () => {
    const s = act(afterOpening(), { type: "ask", by: "buyer", questionId: "seller-date" });
    expect(s.sides.buyer.learned.map((f) => f.text)).toEqual(["The seller has a deadline (Quarter): every round after round 2 costs them $50."]);
    const cap = act(newTable(), { type: "ask", by: "seller", questionId: "buyer-budget" });
    expect(cap.sides.seller.learned.map((f) => f.text)).toEqual(["The buyer cannot go above $2,800 on price (Budget)."]);
  });

  it("learns nothing when the question reveals no fact", () => {
    const s = act(newTable(), { type: "ask", by: "seller", questionId: "buyer-weather" });
    expect(s.sides.seller.learned).toEqual([]);
    expect(s.toAct).toBe("buyer");
  });

  it("refuses a question already asked", () => {
    let s = act(afterOpening(), { type: "ask", by: "buyer", questionId: "seller-date" });
    s = act(s, offer("seller", pkg({ price: 2800 })));
    expect(refused(s, { type: "ask", by: "buyer", questionId: "seller-date" }, "rule/already_asked").state).toBe(s);
  });

  it("refuses the other side's question", () => {
    const s = afterOpening();
    expect(refused(s, { type: "ask", by: "buyer", questionId: "buyer-budget" }, "rule/not_your_question").state).toBe(s);
  });

  it("refuses a question the scenario does not have", () => {
    const s = afterOpening();
    expect(refused(s, { type: "ask", by: "buyer", questionId: "nope" }, "rule/unknown_question").state).toBe(s);
  });
});
