import { describe, expect, it } from "vitest";
import { apply } from "../../shared/engine/index.js";
import { act, newTable, offer, pkg, refused, T0 } from "./helpers/play.js";

describe("accept", () => {
  it("strikes a deal on the other side's standing offer and ends the game", () => {
    let s = act(newTable(), offer("seller", pkg({ price: 2600, support: "premium" })));
    const result = apply(s, { type: "accept", by: "buyer", message: "Done" }, T0 + 1_000);
    expect(result.ok).toBe(true);
    s = result.state;
    expect(s.phase).toBe("finished");
    expect(s.outcome).toEqual({ kind: "deal", terms: pkg({ price: 2600, support: "premium" }), acceptedBy: "buyer", round: 1 });
    expect(s.turnEndsAt).toBeNull();
    expect(s.score?.surplus).toEqual({ buyer: 2500 + 400 + 0 - 2600, seller: 2600 - 100 - 0 - 1500 });
    expect(result.events.map((e) => e.type)).toEqual(["deal", "game_over"]);
    expect(result.events[0]).toMatchObject({ acceptedBy: "buyer", message: "Done" });
  });

  it("accepts the other side's offer, not one's own", () => {
    let s = act(newTable(), offer("seller", pkg({ price: 2900 })));
    s = act(s, offer("buyer", pkg({ price: 1500 })));
    s = act(s, { type: "accept", by: "seller" });
    expect(s.outcome).toMatchObject({ kind: "deal", acceptedBy: "seller", terms: { price: 1500 } });
  });

  it("refuses when the other side has no standing offer", () => {
    const start = newTable();
    const result = refused(start, { type: "accept", by: "seller" }, "rule/no_offer_to_accept");
    expect(result.state).toBe(start);
    // The seller's own offer does not count as something the seller can accept.
    const s = act(act(start, offer("seller", pkg())), { type: "ask", by: "buyer", questionId: "seller-date" });
    refused(s, { type: "accept", by: "seller" }, "rule/no_offer_to_accept");
  });

  it("refuses to accept above the accepter's budget cap", () => {
    const s = act(newTable(), offer("seller", pkg({ price: 2900 })));
    const result = refused(s, { type: "accept", by: "buyer" }, "rule/budget_cap");
    expect(result.state).toBe(s);
    expect(result.error.message).toContain("$2,800");
  });
});
