import { describe, expect, it } from "vitest";
import { createTable, viewFor, type Package, type TableState } from "../../shared/engine/index.js";
import { backupAppliance } from "./helpers/fixture.js";
import { expectedSurplus } from "./helpers/oracle.js";
import { act, offer, T0 } from "./helpers/play.js";

const scenario = backupAppliance();
const TURN = scenario.turnSeconds * 1000;
const terms = (price: number, rest: Partial<Package> = {}): Package => ({ price, support: "business", warranty: 24, delivery: 4, payment: "net30", ...rest });

function start(seed: string): { s: TableState; now: number } {
  return { s: createTable(scenario, seed, { now: T0 }), now: T0 };
}

describe("whole games on the backup-appliance scenario", () => {
  it("a deal: offers, a question, concessions, acceptance, reveal for both sides", () => {
    let { s, now } = start("game-deal");
    const step = (a: Parameters<typeof act>[1]) => (s = act(s, a, (now += 20_000)));
    step(offer("seller", terms(24000, { support: "basic", warranty: 12, delivery: 8, payment: "upfront" }), "List price"));
    step({ type: "ask", by: "buyer", questionId: "seller-date" });
    step(offer("seller", terms(23000, { support: "basic", warranty: 12, delivery: 8, payment: "upfront" })));
    step(offer("buyer", terms(17000, { support: "premium", warranty: 36, delivery: 2, payment: "net90" })));
    step(offer("seller", terms(21500, { support: "business", warranty: 36, delivery: 6, payment: "net30" })));
    step(offer("buyer", terms(19500, { support: "premium", warranty: 36, delivery: 6, payment: "net30" })));
    step(offer("seller", terms(20500, { support: "premium", warranty: 36, delivery: 6, payment: "net30" })));
    step({ type: "note", by: "buyer", text: "They moved on support once I moved on delivery." });
    step({ type: "accept", by: "buyer", message: "Deal." });

    expect(s.phase).toBe("finished");
    expect(s.outcome).toMatchObject({ kind: "deal", acceptedBy: "buyer", terms: terms(20500, { support: "premium", warranty: 36, delivery: 6 }) });
    expect(s.score?.surplus).toEqual(expectedSurplus(s));
    expect(s.score?.joint).toBe((s.score?.surplus.buyer ?? 0) + (s.score?.surplus.seller ?? 0));
    expect(s.score?.efficiency).toBeGreaterThan(0);
    expect(s.score?.efficiency).toBeLessThanOrEqual(1);
    expect(s.sides.buyer.learned.map((f) => f.fact)).toEqual([{ kind: "hotButton", id: "quarter" }]);
    expect(s.ledger.length).toBeGreaterThan(0);
    expect(s.ledger.every((c) => c.share > 0 && c.share <= 1)).toBe(true);
    for (const viewer of ["buyer", "seller", "observer"] as const) {
      const reveal = viewFor(s, viewer).reveal;
      expect(reveal?.walkAways).toEqual({ buyer: s.sides.buyer.walkAway, seller: s.sides.seller.walkAway });
      expect(reveal?.score).toEqual(s.score);
      expect(reveal?.analysis.nash).not.toBeNull();
    }
    expect(Object.keys(viewFor(s, "seller").sides).sort()).toEqual(["buyer", "seller"]);
    expect(viewFor(s, "seller").sides.buyer?.notes).toBeUndefined();
    expect(viewFor(s, "facilitator").sides.buyer?.notes?.map((n) => n.text)).toEqual(["They moved on support once I moved on delivery."]);
  });

  it("a walk-away: no deal, both surpluses 0, the walker named", () => {
    let { s, now } = start("game-walk");
    s = act(s, offer("seller", terms(26000, { support: "basic", warranty: 12, delivery: 8, payment: "upfront" })), (now += 10_000));
    s = act(s, offer("buyer", terms(14000, { support: "premium", warranty: 36, delivery: 2, payment: "net90" })), (now += 10_000));
    s = act(s, { type: "walk_away", by: "seller", message: "We are too far apart." }, (now += 10_000));
    expect(s.outcome).toEqual({ kind: "walkaway", by: "seller", round: 2 });
    expect(s.score?.surplus).toEqual({ buyer: 0, seller: 0 });
    expect(s.timeline.at(-1)?.type).toBe("game_over");
  });

  it("expiry: no deal by the end of the last round ends the game exactly at the deadline", () => {
    let { s, now } = start("game-expire");
    let turns = 0;
    while (s.phase === "playing") {
      const last = s.turn === 2 * s.lastRound - 1;
      s = turns % 3 === 2 ? act(s, { type: "timeout" }, (now += TURN)) : act(s, offer(s.toAct, terms(s.toAct === "seller" ? 25000 : 15000)), (now += 1_000));
      turns++;
      if (last) break;
    }
    expect(s.phase).toBe("finished");
    expect(turns).toBe(2 * s.lastRound);
    expect(s.outcome).toEqual({ kind: "expired", round: s.lastRound });
    expect(s.score?.surplus).toEqual({ buyer: 0, seller: 0 });
    expect(s.timeline.filter((e) => e.type === "round_started").map((e) => (e.type === "round_started" ? e.round : 0))).toEqual(
      Array.from({ length: s.lastRound }, (_, i) => i + 1),
    );
  });
});
