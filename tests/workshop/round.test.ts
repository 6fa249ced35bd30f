import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootServer, type Harness } from "../server/helpers/harness.js";
import { until } from "../server/helpers/wait.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { PARTICIPANT_COLUMNS, RESULT_COLUMNS, termColumns } from "../../server/workshop/exportRows.js";
import { joinErrorCode } from "../../shared/protocol/join.js";
import { joinError } from "../server/helpers/joinError.js";
import { parseCsv } from "./helpers/csv.js";
import { baseUrl, idOf, openWorkshopWith, propose, seatOf, sitDown, startRound, terms, tokenOf, type Workshop } from "./helpers/setup.js";

const refusal = async (attempt: Promise<unknown>) => joinErrorCode(await joinError(attempt));

let h: Harness;
let w: Workshop;

beforeAll(async () => {
  h = await bootServer();
  w = await openWorkshopWith(h, ["Ana", "Ben", "Cem", "Dee", "Eve"]);
});
afterAll(async () => {
  for (const m of [w?.facilitator, ...(w?.people ?? [])]) await m?.leave().catch(() => undefined);
  await h.stop();
});

describe("one workshop round from pairing to the class debrief", () => {
  it("pairs five people into two human tables and a bot table, and tells each their seat", async () => {
    const pairing = await propose(w, "bot");
    expect(pairing.tables).toHaveLength(3);
    expect(pairing.tables.filter((t) => t.buyer === null || t.seller === null)).toHaveLength(1);
    await startRound(w, pairing);

    const seats = w.people.map(seatOf);
    expect(new Set(seats.map((s) => s.table)).size).toBe(3);
    const botSeat = seats.find((s) => s.opponent === "Bot")!;
    expect(botSeat).toBeDefined();

    const lobby = await w.people[0]!.latest("lobby", (l) => l.workshop.phase === "running");
    expect(lobby.roster.every((r) => r.place === "buyer" || r.place === "seller")).toBe(true);
  });

  it("shows every table on the facilitator's grid, waiting until both seats are filled", async () => {
    const grid = await w.facilitator.latest("grid", (g) => g.tiles.length === 3);
    const humanTiles = grid.tiles.filter((t) => !t.seats.buyer.bot && !t.seats.seller.bot);
    expect(humanTiles).toHaveLength(2);
    for (const tile of humanTiles) expect(tile.status).toBe("waiting");
    // The grid is omniscient: both walk-aways are on every tile.
    for (const tile of grid.tiles) expect(tile.seats.buyer.walkAway).toBeGreaterThan(0);
  });

  it("opens each seat with its own participant's workshop token only, and every table with the facilitator secret", async () => {
    const [first] = w.people;
    const mine = seatOf(first!);
    const stranger = w.people.find((p) => seatOf(p).table !== mine.table)!;
    expect(await refusal(h.join(mine.table, { seat: tokenOf(stranger) }, "a stranger's token"))).toBe("join/bad_seat");
    expect(await refusal(h.join(mine.table, { facilitator: tokenOf(first!) }, "a token as facilitator"))).toBe("join/bad_facilitator");
    const facilitator = await h.join(mine.table, { facilitator: w.created.facilitatorSecret }, "facilitator at the table");
    await until("the facilitator sees the table", () => facilitator.state.code === mine.table);
    await facilitator.room.leave();
  });

  it("a control on a table nobody sat down at yet refuses with the reason", async () => {
    const answer = await w.facilitator.control("pause", {});
    if (!("results" in answer)) throw new Error(answer.message);
    const waiting = answer.results.filter((r) => !r.ok);
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    for (const r of waiting) expect(r.message).toBe("The game starts when both seats are filled.");
  });

  it("runs the games, ends the round, and gives the class debrief, each player's result and the export", async () => {
    const players = await sitDown(h, w);
    await w.facilitator.latest("grid", (g) => g.tiles.filter((t) => t.status === "negotiating").length === 3, 10_000);

    // The facilitator throws the same card into every table: each table answers for itself.
    const card = await w.facilitator.control("curveball", { cardId: "competitor-quote" });
    if (!("results" in card)) throw new Error(card.message);
    expect(card.results.every((r) => r.ok)).toBe(true);

    const tables = new Map<string, { seller?: string; buyer?: string }>();
    for (const p of w.people) {
      const s = seatOf(p);
      tables.set(s.table, { ...tables.get(s.table), [s.role]: p.label });
    }
    const [first, second] = [...tables.entries()].filter(([, t]) => t.buyer && t.seller);
    // Table one: the seller offers and the buyer accepts.
    const [code1, t1] = first!;
    players.get(t1.seller!)!.send("offer", { terms: terms(21000) });
    await until("buyer's turn at table one", () => players.get(t1.buyer!)!.view.toAct === "buyer" && players.get(t1.buyer!)!.view.offers.length === 1);
    players.get(t1.buyer!)!.send("accept", {});
    // Table two: the seller walks away at once.
    const [code2, t2] = second!;
    players.get(t2.seller!)!.send("walk_away", {});

    const grid = await w.facilitator.latest("grid", (g) => g.tiles.find((t) => t.code === code1)?.status === "deal" && g.tiles.find((t) => t.code === code2)?.status === "walked_away", 10_000);
    const dealTile = grid.tiles.find((t) => t.code === code1)!;
    expect(dealTile.deal).toBe(21000);
    const competitor = SCENARIOS["backup-appliance"]!.deck.cards.find((c) => c.id === "competitor-quote")!;
    expect(dealTile.cards.map((c) => c.title)).toContain(competitor.title);

    const ended = await w.facilitator.control("end_round", {});
    if (!("results" in ended)) throw new Error(ended.message);
    expect(ended.results).toHaveLength(1); // only the bot table was still open

    const debrief = await w.facilitator.latest("debrief", (d) => d.rounds[0]?.games.length === 3 && d.rounds[0].pending === 0, 15_000);
    const round = debrief.rounds[0]!;
    expect(round.totals).toMatchObject({ tables: 3, deals: 1 });
    expect(round.totals.walkAwaysRight + round.totals.walkAwaysWrong).toBe(1);
    expect(round.curveBalls.find((c) => c.cardId === "competitor-quote")?.answers).toHaveLength(3);
    expect(round.games.find((g) => g.code === code1)).toMatchObject({ outcome: "deal", price: 21000 });
    expect(JSON.stringify(round)).not.toContain("\"debrief\"");

    // Each person sees their own debrief lines and where they sit in the class.
    const buyer1 = w.people.find((p) => p.label === t1.buyer)!;
    const result = await buyer1.latest("result", (r) => r.round === 1 && r.standing !== null, 10_000);
    expect(result.table).toBe(code1);
    expect(result.role).toBe("buyer");
    expect(result.outcome).toContain("Deal at $21,000");
    expect(result.lines.map((l) => l.lesson)).toEqual(["walk-away", "anchor", "position", "discovery", "curve-balls", "reciprocity", "listening", "notes"]);
    expect(result.standing).toMatchObject({ role: "buyer", classDeals: 1, classTables: 3 });

    const lobby = await w.facilitator.latest("lobby", (l) => l.workshop.phase === "finished");
    expect(lobby.workshop.round).toBe(1);

    // The export: every game's result row and full log, only with the facilitator secret.
    const url = `${baseUrl(h)}/api/workshops/${w.created.code}/export`;
    expect((await fetch(`${url}/results.csv`)).status).toBe(403);
    expect((await fetch(`${url}/results.csv`, { headers: { authorization: `Bearer ${"x".repeat(43)}` } })).status).toBe(403);
    const auth = { headers: { authorization: `Bearer ${w.created.facilitatorSecret}` } };
    // fetch's text() drops a byte order mark: read the bytes as Excel does.
    const bytes = new Uint8Array(await (await fetch(`${url}/results.csv`, auth)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const results = parseCsv(csv);
    expect(results.header).toEqual([...RESULT_COLUMNS, ...termColumns([SCENARIOS["backup-appliance"]!.issues])]);
    expect(results.rows).toHaveLength(3);
    expect(results.rows.find((r) => r.table === code1)).toMatchObject({ outcome: "deal", price: "21000", term_support: "Business (next business day)", term_warranty: "24" });
    const people = parseCsv(await (await fetch(`${url}/participants.csv`, auth)).text());
    expect(people.header).toEqual([...PARTICIPANT_COLUMNS]);
    // Five people, one row each: the bot's seat has none.
    expect(people.rows.map((r) => r.name).sort()).toEqual(["Ana", "Ben", "Cem", "Dee", "Eve"]);
    expect(people.rows.find((r) => r.table === code1 && r.role === "buyer")).toMatchObject({ outcome: "deal", price: "21000", ended_by: "self" });
    const log = await (await fetch(`${url}/log.csv`, auth)).text();
    expect(parseCsv(log).header).toEqual(["workshop", "round", "table", "seq", "at", "game_round", "turn", "type", "by", "audience", "detail"]);
    expect(log).toContain("offer_made");
    expect(log).toContain("card_drawn");
    const json = (await (await fetch(`${url}/json`, auth)).json()) as { rounds: { games: { result: { code: string }; log: unknown[] }[] }[]; participantResults: { name: string }[] };
    expect(json.rounds[0]!.games.map((g) => g.result.code).sort()).toEqual([...tables.keys()].sort());
    expect(json.participantResults.map((r) => r.name).sort()).toEqual(people.rows.map((r) => r.name).sort());
    for (const g of json.rounds[0]!.games) expect(g.log.length).toBeGreaterThan(2);
    expect(idOf(buyer1)).toMatch(/^p\d+$/);

    // Once no room holds the workshop (closed after a long idle time), the same export comes from the store.
    await h.running.services.store.setWorkshopStatus(w.created.code, "finished");
    await matchMaker.getLocalRoomById(w.created.code)!.disconnect();
    const fromStore = await fetch(`${url}/results.csv`, auth);
    expect(fromStore.status).toBe(200);
    expect((await fromStore.text()).trim().split("\n").sort()).toEqual(csv.trim().split("\n").sort());
    const storedJson = (await (await fetch(`${url}/json`, auth)).json()) as typeof json;
    expect(storedJson.rounds[0]!.games.map((g) => g.log.length)).toEqual(json.rounds[0]!.games.map((g) => g.log.length));
    expect((await fetch(`${url}/json`, { headers: { authorization: `Bearer ${tokenOf(buyer1)}` } })).status).toBe(403);
    expect((await fetch(`${baseUrl(h)}/api/workshops/ZZZZZZ/export/json`, auth)).status).toBe(404);
  });
});
