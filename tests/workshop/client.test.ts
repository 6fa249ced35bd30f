import { describe, expect, it } from "vitest";
import { consoleUrl, parseRoute } from "../../client/src/app/routes.js";
import { bucketOf, outcomeCounts, priceChart, reciprocityChart, roundsChart, surplusChart } from "../../client/src/workshop/chartData.js";
import { emptyWorkshop, reduceWorkshop, type WorkshopInput, type WorkshopModel } from "../../client/src/workshop/model.js";
import { WorkshopStore } from "../../client/src/workshop/store.js";
import { stripOf } from "../../client/src/workshop/strip.js";
import { concessionWords } from "../../client/src/workshop/words.js";
import { resultRow } from "../../server/workshop/exportRows.js";
import { utility } from "../../shared/engine/index.js";
import { roundDebrief } from "../../shared/workshop/classStats.js";
import { tileOf } from "../../shared/workshop/tile.js";
import { backup, play, summary, table, terms } from "./helpers/games.js";
import { endPackage } from "../bots/helpers/scripted.js";

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe("workshop addresses", () => {
  it("parses the create form, a lobby, the console with its key in the fragment, and a facilitated table", () => {
    expect(parseRoute("/workshop", "")).toEqual({ kind: "workshop_new" });
    expect(parseRoute("/w/abc234", "")).toEqual({ kind: "workshop", code: "ABC234" });
    expect(parseRoute("/w/ABC234/console", "#key=s3cr3t")).toEqual({ kind: "console", code: "ABC234", secret: "s3cr3t" });
    expect(parseRoute("/w/ABC234/console", "")).toEqual({ kind: "console", code: "ABC234", secret: null });
    expect(parseRoute("/f/XYZ789", "")).toEqual({ kind: "facilitate", code: "XYZ789" });
    expect(parseRoute("/w/ABC234/other", "")).toEqual({ kind: "landing" });
    expect(consoleUrl("https://parley.example", "ABC234", "a/b")).toBe("https://parley.example/w/ABC234/console#key=a%2Fb");
  });
});

describe("WorkshopStore", () => {
  it("keeps a participant's token and a facilitator's secret per workshop, and drops a bad entry", () => {
    const storage = new MemoryStorage();
    const store = new WorkshopStore(storage);
    store.setParticipant("ABC234", { token: null, name: "Ana" });
    expect(store.participant("ABC234")).toEqual({ token: null, name: "Ana" });
    store.setParticipant("ABC234", { token: "t".repeat(43), name: "Ana" });
    expect(store.participant("ABC234")?.token).toBe("t".repeat(43));
    store.setFacilitatorSecret("ABC234", "s".repeat(43));
    expect(store.facilitatorSecret("ABC234")).toBe("s".repeat(43));
    storage.setItem("parley:workshop:BAD234", "{not json");
    expect(store.participant("BAD234")).toBeNull();
    expect(storage.getItem("parley:workshop:BAD234")).toBeNull();
    storage.setItem("parley:facilitate:T12345", JSON.stringify({ secret: 5 }));
    expect(store.table("T12345")).toBeNull();
  });
});

describe("the workshop model", () => {
  const message = (model: WorkshopModel, type: Extract<WorkshopInput, { kind: "message" }>["type"], payload: unknown, at = 1) => reduceWorkshop(model, { kind: "message", type, payload, at });

  it("keeps each broadcast once (a reconnect replays them) and only the latest few", () => {
    let m = emptyWorkshop;
    for (let i = 0; i < 7; i++) m = message(m, "broadcast", { text: `note ${i}`, at: i });
    m = message(m, "broadcast", { text: "note 6", at: 6 });
    expect(m.broadcasts.map((b) => b.text)).toEqual(["note 2", "note 3", "note 4", "note 5", "note 6"]);
  });

  it("a control answer clears the last error; dismissing clears both; a closed link keeps its reason", () => {
    let m = message(emptyWorkshop, "error", { code: "workshop/bad_moment", message: "No round is running.", request: "pause" }, 5);
    expect(m.error).toMatchObject({ message: "No round is running.", at: 5 });
    m = message(m, "control", { control: "pause", results: [] }, 6);
    expect(m.error).toBeNull();
    expect(m.control).toMatchObject({ control: "pause", at: 6 });
    expect(reduceWorkshop(m, { kind: "dismiss" }).control).toBeNull();
    expect(reduceWorkshop(m, { kind: "link", link: "closed", reason: "Removed." })).toMatchObject({ link: "closed", closedReason: "Removed." });
  });

  it("an answer every table carried out goes when it expires; one with a refusal, or a newer one, stays", () => {
    const done = { table: "T1", label: "Table 1", ok: true, message: "Resumed." };
    let m = message(emptyWorkshop, "control", { control: "resume", results: [done, done, done] }, 10);
    expect(reduceWorkshop(m, { kind: "expire", at: 10 }).control).toBeNull();
    m = message(m, "control", { control: "pause", results: [done] }, 20);
    expect(reduceWorkshop(m, { kind: "expire", at: 10 }).control).toMatchObject({ control: "pause" });
    m = message(m, "control", { control: "pause", results: [done, { ...done, ok: false, message: "The game is over." }] }, 30);
    expect(reduceWorkshop(m, { kind: "expire", at: 30 }).control).toMatchObject({ control: "pause" });
  });

  it("drops a pairing proposal once the round it was for has started, and keeps it while the class changes", () => {
    const pairing = { tables: [{ buyer: "p1", seller: "p2" }], observers: [] };
    const consoleWith = (rounds: number, people = 2) => ({ participants: Array.from({ length: people }, (_, i) => ({ participantId: `p${i + 1}` })), waiting: [], rounds: Array.from({ length: rounds }, () => ({ pairing })) });
    let m = message(emptyWorkshop, "console", consoleWith(1));
    m = message(m, "proposal", { pairing, issues: [] });
    m = message(m, "console", consoleWith(1, 3));
    expect(m.proposal?.pairing).toEqual(pairing);
    m = message(m, "console", consoleWith(2, 3));
    expect(m.proposal).toBeNull();
  });
});

