import { pack } from "@colyseus/msgpackr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodingsOf, hitsOf } from "./helpers/encodings.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import type { ServerMessages } from "../../shared/protocol/messages.js";
import type { Player } from "./helpers/player.js";
import { HIDDEN_VALUES, sentinelScenario } from "./helpers/sentinelScenario.js";
import { until } from "./helpers/wait.js";

/*
 * Hidden information on the wire, checked on the bytes. Four clients (both players, an observer
 * and a facilitator) record every frame over a whole game: join, offers, questions and their
 * answers, two private curve balls, notes, a dropped and restored connection, the deal and the
 * reveal. Every hidden number is then searched in every encoding in every frame. The facilitator
 * must have them all (the search works); the other side and the observer may meet them only from
 * the frame announcing the outcome on, which carries the end-of-game reveal with it.
 */

const terms = (price: number) => ({ price, support: "business", warranty: 24, delivery: 4, payment: "net30" });

let h: Harness;
beforeAll(async () => {
  h = await bootServer({}, [sentinelScenario]);
});
afterAll(async () => {
  await h.stop();
});

/** Index of the first frame that told this client the game was over. */
function outcomeFrame(p: Player): number {
  const over = ({ delta }: ServerMessages["view"]) => delta.set?.phase === "finished";
  const m = p.client.received.find((r) => r.type === "view" && over(r.payload as ServerMessages["view"]));
  if (!m) throw new Error(`${p.label} never heard the outcome`);
  return m.frame;
}

describe("hidden information on the wire", () => {
  it("the search finds a value in each encoding the server uses", () => {
    const value = HIDDEN_VALUES[0].value;
    expect(hitsOf([pack({ walkAway: value })], value).length).toBeGreaterThan(0);
    expect(hitsOf([new TextEncoder().encode(`floor is $${value.toLocaleString("en-US")}`)], value).map((h) => h.encoding)).toContain("ascii-grouped");
    expect(hitsOf([pack({ other: value + 1 })], value)).toEqual([]);
    expect(encodingsOf(value).map((p) => p.encoding)).toEqual(
      expect.arrayContaining(["ascii", "ascii-grouped", "uint32-le", "uint32-be", "float32-le", "float64-be", "msgpack-uint32", "msgpack-float64"]),
    );
  });

  it("no hidden number reaches the other side or an observer before the outcome; the facilitator gets them all", async () => {
    const table = await h.openFacilitated({ scenarioId: sentinelScenario.id });
    const facilitator = await h.join(table.code, { facilitator: table.facilitatorSecret }, "facilitator");
    const observer = await h.join(table.code, {}, "observer");
    const seller = await h.join(table.code, { seat: table.seats.seller!, name: "Seller" }, "seller");
    const buyer = await h.join(table.code, { seat: table.seats.buyer!, name: "Buyer" }, "buyer");
    await until("started", () => observer.state.started);
    const turn = (n: number) => until(`turn ${n}`, () => [facilitator, observer, seller, buyer].every((p) => p.view.turn === n));

    seller.send("offer", { terms: terms(7_800_000), message: "Our opening." });
    await turn(1);
    buyer.send("ask", { questionId: "seller-date" });
    await turn(2);
    seller.send("ask", { questionId: "buyer-budget" });
    await turn(3);
    facilitator.send("curveball", { cardId: "competitor-quote" });
    facilitator.send("curveball", { cardId: "supplier-costs" });
    await until("both cards landed", () => observer.view.cards.length === 2);
    buyer.send("note", { text: "They have a quarter-end. Push on support." });
    seller.send("note", { text: "They are capped by the board." });
    buyer.send("offer", { terms: terms(5_600_000) });
    await turn(4);

    buyer.drop();
    await until("seller sees the buyer away", () => seller.state.seats.get("buyer")?.connected === false);
    await buyer.reconnect();
    await until("buyer is back", () => seller.state.seats.get("buyer")?.connected === true);

    seller.send("offer", { terms: terms(7_100_000) });
    await turn(5);
    buyer.send("offer", { terms: terms(6_400_000) });
    await turn(6);
    seller.send("offer", { terms: terms(6_900_000) });
    await turn(7);
    buyer.send("accept", {});
    await until("everyone has the reveal", () => [facilitator, observer, seller, buyer].every((p) => p.view.reveal !== null));

    const report: string[] = [];
    for (const p of [facilitator, observer, seller, buyer]) {
      const end = outcomeFrame(p);
      const bytes = p.client.frames.reduce((n, f) => n + f.length, 0);
      report.push(`${p.label}: ${p.client.frames.length} frames, ${bytes} bytes, outcome in frame ${end}`);
      for (const hidden of HIDDEN_VALUES) {
        const hits = hitsOf(p.client.frames, hidden.value);
        const before = hits.filter((x) => x.frame < end);
        const after = hits.filter((x) => x.frame >= end);
        report.push(`  ${hidden.name} (${hidden.value}): ${before.length} hits before the outcome, ${after.length} after`);
        const mayKnow = p.label === "facilitator" || p.label === hidden.side;
        if (mayKnow) expect(before.length, `${p.label} should see ${hidden.name}`).toBeGreaterThan(0);
        else expect(before, `${p.label} must not see ${hidden.name} before the outcome`).toEqual([]);
      }
    }
    // The reveal (final walk-aways) reaches the other side and observers, and only with the outcome or after.
    for (const p of [observer, seller, buyer])
      for (const hidden of HIDDEN_VALUES.filter((v) => v.name.endsWith("after card")))
        expect(hitsOf(p.client.frames, hidden.value).some((x) => x.frame >= outcomeFrame(p))).toBe(true);
    // Private card amounts are never revealed to anyone but their side (and the facilitator).
    for (const hidden of HIDDEN_VALUES.filter((v) => v.name.includes("card amount"))) {
      const others = [observer, hidden.side === "buyer" ? seller : buyer];
      for (const p of others) expect(hitsOf(p.client.frames, hidden.value)).toEqual([]);
    }
    console.info(`leak test (${HIDDEN_VALUES.length} values × ${encodingsOf(HIDDEN_VALUES[0].value).length} encodings):\n${report.join("\n")}`);
  });
});
