import { describe, expect, it } from "vitest";
import { apply, viewFor, VIEWERS, type Action, type RuleErrorCode, type TableOptions, type TableState } from "../../shared/engine/index.js";
import { fixture } from "./helpers/fixture.js";
import { act, newTable, offer, pkg, refused, T0 } from "./helpers/play.js";

/*
 * Reading time before the first turn: no move while it lasts, and the turn clock starts when it
 * ends — by its own clock, by the facilitator's "start now", or when every seat that counts is ready.
 */

const TURN = 60_000;
const READ = 180_000;
const both: TableOptions["readySeats"] = ["buyer", "seller"];
const reading = (options: Partial<TableOptions> = {}) => newTable(undefined, { preparationSeconds: READ / 1000, readySeats: both, ...options });

describe("a table with reading time", () => {
  it("starts preparing: no turn clock, reading time until its end, round 1 not yet begun", () => {
    const s = reading();
    expect(s.phase).toBe("preparing");
    expect(s.turnEndsAt).toBeNull();
    expect(s.preparation).toEqual({ endsAt: T0 + READ, ready: { buyer: false, seller: false } });
    expect(s.timeline.map((e) => e.type)).toEqual(["preparation_started"]);
    expect(s.timeline[0]).toMatchObject({ endsAt: T0 + READ, seconds: READ / 1000, audience: "all" });
  });

  it.each([
    ["no reading time", {}],
    ["zero seconds", { preparationSeconds: 0 }],
  ])("plays at once with %s, as before", (_, options: Partial<TableOptions>) => {
    const s = newTable(undefined, options);
    expect(s.phase).toBe("playing");
    expect(s.preparation).toBeNull();
    expect(s.turnEndsAt).toBe(T0 + TURN);
    expect(s.timeline.map((e) => e.type)).toEqual(["round_started"]);
  });

  it.each([
    ["a fraction", { preparationSeconds: 1.5 }],
    ["a negative number", { preparationSeconds: -1 }],
    ["over half an hour", { preparationSeconds: 1801 }],
    ["an unknown seat", { readySeats: ["broker"] as never }],
  ])("cannot be created with %s", (_, options: Partial<TableOptions>) => {
    expect(() => newTable(undefined, options)).toThrow(RangeError);
  });

  it("shows every viewer the same reading time and who is ready", () => {
    const s = act(reading(), { type: "ready", by: "buyer" }, T0 + 5_000);
    for (const viewer of VIEWERS) expect(viewFor(s, viewer).preparation).toEqual({ endsAt: T0 + READ, ready: { buyer: true, seller: false } });
  });
});

describe("while the table reads its briefs", () => {
  const moves: Action[] = [
    offer("seller", pkg()),
    offer("buyer", pkg()),
    { type: "accept", by: "buyer" },
    { type: "ask", by: "seller", questionId: "buyer-weather" },
    { type: "walk_away", by: "buyer" },
    { type: "walk_away", by: "seller" },
  ];
  it.each(moves)("refuses $type by the $by without counting an interruption", (action) => {
    const s = reading();
    const refusal = refused(s, action, "rule/preparing", T0 + 10_000);
    expect(refusal.error.message).toBe("The table is still reading its briefs.");
    expect(refusal.state).toBe(s);
    expect(refusal.events).toEqual([]);
  });

  it.each([
    ["a note", { type: "note", by: "buyer", text: "Anchor high." }, "preparing"],
    ["a curve ball", { type: "curveball", cardId: "extension" }, "preparing"],
    ["the facilitator ending it", { type: "end" }, "finished"],
    ["a player leaving for good", { type: "abandon", by: "seller" }, "finished"],
  ] as const)("takes %s", (_, action: Action, phase) => {
    const s = act(reading(), action, T0 + 10_000);
    expect(s.phase).toBe(phase);
    if (phase === "finished") expect(s.preparation).toBeNull();
    else expect(s.preparation?.endsAt).toBe(T0 + READ);
  });
});

describe("reading time ends", () => {
  type Case = { readonly name: string; readonly actions: readonly (readonly [Action, number])[]; readonly at: number; readonly how: "time" | "facilitator" | "ready" };
  const cases: Case[] = [
    { name: "when its time is up", actions: [[{ type: "timeout" }, T0 + READ]], at: T0 + READ, how: "time" },
    { name: "late, when the timer fires after its end", actions: [[{ type: "timeout" }, T0 + READ + 700]], at: T0 + READ + 700, how: "time" },
    { name: "when the facilitator starts the clock", actions: [[{ type: "start_now" }, T0 + 30_000]], at: T0 + 30_000, how: "facilitator" },
    {
      name: "when the second seat says it is ready",
      actions: [
        [{ type: "ready", by: "seller" }, T0 + 20_000],
        [{ type: "ready", by: "buyer" }, T0 + 50_000],
      ],
      at: T0 + 50_000,
      how: "ready",
    },
  ];
  it.each(cases)("$name: the first turn gets a whole turn from then", ({ actions, at, how }) => {
    let s = reading();
    let last = null as ReturnType<typeof apply> | null;
    for (const [action, now] of actions) {
      last = apply(s, action, now);
      expect(last.ok).toBe(true);
      s = last.state;
    }
    expect(s.phase).toBe("playing");
    expect(s.preparation).toBeNull();
    expect(s.turnEndsAt).toBe(at + TURN);
    expect(s.toAct).toBe("seller");
    expect(s.turn).toBe(0);
    expect(last?.events.slice(-2)).toMatchObject([
      { type: "preparation_ended", how, turnEndsAt: at + TURN, at },
      { type: "round_started", round: 1, at },
    ]);
    // And play goes on as at any table: the first mover may move.
    expect(act(s, offer("seller", pkg({ price: 2900 })), at + 1_000).turn).toBe(1);
  });

  it("not on one seat's ready while the other still reads", () => {
    const s = act(reading(), { type: "ready", by: "buyer" }, T0 + 5_000);
    expect(s.phase).toBe("preparing");
    expect(s.preparation).toEqual({ endsAt: T0 + READ, ready: { buyer: true, seller: false } });
    expect(s.timeline.at(-1)).toMatchObject({ type: "seat_ready", by: "buyer", audience: "all" });
  });

  it("on the one human's ready where the other seat is a bot's", () => {
    const s = act(reading({ readySeats: ["buyer"] }), { type: "ready", by: "buyer" }, T0 + 5_000);
    expect(s.phase).toBe("playing");
    expect(s.turnEndsAt).toBe(T0 + 5_000 + TURN);
  });

  it("draws the round-1 curve ball the schedule holds when play starts, not before", () => {
    const certain = fixture((raw) => Object.assign(raw.deck, { chancePerRound: 1, maxCards: 1 }));
    const s = newTable(certain, { preparationSeconds: 60 });
    expect(s.cards).toEqual([]);
    const started = act(s, { type: "start_now" }, T0 + 1_000);
    expect(started.cards).toHaveLength(1);
    expect(started.cards[0]).toMatchObject({ round: 1, thrownBy: "schedule" });
  });
});

