import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buyerward, concessionFigures, entryKind, issueMoney, ledgerBalance, viewFor, type Package, type Role, type TableState } from "../../shared/engine/index.js";
import { act, newTable, offer, pkg } from "./helpers/play.js";
import { runs } from "./helpers/runs.js";

/** Seller opens with `sellerFirst`, buyer answers with `buyerFirst`, then the given moves follow (room for 12 rounds). */
function table(sellerFirst: Package, buyerFirst: Package, ...moves: Package[]): TableState {
  let s = act(act(newTable(undefined, { rounds: 12 }), offer("seller", sellerFirst)), offer("buyer", buyerFirst));
  for (const terms of moves) s = act(s, offer(s.toAct, terms));
  return s;
}
const concessionsBy = (s: TableState, by: Role) => s.ledger.filter((c) => c.by === by).map(({ issueId, share, money }) => ({ issueId, share, money }));
const entriesBy = (s: TableState, by: Role) => s.ledger.filter((c) => c.by === by).map(({ turn, issueId, share, money, status }) => ({ turn, issueId, share, money, status }));

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

  it("moving away from the other side is a retraction, and several moves in one offer count separately", () => {
    const s = table(pkg({ price: 2000, warranty: 12 }), buyerOpen, pkg({ price: 2400, warranty: 24, delivery: 2 }));
    expect(entriesBy(s, "seller")).toEqual([
      { turn: 2, issueId: "price", share: 0.2, money: 400, status: "retraction" },
      { turn: 2, issueId: "warranty", share: 0.5, money: 30, status: "pending" },
      { turn: 2, issueId: "delivery", share: 1, money: 90, status: "pending" },
    ]);
  });

  it("first offers and unchanged offers concede nothing", () => {
    expect(table(sellerOpen, buyerOpen).ledger).toEqual([]);
    expect(table(sellerOpen, buyerOpen, sellerOpen).ledger).toEqual([]);
  });
});