describe("the grid strip", () => {
  it("places the zone, both walk-aways, the offers and the deal along the price range", () => {
    const state = play(table("strip"), [
      { type: "offer", by: "seller", terms: terms(26000) },
      { type: "offer", by: "buyer", terms: terms(14000) },
    ]);
    const seats = { buyer: { name: "B", bot: false, connected: true }, seller: { name: "S", bot: false, connected: true } };
    const tile = tileOf({ code: "ABC234", index: 0, state, started: true, seats, zopa: { exists: true, low: 17000, high: 23000 }, now: 1_010_000 });
    const strip = stripOf(tile);
    expect(strip.min).toBe(Math.min(14000, state.sides.seller.walkAway, state.sides.buyer.walkAway));
    expect(strip.max).toBe(26000);
    const at = (kind: string) => strip.marks.find((m) => m.kind === kind)!.at;
    expect(at("seller-offer")).toBe(1);
    expect(at("buyer-offer")).toBeCloseTo((14000 - strip.min) / (strip.max - strip.min));
    expect(strip.band).toMatchObject({ kind: "zopa", low: 17000, high: 23000 });
    expect(stripOf({ ...tile, zopa: { exists: false, low: 22000, high: 19000 } }).band).toMatchObject({ kind: "gap", low: 22000, high: 19000 });
    expect(stripOf({ ...tile, zopa: null }).band).toBeNull();
  });
});

describe("debrief chart data", () => {
  const deal = summary(
    play(table("d1", undefined, "one-draw"), [
      { type: "offer", by: "seller", terms: terms(21000) },
      { type: "accept", by: "buyer" },
    ]),
    0,
  );
  const walk = summary(play(table("d2", undefined, "one-draw"), [{ type: "walk_away", by: "seller" }]), 1);
  const round = roundDebrief(1, [deal, walk], 0, { scenarioTitle: "x", currency: "USD", deck: "same" });

  it("puts each table's zone, deal price and Nash price side by side", () => {
    const d = priceChart(round);
    expect(d.labels).toEqual(["T1 Seller 0 / Buyer 0", "T2 Seller 1 / Buyer 1"]);
    expect(d.ticks).toEqual(d.labels);
    expect(d.deals).toEqual([21000, null]);
    expect(d.zones[0]!.range[0]).toBeLessThanOrEqual(d.zones[0]!.range[1]);
  });

  it("cuts each long name on the axes on its own, and keeps the whole names for the tooltips", () => {
    const long = "Maximiliana Wolfeschlegelsteinhausen-Ber";
    const players = { seller: { participantId: "p1", name: long, bot: false }, buyer: { participantId: "p2", name: "Zoë 😀 Okonkwo", bot: false } };
    const named = roundDebrief(1, [summary(play(table("d3", undefined, "one-draw"), [{ type: "walk_away", by: "seller" }]), 0, players)], 0, { scenarioTitle: "x", currency: "USD", deck: "same" });
    for (const d of [priceChart(named), reciprocityChart(named)]) {
      expect(d.labels).toEqual([`T1 ${long} / Zoë 😀 Okonkwo`]);
      expect(d.ticks).toEqual(["T1 Maximiliana W… / Zoë 😀 Okonkwo"]);
    }
  });

  it("draws one Pareto frontier for tables sharing a draw", () => {
    const d = surplusChart(round);
    expect(d.frontiers).toHaveLength(1);
    expect(d.frontiers[0]!.label).toBe("Pareto frontier T1, T2");
    expect(d.points.map((p) => p.deal)).toEqual([true, false]);
  });

  it("compares rounds by deal rate, efficiency and right walk-aways", () => {
    const second = roundDebrief(2, [walk], 0, { scenarioTitle: "y", currency: "USD", deck: "random" });
    const d = roundsChart([round, second]);
    expect(d.labels).toEqual([`Round 1: ${deal.scenarioTitle}`, `Round 2: ${walk.scenarioTitle}`]);
    expect(d.dealRate).toEqual([50, 0]);
    expect(d.rightWalkAways).toEqual([walk.walkAway?.right ? 100 : 0, walk.walkAway?.right ? 100 : 0]);
  });

  it("sorts every game into one ending", () => {
    expect(bucketOf(deal)).toBe(deal.surplus.buyer < 0 || deal.surplus.seller < 0 ? "Deal below a limit" : "Deal");
    expect(bucketOf(walk)).toBe(walk.walkAway?.right ? "Walked away: right" : "Walked away: wrong");
    expect(outcomeCounts(round).reduce((a, b) => a + b, 0)).toBe(2);
  });
});

