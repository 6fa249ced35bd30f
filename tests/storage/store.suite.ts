import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apply, createTable, parseScenario, type Action, type TableState } from "../../shared/engine/index.js";
import scenarioJson from "../../shared/scenarios/backup-appliance.json";
import { isStoreError, type StoreErrorCode } from "../../server/storage/errors.js";
import { hashSecret } from "../../server/storage/secrets.js";
import type { Json, Store } from "../../server/storage/store.js";
import { finished, newTable, newWorkshop, noteEntry, offerEntry, participant, T0, workshopRound } from "./fixtures.js";

/** One empty database per test; every open() is a new store instance (new connection) on it. */
export type StoreHarness = {
  open(): Promise<Store>;
  dispose(): Promise<void>;
};

async function refused(promise: Promise<unknown>, code: StoreErrorCode): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isStoreError(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
  return (error as Error).message;
}

/** The same behaviour, checked against every Store implementation. */
export function describeStore(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`${name} store`, () => {
    let harness: StoreHarness;
    let opened: Store[];
    let store: Store;

    const open = async () => {
      const s = await harness.open();
      opened.push(s);
      return s;
    };
    const close = async (s: Store) => {
      opened = opened.filter((o) => o !== s);
      await s.close();
    };

    beforeEach(async () => {
      harness = await makeHarness();
      opened = [];
      store = await open();
    });

    afterEach(async () => {
      await Promise.all(opened.map((s) => s.close()));
      await harness.dispose();
    });

    it("creates a table and loads back every field, with an empty log", async () => {
      await store.createWorkshop(newWorkshop("w1"));
      const table = newTable("ABC123", {
        workshopId: "w1",
        workshopRound: 2,
        bot: { seat: "seller", tactic: "boulware", beta: 0.25 },
        seats: { buyer: { tokenHash: hashSecret("b"), name: "Bea" }, seller: { tokenHash: hashSecret("s"), name: "Sam" } },
      });
      await store.createTable(table);
      expect(await store.loadTable("ABC123")).toEqual({
        ...table,
        status: "open",
        startedAt: null,
        closedAt: null,
        owner: null,
        leaseUntil: null,
        result: null,
        log: [],
      });
      expect(await store.loadTable("NOPE")).toBeNull();
    });

    it("refuses a taken table code and a table of an unknown workshop, keeping the first table", async () => {
      await store.createTable(newTable("T1"));
      expect(await refused(store.createTable(newTable("T1", { seed: "other" })), "store/duplicate")).toContain("T1");
      await refused(store.createTable(newTable("T2", { workshopId: "ghost", workshopRound: 1 })), "store/not_found");
      expect((await store.loadTable("T1"))?.seed).toBe("seed-T1");
      expect(await store.loadTable("T2")).toBeNull();
    });

    it("fills a seat with a token hash and name", async () => {
      await store.createTable(newTable("T1"));
      const seat = { tokenHash: hashSecret("seller-token"), name: "Sam Seller" };
      await store.setSeat("T1", "seller", seat);
      const loaded = await store.loadTable("T1");
      expect(loaded?.seats.seller).toEqual(seat);
      expect(loaded?.seats.buyer.name).toBe("Bea Buyer");
      await refused(store.setSeat("NOPE", "buyer", seat), "store/not_found");
    });

    it("keeps the log in seq order with each action's time", async () => {
      await store.createTable(newTable("T1"));
      const entries = [noteEntry(1), offerEntry(2), noteEntry(3), offerEntry(4), noteEntry(5)];
      for (const entry of entries) await store.appendAction("T1", entry);
      expect((await store.loadTable("T1"))?.log).toEqual(entries);
    });

    it("refuses a duplicate seq and leaves the log as it was", async () => {
      await store.createTable(newTable("T1"));
      await store.appendAction("T1", noteEntry(1));
      await store.appendAction("T1", noteEntry(2));
      expect(await refused(store.appendAction("T1", offerEntry(2)), "store/duplicate")).toContain("2");
      await refused(store.appendAction("T1", offerEntry(1)), "store/duplicate");
      expect((await store.loadTable("T1"))?.log).toEqual([noteEntry(1), noteEntry(2)]);
    });

    it("refuses a gap: the log starts at 1 and each seq needs its predecessor", async () => {
      await store.createTable(newTable("T1"));
      await refused(store.appendAction("T1", noteEntry(2)), "store/gap");
      await refused(store.appendAction("T1", noteEntry(0)), "store/gap");
      await store.appendAction("T1", noteEntry(1));
      expect(await refused(store.appendAction("T1", noteEntry(3)), "store/gap")).toContain("ends at 1");
      await refused(store.appendAction("T1", noteEntry(-1)), "store/gap");
      await store.appendAction("T1", noteEntry(2));
      expect((await store.loadTable("T1"))?.log.map((e) => e.seq)).toEqual([1, 2]);
    });

    it("keeps each table's log separate", async () => {
      await store.createTable(newTable("T1"));
      await store.createTable(newTable("T2"));
      await store.appendAction("T1", noteEntry(1));
      await store.appendAction("T2", offerEntry(1));
      await store.appendAction("T2", offerEntry(2));
      expect((await store.loadTable("T1"))?.log).toEqual([noteEntry(1)]);
      expect((await store.loadTable("T2"))?.log).toEqual([offerEntry(1), offerEntry(2)]);
    });

    it("refuses appends to an unknown or finished table", async () => {
      await refused(store.appendAction("NOPE", noteEntry(1)), "store/not_found");
      await store.createTable(newTable("T1"));
      await store.appendAction("T1", noteEntry(1));
      await store.finishTable("T1", finished(T0 + 60_000));
      await refused(store.appendAction("T1", noteEntry(2)), "store/not_open");
      await refused(store.setSeat("T1", "seller", { tokenHash: null, name: "late" }), "store/not_open");
      expect((await store.loadTable("T1"))?.log).toEqual([noteEntry(1)]);
    });

    it("finishes a table once: it leaves the open list and shows in the finished list with its log", async () => {
      await store.createTable(newTable("T1"));
      await store.createTable(newTable("T2"));
      await store.appendAction("T1", offerEntry(1));
      await store.appendAction("T1", noteEntry(2));
      expect(await store.claimTable("T1", "proc-a", 10_000, T0)).toBe(true);
      const result = finished(T0 + 90_000);
      await store.finishTable("T1", result);
      await refused(store.finishTable("T1", finished(T0 + 99_000)), "store/not_open");
      await refused(store.finishTable("NOPE", result), "store/not_found");

      expect((await store.loadOpenTables()).map((t) => t.code)).toEqual(["T2"]);
      const [done, ...rest] = await store.listFinishedTables();
      expect(rest).toEqual([]);
      expect(done).toMatchObject({ code: "T1", status: "finished", result, owner: null, leaseUntil: null });
      expect(done?.log).toEqual([offerEntry(1), noteEntry(2)]);
    });

    it("lists finished tables by workshop and round, in the order they finished", async () => {
      await store.createWorkshop(newWorkshop("w1"));
      await store.createWorkshop(newWorkshop("w2"));
      const specs = [
        { code: "A", workshopId: "w1", workshopRound: 1, at: 5 },
        { code: "B", workshopId: "w1", workshopRound: 2, at: 3 },
        { code: "C", workshopId: "w1", workshopRound: 1, at: 1 },
        { code: "D", workshopId: "w2", workshopRound: 1, at: 2 },
        { code: "E", workshopId: null, workshopRound: null, at: 4 },
      ];
      for (const s of specs) {
        await store.createTable(newTable(s.code, { workshopId: s.workshopId, workshopRound: s.workshopRound }));
        await store.appendAction(s.code, noteEntry(1));
        await store.finishTable(s.code, finished(T0 + s.at * 1000, { kind: "walkaway", by: "buyer", round: s.at }));
      }
      await store.createTable(newTable("OPEN", { workshopId: "w1", workshopRound: 1 }));
      const codes = async (filter?: { workshopId?: string; round?: number }) => (await store.listFinishedTables(filter)).map((t) => t.code);
      expect(await codes()).toEqual(["C", "D", "B", "E", "A"]);
      expect(await codes({ workshopId: "w1" })).toEqual(["C", "B", "A"]);
      expect(await codes({ workshopId: "w1", round: 1 })).toEqual(["C", "A"]);
      expect(await codes({ round: 1 })).toEqual(["C", "D", "A"]);
      expect(await codes({ workshopId: "w3" })).toEqual([]);
      const [c] = await store.listFinishedTables({ workshopId: "w1", round: 1 });
      expect(c?.result?.outcome).toEqual({ kind: "walkaway", by: "buyer", round: 1 });
      expect(c?.log).toEqual([noteEntry(1)]);
    });

    it("loads every open table with its log", async () => {
      await store.createTable(newTable("T2", { createdAt: T0 + 1 }));
      await store.createTable(newTable("T1", { createdAt: T0 }));
      await store.appendAction("T1", noteEntry(1));
      await store.appendAction("T2", noteEntry(1));
      await store.appendAction("T2", noteEntry(2));
      const open = await store.loadOpenTables();
      expect(open.map((t) => [t.code, t.log.length])).toEqual([
        ["T1", 1],
        ["T2", 2],
      ]);
    });

    it("lets exactly one of two store instances claim a table at once, and the other take over when the lease runs out", async () => {
      const other = await open();
      const codes = Array.from({ length: 10 }, (_, i) => `T${i}`);
      for (const code of codes) await store.createTable(newTable(code));

      const races = await Promise.all(codes.map((code) => Promise.all([store.claimTable(code, "proc-a", 5000, T0), other.claimTable(code, "proc-b", 5000, T0)])));
      for (const [a, b] of races) expect(a !== b).toBe(true);
      const ofA = codes.filter((_, i) => races[i]?.[0]);
      const ofB = codes.filter((_, i) => races[i]?.[1]);

      // Held: nobody else gets them before the lease ends; the holder may claim again.
      for (const code of ofA) expect(await other.claimTable(code, "proc-b", 5000, T0 + 4999)).toBe(false);
      for (const code of ofA) expect(await store.claimTable(code, "proc-a", 5000, T0 + 1000)).toBe(true);
      expect((await store.loadTable(codes[0] ?? ""))?.owner).toBe(ofA.includes(codes[0] ?? "") ? "proc-a" : "proc-b");

      // proc-a renews, proc-b goes quiet: at T0 + 7000 proc-b's leases (until T0 + 5000) have run out.
      expect((await store.renewLeases("proc-a", 5000, T0 + 3000)).sort()).toEqual([...ofA].sort());
      for (const code of ofB) expect(await store.claimTable(code, "proc-a", 5000, T0 + 7000)).toBe(true);
      for (const code of ofA) expect(await other.claimTable(code, "proc-b", 5000, T0 + 7000)).toBe(false);
      expect(await other.renewLeases("proc-b", 5000, T0 + 7000)).toEqual([]);
      expect((await store.loadTable(codes[0] ?? ""))?.leaseUntil).toBeGreaterThanOrEqual(T0 + 8000);

      // A graceful shutdown releases everything at once.
      await store.releaseTables("proc-a");
      expect((await store.loadOpenTables()).every((t) => t.owner === null && t.leaseUntil === null)).toBe(true);
      for (const code of codes) expect(await other.claimTable(code, "proc-b", 5000, T0 + 7001)).toBe(true);
    });

    it("does not hand out unknown or finished tables", async () => {
      expect(await store.claimTable("NOPE", "proc-a", 5000, T0)).toBe(false);
      await store.createTable(newTable("T1"));
      await store.finishTable("T1", finished(T0 + 1));
      expect(await store.claimTable("T1", "proc-a", 5000, T0)).toBe(false);
      expect(await store.renewLeases("proc-a", 5000, T0)).toEqual([]);
    });

    it("records the start once, and closes only a table that never started", async () => {
      await store.createTable(newTable("T1"));
      await store.createTable(newTable("T2"));
      await store.startTable("T1", T0 + 500);
      await refused(store.startTable("T1", T0 + 900), "store/duplicate");
      await refused(store.startTable("NOPE", T0), "store/not_found");
      expect(await refused(store.closeTable("T1", T0 + 1000), "store/not_open")).toContain("started");
      expect((await store.loadTable("T1"))?.startedAt).toBe(T0 + 500);

      expect(await store.claimTable("T2", "proc-a", 5000, T0)).toBe(true);
      await store.closeTable("T2", T0 + 1000);
      const closed = await store.loadTable("T2");
      expect(closed).toMatchObject({ status: "open", closedAt: T0 + 1000, startedAt: null, owner: null, leaseUntil: null });
      // A closed table is out of play: not listed, not claimable, and nothing more is written to it.
      expect((await store.loadOpenTables()).map((t) => t.code)).toEqual(["T1"]);
      expect(await store.claimTable("T2", "proc-a", 5000, T0)).toBe(false);
      expect(await refused(store.appendAction("T2", noteEntry(1)), "store/not_open")).toContain("closed");
      await refused(store.startTable("T2", T0 + 2000), "store/not_open");
      await refused(store.closeTable("T2", T0 + 2000), "store/not_open");
      await refused(store.setSeat("T2", "seller", { tokenHash: null, name: "late" }), "store/not_open");
      expect((await store.loadTable("T2"))?.log).toEqual([]);
    });

    it("fences appends by owner: a process whose table was taken over writes nothing more", async () => {
      await store.createTable(newTable("T1"));
      expect(await store.claimTable("T1", "proc-a", 5000, T0)).toBe(true);
      await store.appendAction("T1", noteEntry(1), { owner: "proc-a" });
      expect(await refused(store.appendAction("T1", noteEntry(2), { owner: "proc-b" }), "store/not_owner")).toContain("proc-a");
      expect(await store.claimTable("T1", "proc-b", 5000, T0 + 5000)).toBe(true);
      await refused(store.appendAction("T1", noteEntry(2), { owner: "proc-a" }), "store/not_owner");
      await store.appendAction("T1", noteEntry(2), { owner: "proc-b" });
      await refused(store.appendAction("T1", noteEntry(3), { owner: "proc-a", finish: finished(T0 + 9000) }), "store/not_owner");
      const table = await store.loadTable("T1");
      expect(table?.log).toEqual([noteEntry(1), noteEntry(2)]);
      expect(table).toMatchObject({ status: "open", owner: "proc-b", result: null });
      await refused(store.appendAction("NOPE", noteEntry(1), { owner: "proc-a" }), "store/not_found");
    });

    it("commits a game's last action and its result together, or neither", async () => {
      await store.createTable(newTable("T1"));
      expect(await store.claimTable("T1", "proc-a", 5000, T0)).toBe(true);
      await store.appendAction("T1", noteEntry(1), { owner: "proc-a" });
      const result = finished(T0 + 60_000);
      // A refused last action (its seq is taken) must not finish the table.
      await refused(store.appendAction("T1", { ...offerEntry(1) }, { owner: "proc-a", finish: result }), "store/duplicate");
      await refused(store.appendAction("T1", offerEntry(3), { owner: "proc-a", finish: result }), "store/gap");
      expect((await store.loadTable("T1"))?.status).toBe("open");

      await store.appendAction("T1", offerEntry(2), { owner: "proc-a", finish: result });
      const [done] = await store.listFinishedTables();
      expect(done).toMatchObject({ code: "T1", status: "finished", result, owner: null, leaseUntil: null });
      expect(done?.log).toEqual([noteEntry(1), offerEntry(2)]);
      await refused(store.appendAction("T1", noteEntry(3)), "store/not_open");
      await refused(store.finishTable("T1", result), "store/not_open");
    });

    it("finds the started, unfinished tables nobody live holds", async () => {
      const codes = ["NEW", "FREE", "MINE", "THEIRS", "EXPIRED", "DONE", "SHUT"];
      for (const code of codes) await store.createTable(newTable(code));
      for (const [i, code] of codes.slice(1, 6).entries()) await store.startTable(code, T0 + i);
      await store.claimTable("MINE", "proc-a", 5000, T0);
      await store.claimTable("THEIRS", "proc-b", 5000, T0 + 1000);
      await store.claimTable("EXPIRED", "proc-b", 1000, T0);
      await store.appendAction("DONE", noteEntry(1), { finish: finished(T0 + 2) });
      await store.closeTable("SHUT", T0 + 3);
      expect(await store.findOrphanedTables("proc-a", T0 + 1000)).toEqual(["FREE", "MINE", "EXPIRED"]);
      expect(await store.findOrphanedTables("proc-b", T0 + 1000)).toEqual(["FREE", "THEIRS", "EXPIRED"]);
      expect(await store.findOrphanedTables("proc-c", T0 + 6000)).toEqual(["FREE", "MINE", "THEIRS", "EXPIRED"]);
    });

    it("keeps workshops, participants and rounds", async () => {
      const w = newWorkshop("w1", "JOIN42");
      await store.createWorkshop(w);
      await refused(store.createWorkshop(newWorkshop("w2", "JOIN42")), "store/duplicate");
      await refused(store.createWorkshop(newWorkshop("w1", "OTHER")), "store/duplicate");

      const p1 = participant("w1", "p1", T0 + 10);
      const p2 = participant("w1", "p2", T0 + 5);
      await store.addParticipant(p1);
      await store.addParticipant(p2);
      await refused(store.addParticipant(p1), "store/duplicate");
      await refused(store.addParticipant(participant("ghost", "p1", T0)), "store/not_found");
      await store.setParticipantLeft("w1", "p1", true);
      await refused(store.setParticipantLeft("w1", "nobody", true), "store/not_found");
      const p3 = participant("w1", "p3", T0 + 20);
      await store.addParticipant(p3);
      await store.removeParticipant("w1", "p3");
      await refused(store.removeParticipant("w1", "nobody"), "store/not_found");

      await store.startWorkshopRound(workshopRound("w1", 2));
      await store.startWorkshopRound(workshopRound("w1", 1));
      await refused(store.startWorkshopRound(workshopRound("w1", 1)), "store/duplicate");
      await refused(store.startWorkshopRound(workshopRound("ghost", 1)), "store/not_found");
      await store.endWorkshopRound("w1", 1, T0 + 7_000_000);
      await refused(store.endWorkshopRound("w1", 1, T0 + 8_000_000), "store/not_open");
      await refused(store.endWorkshopRound("w1", 9, T0), "store/not_found");
      const seating = { tables: [{ code: "T1", buyer: "p1", seller: null }], observers: [{ participantId: "p2", table: 0 }] };
      await store.setRoundSeating("w1", 2, { tables: [] });
      await store.setRoundSeating("w1", 2, seating);
      await refused(store.setRoundSeating("w1", 9, seating), "store/not_found");
      // Sent in one millisecond, still read back in the order sent.
      const broadcasts = [{ text: "Ten minutes left.", at: T0 + 50 }, { text: "Five minutes left.", at: T0 + 50 }, { text: "Time.", at: T0 + 60 }];
      for (const b of broadcasts) await store.addBroadcast("w1", b);
      await refused(store.addBroadcast("ghost", { text: "Hello?", at: T0 }), "store/not_found");

      const expected = {
        ...w,
        status: "open",
        participants: [p2, { ...p1, left: true }, { ...p3, left: true, removed: true }],
        rounds: [
          { ...workshopRound("w1", 1), endedAt: T0 + 7_000_000, seating: null },
          { ...workshopRound("w1", 2), endedAt: null, seating },
        ],
        broadcasts,
      };
      expect(await store.loadWorkshop("w1")).toEqual(expected);
      expect(await store.findWorkshopByJoinCode("JOIN42")).toEqual(expected);
      expect(await store.findWorkshopByJoinCode("join42")).toBeNull();
      expect(await store.loadWorkshop("w2")).toBeNull();

      await store.createWorkshop(newWorkshop("w0", "EMPTY"));
      expect((await store.loadOpenWorkshops()).map((x) => [x.id, x.participants.length, x.rounds.length])).toEqual([
        ["w0", 0, 0],
        ["w1", 3, 2],
      ]);
      // A setting changed while the workshop runs is what a rebuilt workshop reads back.
      const changed = { ...(expected.settings as Record<string, Json>), anonymous: true };
      await store.setWorkshopSettings("w1", changed);
      await refused(store.setWorkshopSettings("ghost", changed), "store/not_found");
      expect((await store.loadWorkshop("w1"))?.settings).toEqual(changed);
      await store.setWorkshopStatus("w1", "finished");
      await refused(store.setWorkshopStatus("ghost", "finished"), "store/not_found");
      expect((await store.loadOpenWorkshops()).map((x) => x.id)).toEqual(["w0"]);
      expect((await store.loadWorkshop("w1"))?.status).toBe("finished");
    });

    it("keeps everything across close and reopen", async () => {
      await store.createWorkshop(newWorkshop("w1"));
      await store.addParticipant(participant("w1", "p1", T0));
      await store.startWorkshopRound(workshopRound("w1", 1));
      await store.createTable(newTable("T1", { workshopId: "w1", workshopRound: 1 }));
      await store.createTable(newTable("T2"));
      for (let seq = 1; seq <= 20; seq++) await store.appendAction("T1", seq % 3 ? noteEntry(seq) : offerEntry(seq));
      await store.appendAction("T2", noteEntry(1));
      await store.finishTable("T2", finished(T0 + 5));
      await store.claimTable("T1", "proc-a", 60_000, T0);
      const before = {
        open: await store.loadOpenTables(),
        finished: await store.listFinishedTables(),
        workshops: await store.loadOpenWorkshops(),
      };
      await close(store);

      const reopened = await open();
      expect({
        open: await reopened.loadOpenTables(),
        finished: await reopened.listFinishedTables(),
        workshops: await reopened.loadOpenWorkshops(),
      }).toEqual(before);
      expect(before.open[0]?.log).toHaveLength(20);
      await reopened.appendAction("T1", noteEntry(21));
      await refused(reopened.appendAction("T1", noteEntry(21)), "store/duplicate");
    });

    it("holds what it takes to rebuild a table's engine state by replay", async () => {
      const parsed = parseScenario(scenarioJson);
      if (!parsed.ok) throw new Error("the shipped scenario must parse");
      const scenario = parsed.value;
      const record = newTable("LIVE", { seed: "replay-seed", drawSeed: "replay-deck", options: { rounds: 5, turnSeconds: 45 } });
      await store.createTable(record);

      // What the server does: hand the engine each action, log every one that changed the state.
      let state: TableState = createTable(scenario, record.seed, { now: record.createdAt, drawSeed: record.drawSeed, ...record.options });
      let seq = 0;
      let at = record.createdAt;
      const play = async (action: Action, advanceMs = 7000) => {
        at += advanceMs;
        const result = apply(state, action, at);
        if (result.state === state) return false;
        state = result.state;
        await store.appendAction(record.code, { seq: ++seq, action, at });
        return true;
      };
      const terms = { support: "business", warranty: 24, delivery: 4, payment: "net30" };
      expect(await play({ type: "offer", by: "seller", terms: { ...terms, price: 25000 }, message: "Our list price." })).toBe(true);
      expect(await play({ type: "note", by: "buyer", text: "They opened high." })).toBe(true);
      expect(await play({ type: "offer", by: "seller", terms: { ...terms, price: 24000 } })).toBe(true); // out of turn: an interruption
      expect(await play({ type: "ask", by: "buyer", questionId: "seller-date" })).toBe(true);
      expect(await play({ type: "timeout" }, 46_000)).toBe(true);
      expect(await play({ type: "offer", by: "buyer", terms: { ...terms, price: 17000 } })).toBe(true);
      expect(await play({ type: "pause" })).toBe(true);
      expect(await play({ type: "resume" }, 60_000)).toBe(true);
      expect(await play({ type: "walk_away", by: "seller", message: "Too far apart." })).toBe(true);
      expect(state.phase).toBe("finished");
      if (!state.outcome || !state.score) throw new Error("a finished game has an outcome and a score");
      await store.finishTable(record.code, { finishedAt: at, outcome: state.outcome, score: state.score });
      await close(store);

      const [stored] = await (await open()).listFinishedTables();
      if (!stored) throw new Error("the finished table must be listed");
      let replayed = createTable(scenario, stored.seed, { now: stored.createdAt, drawSeed: stored.drawSeed, ...stored.options });
      for (const entry of stored.log) replayed = apply(replayed, entry.action, entry.at).state;
      expect(replayed).toEqual(state);
      expect(stored.result).toEqual({ finishedAt: at, outcome: state.outcome, score: state.score });
    });

    describe("the scenario library", () => {
      const doc = (title: string) => ({ id: "doc", title, roles: { buyer: { walkAway: { min: 1, max: 2 } } } });
      const authored = (id: string, key: string, title = "First") =>
        ({ id, origin: "author", editKeyHash: hashSecret(key), document: { ...doc(title), id }, createdAt: T0 }) as const;

      it("stores an entry with its first version and loads it back, latest or by number", async () => {
        await store.createScenario(authored("mine", "k1"));
        const expected = { id: "mine", origin: "author", editKeyHash: hashSecret("k1"), version: 1, document: { ...doc("First"), id: "mine" }, savedAt: T0 };
        expect(await store.loadScenario("mine")).toEqual(expected);
        expect(await store.loadScenario("mine", 1)).toEqual(expected);
        expect(await store.loadScenario("mine", 2)).toBeNull();
        expect(await store.loadScenario("nobody")).toBeNull();
        expect(await store.latestScenarioVersion("mine")).toBe(1);
        expect(await store.latestScenarioVersion("nobody")).toBeNull();
      });

      it("numbers each save 2, 3… and never changes an earlier version", async () => {
        await store.createScenario(authored("mine", "k1"));
        expect(await store.addScenarioVersion("mine", doc("Second"), T0 + 1)).toBe(2);
        expect(await store.addScenarioVersion("mine", doc("Third"), T0 + 2)).toBe(3);
        expect((await store.loadScenario("mine"))?.document).toEqual(doc("Third"));
        expect(await store.latestScenarioVersion("mine")).toBe(3);
        expect((await store.loadScenario("mine", 1))?.document).toEqual({ ...doc("First"), id: "mine" });
        expect(await store.loadScenario("mine", 2)).toMatchObject({ version: 2, document: doc("Second"), savedAt: T0 + 1 });
        await refused(store.addScenarioVersion("nobody", doc("x"), T0), "store/not_found");
      });

      it("refuses an id any entry has, whatever its origin, and stores nothing of the refused one", async () => {
        await store.createScenario({ id: "shipped-one", origin: "shipped", editKeyHash: null, document: doc("Shipped"), createdAt: T0 });
        await refused(store.createScenario(authored("shipped-one", "k1", "Shadow")), "store/duplicate");
        const kept = await store.loadScenario("shipped-one");
        expect(kept).toMatchObject({ origin: "shipped", editKeyHash: null, version: 1, document: doc("Shipped") });
        expect(await store.loadScenario("shipped-one", 2)).toBeNull();
      });

      it("saves two versions at once on two connections without losing either", async () => {
        await store.createScenario(authored("mine", "k1"));
        const other = await open();
        const versions = await Promise.all([store.addScenarioVersion("mine", doc("A"), T0), other.addScenarioVersion("mine", doc("B"), T0)]);
        expect(versions.sort()).toEqual([2, 3]);
        const titles = [(await store.loadScenario("mine", 2))?.document, (await store.loadScenario("mine", 3))?.document].map((d) => (d as { title: string }).title);
        expect(titles.sort()).toEqual(["A", "B"]);
      });

      it("lists the read-only entries for everyone and an author's only for their keys, each at its latest version", async () => {
        await store.createScenario({ id: "ship", origin: "shipped", editKeyHash: null, document: doc("Ship"), createdAt: T0 });
        await store.createScenario({ id: "ops", origin: "operator", editKeyHash: null, document: doc("Ops"), createdAt: T0 });
        await store.createScenario(authored("mine", "k1"));
        await store.createScenario(authored("theirs", "k2"));
        await store.addScenarioVersion("mine", doc("Mine v2"), T0 + 5);
        const listed = (keys: string[]) => store.listScenarios(keys.map(hashSecret)).then((all) => all.map((s) => `${s.id}@${s.version}`));
        expect(await listed([])).toEqual(["ship@1", "ops@1"]);
        expect(await listed(["k1"])).toEqual(["ship@1", "ops@1", "mine@2"]);
        expect(await listed(["k1", "k2", "unknown"])).toEqual(["ship@1", "ops@1", "mine@2", "theirs@1"]);
      });

      it("pins a table and a workshop round to a scenario version", async () => {
        await store.createWorkshop(newWorkshop("w1"));
        await store.createTable(newTable("PIN234", { scenarioVersion: 7 }));
        await store.startWorkshopRound({ ...workshopRound("w1", 1), scenarioVersion: 4 });
        expect((await store.loadTable("PIN234"))?.scenarioVersion).toBe(7);
        expect((await store.loadWorkshop("w1"))?.rounds[0]?.scenarioVersion).toBe(4);
      });
    });
  });
}
