import { describe, expect, it } from "vitest";
import { apply, createTable } from "../../shared/engine/index.js";
import { initialOf, shortName, uniqueName } from "../../shared/workshop/names.js";
import { STUCK_AFTER_MS, tileOf, type TileInput } from "../../shared/workshop/tile.js";
import { backup, play, table, terms } from "./helpers/games.js";

const seats = { buyer: { name: "Bea", bot: false, connected: true }, seller: { name: "Sam", bot: false, connected: true } };
const T0 = 1_000_000;

function tile(state: TileInput["state"], extra: Partial<TileInput> = {}) {
  return tileOf({ code: "ABC234", index: 0, state, started: true, seats, zopa: { exists: true, low: 18000, high: 23000 }, now: T0 + 5000, ...extra });
}

describe("a grid tile", () => {
  it("is waiting, naming who has not sat down, until the game starts", () => {
    const t = tile(table("w"), { started: false, seats: { ...seats, buyer: { name: "Bea", bot: false, connected: false } } });
    expect(t.status).toBe("waiting");
    expect(t.statusText).toBe("Waiting for Bea");
  });

  it("reads briefs until the first turn's clock starts", () => {
    const state = createTable(backup, "r", { now: T0, preparationSeconds: 180 });
    expect(tile(state)).toMatchObject({ status: "reading", statusText: "Reading briefs", turnEndsAt: null });
    expect(tile(play(state, [{ type: "start_now" }])).status).toBe("negotiating");
  });

  it("shows standing offers, both walk-aways, the ZOPA band and the price range while negotiating", () => {
    const state = play(table("n"), [{ type: "offer", by: "seller", terms: terms(24000) }]);
    const t = tile(state, { now: T0 + 2000 });
    expect(t.status).toBe("negotiating");
    expect(t.statusText).toBe("Bea to act");
    expect(t.seats.seller.offer).toBe(24000);
    expect(t.seats.buyer.offer).toBeNull();
    expect(t.seats.buyer.walkAway).toBe(state.sides.buyer.walkAway);
    expect(t.seats.seller.walkAway).toBe(state.sides.seller.walkAway);
    expect(t.zopa).toEqual({ exists: true, low: 18000, high: 23000 });
    expect(t.priceRange).toEqual({ min: 14000, max: 26000 });
    expect(t.round).toBe(1);
  });

  it("is stuck after a long silence, or as soon as a turn timed out with no move since", () => {
    const fresh = table("s");
    expect(tile(fresh, { now: T0 + 1000 }).status).toBe("negotiating");
    const silent = tile(fresh, { now: T0 + STUCK_AFTER_MS + 1000 });
    expect(silent.status).toBe("stuck");
    expect(silent.statusText).toBe(`Stuck: no move for ${STUCK_AFTER_MS / 1000 + 1} s`);

    const due = fresh.turnEndsAt as number;
    const r = apply(fresh, { type: "timeout" }, due);
    if (!r.ok) throw new Error(r.error.message);
    expect(tile(r.state, { now: due + 10 }).status).toBe("stuck");
    const moved = apply(r.state, { type: "offer", by: "buyer", terms: terms(17000) }, due + 20);
    if (!moved.ok) throw new Error(moved.error.message);
    expect(tile(moved.state, { now: due + 30 }).status).toBe("negotiating");
  });

  it("reports how each game ended", () => {
    const deal = play(table("d"), [
      { type: "offer", by: "seller", terms: terms(21000) },
      { type: "accept", by: "buyer" },
    ]);
    expect(tile(deal)).toMatchObject({ status: "deal", deal: 21000 });
    expect(tile(play(table("x"), [{ type: "walk_away", by: "seller" }]))).toMatchObject({ status: "walked_away", statusText: "Sam walked away" });
    expect(tile(play(table("y"), [{ type: "abandon", by: "buyer" }]))).toMatchObject({ status: "abandoned", statusText: "Bea left: abandoned" });
    expect(tile(play(table("z"), [{ type: "end" }])).status).toBe("ended");
    expect(tile(play(table("p"), [{ type: "pause" }])).status).toBe("paused");
  });

  it("lists the curve balls drawn, with who threw them", () => {
    const state = play(table("c"), [{ type: "curveball", cardId: "competitor-quote" }]);
    expect(tile(state).cards).toEqual([expect.objectContaining({ thrownBy: "facilitator", round: 1 })]);
  });
});

describe("uniqueName", () => {
  it("keeps a new name, and numbers a name already in the workshop (ignoring case and spaces)", () => {
    expect(uniqueName("Alex", ["Bo"])).toBe("Alex");
    expect(uniqueName(" alex ", ["Alex"])).toBe("alex (2)");
    expect(uniqueName("Alex", ["Alex", "alex (2)"])).toBe("Alex (3)");
  });

  it("stays within the name length limit", () => {
    const long = "x".repeat(40);
    const named = uniqueName(long, [long]);
    expect(named.length).toBeLessThanOrEqual(40);
    expect(named.endsWith(" (2)")).toBe(true);
  });
});

describe("a name's first character and its short form", () => {
  // Each name is written as the person typed it; the avatar shows what a reader sees first.
  it.each([
    ["ana", "A"],
    ["  zoë", "Z"],
    ["Ölçer", "Ö"],
    ["😀 Sam", "😀"],
    ["👩‍👩‍👧 Family", "👩‍👩‍👧"],
    ["🇩🇪 Jana", "🇩🇪"],
    ["e\u0301mile", "E\u0301"],
    ["", "?"],
  ])("%s → %s", (name, initial) => {
    expect(initialOf(name)).toBe(initial);
  });

  it("cuts a long name with an ellipsis, never inside an emoji, and keeps a short one whole", () => {
    const long = "Maximiliana Wolfeschlegelsteinhausen-Ber";
    expect(long).toHaveLength(40);
    expect(shortName(long, 14)).toBe("Maximiliana W…");
    expect(shortName("Alex", 14)).toBe("Alex");
    const emoji = "🇩🇪🇩🇪🇩🇪🇩🇪🇩🇪";
    expect(shortName(emoji, 3)).toBe("🇩🇪🇩🇪…");
    expect(shortName("Ana Maria Lopez", 5)).toBe("Ana…");
  });
});
