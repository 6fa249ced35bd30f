import { describe, expect, it } from "vitest";
import { apply } from "../../shared/engine/index.js";
import { fixture } from "./helpers/fixture.js";
import { act, newTable, refused, T0 } from "./helpers/play.js";

describe("curveball (facilitator throws a card)", () => {
  it("plays the named card, whoever is to act, without taking a turn", () => {
    const start = newTable();
    const result = apply(start, { type: "curveball", cardId: "extension" }, T0 + 500);
    expect(result.ok).toBe(true);
    const s = result.state;
    expect(s.cards).toEqual([expect.objectContaining({ round: 1, turn: 0, thrownBy: "facilitator", text: "The talks gain 2 rounds." })]);
    expect(s.cards[0]?.card.id).toBe("extension");
    expect(s.turn).toBe(0);
    expect(s.toAct).toBe("seller");
    expect(s.turnEndsAt).toBe(start.turnEndsAt);
  });

  it("without a name, plays the next card of the shuffled deck", () => {
    const start = newTable();
    const first = start.deckOrder[0];
    const second = start.deckOrder[1];
    let s = act(start, { type: "curveball" });
    expect(s.cards.map((c) => c.card.id)).toEqual([first]);
    s = act(s, { type: "curveball" });
    expect(s.cards.map((c) => c.card.id)).toEqual([first, second]);
  });

  it("skips cards already on the table when drawing the next one", () => {
    const start = newTable();
    const [first, second] = start.deckOrder;
    const s = act(act(start, { type: "curveball", cardId: first }), { type: "curveball" });
    expect(s.cards.map((c) => c.card.id)).toEqual([first, second]);
  });

  it("refuses a card the deck does not have", () => {
    const start = newTable();
    expect(refused(start, { type: "curveball", cardId: "nope" }, "rule/unknown_card").state).toBe(start);
  });

  it("refuses a card already drawn", () => {
    const s = act(newTable(), { type: "curveball", cardId: "competitor" });
    expect(refused(s, { type: "curveball", cardId: "competitor" }, "rule/card_already_drawn").state).toBe(s);
  });

  it("refuses when every card has been played", () => {
    let s = newTable();
    for (let i = 0; i < s.deckOrder.length; i++) s = act(s, { type: "curveball" });
    expect(refused(s, { type: "curveball" }, "rule/deck_empty").state).toBe(s);
    refused(s, { type: "curveball", cardId: "leak" }, "rule/card_already_drawn");
  });

  it("names an unknown card as unknown even when the deck is empty", () => {
    const s = newTable(fixture((raw) => (raw.deck.cards = [])));
    refused(s, { type: "curveball", cardId: "nope" }, "rule/unknown_card");
    refused(s, { type: "curveball" }, "rule/deck_empty");
  });
});
