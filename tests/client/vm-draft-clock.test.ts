import { describe, expect, it } from "vitest";
import { draftFields, draftFromInputs, initialDraft, reviewDraft } from "../../client/src/view/offerDraft.js";
import { countdownAt, formatClock } from "../../client/src/view/countdown.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { clientView, newTable, offer, pkg, play } from "./helpers/tables.js";

describe("the offer builder", () => {
  it("has one control per issue: a stepped price and a choice for every other term", () => {
    const fields = draftFields(clientView(SCRIPTS.opening(), "buyer"));
    expect(fields.map((f) => `${f.kind}:${f.issueId}`)).toEqual(["price:price", "choice:support", "choice:warranty", "choice:delivery", "choice:payment"]);
    expect(fields[0]).toMatchObject({ min: 14000, max: 26000, step: 250, hint: "$14,000 – $26,000, in steps of $250" });
    const warranty = fields[2]!;
    expect(warranty.kind === "choice" && warranty.options.map((o) => o.label)).toEqual(["12 months", "24 months", "36 months"]);
  });

  it("starts from the player's own standing offer, else the other side's, else the player's own end", () => {
    expect(initialDraft(clientView(SCRIPTS.midGame(), "seller"), "seller")).toEqual(pkg({ price: 24000, support: "business" }));
    expect(initialDraft(clientView(SCRIPTS.opening(), "buyer"), "buyer")).toEqual(pkg({ price: 25000 }));
    const fresh = clientView(newTable(), "seller");
    expect(initialDraft(fresh, "seller")).toEqual({ price: 20000, support: "basic", warranty: 12, delivery: 8, payment: "upfront" });
    expect(initialDraft(fresh, "buyer")).toEqual({ price: 20000, support: "premium", warranty: 36, delivery: 2, payment: "net90" });
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