describe("concession figures on the grid tile, the class chart, the results table and the export", () => {
  const offer = (by: "buyer" | "seller", end: "buyer" | "seller", price: number) => ({ type: "offer" as const, by, terms: endPackage(backup, end, price) });
  const accept = { type: "accept" as const, by: "buyer" as const };
  // The seller opens with every term at its own end; the buyer with every term at its end.
  /** The spec's figure by hand: the seller's own money from its opening to its last offer, over its opening to the buyer's. */
  const shareByHand = (state: ReturnType<typeof play>) => {
    const own = state.offers.filter((o) => o.by === "seller");
    const u = (o: (typeof own)[number]) => utility(state.scenario, "seller", state.sides.seller, o.terms);
    const theirs = state.offers.find((o) => o.by === "buyer")!;
    return (u(own[0]!) - u(own.at(-1)!)) / (u(own[0]!) - u(theirs));
  };
  const cases: [string, ReturnType<typeof play>, { words: string; past: boolean; retractions: number }][] = [
    [
      "giving every issue up to the buyer's opening is the whole gap, not the sum of five ranges",
      play(table("c1"), [offer("seller", "seller", 26000), offer("buyer", "buyer", 14000), offer("seller", "buyer", 14000), accept]),
      { words: "5 (100% of the gap)", past: false, retractions: 0 },
    ],
    [
      "past the buyer's opening: above 100 % and saying so",
      play(table("c2"), [offer("seller", "seller", 26000), offer("buyer", "buyer", 15000), offer("seller", "buyer", 14000), accept]),
      { words: "past their opening", past: true, retractions: 0 },
    ],
    [
      "a move back shows as a retraction and counts against what was given",
      play(table("c3"), [offer("seller", "seller", 26000), offer("buyer", "buyer", 14000), offer("seller", "seller", 24000), offer("buyer", "buyer", 15000), offer("seller", "seller", 25000), { type: "end" }]),
      { words: "1 retraction", past: false, retractions: 1 },
    ],
  ];
  it.each(cases)("%s", (_label, state, expected) => {
    const game = summary(state, 0);
    const words = concessionWords(tileOf({ code: "T", index: 0, state, started: true, seats: { buyer: { name: "B", bot: false, connected: true }, seller: { name: "S", bot: false, connected: true } }, zopa: null, now: 0 }).seats.seller.concessions);
    expect(words).toContain(expected.words);
    expect(concessionWords(game.concessions.seller)).toBe(words);
    const chart = reciprocityChart(roundDebrief(1, [game], 0, { scenarioTitle: "x", currency: "USD", deck: "same" }));
    const share = shareByHand(state);
    expect(share > 1).toBe(expected.past);
    expect(chart.seller).toEqual([Math.round(share * 100)]);
    expect(chart.details[0]!.seller).toBe(`Concessions: ${words}`);
    const row = resultRow("W", game, backup.issues, 1);
    expect(row).toMatchObject({ seller_concession_pct_of_gap: Math.round(share * 1000) / 10, seller_past_their_opening: expected.past, seller_retractions: expected.retractions });
    for (const [, pct] of words.matchAll(/(\d+)%/g)) if (Number(pct) > 100) expect(words).toContain("past their opening");
  });
});
