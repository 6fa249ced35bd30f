import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ControlOutcome, WorkshopServerMessages } from "../../shared/protocol/workshop.js";
import { bootServer, type Harness } from "../server/helpers/harness.js";
import type { Player } from "../server/helpers/player.js";
import { until } from "../server/helpers/wait.js";
import { idOf, openWorkshopWith, propose, seatOf, settingsOf, sitDown, startRound, terms, type Workshop } from "./helpers/setup.js";

let h: Harness;
let w: Workshop;
let players: Map<string, Player>;

function results(answer: WorkshopServerMessages["control"] | WorkshopServerMessages["error"]): readonly ControlOutcome[] {
  if (!("results" in answer)) throw new Error(`refused: ${answer.message}`);
  return answer.results;
}

beforeAll(async () => {
  // Long turns: no timer runs out while the controls are tried.
  h = await bootServer();
  w = await openWorkshopWith(h, ["Ana", "Ben", "Cem", "Dee"]);
  await startRound(w, await propose(w), settingsOf({ turnSeconds: 300 }));
  players = await sitDown(h, w);
});
afterAll(async () => {
  for (const m of [w?.facilitator, ...(w?.people ?? [])]) await m?.leave().catch(() => undefined);
  await h.stop();
});

const tables = () => [...new Set(w.people.map((p) => seatOf(p).table))];
const atTable = (code: string) => [...players.values()].filter((p) => p.room.roomId === code);

describe("running a round", () => {
  it("pauses every table, refuses a second pause per table with the engine's reason, and resumes", async () => {
    expect(results(await w.facilitator.control("pause")).map((r) => r.ok)).toEqual([true, true]);
    for (const p of players.values()) await until(`${p.label} paused`, () => p.view.phase === "paused");
    const again = results(await w.facilitator.control("pause"));
    expect(again.map((r) => r.message)).toEqual(["The game is already paused.", "The game is already paused."]);
    expect(again[0]!.label).toMatch(/^Table 1 \(.+ \/ .+\)$/);
    await w.facilitator.latest("grid", (g) => g.tiles.every((t) => t.status === "paused"));
    expect(results(await w.facilitator.control("resume")).every((r) => r.ok)).toBe(true);
    for (const p of players.values()) await until(`${p.label} playing`, () => p.view.phase === "playing");
  });

  it("adds time to one table only", async () => {
    const [one, two] = tables();
    const before = atTable(one!)[0]!.view.turnEndsAt!;
    const otherBefore = atTable(two!)[0]!.view.turnEndsAt;
    expect(before).toEqual(expect.any(Number));
    expect(results(await w.facilitator.control("add_time", { table: one, seconds: 60 }))).toEqual([expect.objectContaining({ table: one, ok: true, message: "60 s added to the turn." })]);
    await until("time added", () => atTable(one!)[0]!.view.turnEndsAt === before + 60_000);
    expect(atTable(two!)[0]!.view.turnEndsAt).toBe(otherBefore);
    expect(await w.facilitator.control("add_time", { table: "ZZZZZZ", seconds: 60 })).toMatchObject({ code: "workshop/unknown_table" });
  });

  it("throws a named curve ball into every table, and refuses the same card twice with the table's reason", async () => {
    expect(results(await w.facilitator.control("curveball", { cardId: "supplier-costs" })).every((r) => r.ok)).toBe(true);
    for (const p of players.values()) await until(`${p.label} sees a card`, () => p.view.cards.length >= 1);
    const twice = results(await w.facilitator.control("curveball", { cardId: "supplier-costs" }));
    expect(twice.map((r) => r.message)).toEqual(["That card is already on this table.", "That card is already on this table."]);
    expect(results(await w.facilitator.control("curveball", { cardId: "no-such-card" }))[0]!.message).toBe('There is no card "no-such-card" in this deck.');
  });

  it("broadcasts a message to everyone in the workshop", async () => {
    const counts = w.people.map((p) => p.count("broadcast"));
    const mine = w.facilitator.count("broadcast");
    w.facilitator.send("broadcast", { text: "Five minutes left — decide what you will accept." });
    expect((await w.facilitator.next("broadcast", mine)).text).toBe("Five minutes left — decide what you will accept.");
    for (const [i, p] of w.people.entries()) {
      const b = await p.next("broadcast", counts[i]!);
      expect(b.text).toBe("Five minutes left — decide what you will accept.");
    }
  });

  it("refuses to start another round while one runs", async () => {
    const answer = await w.facilitator.control("start_round", { settings: settingsOf(), pairing: { tables: [{ buyer: idOf(w.people[0]!), seller: null }], observers: [] } });
    expect(answer).toMatchObject({ code: "workshop/bad_moment", message: "Round 1 is still running: end it before starting the next." });
  });

  it("ends one table, then the round; the next round swaps everyone's role and the debrief compares rounds", async () => {
    const [one] = tables();
    const seller = atTable(one!)[0]!;
    expect(results(await w.facilitator.control("end_table", { table: one }))).toEqual([expect.objectContaining({ ok: true, message: "Game ended." })]);
    await until("table one ended", () => seller.view.outcome?.kind === "ended");
    expect(results(await w.facilitator.control("end_table", { table: one }))[0]!.message).toBe("This game is over.");

    // The other table closes a deal.
    const [, two] = tables();
    const atTwo = atTable(two!);
    const s = atTwo.find((p) => seatOf(w.people.find((m) => `${m.label} at ${two}` === p.label)!).role === "seller")!;
    const b = atTwo.find((p) => p !== s)!;
    await until("seller to act at table two", () => s.view.toAct === "seller");
    s.send("offer", { terms: terms(20000) });
    await until("buyer to act", () => b.view.toAct === "buyer" && b.view.offers.length > 0);
    b.send("accept", {});
    await w.facilitator.latest("lobby", (l) => l.workshop.phase === "finished", 10_000);
    expect(await w.facilitator.control("end_round")).toMatchObject({ code: "workshop/bad_moment", message: "No round is running." });

    const firstRoles = new Map(w.people.map((p) => [p.label, seatOf(p).role]));
    await startRound(w, await propose(w), settingsOf({ scenarioId: "partner-reseller", deck: "random" }));
    for (const p of w.people) {
      const seat = await p.latest("assignment", (a) => a.round === 2);
      expect(seat.kind === "seat" && seat.role).not.toBe(firstRoles.get(p.label));
      expect(seat.kind === "seat" && seat.scenarioTitle).toBeTruthy();
    }
    expect((await w.facilitator.control("end_round")) as WorkshopServerMessages["control"]).toMatchObject({ control: "end_round" });
    const debrief = await w.facilitator.latest("debrief", (d) => d.rounds.length === 2 && d.rounds[0]!.games.length === 2, 10_000);
    expect(debrief.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(debrief.rounds[0]!.totals).toMatchObject({ tables: 2, deals: 1, otherNoDeal: 1 });
    // Nobody sat down in round two: its tables never started and are not scored.
    expect(debrief.rounds[1]!.games).toHaveLength(0);
    expect(debrief.rounds[1]!.pending).toBe(2);
    const history = w.facilitator.last("console")!.participants.map((p) => p.history);
    for (const roles of history) expect(new Set(roles)).toEqual(new Set(["buyer", "seller"]));
  });
});
