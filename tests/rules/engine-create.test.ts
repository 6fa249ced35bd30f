import { describe, expect, it } from "vitest";
import { createTable, tableOptionsProblem, type TableOptions } from "../../shared/engine/index.js";
import { fixture } from "./helpers/fixture.js";
import { act, T0 } from "./helpers/play.js";

describe("createTable", () => {
  it("starts in round 1 with the first mover to act, the turn timer running and nothing on the table", () => {
    const s = createTable(fixture((raw) => (raw.firstMover = "buyer")), "seed", { now: T0 });
    expect(s).toMatchObject({ phase: "playing", turn: 0, toAct: "buyer", lastRound: 4, turnMs: 60_000, turnEndsAt: T0 + 60_000, outcome: null, score: null });
    expect(s.offers).toEqual([]);
    expect(s.timeline.map((e) => e.type)).toEqual(["round_started"]);
  });

  it("takes the facilitator's rounds and turn length over the scenario's", () => {
    const s = createTable(fixture(), "seed", { now: T0, rounds: 2, turnSeconds: 1.1 });
    expect(s.lastRound).toBe(2);
    expect(s.turnMs).toBe(1100);
    let t = s;
    for (let i = 0; i < 4; i++) t = act(t, { type: "timeout" }, T0 + 10_000 * (i + 1));
    expect(t.outcome).toEqual({ kind: "expired", round: 2 });
  });

  const bad: [string, Partial<TableOptions>][] = [
    ["no rounds", { rounds: 0 }],
    ["negative rounds", { rounds: -2 }],
    ["fractional rounds", { rounds: 2.5 }],
    ["NaN rounds (a game without end)", { rounds: Number.NaN }],
    ["too many rounds", { rounds: 51 }],
    ["a zero turn", { turnSeconds: 0 }],
    ["an infinite turn", { turnSeconds: Infinity }],
    ["no start time", { now: Number.NaN }],
  ];
  it.each(bad)("refuses %s with a clear error", (_label, options) => {
    const full = { now: T0, ...options };
    expect(tableOptionsProblem(full)).toMatch(/\w/);
    expect(() => createTable(fixture(), "seed", full)).toThrow(RangeError);
  });
});
