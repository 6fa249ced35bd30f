import { describe, expect, it } from "vitest";
import { apply, utility } from "../../shared/engine/index.js";
import { actionsOf } from "../../client/src/view/actions.js";
import { refusalOf } from "../../client/src/view/refusal.js";
import { revealOf } from "../../client/src/view/reveal.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { clientView, contextFor, offer, pkg, play, T0 } from "./helpers/tables.js";

describe("accept and walk-away confirmations", () => {
  it("say what accepting means against the player's own walk-away", () => {
    const state = SCRIPTS.withCards();
    const a = actionsOf(clientView(state, "buyer"))!;
    const surplus = utility(state.scenario, "buyer", state.sides.buyer, state.standing.seller!.terms);
    expect(a.yourTurn).toBe(true);
    expect(a.accept.available).toBe(true);
    expect(a.accept.price).toBe("$23,000");
    expect(a.accept.lines[0]).toEqual({ issueId: "price", label: "Price", value: "$23,000", short: "$23,000", shortLabel: "Price" });
    expect(a.accept.lines[1]).toMatchObject({ value: "Business (next business day)", short: "Business" });
    expect(surplus).toBeLessThan(0);
    expect(a.accept.verdict).toBe(`This leaves you $${(-surplus).toLocaleString("en-US")} worse off than walking away.`);
    expect(a.accept.warning).toContain("below your walk-away");
  });

  it("warn when the standing offer breaks the player's budget cap", () => {
    const state = SCRIPTS.midGame();
    expect(state.standing.seller!.terms.price).toBe(24000);
    expect(actionsOf(clientView(state, "buyer"))!.accept.warning).toBe("Board approval: you cannot accept more than $23,500 — the table will refuse it.");
  });

  it("warn before walking away from an offer that is still worth taking", () => {
    const state = SCRIPTS.dealDone();
    const before = play(SCRIPTS.withCards(), [offer("buyer", pkg({ price: 21500, support: "business", warranty: 24, delivery: 6 }))]);
    const seller = actionsOf(clientView(before, "seller"))!;
    expect(seller.yourTurn).toBe(true);
    expect(seller.walkAway.warning).toMatch(/^Their offer on the table is still inside your walk-away\. This leaves you \$[\d,]+ better off than walking away\.$/);
    expect(actionsOf(clientView(state, "seller"))!.playing).toBe(false);
  });

  it("have nothing to accept before the other side has offered, and do not exist for spectators", () => {
    expect(actionsOf(clientView(SCRIPTS.opening(), "seller"))!.accept.available).toBe(false);
    expect(actionsOf(clientView(SCRIPTS.opening(), "observer"))).toBeNull();
  });
});

describe("refusals", () => {
  it("explain an out-of-turn attempt with the interruptions it cost", () => {
    const interrupted = apply(SCRIPTS.opening(), { type: "offer", by: "seller", terms: pkg() }, T0 + 9000);
    expect(interrupted.ok).toBe(false);
    const view = clientView(interrupted.state, "seller");
    const vm = refusalOf({ code: "rule/not_your_turn", message: "It is the other side's turn: wait for their move.", request: "offer", at: 7 }, view)!;
    expect(vm).toEqual({
      key: 7,
      title: "Not your turn",
      message: "It is the other side's turn: wait for their move.",
      hint: "Listening is part of the game: acting out of turn counts as an interruption (1 so far).",
    });
  });

  it("fall back to a plain title for codes the client does not know", () => {
    const vm = refusalOf({ code: "future/code", message: "Something new.", request: null, at: 1 }, clientView(SCRIPTS.opening(), "buyer"))!;
    expect([vm.title, vm.hint]).toEqual(["Refused", null]);
  });
});

describe("the reveal", () => {
  it("shows both walk-aways, the zone, the deal on its own terms' line, surpluses, efficiency and the Nash point", () => {
    const state = SCRIPTS.dealDone();
    const r = revealOf(clientView(state, "buyer"), contextFor())!;
    expect(r.headline).toBe("Deal: you accepted in round 4.");
    expect(r.walkAways.map((w) => w.value)).toEqual(["$18,250", "$19,250"]);
    expect(r.deal?.priceText).toBe("$21,500");
    expect(r.surplus.map((s) => [s.role, s.amount, s.you])).toEqual([
      ["seller", state.score!.surplus.seller, false],
      ["buyer", state.score!.surplus.buyer, true],
    ]);
    expect(r.efficiency).toBe(`${Math.round(state.score!.efficiency * 100)} %`);
    expect(r.zone.exists).toBe(true);
    // The line is drawn on the deal's own terms: a deal both gained from sits inside its zone.
    expect(r.line.title).toBe("Price on the terms you agreed");
    expect(r.line.band.exists).toBe(true);
    expect(r.deal!.price).toBeGreaterThanOrEqual(r.line.band.low);
    expect(r.deal!.price).toBeLessThanOrEqual(r.line.band.high);
    expect(r.line.explain).toMatch(/^Walk-aways are net of the other terms; as prices on these terms, the seller's \$[\d,]+ plus \$[\d,]+ of costs is a floor of/);
    expect(r.nash?.text).toMatch(/^The Nash point .* gives the buyer \$[\d,]+ and the seller \$[\d,]+\.$/);
    for (const x of [r.line.band.low, r.line.band.high, ...r.line.marks.map((m) => m.price)]) {
      expect(x).toBeGreaterThan(r.line.axis.min);
      expect(x).toBeLessThan(r.line.axis.max);
    }
  });

  it("says what no deal left on the table, for observers too", () => {
    const r = revealOf(clientView(SCRIPTS.walkedAway(), "observer"), contextFor())!;
    expect(r.headline).toBe("No deal: Sam (seller) walked away in round 3.");
    expect(r.deal).toBeNull();
    expect(r.verdict).toMatch(/^A deal was possible, worth up to \$[\d,]+ to the two of you together/);
    expect(r.surplus.every((s) => s.amount === 0)).toBe(true);
  });

  it("does not exist while the game runs", () => {
    expect(revealOf(clientView(SCRIPTS.midGame(), "buyer"), contextFor())).toBeNull();
  });
});

describe("the reveal's warnings", () => {
  it("name a side that signed below its walk-away", () => {
    const state = play(SCRIPTS.opening(), [offer("buyer", pkg({ price: 14000, support: "premium", warranty: 36, delivery: 2, payment: "net90" })), { type: "accept", by: "seller" }]);
    expect(state.score!.surplus.seller).toBeLessThan(0);
    const loss = `$${(-state.score!.surplus.seller).toLocaleString("en-US")}`;
    expect(revealOf(clientView(state, "seller"), contextFor())!.warnings).toEqual([`You signed ${loss} below your walk-away: walking away would have served you better.`]);
    expect(revealOf(clientView(state, "observer"), contextFor())!.warnings).toEqual([`The seller signed ${loss} below their walk-away.`]);
    expect(revealOf(clientView(SCRIPTS.dealDone(), "buyer"), contextFor())!.warnings).toEqual([]);
  });
});
