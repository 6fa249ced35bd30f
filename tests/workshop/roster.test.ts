import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { otherRole } from "../../shared/engine/roles.js";
import { WORKSHOP_CLOSE_CODES } from "../../shared/protocol/workshop.js";
import { bootServer, type Harness } from "../server/helpers/harness.js";
import { joinError } from "../server/helpers/joinError.js";
import { until } from "../server/helpers/wait.js";
import { baseUrl, idOf, openWorkshopWith, propose, seatOf, settingsOf, startRound, tokenOf, type Workshop } from "./helpers/setup.js";
import { createWorkshop, WorkshopMember } from "./helpers/workshopClient.js";

let h: Harness;
const members: WorkshopMember[] = [];
const joinAs = async (code: string, options: Parameters<typeof WorkshopMember.join>[2], label: string) => {
  const m = await WorkshopMember.join(h.endpoint, code, options, label);
  members.push(m);
  return m;
};

beforeAll(async () => {
  h = await bootServer();
});
afterAll(async () => {
  for (const m of members) await m.leave().catch(() => undefined);
  await h.stop();
});

describe("creating and finding a workshop", () => {
  it("answers a join code with the title, and a wrong code with 404", async () => {
    const created = await createWorkshop(baseUrl(h), { title: "Key accounts, spring" });
    expect(created.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(created.facilitatorSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const found = await fetch(`${baseUrl(h)}/api/workshops/${created.code.toLowerCase()}`);
    expect(await found.json()).toEqual({ code: created.code, title: "Key accounts, spring" });
    expect((await fetch(`${baseUrl(h)}/api/workshops/ZZZZZZ`)).status).toBe(404);
    expect((await fetch(`${baseUrl(h)}/api/workshops/not-a-code`)).status).toBe(404);
  });

  it("refuses a bad request with the field at fault, and an unknown scenario", async () => {
    const post = (body: unknown) => fetch(`${baseUrl(h)}/api/workshops`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const noTitle = await post({ scenarioId: "backup-appliance", deck: "same", oddSeat: "bot", botLevel: "easy" });
    expect(noTitle.status).toBe(400);
    expect(((await noTitle.json()) as { error: { message: string } }).error.message).toMatch(/^title:/);
    const badDeck = await post({ title: "x", scenarioId: "backup-appliance", deck: "mixed", oddSeat: "bot", botLevel: "easy" });
    expect(((await badDeck.json()) as { error: { message: string } }).error.message).toMatch(/^deck:/);
    const unknown = await post({ title: "x", scenarioId: "no-such", deck: "same", oddSeat: "bot", botLevel: "easy" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "api/unknown_scenario", message: 'There is no scenario "no-such".' } });
  });
});

describe("bot seats", () => {
  it("can be tit-for-tat: the facilitator picks it, and the grid and the table name it", async () => {
    const w = await openWorkshopWith(h, ["Solo"], { botLevel: "tit_for_tat" });
    members.push(w.facilitator, ...w.people);
    await startRound(w, await propose(w, "bot"), settingsOf({ botLevel: "tit_for_tat" }));
    const grid = await w.facilitator.latest("grid", (g) => g.tiles.length === 1);
    const seats = [grid.tiles[0]!.seats.buyer, grid.tiles[0]!.seats.seller];
    expect(seats.filter((s) => s.bot).map((s) => s.name)).toEqual(["Bot (tit-for-tat)"]);
    const seat = seatOf(w.people[0]!);
    const player = await h.join(seat.table, { seat: tokenOf(w.people[0]!), name: "Solo" }, "Solo at the bot table");
    await until("the game starts", () => player.state.started);
    expect(player.state.seats.get(otherRole(seat.role))).toMatchObject({ bot: true, name: "Bot (tit-for-tat)" });
    await player.room.leave();
  });
});

describe("the lobby", () => {
  let w: Workshop;
  beforeAll(async () => {
    w = await openWorkshopWith(h, ["Alex", "Bo"]);
    members.push(w.facilitator, ...w.people);
  });

  it("lists everyone who joined, live, and numbers a duplicate name", async () => {
    const second = await joinAs(w.created.code, { name: "alex" }, "alex twin");
    const welcome = second.last("welcome");
    expect(welcome).toMatchObject({ kind: "participant", name: "alex (2)", renamed: true });
    const lobby = await w.people[0]!.latest("lobby", (l) => l.roster.length === 3);
    expect(lobby.roster.map((r) => r.name)).toEqual(["Alex", "Bo", "alex (2)"]);
    expect(lobby.workshop).toMatchObject({ code: w.created.code, title: "Negotiation basics", round: 0, phase: "none" });
  });

  it("keeps a dropped participant's place: they come back with their token as the same person", async () => {
    const bo = w.people[1]!;
    const token = (bo.last("welcome") as { token: string }).token;
    bo.drop();
    await w.facilitator.latest("lobby", (l) => l.roster.find((r) => r.name === "Bo")?.online === false);
    const back = await joinAs(w.created.code, { participant: token }, "Bo again");
    w.people[1] = back;
    expect(back.last("welcome")).toMatchObject({ kind: "participant", participantId: idOf(bo), name: "Bo", renamed: false, token: null });
    const lobby = await w.facilitator.latest("lobby", (l) => l.roster.find((r) => r.name === "Bo")?.online === true);
    expect(lobby.roster.filter((r) => r.name.startsWith("Bo"))).toHaveLength(1);
  });

  it("refuses a token this workshop never issued, and bad join options", async () => {
    expect(await joinError(WorkshopMember.join(h.endpoint, w.created.code, { participant: "A".repeat(43) }, "forger"))).toMatch(/^workshop\/bad_participant/);
    expect(await joinError(WorkshopMember.join(h.endpoint, w.created.code, { name: "" } as never, "empty"))).toMatch(/^workshop\/bad_options/);
    expect(await joinError(WorkshopMember.join(h.endpoint, w.created.code, { name: "x", facilitator: w.created.facilitatorSecret } as never, "both"))).toMatch(/^workshop\/bad_options/);
  });

  it("lets a participant leave for good: they drop off the roster", async () => {
    const twin = members.find((m) => m.label === "alex twin")!;
    twin.send("leave");
    const lobby = await w.facilitator.latest("lobby", (l) => !l.roster.some((r) => r.name === "alex (2)"));
    expect(lobby.roster.map((r) => r.name)).toEqual(["Alex", "Bo"]);
    const console = await w.facilitator.latest("console", (c) => c.participants.some((p) => p.name === "alex (2)" && p.left));
    expect(console.participants).toHaveLength(3);
  });

  it("lets the facilitator remove someone: their connection closes and their token stops working", async () => {
    const extra = await joinAs(w.created.code, { name: "Ghost" }, "ghost");
    const token = (extra.last("welcome") as { token: string }).token;
    const answerCount = extra.count("error");
    w.facilitator.send("remove", { participantId: idOf(extra) });
    await until("ghost told and closed", () => extra.count("error") > answerCount && extra.client.closes.includes(WORKSHOP_CLOSE_CODES.removed));
    expect(await joinError(WorkshopMember.join(h.endpoint, w.created.code, { participant: token }, "ghost again"))).toMatch(/^workshop\/removed/);
    const missing = await w.facilitator.control("remove", { participantId: "p999" });
    expect(missing).toMatchObject({ code: "workshop/unknown_participant" });
  });

  it("seats a late joiner into the running round, paired with a bot when alone", async () => {
    await startRound(w, await propose(w));
    const late = await joinAs(w.created.code, { name: "Late Lou" }, "late");
    expect(late.last("assignment")).toMatchObject({ kind: "none", round: 1 });
    const console = await w.facilitator.latest("console", (c) => c.waiting.includes(idOf(late)));
    expect(console.rounds[0]!.tables).toHaveLength(1);
    const answer = await w.facilitator.control("seat_waiting");
    expect(answer).toMatchObject({ control: "seat_waiting", results: [expect.objectContaining({ ok: true })] });
    const seat = await late.latest("assignment", (a) => a.kind === "seat");
    expect(seat).toMatchObject({ kind: "seat", round: 1, opponent: "Bot" });
    const again = await w.facilitator.control("seat_waiting");
    expect(again).toMatchObject({ code: "workshop/bad_moment", message: "Nobody is waiting in the lobby." });
  });
});

describe("the facilitator secret", () => {
  it("is the only way into the console: a wrong secret is refused, and participants may not send controls", async () => {
    const created = await createWorkshop(baseUrl(h));
    expect(await joinError(WorkshopMember.join(h.endpoint, created.code, { facilitator: "B".repeat(43) }, "impostor"))).toMatch(/^workshop\/bad_facilitator/);
    const person = await joinAs(created.code, { name: "Pat" }, "Pat");
    for (const [type, payload] of [
      ["propose", { oddSeat: "bot" }],
      ["pause", {}],
      ["broadcast", { text: "hello" }],
      ["start_round", { settings: { scenarioId: "backup-appliance", deck: "same", oddSeat: "bot", botLevel: "easy" }, pairing: { tables: [{ buyer: "p1", seller: null }], observers: [] } }],
    ] as const) {
      const answer = await person.control(type, payload);
      expect(answer).toMatchObject({ code: "workshop/not_allowed", request: type });
    }
    expect(person.count("proposal") + person.count("console") + person.count("grid") + person.count("debrief")).toBe(0);
    expect(person.last("assignment")).toMatchObject({ kind: "none" });
  });

  it("answers malformed messages with an error and changes nothing", async () => {
    const created = await createWorkshop(baseUrl(h));
    const f = await joinAs(created.code, { facilitator: created.facilitatorSecret }, "facilitator");
    expect(await f.control("nonsense", {})).toMatchObject({ code: "workshop/unknown_type" });
    expect(await f.control("broadcast", { text: "" })).toMatchObject({ code: "workshop/bad_payload" });
    expect(await f.control("add_time", { seconds: -5 })).toMatchObject({ code: "workshop/bad_payload" });
    expect(await f.control("pause", { table: "lower" })).toMatchObject({ code: "workshop/bad_payload" });
    expect(await f.control("pause", {})).toMatchObject({ code: "workshop/bad_moment", message: "No round is running." });
    expect(await f.control("start_round", { settings: { scenarioId: "backup-appliance", deck: "same", oddSeat: "bot", botLevel: "easy" }, pairing: { tables: [], observers: [] } })).toMatchObject({
      code: "workshop/bad_pairing",
      message: "The pairing has no table.",
    });
    expect(f.last("console")!.rounds).toEqual([]);
  });
});
