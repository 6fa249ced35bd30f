import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootServer, type Harness } from "./helpers/harness.js";
import { until } from "./helpers/wait.js";

// backup-appliance: the seller opens; price 14,000–26,000 in steps of 250; the buyer's board cap is at least 22,000.
const terms = (price: number) => ({ price, support: "business", warranty: 24, delivery: 4, payment: "net30" });

let h: Harness;
beforeAll(async () => {
  h = await bootServer();
});
afterAll(async () => {
  await h.stop();
});

describe("a full game between two colyseus.js clients", () => {
  it("seats both players, plays offers to a deal, and reveals to everyone after the outcome", async () => {
    const table = await h.open({ scenarioId: "backup-appliance" });
    expect(table.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(Object.keys(table.seats).sort()).toEqual(["buyer", "seller"]);

    const seller = await h.join(table.code, { seat: table.seats.seller!, name: "Sam Seller" }, "seller");
    expect(seller.state.started).toBe(false);
    const buyer = await h.join(table.code, { seat: table.seats.buyer!, name: "Bea Buyer" }, "buyer");
    const observer = await h.join(table.code, {}, "observer");

    await until("game started for the seller", () => seller.state.started);
    const welcome = buyer.last("welcome")!;
    expect(welcome).toMatchObject({ viewer: "buyer", role: "buyer", code: table.code, reconnectSeconds: 60 });
    expect(buyer.view.scenario.id).toBe("backup-appliance");
    expect(observer.last("welcome")).toMatchObject({ viewer: "observer", role: null });
    expect(Object.keys(buyer.view.sides)).toEqual(["buyer"]);
    expect(Object.keys(seller.view.sides)).toEqual(["seller"]);
    expect(observer.view.sides).toEqual({});

    const seats = seller.state.seats;
    expect(seats.get("buyer")).toMatchObject({ name: "Bea Buyer", connected: true, taken: true, bot: false });
    expect(seats.get("seller")).toMatchObject({ name: "Sam Seller", connected: true });
    expect(seller.view.toAct).toBe("seller");
    expect(seller.view.turnEndsAt).toBeGreaterThan(Date.now());

    seller.send("offer", { terms: terms(24000), message: "List price, with business support." });
    await until("buyer sees the seller's offer", () => buyer.view.offers.length === 1 && buyer.view.toAct === "buyer");
    expect(buyer.view.offers[0]!.terms).toEqual(terms(24000));
    expect(buyer.view.offers[0]!.message).toBe("List price, with business support.");

    buyer.send("offer", { terms: terms(18000) });
    await until("seller's turn again", () => seller.view.toAct === "seller" && seller.view.turn === 2);
    seller.send("offer", { terms: terms(21000) });
    await until("the seller conceded on price", () => observer.view.ledger.length === 1);
    expect(observer.view.ledger[0]).toMatchObject({ by: "seller", issueId: "price", status: "pending" });
    // The conceder sees what the concession cost them; the other side and observers do not.
    const concession = (events: ReturnType<typeof seller.events>) => events.find((e) => e.type === "concessions");
    await until("concession events delivered", () => [seller, buyer, observer].every((p) => concession(p.events()) !== undefined));
    expect(concession(seller.events())).toMatchObject({ entries: [{ money: 3000 }] });
    expect(JSON.stringify(concession(buyer.events()))).not.toContain("money");
    expect(JSON.stringify(concession(observer.events()))).not.toContain("money");

    buyer.send("accept", { message: "Deal." });
    await until("everyone sees the deal", () => [seller, buyer, observer].every((p) => p.view.outcome?.kind === "deal" && p.view.reveal !== null));
    expect(buyer.view.phase).toBe("finished");
    const reveal = observer.view.reveal!;
    expect(reveal.outcome).toMatchObject({ kind: "deal", acceptedBy: "buyer", terms: terms(21000) });
    expect(reveal.walkAways.buyer).toBe(buyer.view.sides.buyer!.walkAway);
    expect(reveal.walkAways.seller).toBe(seller.view.sides.seller!.walkAway);
    // After the end both players see both sides; an observer still sees no brief.
    expect(Object.keys(buyer.view.sides).sort()).toEqual(["buyer", "seller"]);
    expect(observer.view.sides).toEqual({});
    expect(seller.events().map((e) => e.type)).toEqual(expect.arrayContaining(["round_started", "offer_made", "deal", "game_over"]));
    // Each player reads its own debrief, one line per lesson, sent with the move that ended the game; an observer gets none.
    expect(Object.keys(buyer.debrief)).toEqual(["buyer"]);
    expect(Object.keys(seller.debrief)).toEqual(["seller"]);
    expect(buyer.debrief.buyer!.map((l) => l.lesson)).toEqual(["walk-away", "anchor", "position", "discovery", "curve-balls", "reciprocity", "listening", "notes"]);
    expect(observer.debrief).toEqual({});
    // The reveal came once, with the end: no viewer was sent a view without a change in it.
    for (const p of [seller, buyer, observer]) expect(p.messages("view").filter((m) => m.delta.kind === "change" && m.delta.set?.reveal).length).toBe(1);

    // Once the game is over, nothing more is accepted.
    const before = seller.errorCount();
    seller.send("offer", { terms: terms(20000) });
    expect((await seller.nextError(before)).code).toBe("rule/game_over");
  });

  it("refuses actions before both seats are filled, and refuses out-of-turn moves as interruptions", async () => {
    const table = await h.open({ scenarioId: "backup-appliance" });
    const seller = await h.join(table.code, { seat: table.seats.seller! }, "seller");
    seller.send("offer", { terms: terms(24000) });
    expect((await seller.nextError(0)).code).toBe("protocol/not_started");

    const buyer = await h.join(table.code, { seat: table.seats.buyer! }, "buyer");
    await until("started", () => buyer.state.started);
    buyer.send("offer", { terms: terms(18000) });
    const refused = await buyer.nextError(0);
    expect(refused).toMatchObject({ code: "rule/not_your_turn", request: "offer" });
    await until("the interruption is counted in public", () => seller.view.interruptions.buyer === 1);
    expect(buyer.view.offers.length).toBe(0);
    expect(buyer.isOpen).toBe(true);
  });

  it("gives the facilitator every side, curve balls, pause and resume", async () => {
    const table = await h.openFacilitated({ scenarioId: "backup-appliance" });
    const facilitator = await h.join(table.code, { facilitator: table.facilitatorSecret }, "facilitator");
    const seller = await h.join(table.code, { seat: table.seats.seller! }, "seller");
    const buyer = await h.join(table.code, { seat: table.seats.buyer! }, "buyer");
    await until("started", () => facilitator.state.started);
    expect(Object.keys(facilitator.view.sides).sort()).toEqual(["buyer", "seller"]);

    facilitator.send("curveball", { cardId: "competitor-quote" });
    await until("the card lands", () => buyer.view.cards.length === 1);
    // A private card: the table sees only that something landed on the buyer.
    expect(seller.view.cards[0]).toEqual({ hidden: true, side: "buyer", round: 1 });
    await until("buyer hears of it", () => buyer.events().some((e) => e.type === "card_drawn"));
    expect(seller.events().some((e) => e.type === "card_drawn")).toBe(false);
    expect(seller.events().some((e) => e.type === "card_hidden")).toBe(true);

    facilitator.send("pause", {});
    await until("paused", () => seller.view.phase === "paused");
    expect(seller.view.turnEndsAt).toBeNull();
    expect(seller.view.pausedRemainingMs).toBeGreaterThan(0);
    seller.send("offer", { terms: terms(24000) });
    expect((await seller.nextError(0)).code).toBe("rule/paused");

    facilitator.send("resume", {});
    await until("resumed", () => seller.view.phase === "playing" && (seller.view.turnEndsAt ?? 0) > Date.now());
    facilitator.send("add_time", { seconds: 30 });
    await until("time added", () => facilitator.events().some((e) => e.type === "time_added"));

    // Players cannot use the facilitator's controls, and the facilitator cannot play a seat.
    seller.send("end", {});
    expect((await seller.nextError(1)).code).toBe("protocol/not_allowed");
    facilitator.send("walk_away", {});
    expect((await facilitator.nextError(0)).code).toBe("protocol/not_allowed");

    facilitator.send("end", {});
    await until("ended by the facilitator", () => buyer.view.outcome?.kind === "ended");
  });
});
