import { describe, expect, it } from "vitest";
import { ledgerOf } from "../../client/src/view/ledger.js";
import { curveCardsOf } from "../../client/src/view/curveCards.js";
import { talkOf } from "../../client/src/view/talk.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { clientView, contextFor, offer, pkg, play } from "./helpers/tables.js";

/** The buyer answers the seller's concessions by repeating its first offer: nothing given back. */
const stonewalled = () => play(SCRIPTS.withCards(), [offer("buyer", pkg({ price: 17000, support: "premium", warranty: 36, delivery: 2, payment: "net90" }))]);

describe("the reciprocity ledger", () => {
  it("keeps a running balance and flags concessions nobody answered", () => {
    const ledger = ledgerOf(clientView(stonewalled(), "seller"), contextFor());
    expect(ledger.rows.map((r) => [r.text.split(":")[0], r.status])).toEqual([
      ["Price", "unreciprocated"],
      ["Support tier", "unreciprocated"],
      ["Price", "unreciprocated"],
      ["Hardware warranty", "unreciprocated"],
    ]);
    expect(ledger.flagged).toBe(4);
    const seller = ledger.sides.find((s) => s.role === "seller")!;
    expect(seller).toMatchObject({ name: "You", count: 4, retractions: 0, unreciprocated: 4 });
    expect(ledger.sides.find((s) => s.role === "buyer")).toMatchObject({ count: 0, gapClosed: 0 });
    expect(ledger.summary).toMatch(
      /^You made 4 concessions, closing \d+ % of the gap between the openings term by term; they made 0 concessions, closing 0 % of the gap between the openings term by term\. 4 of your concessions went unanswered: expect something back\.$/,
    );
  });

  it("never shows more than the whole gap between the openings, however many issues a side gave on", () => {
    // The seller gives every issue all the way to the buyer's opening: per-issue shares of the ranges would add up to over 300 %.
    const all = play(stonewalled(), [offer("seller", pkg({ price: 17000, support: "premium", warranty: 36, delivery: 2, payment: "net90" }))]);
    const ledger = ledgerOf(clientView(all, "observer"), contextFor());
    const shares = ledger.rows.filter((r) => r.by === "seller").map((r) => Number(/(\d+) %/.exec(r.text)?.[1]));
    expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThan(300);
    expect(ledger.sides.find((s) => s.role === "seller")?.gapClosed).toBe(1);
    for (const match of ledger.summary.matchAll(/(\d+) % of the gap/g)) expect(Number(match[1])).toBeLessThanOrEqual(100);
  });

  it("shows a move back as a retraction, and giving that ground again as no new concession", () => {
    const state = play(stonewalled(), [offer("seller", pkg({ price: 24000, support: "business", warranty: 24 })), offer("buyer", pkg({ price: 17000, support: "premium", warranty: 36, delivery: 2, payment: "net90" })), offer("seller", pkg({ price: 23000, support: "business", warranty: 24 }))]);
    const ledger = ledgerOf(clientView(state, "seller"), contextFor());
    expect(ledger.rows.slice(4).map((r) => [r.text, r.statusText])).toEqual([
      ["Price: moved back 8 % of the range (wins you back $1,000)", "retraction: ground taken back"],
      ["Price: 8 % of the range given again (costs you $1,000)", "given again: not a new concession"],
    ]);
    expect(ledger.sides.find((s) => s.role === "seller")).toMatchObject({ count: 4, retractions: 1 });
    expect(ledger.summary).toContain("You made 4 concessions and 1 retraction");
    const buyerSees = ledgerOf(clientView(state, "buyer"), contextFor()).rows.slice(4).map((r) => r.text);
    expect(buyerSees).toEqual(["Price: moved back 8 % of the range", "Price: 8 % of the range given again"]);
  });

  it("shows what a concession cost only to the side that made it", () => {
    const seller = ledgerOf(clientView(stonewalled(), "seller"), contextFor());
    expect(seller.rows[0]!.text).toBe("Price: 8 % of the range (costs you $1,000)");
    for (const viewer of ["buyer", "observer"] as const) {
      const rows = ledgerOf(clientView(stonewalled(), viewer), contextFor()).rows;
      expect(rows[0]!.text).toBe("Price: 8 % of the range");
      expect(rows.some((r) => r.text.includes("costs you"))).toBe(false);
    }
  });

  it("marks answered concessions as reciprocated, and the last unanswered ones as pending", () => {
    const rows = ledgerOf(clientView(SCRIPTS.dealDone(), "observer"), contextFor()).rows.filter((r) => r.by === "seller");
    expect(rows.map((r) => r.statusText)).toEqual([
      "met by a concession",
      "met by a concession",
      "met by a concession",
      "met by a concession",
      "waiting for a reply",
      "waiting for a reply",
    ]);
  });
});

