import { describe, expect, it } from "vitest";
import { draftFields, draftFromInputs, initialDraft, reviewDraft } from "../../client/src/view/offerDraft.js";
import { countdownAt, formatClock } from "../../client/src/view/countdown.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { otherRole, type Role } from "../../shared/engine/roles.js";
import type { Package, TableState } from "../../shared/engine/state.js";
import { buyerward, formatMoney, priceIssue } from "../../shared/engine/terms.js";
import { penaltyAt, utility } from "../../shared/engine/valuation.js";
import { backupAppliance, clientView, newTable, offer, pkg, play, scenarioFile } from "./helpers/tables.js";

describe("the offer builder", () => {
  it("has one control per issue: a stepped price and a choice for every other term", () => {
    const fields = draftFields(clientView(SCRIPTS.opening(), "buyer"));
    expect(fields.map((f) => `${f.kind}:${f.issueId}`)).toEqual(["price:price", "choice:support", "choice:warranty", "choice:delivery", "choice:payment"]);
    expect(fields[0]).toMatchObject({ min: 14000, max: 26000, step: 250, hint: "$14,000 – $26,000, in steps of $250" });
    const warranty = fields[2]!;
    expect(warranty.kind === "choice" && warranty.options.map((o) => o.label)).toEqual(["12 months", "24 months", "36 months"]);
  });

  describe("starts from the player's previous offer, else their own opening, never from the other side's offer or a midpoint", () => {
    const sellerOpening = { price: 26000, support: "basic", warranty: 12, delivery: 8, payment: "upfront" };
    const buyerOpening = { price: 14000, support: "premium", warranty: 36, delivery: 2, payment: "net90" };
    const sellerFirst = () => newTable();
    const buyerFirst = () => newTable({ ...backupAppliance(), firstMover: "buyer" });
    const theirOpening = pkg({ price: 20000, support: "business", warranty: 24, delivery: 4, payment: "net30" });
    const mine = { seller: pkg({ price: 24500, support: "business" }), buyer: pkg({ price: 16000, support: "premium", warranty: 36 }) };
    const cases: readonly { me: Role; first: boolean; previous: boolean; table: () => TableState; expected: Package }[] = [
      { me: "seller", first: true, previous: false, table: sellerFirst, expected: sellerOpening },
      { me: "seller", first: true, previous: true, table: () => play(sellerFirst(), [offer("seller", mine.seller), offer("buyer", theirOpening)]), expected: mine.seller },
      { me: "seller", first: false, previous: false, table: () => play(buyerFirst(), [offer("buyer", theirOpening)]), expected: sellerOpening },
      { me: "seller", first: false, previous: true, table: () => play(buyerFirst(), [offer("buyer", theirOpening), offer("seller", mine.seller), offer("buyer", theirOpening)]), expected: mine.seller },
      { me: "buyer", first: true, previous: false, table: buyerFirst, expected: buyerOpening },
      { me: "buyer", first: true, previous: true, table: () => play(buyerFirst(), [offer("buyer", mine.buyer), offer("seller", theirOpening)]), expected: mine.buyer },
      { me: "buyer", first: false, previous: false, table: () => play(sellerFirst(), [offer("seller", theirOpening)]), expected: buyerOpening },
      { me: "buyer", first: false, previous: true, table: () => play(sellerFirst(), [offer("seller", theirOpening), offer("buyer", mine.buyer), offer("seller", theirOpening)]), expected: mine.buyer },
    ];

    it.each(cases)("$me, first mover $first, previous offer $previous", ({ me, table, expected }) => {
      const view = clientView(table(), me);
      const draft = initialDraft(view, me);
      expect(draft).toEqual(expected);
      expect(draft).not.toEqual(view.standing[otherRole(me)]?.terms);
      expect(draft.price).not.toBe(20000);
    });

    it("opens every shipped scenario at the player's own end of every term", () => {
      for (const id of ["backup-appliance", "partner-reseller", "fleet-maintenance"]) {
        const scenario = scenarioFile(id);
        const price = priceIssue(scenario);
        const fresh = newTable(scenario);
        const seller = initialDraft(clientView(fresh, "seller"), "seller");
        const buyer = initialDraft(clientView(fresh, "buyer"), "buyer");
        expect([seller.price, buyer.price], id).toEqual([price.max, price.min]);
        for (const issue of scenario.issues) {
          expect(buyerward(issue, seller[issue.id]!), `${id} seller ${issue.id}`).toBe(0);
          expect(buyerward(issue, buyer[issue.id]!), `${id} buyer ${issue.id}`).toBe(1);
        }
      }
    });

    it("stops a term at the player's own budget cap", () => {
      const state = newTable();
      const capped: TableState = {
        ...state,
        sides: { ...state.sides, buyer: { ...state.sides.buyer, hotButtons: [{ kind: "budgetCap", id: "cap", label: "Cap", text: "At most 24 months.", issueId: "warranty", max: 24 }] } },
      };
      expect(initialDraft(clientView(capped, "buyer"), "buyer")).toEqual({ ...buyerOpening, warranty: 24 });
    });

    it("reviews a fresh opening by what the game would score it, with nothing conceded yet", () => {
      const state = play(sellerFirst(), [offer("seller", theirOpening)]);
      const view = clientView(state, "buyer");
      const draft = initialDraft(view, "buyer");
      const review = reviewDraft(view, "buyer", draft);
      const surplus = utility(state.scenario, "buyer", state.sides.buyer, draft) - penaltyAt(state.sides.buyer.hotButtons, view.round);
      expect(review.moves).toEqual([]);
      expect(review.notes).toEqual([]);
      expect(review.verdict).toBe(`This leaves you ${formatMoney(surplus, "USD")} better off than walking away.`);
    });
  });

  it("reads the controls back into a package and refuses a price off the grid", () => {
    const view = clientView(SCRIPTS.opening(), "buyer");
    const inputs = { price: "$21,500", support: "business", warranty: "24", delivery: "4", payment: "net30" };
    expect(draftFromInputs(view, inputs)).toEqual({ terms: { price: 21500, support: "business", warranty: 24, delivery: 4, payment: "net30" }, problem: null });
    expect(draftFromInputs(view, { ...inputs, price: "21510" }).problem).toBe("Price: in steps of 250.");
    expect(draftFromInputs(view, { ...inputs, price: "40000" }).problem).toBe("Price: between 14000 and 26000.");
    expect(draftFromInputs(view, { ...inputs, price: "" }).problem).toBe("Price: enter a whole number.");
  });

  it("reviews a draft: against the walk-away, the cap, and what it concedes", () => {
    const view = clientView(SCRIPTS.midGame(), "buyer");
    const same = reviewDraft(view, "buyer", view.standing.buyer!.terms);
    expect(same.moves).toEqual([]);
    expect(same.notes).toEqual(["Same as your standing offer: you give nothing new."]);
    const over = reviewDraft(view, "buyer", pkg({ price: 24000 }));
    expect(over.notes[0]).toBe("Board approval: the table will refuse this — it is above your cap.");
    expect(over.good).toBe(false);
    const moved = reviewDraft(view, "buyer", { ...view.standing.buyer!.terms, price: 18000 });
    expect(moved.moves).toEqual([{ issueId: "price", label: "Price", text: "+$1,000", concession: true }]);
    expect(moved.verdict).toMatch(/better off than walking away\.$/);
  });

  it("reminds a player whose last concession went unanswered", () => {
    const state = play(SCRIPTS.withCards(), [
      offer("buyer", pkg({ price: 18000, support: "premium", warranty: 36, delivery: 2, payment: "net90" })),
      offer("seller", pkg({ price: 23000, support: "business", warranty: 24 })),
    ]);
    const view = clientView(state, "buyer");
    expect(view.ledger.findLast((c) => c.by === "buyer")?.status).toBe("unreciprocated");
    const review = reviewDraft(view, "buyer", { ...view.standing.buyer!.terms, price: 19000 });
    expect(review.notes).toContain("Your last concession was not reciprocated: consider asking for something in return first.");
  });
});

