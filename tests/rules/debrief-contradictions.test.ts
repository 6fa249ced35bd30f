import { describe, expect, it } from "vitest";
import { revealOf } from "../../client/src/view/reveal.js";
import { apply, createTable, debrief, type Action, type HotButton, type LessonId, type Package, type Role, type TableState } from "../../shared/engine/index.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { clientView, contextFor } from "../client/helpers/tables.js";

/*
 * The contradictions a trainer saw at the end of backup-appliance games, each replayed on the
 * shipped scenario with the draw pinned. Best terms there are business support, 36 months, 8
 * weeks, net 90: worth $4,000 to the buyer and costing the seller $1,450, so a seller's
 * walk-away of $15,750 is a floor of $17,200 on them and a buyer's $19,750 a ceiling of $23,750.
 */

const BACKUP = SCENARIOS["backup-appliance"]!;
const capAt = (max: number): HotButton => ({ kind: "budgetCap", id: "approval", label: "Board approval", text: `At most ${max}.`, issueId: "price", max });

function table(buyer: number, seller: number, cap: number): TableState {
  const t = createTable(BACKUP, "contradictions", { now: 0 });
  return {
    ...t,
    sides: { buyer: { ...t.sides.buyer, walkAway: buyer, hotButtons: [capAt(cap)] }, seller: { ...t.sides.seller, walkAway: seller, hotButtons: [] } },
  };
}

/** The cheapest terms for the seller (worth nothing to the buyer) and the premium-heavy ones worth $3,700 to the buyer. */
const plain = (price: number): Package => ({ price, support: "basic", warranty: 12, delivery: 8, payment: "upfront" });
const rich = (price: number): Package => ({ price, support: "premium", warranty: 12, delivery: 8, payment: "net90" });

function play(state: TableState, actions: readonly Action[]): TableState {
  return actions.reduce((s, action) => {
    const result = apply(s, action, 1);
    if (!result.ok) throw new Error(`${action.type} refused: ${result.error.message}`);
    return result.state;
  }, state);
}
const offer = (by: Role, terms: Package): Action => ({ type: "offer", by, terms });

const line = (state: TableState, seat: Role, lesson: LessonId) => debrief(state, seat).find((l) => l.lesson === lesson)!.text;

describe("the debrief no longer contradicts the game", () => {
  const cases: { seen: string; state: () => TableState; seat: Role; lesson: LessonId; says: readonly string[]; never: readonly RegExp[] }[] = [
    {
      seen: "a zone of agreement running above the buyer's budget cap",
      state: () => play(table(19_750, 15_750, 22_500), [offer("seller", plain(24_000)), { type: "end" }]),
      seat: "buyer",
      lesson: "walk-away",
      says: ["any price from $17,250 to $22,500 worked for both of you", "your budget cap of $22,500 set the top; the walk-aways alone reached $23,750"],
      never: [/to \$23,750/],
    },
    {
      seen: "a price compared with a net walk-away ('their offer of $20,250: $3,700 better than your walk-away of $20,250')",
      state: () => play(table(20_250, 15_750, 24_000), [offer("seller", rich(20_250)), { type: "accept", by: "buyer" }]),
      seat: "buyer",
      lesson: "walk-away",
      says: ["You accepted their offer of $20,250; with the other terms that is a net cost of $16,550 against your walk-away of $20,250: $3,700 better."],
      never: [/offer of \$20,250: \$3,700 better/],
    },
    {
      seen: "'their last offer was short of your walk-away' when it cleared the walk-away but broke the cap",
      state: () => play(table(23_000, 15_750, 22_500), [offer("seller", plain(22_750)), { type: "walk_away", by: "buyer" }]),
      seat: "buyer",
      lesson: "walk-away",
      says: ["Their last offer of $22,750 was above your board approval cap of $22,500, so you could not sign it"],
      never: [/short of your walk-away/],
    },
    {
      seen: "the seller told the buyer walked away from an acceptable offer when it broke the buyer's cap",
      state: () => play(table(23_000, 15_750, 22_500), [offer("seller", plain(22_750)), { type: "walk_away", by: "buyer" }]),
      seat: "seller",
      lesson: "walk-away",
      says: ["your last offer of $22,750 was above their board approval cap of $22,500, so they could not sign it"],
      never: [/although it left them .* above their walk-away/],
    },
    {
      seen: "'no package could satisfy both of you' when the walk-aways overlapped but the cap sat below the seller's floor",
      state: () => play(table(23_000, 22_250, 22_000), [offer("seller", plain(24_000)), { type: "walk_away", by: "buyer" }]),
      seat: "buyer",
      lesson: "walk-away",
      says: ["You walked away, and rightly: your budget cap of $22,000 sits below their floor of $22,250"],
      never: [/walk-aways did not overlap/],
    },
  ];

  it.each(cases)("$seen", ({ state, seat, lesson, says, never }) => {
    const text = line(state(), seat, lesson);
    for (const s of says) expect(text).toContain(s);
    for (const n of never) expect(text).not.toMatch(n);
  });
});

describe("the reveal draws a deal on its own terms", () => {
  // The screen a trainer saw: "Deal $16,250" left of "Seller's floor $17,200" although the seller gained $500.
  const state = () => play(table(19_750, 15_750, 22_500), [offer("seller", plain(16_250)), { type: "accept", by: "buyer" }]);

  it("places a deal both sides gained from inside the zone of its terms, with the floor and ceiling of those terms", () => {
    const r = revealOf(clientView(state(), "seller"), contextFor())!;
    expect(r.surplus.map((s) => s.amount)).toEqual([500, 3_500]);
    expect(r.line.title).toBe("Price on the terms you agreed");
    const at = (kind: string) => r.line.marks.find((m) => m.kind === kind)?.price;
    expect([at("floor"), at("deal"), at("ceiling")]).toEqual([15_750, 16_250, 19_750]);
    expect(r.line.band).toEqual({ exists: true, low: 15_750, high: 19_750 });
    expect(r.line.explain).toMatch(/a ceiling of \$19,750\.$/);
  });

  it("says in one sentence why the walk-away and the floor differ, and where a cap cuts the ceiling", () => {
    const r = revealOf(clientView(play(table(19_750, 15_750, 22_500), [offer("seller", rich(21_000)), { type: "accept", by: "buyer" }]), "seller"), contextFor())!;
    expect(r.walkAways.find((w) => w.role === "seller")?.value).toBe("$15,750");
    expect(r.line.explain).toBe(
      "Walk-aways are net of the other terms; as prices on these terms, the seller's $15,750 plus $2,450 of costs is a floor of $18,200, and the buyer's $19,750 plus $3,700 of worth a ceiling of $23,450, cut to $22,500 by the buyer's cap.",
    );
  });

  it("shows the best terms' zone cut at the cap, and marks the cap on the line", () => {
    const r = revealOf(clientView(play(table(19_750, 15_750, 22_500), [offer("seller", plain(24_000)), { type: "end" }]), "observer"), contextFor())!;
    expect(r.zone.text).toBe(
      "On the best terms (support tier Business (next business day), hardware warranty 36 months, delivery and install 8 weeks, payment terms Net 90 days) any price from $17,250 to $22,500 worked for both sides (the buyer's budget cap of $22,500 set the top; the walk-aways alone reached $23,750).",
    );
    expect(r.line.title).toBe("Price on the best terms");
    expect(r.line.marks.find((m) => m.kind === "cap")).toEqual({ kind: "cap", price: 22_500, label: "Buyer's cap $22,500" });
    expect(r.line.band).toEqual({ exists: true, low: 17_250, high: 22_500 });
  });
});
