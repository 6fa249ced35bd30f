import { describe, expect, it } from "vitest";
import { apply, viewFor, type TableState } from "../../shared/engine/index.js";
import { fixture } from "./helpers/fixture.js";
import { act, actAll, newTable, offer, pkg, T0 } from "./helpers/play.js";

/** Both sides offer the same package each turn until `turns` turns have been taken. */
function advance(s: TableState, turns: number): TableState {
  for (let i = 0; i < turns; i++) s = act(s, offer(s.toAct, pkg({ price: 2000 })));
  return s;
}

describe("curve-ball effects", () => {
  it("shiftWalkAway moves that side's walk-away, and scoring uses the new one", () => {
    let s = act(newTable(), { type: "curveball", cardId: "competitor" });
    expect(s.sides.buyer.walkAway).toBe(2200);
    expect(s.sides.seller.walkAway).toBe(1500);
    expect(s.cards[0]?.text).toBe("Your walk-away drops by $300.");
    s = actAll(s, [offer("seller", pkg({ price: 2000 })), { type: "accept", by: "buyer" }]);
    expect(s.score?.surplus.buyer).toBe(2200 + 0 + 0 - 2000);
    expect(viewFor(s, "buyer").reveal?.walkAways.buyer).toBe(2200);
  });

  it("changeDeadline moves the last round for everyone", () => {
    const result = apply(newTable(), { type: "curveball", cardId: "board-early" }, T0);
    expect(result.state.lastRound).toBe(3);
    expect(result.events.map((e) => [e.type, e.audience])).toEqual([
      ["card_drawn", "all"],
      ["deadline_changed", "all"],
    ]);
    expect(result.events[1]).toMatchObject({ lastRound: 3 });
    expect(result.state.cards[0]?.text).toBe("The talks lose 1 round.");
    const ended = advance(result.state, 6);
    expect(ended.outcome).toEqual({ kind: "expired", round: 3 });
  });

  it("changeDeadline can extend the game", () => {
    const s = advance(act(newTable(), { type: "curveball", cardId: "extension" }), 11);
    expect(s.lastRound).toBe(6);
    expect(s.phase).toBe("playing");
    expect(advance(s, 1).outcome).toEqual({ kind: "expired", round: 6 });
  });

  it("changeDeadline never ends the round being played", () => {
    const lastRoundNow = advance(newTable(), 6);
    expect(lastRoundNow.turn).toBe(6);
    const s = act(lastRoundNow, { type: "curveball", cardId: "board-early" });
    expect(s.lastRound).toBe(4);
    expect(s.phase).toBe("playing");
    const last = act(s, offer("seller", pkg()));
    expect(last.phase).toBe("playing");
    expect(advance(last, 1).outcome).toEqual({ kind: "expired", round: 4 });
  });

  it("changeValue changes what the issue is worth to that side, and scoring uses it", () => {
    let s = act(newTable(), { type: "curveball", cardId: "cfo-warranty" });
    expect(s.sides.buyer.values.warranty).toEqual({ atMin: 0, atMax: 600 });
    expect(s.sides.seller.values.warranty).toEqual({ atMin: 0, atMax: 60 });
    s = actAll(s, [offer("seller", pkg({ price: 2000, warranty: 24 })), { type: "accept", by: "buyer" }]);
    expect(s.score?.surplus).toEqual({ buyer: 2500 + 600 - 2000, seller: 2000 - 60 - 1500 });
  });

  it("perRoundCost charges that side for every round after the card, at scoring", () => {
    let s = advance(newTable(), 2);
    s = act(s, { type: "curveball", cardId: "bleed" });
    expect(s.sides.seller.hotButtons.at(-1)).toMatchObject({ kind: "deadline", afterRound: 2, costPerRound: 25 });
    expect(s.cards[0]?.text).toBe("Every further round costs you $25.");
    s = advance(s, 4);
    s = act(s, { type: "accept", by: "seller" });
    expect(s.outcome).toMatchObject({ kind: "deal", round: 4 });
    // Seller: quarter closed after round 2 (2 × 50) plus the card (2 × 25). Buyer: audit missed (200).
    expect(s.score?.penalties).toEqual({ buyer: 200, seller: 150 });
    expect(s.score?.surplus).toEqual({ buyer: 2500 - 2000 - 200, seller: 2000 - 1500 - 150 });
  });

  it("reveal tells one side a private fact of the other, privately", () => {
    const result = apply(newTable(), { type: "curveball", cardId: "leak" }, T0);
    const s = result.state;
    expect(s.sides.buyer.learned).toEqual([
      { fact: { kind: "walkAway" }, text: "The seller will not go below $1,500 net for the deal.", turn: 0, source: "card" },
    ]);
    expect(result.events.map((e) => [e.type, e.audience])).toEqual([
      ["card_drawn", "buyer"],
      ["card_hidden", "seller"],
      ["fact_revealed", "buyer"],
    ]);
    expect(JSON.stringify(viewFor(s, "seller"))).not.toContain("will not go below");
  });

  it("a private card shows its text to its side only; the other side sees that something happened", () => {
    const s = act(newTable(), { type: "curveball", cardId: "competitor" });
    const buyer = viewFor(s, "buyer");
    const seller = viewFor(s, "seller");
    const observer = viewFor(s, "observer");
    expect(buyer.cards).toEqual([expect.objectContaining({ hidden: false, id: "competitor", text: "Your walk-away drops by $300." })]);
    expect(seller.cards).toEqual([{ hidden: true, side: "buyer", round: 1 }]);
    expect(observer.cards).toEqual([{ hidden: true, side: "buyer", round: 1 }]);
    expect(seller.timeline.filter((e) => e.type.startsWith("card_"))).toEqual([expect.objectContaining({ type: "card_hidden", side: "buyer" })]);
    expect(JSON.stringify(seller)).not.toContain("competitor");
    expect(viewFor(s, "facilitator").cards).toEqual([expect.objectContaining({ hidden: false, id: "competitor" })]);
  });

  it("a public card's effect data stays with its side: the others read only its text", () => {
    const scenario = fixture((raw) =>
      raw.deck.cards.push({ id: "crew", title: "Crew shortage", text: "The seller's crew is short.", visibility: "public", side: "seller", effect: { kind: "changeValue", issueId: "delivery", value: { atMin: 777, atMax: 0 } } }),
    );
    const s = act(newTable(scenario), { type: "curveball", cardId: "crew" });
    const drawnFor = (viewer: "buyer" | "seller" | "observer" | "facilitator") => viewFor(s, viewer).timeline.find((e) => e.type === "card_drawn");
    for (const viewer of ["buyer", "observer"] as const) {
      expect(drawnFor(viewer)).toMatchObject({ text: "The seller's crew is short.", card: { id: "crew", title: "Crew shortage" } });
      expect(JSON.stringify(drawnFor(viewer))).not.toContain("777");
    }
    for (const viewer of ["seller", "facilitator"] as const) expect(drawnFor(viewer)).toMatchObject({ card: { effect: { kind: "changeValue", value: { atMin: 777 } } } });
  });

  it("a public card is shown in full to everyone", () => {
    const s = act(newTable(), { type: "curveball", cardId: "board-early" });
    for (const viewer of ["buyer", "seller", "observer", "facilitator"] as const) {
      expect(viewFor(s, viewer).cards).toEqual([expect.objectContaining({ hidden: false, id: "board-early", text: "The talks lose 1 round." })]);
      expect(viewFor(s, viewer).timeline.some((e) => e.type === "card_hidden")).toBe(false);
    }
  });
});
