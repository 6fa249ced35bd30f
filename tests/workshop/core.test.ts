import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RoundSettings } from "../../shared/protocol/workshop.js";
import { BROADCASTS_KEPT, FULL, members, newWorkshop, permission, step, type Effect, type WorkshopCommand, type WorkshopState } from "../../shared/workshop/core/index.js";
import { proposePairing, type Pairing } from "../../shared/workshop/pairing.js";

const SETTINGS: RoundSettings = { scenarioId: "backup-appliance", deck: "same", oddSeat: "bot", botLevel: "easy" };

/** Apply commands in order; each must be accepted. Returns the state and every effect, in order. */
function run(state: WorkshopState, ...commands: WorkshopCommand[]): { state: WorkshopState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const command of commands) {
    const result = step(state, command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}

const joins = (...names: string[]): WorkshopCommand[] => names.map((name, i) => ({ type: "join", name, tokenHash: `h${i}`, at: 1000 + i }));

/** A workshop with these people and a running first round seated as `pairing`, tables T1, T2, … */
function withRound(names: string[], pairing: Pairing): WorkshopState {
  const opened = pairing.tables.map((plan, i): WorkshopCommand => ({ type: "table_opened", code: `T${i + 1}`, plan }));
  return run(
    newWorkshop(10, false),
    ...joins(...names),
    { type: "start_round", settings: SETTINGS, pairing, scenarioVersion: 1, drawSeed: "seed", at: 2000 },
    ...opened,
    { type: "tables_placed" },
  ).state;
}

const TWO_TABLES: Pairing = { tables: [{ seller: "p1", buyer: "p2" }, { seller: "p3", buyer: "p4" }], observers: [{ participantId: "p5", table: 0 }] };
const running = () => withRound(["Ann", "Ben", "Cy", "Dee", "Eve"], TWO_TABLES);
const lobby = () => run(newWorkshop(10, false), ...joins("Ann", "Ben")).state;

describe("the workshop core refuses what the rules do not allow, and changes nothing", () => {
  const cases: { name: string; state: () => WorkshopState; command: WorkshopCommand; code: string; message: string }[] = [
    { name: "a join past capacity", state: () => run(newWorkshop(2, false), ...joins("Ann", "Ben")).state, command: joins("Cy")[0]!, code: "workshop/not_allowed", message: FULL },
    { name: "removing someone unknown", state: lobby, command: { type: "remove", participantId: "p9" }, code: "workshop/unknown_participant", message: "That participant is not in the workshop." },
    {
      name: "a round while one runs",
      state: running,
      command: { type: "start_round", settings: SETTINGS, pairing: { tables: [], observers: [] }, scenarioVersion: 1, drawSeed: null, at: 3000 },
      code: "workshop/bad_moment",
      message: "Round 1 is still running: end it before starting the next.",
    },
    {
      name: "a round with an unknown scenario",
      state: lobby,
      command: { type: "start_round", settings: { ...SETTINGS, scenarioId: "nope" }, pairing: { tables: [{ seller: "p1", buyer: "p2" }], observers: [] }, scenarioVersion: null, drawSeed: null, at: 3000 },
      code: "workshop/unknown_scenario",
      message: 'There is no scenario "nope".',
    },
    {
      name: "a pairing that seats someone twice",
      state: lobby,
      command: { type: "start_round", settings: SETTINGS, pairing: { tables: [{ seller: "p1", buyer: "p1" }], observers: [] }, scenarioVersion: 1, drawSeed: null, at: 3000 },
      code: "workshop/bad_pairing",
      message: "Ann is placed twice.",
    },
    { name: "seating the waiting with no round", state: lobby, command: { type: "seat_waiting", online: ["p1"], seed: "s" }, code: "workshop/bad_moment", message: "No round is running: waiting participants are paired when the next round starts." },
    { name: "seating the waiting when nobody waits", state: running, command: { type: "seat_waiting", online: ["p1", "p2"], seed: "s" }, code: "workshop/bad_moment", message: "Nobody is waiting in the lobby." },
    { name: "a control with no round", state: lobby, command: { type: "control", control: "pause", action: { type: "pause" }, table: undefined }, code: "workshop/bad_moment", message: "No round is running." },
    { name: "a control for another round's table", state: running, command: { type: "control", control: "pause", action: { type: "pause" }, table: "ZZZZZZ" }, code: "workshop/unknown_table", message: "Table ZZZZZZ is not part of round 1." },
    { name: "ending a round that is not running", state: lobby, command: { type: "end_round", at: 5000 }, code: "workshop/bad_moment", message: "No round is running." },
    { name: "a table opened when none is being opened", state: running, command: { type: "table_opened", code: "T9", plan: { seller: "p1", buyer: null } }, code: "workshop/bad_moment", message: "No tables are being opened." },
  ];
  it.each(cases)("$name", ({ state, command, code, message }) => {
    const before = state();
    const result = step(before, command);
    expect(result).toEqual({ ok: false, error: { code, message } });
  });

  it("refuses a second round start while the first one's tables are still opening", () => {
    const opening = run(lobby(), { type: "start_round", settings: SETTINGS, pairing: { tables: [{ seller: "p1", buyer: "p2" }], observers: [] }, scenarioVersion: 1, drawSeed: null, at: 2000 }).state;
    const again = step(opening, { type: "start_round", settings: SETTINGS, pairing: { tables: [], observers: [] }, scenarioVersion: 1, drawSeed: null, at: 2001 });
    expect(again).toEqual({ ok: false, error: { code: "workshop/bad_moment", message: "A round is being started already." } });
  });
});

describe("the workshop core", () => {
  it("gives each newcomer the next id and a name nobody else has, and keeps them before the lobby hears", () => {
    const { state, effects } = run(newWorkshop(10, false), ...joins("Zoë", "Ben", "Zoë"));
    expect(state.people.map((p) => [p.id, p.name])).toEqual([
      ["p1", "Zoë"],
      ["p2", "Ben"],
      ["p3", "Zoë (2)"],
    ]);
    expect(effects.slice(0, 2)).toEqual([{ kind: "store", write: { type: "add_participant", person: state.people[0] } }, { kind: "lobby" }]);
  });

  it("lets a participant leave and come back, and a removed one is out for good", () => {
    const left = run(lobby(), { type: "leave", participantId: "p1" }).state;
    expect(members(left).map((p) => p.id)).toEqual(["p2"]);
    const back = run(left, { type: "return", participantId: "p1" });
    expect(members(back.state).map((p) => p.id)).toEqual(["p1", "p2"]);
    expect(back.effects[0]).toEqual({ kind: "store", write: { type: "participant_left", participantId: "p1", left: false } });
    const removed = run(lobby(), { type: "remove", participantId: "p2" });
    expect(removed.effects.map((e) => e.kind)).toEqual(["store", "evict", "lobby"]);
    expect(step(removed.state, { type: "remove", participantId: "p2" }).ok).toBe(false);
    expect(step(removed.state, { type: "return", participantId: "p2" }).ok).toBe(false);
  });

  it(`keeps the latest ${BROADCASTS_KEPT} broadcasts for people who (re)join`, () => {
    const texts = Array.from({ length: BROADCASTS_KEPT + 3 }, (_, i) => `note ${i}`);
    const { state } = run(lobby(), ...texts.map((text, i): WorkshopCommand => ({ type: "broadcast", text, at: i })));
    expect(state.broadcasts.map((b) => b.text)).toEqual(texts.slice(3));
  });

  it("keeps the projector setting before the lobby hears of it", () => {
    const { state, effects } = run(lobby(), { type: "set_anonymous", anonymous: true });
    expect(state.anonymous).toBe(true);
    expect(effects).toEqual([{ kind: "store", write: { type: "anonymous", anonymous: true } }, { kind: "lobby" }]);
  });

  it("starts a round in steps: on record, each table kept as it opens, then everyone is told where they sit", () => {
    const start = run(run(newWorkshop(10, false), ...joins("Ann", "Ben", "Cy", "Dee", "Eve")).state, {
      type: "start_round",
      settings: SETTINGS,
      pairing: TWO_TABLES,
      scenarioVersion: 4,
      drawSeed: "seed",
      at: 2000,
    });
    expect(start.state.rounds).toEqual([]);
    expect(start.effects.map((e) => e.kind)).toEqual(["store", "open_tables"]);
    const opened = run(start.state, { type: "table_opened", code: "T1", plan: TWO_TABLES.tables[0]! });
    expect(opened.effects).toEqual([{ kind: "store", write: { type: "seating", round: expect.objectContaining({ tables: [{ code: "T1", index: 0, plan: TWO_TABLES.tables[0], finished: false }], observers: [] }) } }]);
    const placed = run(opened.state, { type: "table_opened", code: "T2", plan: TWO_TABLES.tables[1]! }, { type: "tables_placed" });
    expect(placed.state.rounds[0]).toMatchObject({ number: 1, scenarioVersion: 4, drawSeed: "seed", endedAt: null, observers: TWO_TABLES.observers });
    expect(placed.state.opening).toBeNull();
    expect(placed.effects.map((e) => e.kind)).toEqual(["store", "store", "reply", "assignments", "lobby"]);
    expect(placed.effects[2]).toEqual({
      kind: "reply",
      control: "start_round",
      results: [
        { table: "T1", label: "Table 1 (Ann / Ben)", ok: true, message: "Table opened." },
        { table: "T2", label: "Table 2 (Cy / Dee)", ok: true, message: "Table opened." },
      ],
    });
  });

  it("seats late joiners among themselves at new tables of the running round", () => {
    const later = run(running(), ...joins("Fay", "Gus").map((c, i) => ({ ...c, tokenHash: `late${i}` }) as WorkshopCommand));
    const waiting = run(later.state, { type: "seat_waiting", online: ["p1", "p2", "p3", "p4", "p5", "p6", "p7"], seed: "s" });
    const open = waiting.effects.find((e) => e.kind === "open_tables");
    expect(open).toMatchObject({ round: 1 });
    const plans = open?.kind === "open_tables" ? open.plans : [];
    expect(plans.flatMap((p) => [p.buyer, p.seller]).sort()).toEqual(["p6", "p7"]);
    const placed = run(waiting.state, { type: "table_opened", code: "T3", plan: plans[0]! }, { type: "tables_placed" });
    const round = placed.state.rounds[0]!;
    expect(round.tables.map((t) => [t.code, t.index])).toEqual([
      ["T1", 0],
      ["T2", 1],
      ["T3", 2],
    ]);
    expect(placed.effects.find((e) => e.kind === "reply")).toMatchObject({ control: "seat_waiting", results: [{ table: "T3", label: "Table 3 (Gus / Fay)" }] });
  });

  it("aims a control at one table or every table of the running round", () => {
    const all = run(running(), { type: "control", control: "add_time", action: { type: "add_time", seconds: 60 }, table: undefined });
    expect(all.effects).toEqual([
      {
        kind: "control_tables",
        control: "add_time",
        action: { type: "add_time", seconds: 60 },
        tables: [
          { code: "T1", label: "Table 1 (Ann / Ben)" },
          { code: "T2", label: "Table 2 (Cy / Dee)" },
        ],
      },
    ]);
    const one = run(running(), { type: "control", control: "end_table", action: { type: "end" }, table: "T2" });
    expect(one.effects).toEqual([{ kind: "control_tables", control: "end_table", action: { type: "end" }, tables: [{ code: "T2", label: "Table 2 (Cy / Dee)" }] }]);
  });

  it("ends a round on record first, then ends only the games still going", () => {
    const { state, effects } = run(running(), { type: "table_finished", code: "T1" }, { type: "end_round", at: 9000 });
    expect(state.rounds[0]!.endedAt).toBe(9000);
    expect(effects).toEqual([
      { kind: "store", write: { type: "end_round", round: 1, at: 9000 } },
      { kind: "lobby" },
      { kind: "results" },
      { kind: "control_tables", control: "end_round", action: { type: "end" }, tables: [{ code: "T2", label: "Table 2 (Cy / Dee)" }] },
    ]);
  });

  it("closes the round by itself once every game is over and summarised", () => {
    const one = run(running(), { type: "table_finished", code: "T1" }, { type: "game_summarized", round: 1, at: 7000 });
    expect(one.state.rounds[0]!.endedAt).toBeNull();
    expect(one.effects).toEqual([{ kind: "results" }]);
    const both = run(one.state, { type: "table_finished", code: "T2" }, { type: "game_summarized", round: 1, at: 8000 });
    expect(both.state.rounds[0]!.endedAt).toBe(8000);
    expect(both.effects.map((e) => e.kind)).toEqual(["store", "lobby", "results"]);
  });
});

describe("who may send what", () => {
  const cases = [
    { sender: "participant", type: "leave", kind: "allowed" },
    { sender: "facilitator", type: "leave", kind: "ignored" },
    { sender: "projector", type: "leave", kind: "ignored" },
    { sender: "facilitator", type: "start_round", kind: "allowed" },
    { sender: "facilitator", type: "set_anonymous", kind: "allowed" },
    { sender: "participant", type: "broadcast", kind: "refused" },
    { sender: "participant", type: "end_table", kind: "refused" },
    { sender: "projector", type: "set_anonymous", kind: "refused" },
    { sender: "projector", type: "pause", kind: "refused" },
  ] as const;
  it.each(cases)("$sender sending $type: $kind", ({ sender, type, kind }) => {
    const answer = permission(sender, type);
    expect(answer.kind).toBe(kind);
    if (answer.kind === "refused") expect(answer.error).toEqual({ code: "workshop/not_allowed", message: `Only the facilitator may send "${type}".` });
  });
});

// ---- Properties over any sequence of commands ------------------------------------------------

type Op =
  | { op: "join"; name: string }
  | { op: "leave" | "return" | "remove" | "finish"; who: number }
  | { op: "start"; seed: string; failAfter: number | null }
  | { op: "seat_waiting"; seed: string }
  | { op: "end" | "summarized" }
  | { op: "control"; who: number };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("join" as const), name: fc.constantFrom("Ann", "Ben", "Ann", " Cy ") }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom("leave" as const, "return" as const, "remove" as const, "finish" as const), who: fc.nat(12) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("start" as const), seed: fc.string({ maxLength: 6 }), failAfter: fc.option(fc.nat(3), { freq: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("seat_waiting" as const), seed: fc.string({ maxLength: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom("end" as const, "summarized" as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("control" as const), who: fc.nat(12) }) },
);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Each op as the commands a room would send for it (opening tables answers with table_opened, then placed or failed). */
function commandsFor(state: WorkshopState, op: Op, tableNo: { n: number }, at: number): WorkshopCommand[][] {
  const id = (n: number) => `p${(n % Math.max(state.people.length, 1)) + 1}`;
  const online = members(state).map((p) => p.id);
  const opening = (first: WorkshopCommand, plans: (pairing: Pairing) => Pairing["tables"], failAfter: number | null, pairing: Pairing): WorkshopCommand[][] => {
    const tables = plans(pairing);
    const opened = tables.slice(0, failAfter ?? tables.length).map((plan): WorkshopCommand => ({ type: "table_opened", code: `T${++tableNo.n}`, plan }));
    return [[first, ...opened, failAfter === null || failAfter >= tables.length ? { type: "tables_placed" } : { type: "opening_failed" }]];
  };
  switch (op.op) {
    case "join":
      return [[{ type: "join", name: op.name, tokenHash: `h${at}`, at }]];
    case "leave":
      return [[{ type: "leave", participantId: id(op.who) }]];
    case "return":
      return [[{ type: "return", participantId: id(op.who) }]];
    case "remove":
      return [[{ type: "remove", participantId: id(op.who) }]];
    case "finish": {
      const tables = state.rounds.at(-1)?.tables ?? [];
      const table = tables[op.who % Math.max(tables.length, 1)];
      return table ? [[{ type: "table_finished", code: table.code }]] : [];
    }
    case "start": {
      const pairing = proposePairing(online, state.rounds.map((r) => ({ tables: r.tables.map((t) => t.plan), observers: r.observers })), "observer", op.seed);
      const start: WorkshopCommand = { type: "start_round", settings: SETTINGS, pairing, scenarioVersion: 1, drawSeed: null, at };
      return opening(start, (p) => p.tables, op.failAfter, pairing);
    }
    case "seat_waiting": {
      const first: WorkshopCommand = { type: "seat_waiting", online, seed: op.seed };
      const result = step(state, first);
      const open = result.ok ? result.effects.find((e) => e.kind === "open_tables") : undefined;
      const plans = open?.kind === "open_tables" ? open.plans : [];
      return opening(first, () => plans, null, { tables: plans, observers: [] });
    }
    case "end":
      return [[{ type: "end_round", at }]];
    case "summarized":
      return [[{ type: "game_summarized", round: state.rounds.length, at }]];
    case "control": {
      const table = state.rounds.at(-1)?.tables[op.who % 3];
      return [[{ type: "control", control: "pause", action: { type: "pause" }, table: table?.code ?? "QQQQQQ" }]];
    }
  }
}

/** Runs the ops; a refused first command skips the rest of its group, as a room would. */
function play(ops: readonly Op[], check: (before: WorkshopState, command: WorkshopCommand, after: WorkshopState, effects: readonly Effect[] | null) => void): WorkshopState {
  let state = newWorkshop(8, false);
  const tableNo = { n: 0 };
  ops.forEach((op, i) => {
    for (const group of commandsFor(state, op, tableNo, 1000 + i))
      for (const command of group) {
        const before = deepFreeze(state);
        const result = step(before, command);
        check(before, command, result.ok ? result.state : before, result.ok ? result.effects : null);
        if (!result.ok) return;
        state = result.state;
      }
  });
  return state;
}

describe("whatever the commands, in any order", () => {
  it("never seats one participant twice in a round, and seats only members", () => {
    fc.assert(
      fc.property(fc.array(arbOp, { minLength: 20, maxLength: 60 }), (ops) => {
        play(ops, (_before, _command, after) => {
          for (const round of [...after.rounds, ...(after.opening?.control === "start_round" ? [after.opening.round] : [])]) {
            const placed = [...round.tables.flatMap((t) => [t.plan.buyer, t.plan.seller]).filter((x) => x !== null), ...round.observers.map((o) => o.participantId)];
            expect(new Set(placed).size).toBe(placed.length);
            for (const id of placed) expect(after.people.some((p) => p.id === id)).toBe(true);
          }
        });
      }),
    );
  });

  it("never changes the state it is given, and a refused command leaves it as it was", () => {
    fc.assert(
      fc.property(fc.array(arbOp, { minLength: 20, maxLength: 60 }), (ops) => {
        // The state handed to each step is frozen: any change to it would throw here.
        play(ops, (before, command, after, effects) => {
          if (effects === null) expect(after).toBe(before);
          expect(step(before, command)).toEqual(step(before, command));
        });
      }),
    );
  });

  it("keeps every change in the store before anyone is told of it, and runs at most one round at a time", () => {
    fc.assert(
      fc.property(fc.array(arbOp, { minLength: 20, maxLength: 60 }), (ops) => {
        play(ops, (before, command, after, effects) => {
          if (!effects) return;
          const firstTold = effects.findIndex((e) => e.kind !== "store");
          const lastStored = effects.findLastIndex((e) => e.kind === "store");
          if (firstTold !== -1) expect(lastStored).toBeLessThan(firstTold);
          // A change to the people or rounds is always on record (a finished game is, by its own table).
          if (command.type !== "table_finished" && (after.people !== before.people || after.rounds !== before.rounds)) expect(lastStored).toBeGreaterThanOrEqual(0);
          expect(after.rounds.filter((r) => r.endedAt === null).length).toBeLessThanOrEqual(1);
          expect(after.rounds.map((r) => r.number)).toEqual(after.rounds.map((_, i) => i + 1));
        });
      }),
    );
  });
});