describe("reciprocity ledger: retractions and restored ground", () => {
  const open = (price: number) => pkg({ price });
  // Seller: 3000 → 2600 → 2900 (takes 300 back) → 2500 (gives 300 back, then 100 new); the buyer holds at 1000.
  const s = table(open(3000), open(1000), open(2600), open(1000), open(2900), open(1000), open(2500));

  it("a move back is a retraction; moving forward again restores that ground first and concedes only beyond it", () => {
    expect(entriesBy(s, "seller")).toEqual([
      { turn: 2, issueId: "price", share: 0.2, money: 400, status: "unreciprocated" },
      { turn: 4, issueId: "price", share: 0.15, money: 300, status: "retraction" },
      { turn: 6, issueId: "price", share: 0.15, money: 300, status: "restored" },
      { turn: 6, issueId: "price", share: 0.05, money: 100, status: "pending" },
    ]);
  });

  it("the balance counts concessions and retractions, never restored ground", () => {
    expect(ledgerBalance(s.ledger).seller).toEqual({ concessions: 2, retractions: 1, unreciprocated: 1 });
  });

  it("restoring ground answers nothing: the other side's concession goes unreciprocated", () => {
    const t = table(open(3000), open(1000), open(2800), open(1200), open(3000), open(1300), open(2800));
    expect(t.ledger.map((c) => [c.turn, c.by, c.status])).toEqual([
      [2, "seller", "reciprocated"],
      [3, "buyer", "unreciprocated"],
      [4, "seller", "retraction"],
      [5, "buyer", "unreciprocated"],
      [6, "seller", "restored"],
    ]);
  });

  it("a retraction's money, like a concession's, is the mover's secret", () => {
    const moneyOf = (viewer: "buyer" | "seller" | "observer") => {
      const v = viewFor(s, viewer);
      const events = v.timeline.flatMap((e) => (e.type === "concessions" ? e.entries.map((x) => [x.status, x.money]) : []));
      return { ledger: v.ledger.map((c) => [c.status, c.money]), events };
    };
    expect(moneyOf("seller").ledger).toEqual(entriesBy(s, "seller").map((c) => [c.status, c.money]));
    for (const viewer of ["buyer", "observer"] as const) {
      expect(moneyOf(viewer).ledger).toEqual(entriesBy(s, "seller").map((c) => [c.status, undefined]));
      expect(moneyOf(viewer).events.map(([, money]) => money)).toEqual([undefined, undefined, undefined, undefined]);
    }
  });

  const PRICES = [1000, 1500, 2000, 2500, 3000];
  const packageArb = fc.record({
    price: fc.constantFrom(...PRICES),
    support: fc.constantFrom("basic", "premium"),
    warranty: fc.constantFrom(0, 12, 24),
    delivery: fc.constantFrom(2, 4, 6),
  });

  it("per issue, concessions add up to the furthest ground ever given, and all moves net out to where the side ended", () => {
    fc.assert(
      fc.property(fc.array(packageArb, { minLength: 1, maxLength: 10 }), (moves) => {
        let state = act(newTable(undefined, { rounds: 12 }), offer("seller", moves[0] as Package));
        for (const terms of moves.slice(1)) state = act(act(state, offer("buyer", pkg({ price: 1000 }))), offer("seller", terms as Package));
        const own = state.offers.filter((o) => o.by === "seller");
        for (const issue of state.scenario.issues) {
          const given = (o: (typeof own)[number]) => buyerward(issue, o.terms[issue.id] as number | string);
          const entries = state.ledger.filter((c) => c.by === "seller" && c.issueId === issue.id);
          const sum = (kind: string) => entries.filter((c) => entryKind(c.status) === kind).reduce((t, c) => t + c.share, 0);
          const first = given(own[0]!);
          expect(sum("concession")).toBeCloseTo(Math.max(...own.map(given)) - first, 2);
          expect(sum("concession") + sum("restored") - sum("retraction")).toBeCloseTo(given(own.at(-1)!) - first, 2);
        }
      }),
      { numRuns: runs(200) },
    );
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
      seller: { concessions: 1, retractions: 0, unreciprocated: 1 },
      buyer: { concessions: 0, retractions: 0, unreciprocated: 0 },
    });
  });

  it("a question in between leaves the concession pending", () => {
    let s = table(pkg({ price: 3000 }), pkg({ price: 1000 }), pkg({ price: 2800 }));
    s = act(s, { type: "ask", by: "buyer", questionId: "seller-date" });
    expect(s.ledger.map((c) => c.status)).toEqual(["pending"]);
  });

  it("the balance counts moves per side rather than adding shares of different issues' ranges", () => {
    const s = table(pkg({ price: 3000 }), pkg({ price: 1000 }), pkg({ price: 2600, warranty: 12 }), pkg({ price: 1200 }));
    expect(ledgerBalance(s.ledger)).toEqual({
      seller: { concessions: 2, retractions: 0, unreciprocated: 0 },
      buyer: { concessions: 1, retractions: 0, unreciprocated: 0 },
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

describe("a side's concession figures", () => {
  const open = (price: number, support = "basic") => pkg({ price, support });
  const cases: [string, TableState, Role, Partial<ReturnType<typeof concessionFigures>>][] = [
    [
      "money given net, as a share of the distance between the openings, public share of the gap closed",
      table(open(3000), open(1000), open(2600)),
      "seller",
      { concessions: 1, retractions: 0, money: 400, gap: 2000, share: 0.2, pastTheirOpening: false, gapClosed: 0.2 },
    ],
    [
      "ground given and taken back counts net; restoring it is no new concession",
      table(open(3000), open(1000), open(2600), open(1000), open(2900), open(1000), open(2500)),
      "seller",
      { concessions: 2, retractions: 1, unreciprocated: 1, retractedIssues: ["price"], money: 500, share: 0.25, gapClosed: 0.25 },
    ],
    [
      "past the other side's opening: the only way past 100 %, and the public figure stops at 100 %",
      table(open(3000), open(1000), open(1000, "premium")),
      "seller",
      { money: 2100, gap: 2000, share: 1.05, pastTheirOpening: true, gapClosed: 1 },
    ],
    ["before a second offer: nothing given", table(open(3000), open(1000)), "buyer", { concessions: 0, money: 0, share: 0, gapClosed: 0 }],
    ["openings that ask for the same: no gap to share", table(open(2000), open(2000), open(1900)), "seller", { money: 100, gap: null, share: null, gapClosed: null }],
  ];
  it.each(cases)("%s", (_label, state, role, expected) => {
    expect(concessionFigures(state, role)).toMatchObject(expected);
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
