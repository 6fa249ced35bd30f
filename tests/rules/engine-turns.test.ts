import { describe, expect, it } from "vitest";
import { apply, type Action } from "../../shared/engine/index.js";
import { act, newTable, offer, pkg, refused, T0 } from "./helpers/play.js";

describe("acting out of turn", () => {
  const outOfTurn: Action[] = [
    offer("buyer", pkg()),
    { type: "accept", by: "buyer" },
    { type: "ask", by: "buyer", questionId: "seller-date" },
    { type: "walk_away", by: "buyer" },
  ];
  it.each(outOfTurn)("refuses $type by the side not to act, counted as an interruption", (action) => {
    const start = newTable();
    const result = refused(start, action, "rule/not_your_turn", T0 + 2_000);
    expect(result.state.interruptions).toEqual({ buyer: 1, seller: 0 });
    expect(result.events).toEqual([expect.objectContaining({ type: "interruption", by: "buyer", attempted: action.type, audience: "all", at: T0 + 2_000 })]);
    // Nothing else moved: the turn, the timer and the offers are as they were.
    expect({ ...result.state, interruptions: start.interruptions, timeline: start.timeline }).toEqual(start);
  });

  it("counts an interruption even when the message attached is too long", () => {
    const result = refused(newTable(), offer("buyer", pkg(), "x".repeat(1000)), "rule/not_your_turn");
    expect(result.state.interruptions.buyer).toBe(1);
  });

  it("counts every interruption", () => {
    let s = newTable();
    s = refused(s, { type: "walk_away", by: "buyer" }, "rule/not_your_turn").state;
    s = refused(s, { type: "walk_away", by: "buyer" }, "rule/not_your_turn").state;
    s = act(s, offer("seller", pkg()));
    s = refused(s, offer("seller", pkg({ price: 2500 })), "rule/not_your_turn").state;
    expect(s.interruptions).toEqual({ buyer: 2, seller: 1 });
  });
});

describe("walk_away", () => {
  it("ends the game with no deal, recorded as a walk-away by that side", () => {
    let s = act(newTable(), offer("seller", pkg()));
    const result = apply(s, { type: "walk_away", by: "buyer", message: "Too expensive" }, T0);
    expect(result.ok).toBe(true);
    s = result.state;
    expect(s.phase).toBe("finished");
    expect(s.outcome).toEqual({ kind: "walkaway", by: "buyer", round: 1 });
    expect(s.score).toMatchObject({ surplus: { buyer: 0, seller: 0 }, joint: 0 });
    expect(result.events.map((e) => e.type)).toEqual(["walked_away", "game_over"]);
    expect(result.events[0]).toMatchObject({ by: "buyer", message: "Too expensive" });
  });
});

describe("end and abandon", () => {
  it("end: the facilitator closes the table with no deal, whoever is to act", () => {
    const s = act(act(newTable(), offer("seller", pkg())), { type: "end" });
    expect(s.outcome).toEqual({ kind: "ended", round: 1 });
    expect(s.score?.surplus).toEqual({ buyer: 0, seller: 0 });
  });

  it("abandon: recorded as abandoned by the leaver, never as a walk-away", () => {
    const s = act(act(newTable(), offer("seller", pkg())), { type: "abandon", by: "seller" });
    expect(s.outcome).toEqual({ kind: "abandoned", by: "seller", round: 1 });
    expect(s.timeline.some((e) => e.type === "walked_away")).toBe(false);
    expect(s.score?.surplus).toEqual({ buyer: 0, seller: 0 });
  });

  it("both work while paused", () => {
    const paused = act(newTable(), { type: "pause" });
    expect(act(paused, { type: "end" }).outcome?.kind).toBe("ended");
    expect(act(paused, { type: "abandon", by: "buyer" }).outcome?.kind).toBe("abandoned");
  });
});

describe("note", () => {
  it("is private to its writer, allowed out of turn, and changes no turn", () => {
    const start = newTable();
    const result = apply(start, { type: "note", by: "buyer", text: "  They opened high.  " }, T0 + 3_000);
    expect(result.ok).toBe(true);
    const s = result.state;
    expect(s.sides.buyer.notes).toEqual([{ turn: 0, round: 1, at: T0 + 3_000, text: "They opened high." }]);
    expect(s.sides.seller.notes).toEqual([]);
    expect(s.interruptions).toEqual({ buyer: 0, seller: 0 });
    expect(s.toAct).toBe("seller");
    expect(s.turnEndsAt).toBe(start.turnEndsAt);
    expect(result.events).toEqual([expect.objectContaining({ type: "note_taken", by: "buyer", audience: "buyer" })]);
  });

  it("is allowed while paused", () => {
    const s = act(act(newTable(), { type: "pause" }), { type: "note", by: "seller", text: "Coffee break" });
    expect(s.sides.seller.notes.map((n) => n.text)).toEqual(["Coffee break"]);
  });

  it.each([
    ["empty", ""],
    ["blank", "   \n\t"],
    ["too long", "x".repeat(2001)],
  ])("refuses a %s note", (_label, text) => {
    const start = newTable();
    expect(refused(start, { type: "note", by: "buyer", text }, "rule/bad_note").state).toBe(start);
  });
});
