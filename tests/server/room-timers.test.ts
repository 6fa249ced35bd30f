import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BotDriver } from "../../server/room/botDriver.js";
import { TableClocks } from "../../server/room/tableClocks.js";
import type { Acted, TableHost } from "../../server/room/tableHost.js";
import { Timers } from "../../server/room/timers.js";
import { createTable, otherRole, type Action, type TableState } from "../../shared/engine/index.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";

const scenario = SCENARIOS["backup-appliance"]!;
const THINK_MS = 1000;

/** A table's room as its timed collaborators see it, with what the store makes of each action. */
function tableAt(store: (action: Action, table: TableState) => Acted) {
  const game = { table: createTable(scenario, "seed", { now: Date.now() }), started: true };
  const acted: Action[] = [];
  const host: TableHost = {
    timers: new Timers((error) => {
      throw error;
    }),
    log: pino({ level: "silent" }),
    table: () => game.table,
    started: () => game.started,
    inPlay: () => game.started && game.table.phase !== "finished",
    act: async (action) => {
      acted.push(action);
      return store(action, game.table);
    },
  };
  return { game, host, acted };
}

/** The store took the action, and the engine applied it without a change that matters here. */
const taken = (_action: Action, table: TableState): Acted => ({ kind: "applied", result: { ok: true, state: table, events: [] } });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the bot's thinking", () => {
  const seat = { role: scenario.firstMover, level: "easy" } as const;

  it("moves BOT_THINK_MS after its turn began, even if something unrelated changed meanwhile", async () => {
    const { game, host, acted } = tableAt(taken);
    const bot = new BotDriver(host, seat, "seed", THINK_MS);
    bot.update();
    await vi.advanceTimersByTimeAsync(600);
    // Say the other player wrote a note: a new table, the same turn.
    game.table = { ...game.table };
    bot.update();
    await vi.advanceTimersByTimeAsync(399);
    expect(acted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(acted).toHaveLength(1);
    expect(acted[0]).toMatchObject({ by: seat.role });
  });

  it("thinks afresh on a new turn of its own", async () => {
    const { game, host, acted } = tableAt(taken);
    const bot = new BotDriver(host, seat, "seed", THINK_MS);
    bot.update();
    await vi.advanceTimersByTimeAsync(500);
    game.table = { ...game.table, turn: game.table.turn + 2 };
    bot.update();
    await vi.advanceTimersByTimeAsync(THINK_MS - 1);
    expect(acted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(acted).toHaveLength(1);
  });

  it("drops the move it was planning once the turn is no longer its own, or before the game starts", async () => {
    const { game, host, acted } = tableAt(taken);
    const bot = new BotDriver(host, seat, "seed", THINK_MS);
    bot.update();
    game.table = { ...game.table, turn: 1, toAct: otherRole(seat.role) };
    bot.update();
    game.table = { ...game.table, turn: 2, toAct: seat.role };
    game.started = false;
    bot.update();
    await vi.advanceTimersByTimeAsync(THINK_MS * 3);
    expect(acted).toEqual([]);
  });
});

describe("the turn clock", () => {
  it("runs out only once the deadline has passed", async () => {
    const { game, host, acted } = tableAt(taken);
    new TableClocks(host, { idleMs: 60_000, occupied: () => true, closeIdle: () => {} }).turn();
    await vi.advanceTimersByTimeAsync(game.table.turnEndsAt! - Date.now());
    expect(acted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(acted).toEqual([{ type: "timeout" }]);
  });

  it("tries a timeout the store could not take again a second later, not in a tight loop", async () => {
    let saved = false;
    const { game, host, acted } = tableAt((action, table) => (saved ? taken(action, table) : { kind: "unsaved" }));
    new TableClocks(host, { idleMs: 60_000, occupied: () => true, closeIdle: () => {} }).turn();
    await vi.advanceTimersByTimeAsync(game.table.turnEndsAt! - Date.now() + 1);
    expect(acted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(acted).toHaveLength(1);
    saved = true;
    // A timer of 0 ms waits 1 ms in Node.
    await vi.advanceTimersByTimeAsync(2);
    expect(acted).toEqual([{ type: "timeout" }, { type: "timeout" }]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(acted).toHaveLength(2);
  });

  it("does not run before the game has started", async () => {
    const { game, host, acted } = tableAt(taken);
    game.started = false;
    new TableClocks(host, { idleMs: 60_000, occupied: () => true, closeIdle: () => {} }).turn();
    await vi.advanceTimersByTimeAsync(game.table.turnMs * 2);
    expect(acted).toEqual([]);
  });
});

describe("the idle close", () => {
  it("closes a table left empty for the idle time, unless someone comes or a game is under way", async () => {
    const closed: string[] = [];
    const watch = (what: string, room: ReturnType<typeof tableAt>) =>
      new TableClocks(room.host, { idleMs: 5000, occupied: () => false, closeIdle: () => closed.push(what) });

    const before = tableAt(taken);
    before.game.started = false;
    watch("never started", before).watchEmpty();

    const visited = tableAt(taken);
    visited.game.started = false;
    const clocks = watch("visited", visited);
    clocks.watchEmpty();
    await vi.advanceTimersByTimeAsync(4000);
    clocks.occupied();

    watch("in play", tableAt(taken)).watchEmpty();

    await vi.advanceTimersByTimeAsync(10_000);
    expect(closed).toEqual(["never started"]);
  });
});
