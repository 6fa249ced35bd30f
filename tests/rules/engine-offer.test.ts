import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_LENGTH, apply, type Action } from "../../shared/engine/index.js";
import { act, newTable, offer, pkg, refused, T0 } from "./helpers/play.js";

describe("offer", () => {
  it("puts the package on the table as the offerer's standing offer and passes the turn", () => {
    const start = newTable();
    const result = apply(start, offer("seller", pkg({ price: 2900 }), "Our list price"), T0 + 5_000);
    expect(result.ok).toBe(true);
    const s = result.state;
    expect(s.standing.seller).toMatchObject({ by: "seller", terms: pkg({ price: 2900 }), turn: 0, round: 1, at: T0 + 5_000, message: "Our list price" });
    expect(s.standing.buyer).toBeNull();
    expect(s.offers).toHaveLength(1);
    expect(s.toAct).toBe("buyer");
    expect(s.turn).toBe(1);
    expect(s.turnEndsAt).toBe(T0 + 5_000 + 60_000);
    expect(result.events.map((e) => e.type)).toEqual(["offer_made"]);
    expect(result.events[0]).toMatchObject({ by: "seller", terms: pkg({ price: 2900 }), message: "Our list price", audience: "all" });
  });

  it("replaces the offerer's earlier standing offer", () => {
    let s = act(newTable(), offer("seller", pkg({ price: 2900 })));
    s = act(s, offer("buyer", pkg({ price: 1200 })));
    s = act(s, offer("seller", pkg({ price: 2700 })));
    expect(s.standing.seller?.terms.price).toBe(2700);
    expect(s.standing.buyer?.terms.price).toBe(1200);
    expect(s.offers.map((o) => o.terms.price)).toEqual([2900, 1200, 2700]);
  });

  const badTerms: [string, unknown][] = [
    ["not an object", 2000],
    ["an array", [2000, "basic", 0, 6]],
    ["null", null],
    ["a missing issue", { price: 2000, support: "basic", warranty: 0 }],
    ["an issue the scenario does not have", { ...pkg(), colour: "red" }],
    ["a price below the range", pkg({ price: 900 })],
    ["a price above the range", pkg({ price: 3100 })],
    ["a price off the step", pkg({ price: 2050 })],
    ["a fractional price", pkg({ price: 2000.5 })],
    ["a price given as text", { ...pkg(), price: "2000" }],
    ["a range value off the step", pkg({ warranty: 6 })],
    ["a range value out of range", pkg({ delivery: 8 })],
    ["an option the issue does not have", pkg({ support: "gold" })],
    ["an option given as a number", pkg({ support: 1 })],
  ];
  it.each(badTerms)("refuses %s with rule/bad_terms and changes nothing", (_label, terms) => {
    const start = newTable();
    const result = refused(start, { type: "offer", by: "seller", terms } as Action, "rule/bad_terms");
    expect(result.state).toBe(start);
    expect(result.events).toEqual([]);
    expect(result.error.message.length).toBeGreaterThan(0);
  });

  it("refuses an offer above the offerer's own budget cap, naming the cap", () => {
    const s = act(newTable(), offer("seller", pkg({ price: 2900 })));
    const result = refused(s, offer("buyer", pkg({ price: 2900 })), "rule/budget_cap");
    expect(result.state).toBe(s);
    expect(result.error.message).toContain("$2,800");
    expect(act(s, offer("buyer", pkg({ price: 2800 }))).standing.buyer?.terms.price).toBe(2800);
  });

  it("lets the other side offer above a cap that is not theirs", () => {
    const s = act(newTable(), offer("seller", pkg({ price: 3000 })));
    expect(s.standing.seller?.terms.price).toBe(3000);
  });

  it("refuses a message longer than the limit", () => {
    const start = newTable();
    refused(start, offer("seller", pkg(), "x".repeat(MAX_MESSAGE_LENGTH + 1)), "rule/message_too_long");
    expect(act(start, offer("seller", pkg(), "x".repeat(MAX_MESSAGE_LENGTH))).standing.seller?.message).toHaveLength(MAX_MESSAGE_LENGTH);
  });
});