describe("refusals around reading time", () => {
  const started = () => act(reading(), { type: "start_now" }, T0 + 1_000);
  const cases: { name: string; state: () => TableState; action: Action; code: RuleErrorCode }[] = [
    { name: "the clock ending early", state: reading, action: { type: "timeout" }, code: "rule/timer_not_expired" },
    { name: "ready twice", state: () => act(reading(), { type: "ready", by: "buyer" }), action: { type: "ready", by: "buyer" }, code: "rule/already_ready" },
    { name: "ready from a seat whose word does not count", state: () => reading({ readySeats: [] }), action: { type: "ready", by: "buyer" }, code: "rule/ready_not_counted" },
    { name: "ready once the clock runs", state: started, action: { type: "ready", by: "buyer" }, code: "rule/not_preparing" },
    { name: "start now once the clock runs", state: started, action: { type: "start_now" }, code: "rule/not_preparing" },
    { name: "ready at a table without reading time", state: () => newTable(), action: { type: "ready", by: "seller" }, code: "rule/not_preparing" },
    { name: "start now at a table without reading time", state: () => newTable(), action: { type: "start_now" }, code: "rule/not_preparing" },
  ];
  it.each(cases)("refuses $name ($code), changing nothing", ({ state, action, code }) => {
    const before = state();
    expect(refused(before, action, code, T0 + 2_000).state).toBe(before);
  });
});

describe("pausing during reading time", () => {
  const pausedAt = T0 + 60_000;
  const paused = () => act(reading(), { type: "pause" }, pausedAt);

  it("keeps what was left of reading time", () => {
    const s = paused();
    expect(s.phase).toBe("paused");
    expect(s.pausedRemainingMs).toBe(READ - 60_000);
    expect(s.preparation?.endsAt).toBeNull();
    expect(s.turnEndsAt).toBeNull();
  });

  it.each([
    [{ type: "timeout" } as Action],
    [{ type: "ready", by: "buyer" } as Action],
    [{ type: "start_now" } as Action],
    [offer("seller", pkg())],
  ])("refuses $type while paused", (action) => {
    const s = paused();
    expect(refused(s, action, "rule/paused", T0 + 10 * READ).state).toBe(s);
  });

  it("gives reading time back on resume, and the turn clock still waits for it", () => {
    const resumedAt = T0 + 3_600_000;
    const s = act(paused(), { type: "resume" }, resumedAt);
    expect(s.phase).toBe("preparing");
    expect(s.preparation?.endsAt).toBe(resumedAt + READ - 60_000);
    expect(s.pausedRemainingMs).toBeNull();
    expect(s.turnEndsAt).toBeNull();
    expect(s.timeline.at(-1)).toMatchObject({ type: "resumed", turnEndsAt: null });
    refused(s, { type: "timeout" }, "rule/timer_not_expired", resumedAt + READ - 60_001);
    expect(act(s, { type: "timeout" }, resumedAt + READ - 60_000).turnEndsAt).toBe(resumedAt + READ - 60_000 + TURN);
  });

  it("pauses a turn as before once reading time is over", () => {
    let s = act(reading(), { type: "start_now" }, T0 + 1_000);
    s = act(s, { type: "pause" }, T0 + 11_000);
    expect(s.pausedRemainingMs).toBe(TURN - 10_000);
    expect(act(s, { type: "resume" }, T0 + 100_000)).toMatchObject({ phase: "playing", turnEndsAt: T0 + 100_000 + TURN - 10_000 });
  });
});

describe("adding time during reading time", () => {
  it("lengthens reading time, not the turn", () => {
    const result = apply(reading(), { type: "add_time", seconds: 60 }, T0 + 10_000);
    expect(result.ok).toBe(true);
    expect(result.state.preparation?.endsAt).toBe(T0 + READ + 60_000);
    expect(result.state.turnEndsAt).toBeNull();
    expect(result.events).toMatchObject([{ type: "time_added", seconds: 60, clock: "preparation", turnEndsAt: null }]);
  });

  it("lengthens what is left while paused", () => {
    let s = act(reading(), { type: "pause" }, T0 + 60_000);
    s = act(s, { type: "add_time", seconds: 30 }, T0 + 70_000);
    expect(s.pausedRemainingMs).toBe(READ - 60_000 + 30_000);
    expect(act(s, { type: "resume" }, T0 + 100_000).preparation?.endsAt).toBe(T0 + 100_000 + READ - 30_000);
  });
});
