import { describe, expect, it } from "vitest";
import { utility } from "../../shared/engine/index.js";
import { offerCardsOf, priceGapOf } from "../../client/src/view/offerCards.js";
import { gaugeOf } from "../../client/src/view/gauge.js";
import { shortLabel } from "../../client/src/view/terms.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { clientView, contextFor, pkg, timeOutTo } from "./helpers/tables.js";

describe("offer cards", () => {
  it("lay out every offer with its terms, message and the moves since that side's last offer", () => {
    const cards = offerCardsOf(clientView(SCRIPTS.midGame(), "observer"), contextFor());
    expect(cards.map((c) => [c.byName, c.price, c.standing])).toEqual([
      ["Sam (seller)", "$25,000", false],
      ["Bea (buyer)", "$17,000", true],
      ["Sam (seller)", "$24,000", true],
    ]);
    expect(cards[0]!.message).toBe("List price, installed in eight weeks.");
    expect(cards[0]!.lines.map((l) => `${l.label}: ${l.value}`)).toEqual([
      "Support tier: Basic (business hours, email)",
      "Hardware warranty: 12 months",
      "Delivery and install: 8 weeks",
      "Payment terms: Paid up front",
    ]);
    expect(cards[2]!.moves).toEqual([
      { issueId: "price", label: "Price", text: "−$1,000", concession: true },
      { issueId: "support", label: "Support tier", text: "Basic (business hours, email) → Business (next business day)", concession: true },
    ]);
  });

  it("tell a player where each offer falls against their own walk-away, and spectators nothing", () => {
    const state = SCRIPTS.midGame();
    const buyerCards = offerCardsOf(clientView(state, "buyer"), contextFor());
    const seller24k = buyerCards[2]!;
    const expected = utility(state.scenario, "buyer", state.sides.buyer, state.offers[2]!.terms);
    expect(expected).toBeLessThan(0);
    expect(seller24k.forYou).toEqual({
      surplus: expected,
      good: false,
      text: `$${(-expected).toLocaleString("en-US")} past your walk-away`,
      short: `−$${(-expected).toLocaleString("en-US")} vs walk-away`,
    });
    expect(offerCardsOf(clientView(state, "observer"), contextFor()).every((c) => c.forYou === null)).toBe(true);
  });
});

describe("the walk-away gauge", () => {
  it("places both standing offers and the draft on the player's own net axis", () => {
    const state = SCRIPTS.midGame();
    const draft = pkg({ price: 19000, support: "business", warranty: 24, delivery: 4 });
    const gauge = gaugeOf(clientView(state, "buyer"), draft)!;
    expect(gauge.walkAway).toBe(state.sides.buyer.walkAway);
    expect(gauge.better).toBe("lower");
    expect(gauge.marks.map((m) => m.key)).toEqual(["theirs", "mine", "draft"]);
    for (const m of gauge.marks) {
      const terms = m.key === "theirs" ? state.standing.seller!.terms : m.key === "mine" ? state.standing.buyer!.terms : draft;
      expect(m.surplus).toBe(utility(state.scenario, "buyer", state.sides.buyer, terms));
      expect(m.net).toBe(state.sides.buyer.walkAway - m.surplus);
      expect(m.net).toBeGreaterThanOrEqual(gauge.min);
      expect(m.net).toBeLessThanOrEqual(gauge.max);
    }
    expect(gauge.walkAway).toBeGreaterThan(gauge.min);
    expect(gauge.walkAway).toBeLessThan(gauge.max);
  });

  it("leaves the draft out while it only repeats the player's standing offer", () => {
    const view = clientView(SCRIPTS.midGame(), "buyer");
    expect(gaugeOf(view, { ...view.standing.buyer!.terms })!.marks.map((m) => m.key)).toEqual(["theirs", "mine"]);
  });

  it("counts the hot buttons a deal would trigger this round", () => {
    const onTime = gaugeOf(clientView(SCRIPTS.midGame(), "buyer"), null)!;
    expect([onTime.penaltyNow, onTime.penaltyText]).toEqual([0, null]);
    const late = gaugeOf(clientView(timeOutTo(SCRIPTS.midGame(), 6), "buyer"), null)!;
    expect(late.penaltyNow).toBe(2250);
    expect(late.penaltyText).toBe("A deal this round also costs you $2,250 (hot buttons).");
  });

  it("is drawn for players only", () => {
    expect(gaugeOf(clientView(SCRIPTS.midGame(), "seller"), null)!.better).toBe("higher");
    expect(gaugeOf(clientView(SCRIPTS.midGame(), "observer"), null)).toBeNull();
    expect(gaugeOf(clientView(SCRIPTS.midGame(), "facilitator"), null)).toBeNull();
  });
});

describe("the price gap", () => {
  it("is the distance between the two standing prices, once both sides have offered", () => {
    expect(priceGapOf(clientView(SCRIPTS.opening(), "observer"))).toBeNull();
    expect(priceGapOf(clientView(SCRIPTS.midGame(), "observer"))).toBe("Price gap $7,000");
  });
});

describe("short issue names for cards", () => {
  it("keep short names and cut long ones to their most telling word", () => {
    expect(["Price", "Support tier", "Hardware warranty", "Delivery and install", "Payment terms"].map(shortLabel)).toEqual([
      "Price",
      "Support tier",
      "Warranty",
      "Delivery",
      "Payment",
    ]);
  });
});

describe("the draft on the gauge", () => {
  it("is left out while it repeats the other side's standing offer too", () => {
    const view = clientView(SCRIPTS.opening(), "buyer");
    expect(gaugeOf(view, { ...view.standing.seller!.terms })!.marks.map((m) => m.key)).toEqual(["theirs"]);
    expect(gaugeOf(view, pkg({ price: 18000 }))!.marks.map((m) => m.key)).toEqual(["theirs", "draft"]);
  });
});
