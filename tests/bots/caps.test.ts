import { describe, expect, it } from "vitest";
import { BOT_NAMES, profileByName } from "../../shared/bots/index.js";
import { readFacts } from "../../shared/bots/facts.js";
import { packageSpace } from "../../shared/bots/space.js";
import { createTable, describeFact, type HotButton, type KnownFact, type TableState } from "../../shared/engine/index.js";
import { playGame } from "../../shared/sim/play.js";
import { applied, moveOf, T0 } from "./helpers/moves.js";
import { calm, shipped } from "./helpers/scenarios.js";

/* What a bot does with a budget cap of the other side it learned (an answer or a leak). */

const CAPPED = ["backup-appliance", "partner-reseller"].map(shipped);
type Cap = Extract<HotButton, { kind: "budgetCap" }>;
const capOf = (state: TableState): Cap => state.sides.buyer.hotButtons.find((h): h is Cap => h.kind === "budgetCap")!;

describe("a learned budget cap", () => {
  for (const scenario of CAPPED) {
    it(`${scenario.id}: is read back from the sentence the engine tells it in`, () => {
      const state = createTable(scenario, "cap:read", { now: T0 });
      const cap = capOf(state);
      const known: KnownFact = { fact: { kind: "hotButton", id: cap.id }, text: describeFact(scenario, "buyer", state.sides.buyer, { kind: "hotButton", id: cap.id }), turn: 0, source: "answer" };
      expect(readFacts([known], packageSpace(scenario.issues), "buyer").caps).toEqual([{ issueId: cap.issueId, max: cap.max }]);
    });

    it(`${scenario.id}: a seller that learned it never offers above it, whichever bots play`, () => {
      let checked = 0;
      for (const buyer of BOT_NAMES)
        for (const seller of BOT_NAMES)
          for (let i = 0; i < 6; i++) {
            const seed = `cap:${buyer}:${seller}:${i}`;
            playGame({ scenario, seed, buyer: profileByName(buyer, `${seed}:b`), seller: profileByName(seller, `${seed}:s`) }, (before, action) => {
              if (action.type !== "offer" || action.by !== "seller") return;
              const cap = capOf(before);
              if (!before.sides.seller.learned.some((k) => k.fact.kind === "hotButton" && k.fact.id === cap.id)) return;
              checked++;
              expect(action.terms[cap.issueId] as number).toBeLessThanOrEqual(cap.max);
            });
          }
      expect(checked).toBeGreaterThan(50);
    });
  }

  it("makes the seller walk away when it leaves nothing at or above the seller's walk-away, and only then", () => {
    const scenario = calm(shipped("backup-appliance"), { questions: true });
    const seller = profileByName("firm", "cap:walk");
    const sellerMove = (capMax: number) => {
      const drawn = createTable(scenario, "cap:walk", { now: T0 });
      const cap: Cap = { kind: "budgetCap", id: "approval", label: "Board approval", text: "", issueId: "price", max: capMax };
      const base: TableState = { ...drawn, sides: { buyer: { ...drawn.sides.buyer, hotButtons: [cap] }, seller: { ...drawn.sides.seller, walkAway: 21000 } } };
      let state = applied(base, { type: "ask", by: "seller", questionId: "buyer-budget" });
      state = applied(state, { type: "offer", by: "buyer", terms: { price: 14000, support: "basic", warranty: 12, delivery: 8, payment: "net90" } });
      return moveOf(state, "seller", seller);
    };
    // The seller nets the price less its cost of the terms less 21,000: a cap of 20,000 leaves it below its walk-away on any terms.
    expect(sellerMove(20000)).toEqual({ type: "walk_away", by: "seller" });
    expect(sellerMove(24000)).toMatchObject({ type: "offer", by: "seller", terms: { price: expect.any(Number) } });
  });
});
