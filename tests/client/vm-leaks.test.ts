import { describe, expect, it } from "vitest";
import { createTable, type Package, type Role, type TableState, type Viewer } from "../../shared/engine/index.js";
import { tableViewModel } from "../../client/src/view/tableViewModel.js";
import { PRIVATE_NUMBERS, sentinelScenario } from "./helpers/sentinels.js";
import { clientView, contextFor, offer, play, T0 } from "./helpers/tables.js";

/*
 * Every private text of the sentinel scenario names its owner ("SECRET-buyer") and every private
 * number is an odd value no public figure can take. A view-model is what the screen shows: while
 * the game runs it must hold none of the other side's secrets, and a spectator's none at all.
 */

const terms = (price: number, support = "basic"): Package => ({ price, support, warranty: 12, delivery: 8, payment: "upfront" });

function sentinelGame(): TableState {
  const start = createTable(sentinelScenario(), "leaks", { now: T0 });
  return play(start, [
    offer("seller", terms(25000), "Opening."),
    offer("buyer", terms(16000, "premium"), "Counter."),
    { type: "curveball", cardId: "competitor-quote" },
    { type: "curveball", cardId: "supplier-costs" },
    { type: "curveball", cardId: "cfo-warranty" },
    { type: "curveball", cardId: "board-moves-up" },
    { type: "note", by: "buyer", text: "NOTE-SECRET-buyer" },
    { type: "note", by: "seller", text: "NOTE-SECRET-seller" },
    offer("seller", terms(24000)),
    { type: "ask", by: "buyer", questionId: "seller-install" },
    offer("seller", terms(23500)),
  ]);
}

function secretsIn(text: string, of: Role): string[] {
  const found: string[] = [...(text.match(new RegExp(`[A-Z]+-SECRET-${of}`, "g")) ?? [])];
  for (const n of PRIVATE_NUMBERS[of]) {
    const forms = [String(n), n.toLocaleString("en-US")];
    for (const f of forms) if (new RegExp(`(?<![\\d,.])${f}(?![\\d,])`).test(text)) found.push(f);
  }
  return found;
}

const vmText = (state: TableState, viewer: Viewer) => JSON.stringify(tableViewModel(clientView(state, viewer), contextFor()));

describe("what a view-model can show", () => {
  const state = sentinelGame();

  it("runs the scripted game with private cards, notes and an answer in play", () => {
    expect(state.phase).toBe("playing");
    expect(state.cards.length).toBeGreaterThanOrEqual(4);
    expect(secretsIn(vmText(state, "buyer"), "buyer").length).toBeGreaterThan(3);
  });

  it("never shows a spectator anything private while the game runs", () => {
    const text = vmText(state, "observer");
    expect(secretsIn(text, "buyer")).toEqual([]);
    expect(secretsIn(text, "seller")).toEqual([]);
  });

  it("never shows a player the other side's secrets beyond the answer they asked for", () => {
    const buyer = vmText(state, "buyer");
    // The install question answers in words and reveals what a fast install costs the seller.
    const sellerDeliveryCost = PRIVATE_NUMBERS.seller[3];
    expect(new Set(secretsIn(buyer, "seller"))).toEqual(new Set(["ANSWER-SECRET-seller", sellerDeliveryCost!.toLocaleString("en-US")]));
    expect(secretsIn(vmText(state, "seller"), "buyer")).toEqual([]);
  });
});
