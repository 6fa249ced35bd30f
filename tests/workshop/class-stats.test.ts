import { describe, expect, it } from "vitest";
import { analyzeTable, utility, zoneBand, zoneOn } from "../../shared/engine/index.js";
import { classGame, median, roundDebrief, roundTotals, standingOf } from "../../shared/workshop/classStats.js";
import { botPlayer, fleet, play, seedWhere, summary, table, terms } from "./helpers/games.js";

/** Seller offers `ask`, buyer accepts: a deal at `ask`. */
const dealAt = (seed: string, ask: number) =>
  play(table(seed, undefined, "same-draw"), [
    { type: "offer", by: "seller", terms: terms(ask) },
    { type: "accept", by: "buyer" },
  ]);

describe("summarizeGame", () => {
  it("a deal: price, both surpluses as the engine scored them, the ZOPA and Pareto line of the draw, each person's debrief", () => {
    const state = dealAt("g1", 21000);
    const s = summary(state, 0);
    const analysis = analyzeTable(state);
    expect(s).toMatchObject({ outcome: "deal", endedBy: "buyer", price: 21000, terms: terms(21000), surplus: state.score!.surplus, efficiency: state.score!.efficiency });
    expect(s.surplus.seller).toBe(utility(state.scenario, "seller", state.sides.seller, terms(21000)) - state.score!.penalties.seller);
    expect(s.zopa).toMatchObject({ exists: analysis.exists, low: analysis.zone.low, high: analysis.zone.high, terms: analysis.zone.terms });
    expect(s.dealZone).toEqual(zoneBand(state.scenario, zoneOn(state.scenario, state.sides, terms(21000))));
    expect(s.dealZone?.exists).toBe(true);
    expect(s.pareto).toHaveLength(analysis.pareto.length);
    expect(s.walkAways).toEqual({ buyer: state.sides.buyer.walkAway, seller: state.sides.seller.walkAway });
    expect(s.debrief.buyer?.map((l) => l.lesson)).toEqual(["walk-away", "anchor", "position", "discovery", "curve-balls", "reciprocity", "listening", "notes"]);
    expect(s.walkAway).toBeNull();
    expect(s.offers).toBe(1);
  });

  it("gives a bot seat no debrief", () => {
    const s = summary(dealAt("g2", 21000), 0, { buyer: botPlayer, seller: { participantId: "p1", name: "Sam", bot: false } });
    expect(s.debrief.buyer).toBeUndefined();
    expect(s.debrief.seller).toHaveLength(8);
  });

  it("judges a walk-away right when no package could satisfy both sides", () => {
    const seed = seedWhere(fleet, false);
    const state = play(table(seed, fleet), [{ type: "walk_away", by: fleet.firstMover }]);
    expect(summary(state, 0).walkAway).toEqual({ by: fleet.firstMover, right: true, reason: "no_zopa" });
  });

  it("judges a walk-away wrong when the other side's standing offer beat the walker's limit", () => {
    const seed = seedWhere(fleet, true);
    const base = table(seed, fleet);
    const analysis = analyzeTable(base);
    const seller = fleet.firstMover === "seller";
    // The seller puts the Nash package on the table; the buyer walks away from it.
    const nash = analysis.nash!.terms;
    const actions = seller
      ? [
          { type: "offer" as const, by: "seller" as const, terms: nash },
          { type: "walk_away" as const, by: "buyer" as const },
        ]
      : [
          { type: "offer" as const, by: "buyer" as const, terms: nash },
          { type: "walk_away" as const, by: "seller" as const },
        ];
    const s = summary(play(base, actions), 0);
    expect(s.walkAway).toMatchObject({ right: false, reason: "left_acceptable_offer" });
  });

  it("records how the side a curve ball landed on answered it", () => {
    const state = play(table("curve", undefined, "same-draw"), [
      { type: "offer", by: "seller", terms: terms(24000) },
      { type: "curveball", cardId: "competitor-quote" },
      { type: "offer", by: "buyer", terms: terms(17000) },
      { type: "offer", by: "seller", terms: terms(23000) },
      { type: "walk_away", by: "buyer" },
    ]);
    const card = summary(state, 0).cards.find((c) => c.cardId === "competitor-quote")!;
    const side = card.side;
    expect(card.thrownBy).toBe("facilitator");
    if (side === "buyer") expect(card.response).toEqual({ kind: "offer", before: null, after: 17000 });
    else expect(card.response).toEqual({ kind: "offer", before: 24000, after: 23000 });
    expect(card.text).toMatch(/first offer at \$17,000|moved the price from \$24,000 to \$23,000 \(−\$1,000\)/);
  });
});

describe("class statistics", () => {
  const games = [
    summary(dealAt("c1", 20000), 0),
    summary(dealAt("c2", 22000), 1),
    summary(dealAt("c3", 21000), 2),
    summary(play(table("c4", undefined, "same-draw"), [{ type: "end" }]), 3),
  ];

  it("counts deals, walk-aways and other endings, with mean and median prices", () => {
    const t = roundTotals(games);
    expect(t).toMatchObject({ tables: 4, deals: 3, walkAwaysRight: 0, walkAwaysWrong: 0, otherNoDeal: 1, dealRate: 0.75, meanPrice: 21000, medianPrice: 21000 });
    expect(t.meanEfficiency).toBeCloseTo(games.reduce((a, g) => a + g.efficiency, 0) / 4, 3);
    expect(t.dealsBelowWalkAway).toBe(games.filter((g) => g.outcome === "deal" && (g.surplus.buyer < 0 || g.surplus.seller < 0)).length);
  });

  it("places a player among everyone who played the same role; the highest surplus ranks first", () => {
    const cheapest = standingOf("b0", games)!; // bought at 20,000: the best buyer result
    expect(cheapest).toMatchObject({ role: "buyer", rank: 1, of: 4, dealPrice: 20000, classMedianPrice: 21000, classDeals: 3, classTables: 4 });
    const dearest = standingOf("b1", games)!;
    expect(dearest.rank).toBe(3);
    expect(standingOf("s1", games)).toMatchObject({ role: "seller", rank: 1 });
    expect(standingOf("nobody", games)).toBeNull();
  });

  it("leaves every person's debrief lines out of the class debrief", () => {
    const round = roundDebrief(1, games, 0, { scenarioTitle: "x", currency: "USD", deck: "same" });
    expect(round.games.every((g) => !("debrief" in g))).toBe(true);
    expect(round.games.map((g) => g.index)).toEqual([0, 1, 2, 3]);
    expect(classGame(games[0]!)).not.toHaveProperty("debrief");
  });

  it("takes the median of an even count as the mean of the middle two", () => {
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });
});
