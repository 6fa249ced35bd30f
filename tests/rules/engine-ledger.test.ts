import { describe, expect, it } from "vitest";
import { issueMoney, ledgerBalance, viewFor, type Package, type Role, type TableState } from "../../shared/engine/index.js";
import { act, newTable, offer, pkg } from "./helpers/play.js";

/** Seller opens with `sellerFirst`, buyer answers with `buyerFirst`, then the given moves follow. */
function table(sellerFirst: Package, buyerFirst: Package, ...moves: Package[]): TableState {
  let s = act(act(newTable(), offer("seller", sellerFirst)), offer("buyer", buyerFirst));
  for (const terms of moves) s = act(s, offer(s.toAct, terms));
  return s;
}
const concessionsBy = (s: TableState, by: Role) => s.ledger.filter((c) => c.by === by).map(({ issueId, share, money }) => ({ issueId, share, money }));

describe("reciprocity ledger: what counts as a concession", () => {
  const sellerOpen = pkg({ price: 3000, support: "basic", warranty: 0, delivery: 6 });
  const buyerOpen = pkg({ price: 1000, support: "premium", warranty: 24, delivery: 2 });

  const cases: [string, Role, Package, { issueId: string; share: number; money: number }[]][] = [
    ["seller lowers the price", "seller", { ...sellerOpen, price: 2500 }, [{ issueId: "price", share: 0.25, money: 500 }]],
    ["seller adds warranty (buyer prefers higher)", "seller", { ...sellerOpen, warranty: 12 }, [{ issueId: "warranty", share: 0.5, money: 30 }]],
    ["seller shortens delivery (buyer prefers lower)", "seller", { ...sellerOpen, delivery: 4 }, [{ issueId: "delivery", share: 0.5, money: 45 }]],
    ["seller moves to the buyer's favourite option", "seller", { ...sellerOpen, support: "premium" }, [{ issueId: "support", share: 1, money: 100 }]],
    ["buyer raises the price", "buyer", { ...buyerOpen, price: 1300 }, [{ issueId: "price", share: 0.15, money: 300 }]],
    ["buyer gives up warranty", "buyer", { ...buyerOpen, warranty: 12 }, [{ issueId: "warranty", share: 0.5, money: 120 }]],
    ["buyer allows later delivery", "buyer", { ...buyerOpen, delivery: 6 }, [{ issueId: "delivery", share: 1, money: 120 }]],
    ["buyer drops to the seller's favourite option", "buyer", { ...buyerOpen, support: "basic" }, [{ issueId: "support", share: 1, money: 400 }]],
  ];
  it.each(cases)("%s: direction, share of the range and private money value", (_label, by, moved, expected) => {
    const s = by === "seller" ? table(sellerOpen, buyerOpen, moved) : table(sellerOpen, buyerOpen, sellerOpen, moved);
    expect(concessionsBy(s, by)).toEqual(expected);
  });

  it("moving away from the other side is no concession, and several moves in one offer count separately", () => {
    const s = table(pkg({ price: 2000, warranty: 12 }), buyerOpen, pkg({ price: 2400, warranty: 24, delivery: 2 }));
    expect(concessionsBy(s, "seller")).toEqual([
      { issueId: "warranty", share: 0.5, money: 30 },
      { issueId: "delivery", share: 1, money: 90 },
    ]);
  });

  it("first offers and unchanged offers concede nothing", () => {
    expect(table(sellerOpen, buyerOpen).ledger).toEqual([]);
    expect(table(sellerOpen, buyerOpen, sellerOpen).ledger).toEqual([]);
  });
});

describe("reciprocity ledger: settlement and balance", () => {
  it("a concession answered by a concession is reciprocated", () => {
    const s = table(pkg({ price: 3000 }), pkg({ price: 1000 }), pkg({ price: 2800 }), pkg({ price: 1200 }));
    expect(s.ledger.map((c) => [c.by, c.status])).toEqual([
      ["seller", "reciprocated"],
      ["buyer", "pending"],
    ]);
  });

  it("a concession met by none in return is unreciprocated, and flagged in the balance", () => {
    const s = table(pkg({ price: 3000 }), pkg({ price: 1000 }), pkg({ price: 2800 }), pkg({ price: 1000 }));
    expect(s.ledger.map((c) => [c.by, c.status])).toEqual([["seller", "unreciprocated"]]);
    expect(ledgerBalance(s.ledger)).toEqual({
      seller: { given: 0.1, received: 0, unreciprocated: 1 },
      buyer: { given: 0, received: 0.1, unreciprocated: 0 },
    });
  });

  it("a question in between leaves the concession pending", () => {
    let s = table(pkg({ price: 3000 }), pkg({ price: 1000 }), pkg({ price: 2800 }));
    s = act(s, { type: "ask", by: "buyer", questionId: "seller-date" });
    expect(s.ledger.map((c) => c.status)).toEqual(["pending"]);
  });

  it("the balance sums shares given and received per side", () => {
    const s = table(pkg({ price: 3000 }), pkg({ price: 1000 }), pkg({ price: 2600, warranty: 12 }), pkg({ price: 1200 }));
    expect(ledgerBalance(s.ledger)).toEqual({
      seller: { given: 0.7, received: 0.1, unreciprocated: 0 },
      buyer: { given: 0.1, received: 0.7, unreciprocated: 0 },
    });
    expect(viewFor(s, "observer").balance).toEqual(ledgerBalance(s.ledger));
  });

  it("shows the money value to the conceder and the facilitator only", () => {
    const s = table(pkg({ price: 3000 }), pkg({ price: 1000 }), pkg({ price: 3000, support: "premium" }));
    const moneyIn = (viewer: "buyer" | "seller" | "facilitator" | "observer") => {
      const v = viewFor(s, viewer);
      const event = v.timeline.find((e) => e.type === "concessions");
      return { ledger: v.ledger.map((c) => c.money), event: event?.type === "concessions" ? event.entries.map((e) => e.money) : null };
    };
    expect(moneyIn("seller")).toEqual({ ledger: [100], event: [100] });
    expect(moneyIn("facilitator")).toEqual({ ledger: [100], event: [100] });
    expect(moneyIn("buyer")).toEqual({ ledger: [undefined], event: [undefined] });
    expect(moneyIn("observer")).toEqual({ ledger: [undefined], event: [undefined] });
  });
});

describe("money values", () => {
  it("interpolate a range valuation in whole money, never as -0 (which JSON would silently turn into 0)", () => {
    const scenario = newTable().scenario;
    expect(issueMoney(scenario, "warranty", { atMin: 0, atMax: 240 }, 12)).toBe(120);
    expect(issueMoney(scenario, "warranty", { atMin: 0, atMax: 25 }, 12)).toBe(13);
    expect(Object.is(issueMoney(scenario, "warranty", { atMin: -1, atMax: 0 }, 12), 0)).toBe(true);
  });
});
