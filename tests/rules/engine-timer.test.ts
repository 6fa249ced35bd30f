import { describe, expect, it } from "vitest";
import { apply, type Action } from "../../shared/engine/index.js";
import { act, newTable, offer, pkg, refused, T0 } from "./helpers/play.js";

const TURN = 60_000;

describe("timeout", () => {
  it("is refused while the turn still has time", () => {
    const start = newTable();
    expect(start.turnEndsAt).toBe(T0 + TURN);
    expect(refused(start, { type: "timeout" }, "rule/timer_not_expired", T0 + TURN - 1).state).toBe(start);
  });

  it("passes the turn once expired, keeping the standing offers", () => {
    let s = act(newTable(), offer("seller", pkg({ price: 2900 })), T0);
    const result = apply(s, { type: "timeout" }, T0 + 2 * TURN);
    expect(result.ok).toBe(true);
    s = result.state;
    expect(result.events.map((e) => e.type)).toEqual(["turn_timed_out", "round_started"]);
    expect(result.events[0]).toMatchObject({ by: "buyer" });
    expect(s.toAct).toBe("seller");
    expect(s.turn).toBe(2);
    expect(s.turnEndsAt).toBe(T0 + 3 * TURN);
    expect(s.standing.seller?.terms.price).toBe(2900);
    expect(s.offers).toHaveLength(1);
  });

  it("ends the game with no deal when the last turn times out", () => {
    let s = newTable();
    let now = T0;
    for (let turn = 0; turn < 8; turn++) {
      now += TURN;
      s = act(s, { type: "timeout" }, now);
    }
    expect(s.outcome).toEqual({ kind: "expired", round: 4 });
    expect(s.score?.surplus).toEqual({ buyer: 0, seller: 0 });
  });
});

describe("pause and resume", () => {
  it("freezes the timer and gives back exactly what was left", () => {
    let s = act(newTable(), { type: "pause" }, T0 + 15_000);
    expect(s.phase).toBe("paused");
    expect(s.turnEndsAt).toBeNull();
    expect(s.pausedRemainingMs).toBe(TURN - 15_000);
    s = act(s, { type: "resume" }, T0 + 600_000);
    expect(s.phase).toBe("playing");
    expect(s.turnEndsAt).toBe(T0 + 600_000 + TURN - 15_000);
    expect(s.pausedRemainingMs).toBeNull();
  });

  const turnActions: Action[] = [
    offer("seller", pkg()),
    { type: "accept", by: "seller" },
    { type: "ask", by: "seller", questionId: "buyer-weather" },
    { type: "walk_away", by: "seller" },
    { type: "timeout" },
  ];
  it.each(turnActions)("refuses $type while paused", (action) => {
    const paused = act(newTable(), { type: "pause" }, T0);
    expect(refused(paused, action, "rule/paused", T0 + 10 * TURN).state).toBe(paused);
  });

  it("refuses pausing twice and resuming a running game", () => {
    const start = newTable();
    refused(start, { type: "resume" }, "rule/not_paused");
    refused(act(start, { type: "pause" }), { type: "pause" }, "rule/paused");
  });
});

describe("add_time", () => {
  it("extends the running turn", () => {
    const result = apply(newTable(), { type: "add_time", seconds: 30 }, T0 + 1_000);
    expect(result.ok).toBe(true);
    expect(result.state.turnEndsAt).toBe(T0 + TURN + 30_000);
    expect(result.events[0]).toMatchObject({ type: "time_added", seconds: 30, turnEndsAt: T0 + TURN + 30_000 });
  });

  it("gives a turn that has just run out the added time from now", () => {
    const s = act(newTable(), { type: "add_time", seconds: 30 }, T0 + TURN + 5_000);
    expect(s.turnEndsAt).toBe(T0 + TURN + 5_000 + 30_000);
    refused(s, { type: "timeout" }, "rule/timer_not_expired", T0 + TURN + 10_000);
  });

  it("extends a paused turn's remaining time", () => {
    let s = act(newTable(), { type: "pause" }, T0 + 10_000);
    s = act(s, { type: "add_time", seconds: 20 });
    expect(s.pausedRemainingMs).toBe(TURN - 10_000 + 20_000);
    expect(act(s, { type: "resume" }, T0 + 100_000).turnEndsAt).toBe(T0 + 100_000 + TURN + 10_000);
  });

  it.each([0, -5, 1.5, 3601, Number.NaN])("refuses %s seconds", (seconds) => {
    const start = newTable();
    expect(refused(start, { type: "add_time", seconds }, "rule/bad_time").state).toBe(start);
  });
});