describe("the countdown", () => {
  const clock = { actor: "buyer" as const, endsAt: 100_000, pausedRemainingMs: null, turnMs: 90_000, offsetMs: 0 };

  it("counts down to the turn's end on the server's clock", () => {
    expect(countdownAt(clock, 40_000)).toEqual({ remainingMs: 60_000, fraction: 60_000 / 90_000, text: "1:00", urgent: false, paused: false });
    expect(countdownAt({ ...clock, offsetMs: 50_000 }, 40_000).text).toBe("0:10");
    expect(countdownAt(clock, 90_500)).toMatchObject({ text: "0:10", urgent: true });
    expect(countdownAt(clock, 200_000)).toMatchObject({ remainingMs: 0, text: "0:00", fraction: 0 });
  });

  it("freezes while paused and copes with time added beyond a full turn", () => {
    expect(countdownAt({ ...clock, endsAt: null, pausedRemainingMs: 30_000 }, 1e12)).toMatchObject({ text: "0:30", paused: true, urgent: false });
    expect(countdownAt({ ...clock, endsAt: 200_000 }, 0)).toMatchObject({ fraction: 1, text: "3:20" });
  });

  it("rounds up, so 0:00 shows only when time is really out", () => {
    expect([formatClock(1), formatClock(59_001), formatClock(60_000), formatClock(0)]).toEqual(["0:01", "1:00", "1:00", "0:00"]);
  });
});