describe("curve-ball cards", () => {
  it("show a private card's face to its side and its back to everyone else", () => {
    const state = SCRIPTS.withCards();
    const faces = (viewer: "buyer" | "seller" | "observer" | "facilitator") =>
      curveCardsOf(clientView(state, viewer), contextFor()).map((c) => `${c.face}:${c.title}`);
    expect(faces("buyer")).toEqual(["private:A competitor calls", "hidden:Face-down card", "public:The board meets early"]);
    expect(faces("seller")).toEqual(["hidden:Face-down card", "private:Supplier raises prices", "public:The board meets early"]);
    expect(faces("observer")).toEqual(["hidden:Face-down card", "hidden:Face-down card", "public:The board meets early"]);
    expect(faces("facilitator")).toEqual(["private:A competitor calls", "private:Supplier raises prices", "public:The board meets early"]);
  });

  it("explain who can see each card", () => {
    const cards = curveCardsOf(clientView(SCRIPTS.withCards(), "buyer"), contextFor());
    expect(cards.map((c) => c.caption)).toEqual(["Private: only you see this", "Private to the seller", "Public: both sides see this"]);
    expect(cards[0]!.text).toBe("A competing integrator quotes you a comparable appliance: your walk-away drops by $1,000.");
    expect(cards[1]!.text).toBe("Something happened on the seller's side.");
    expect(new Set(cards.map((c) => c.key)).size).toBe(3);
  });
});

describe("the table talk", () => {
  it("lists the moves with the messages attached to them", () => {
    const lines = talkOf(clientView(SCRIPTS.midGame(), "observer"), contextFor());
    const moves = lines.filter((l) => l.tone === "move");
    expect(moves.map((l) => [l.text, l.message])).toEqual([
      ["Sam (seller) offered $25,000.", "List price, installed in eight weeks."],
      ["Bea (buyer) offered $17,000.", null],
      ["Sam (seller) offered $24,000.", "We can move on support."],
      ["Bea (buyer) asked: “Is there a date you are working against?”", "Before I answer that —"],
    ]);
  });

  it("gives the answer to the asker and, as said on its behalf, to the answered side; never to observers", () => {
    const answers = (viewer: "buyer" | "seller" | "observer" | "facilitator") =>
      talkOf(clientView(SCRIPTS.midGame(), viewer), contextFor())
        .filter((l) => /^Answer/.test(l.text))
        .map((l) => [l.text.replace(/“.*”/, "“…”"), l.privateTag]);
    expect(answers("buyer")).toEqual([["Answer: “…”", "between you two"]]);
    expect(answers("seller")).toEqual([["Answered for you: “…”", "between you two"]]);
    expect(answers("facilitator")).toEqual([["Answer to the buyer: “…”", "players only"]]);
    expect(answers("observer")).toEqual([]);
    const told = (viewer: "buyer" | "seller") => talkOf(clientView(SCRIPTS.midGame(), viewer), contextFor()).find((l) => /^Answer/.test(l.text))?.text.replace(/^[^“]*/, "");
    expect(told("seller")).toBe(told("buyer"));
  });

  it("announces curve balls as each viewer may know them, and never repeats notes", () => {
    const texts = (viewer: "buyer" | "observer") => talkOf(clientView(SCRIPTS.withCards(), viewer), contextFor()).map((l) => l.text);
    expect(texts("buyer").filter((t) => t.startsWith("Curve ball") || t.startsWith("Something"))).toEqual([
      "Curve ball: A competitor calls. A competing integrator quotes you a comparable appliance: your walk-away drops by $1,000.",
      "Something happened on the seller's side (a private card).",
      "Curve ball: The board meets early. Northfield's board moves its sign-off meeting forward: the negotiation loses 1 round.",
    ]);
    expect(texts("buyer").some((t) => t.includes("hold firm"))).toBe(false);
    expect(texts("observer").filter((t) => t.startsWith("Curve ball") || t.startsWith("Something"))).toHaveLength(1);
  });
});
