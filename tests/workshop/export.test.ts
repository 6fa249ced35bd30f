import { describe, expect, it } from "vitest";
import { buildExport, exportFile } from "../../server/workshop/export.js";
import { LOG_COLUMNS, PARTICIPANT_COLUMNS, RESULT_COLUMNS } from "../../server/workshop/exportRows.js";
import type { Person } from "../../server/workshop/roster.js";
import { WorkshopRound, type RoundTable } from "../../server/workshop/round.js";
import { hashSecret } from "../../server/storage/secrets.js";
import { analyzeTable, type TableState } from "../../shared/engine/index.js";
import type { Role } from "../../shared/engine/roles.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { summarizeGame, type GamePlayer } from "../../shared/workshop/summary.js";
import { parseCsv } from "./helpers/csv.js";
import { backup, botPlayer, play, table, terms } from "./helpers/games.js";

/*
 * The export as the people who open it see it: Excel reading names in any alphabet, one column
 * per term, shares in percent, seeds as they are, a formula typed as a name defused, and a row
 * per person per game beside the row per game.
 */

const reseller = SCENARIOS["partner-reseller"]!;
const NAMES = { p1: "Zoë 😀 Okonkwo", p2: "Maximiliana Wolfeschlegelsteinhausen-Ber", p3: '=HYPERLINK("http://x.example","Open")', p4: "-Łukasz" } as const;
type Id = keyof typeof NAMES;
const person = (id: Id): GamePlayer => ({ participantId: id, name: NAMES[id], bot: false });
const people: Person[] = (Object.keys(NAMES) as Id[]).map((id, i) => ({ id, name: NAMES[id], tokenHash: hashSecret(`token-${id}`), joinedAt: 1_000 + i, left: false, removed: false, sessions: new Set() }));

/** A base64url draw seed may start with "-": a spreadsheet must get it as it is. */
const SEED = "-x3SeedAbc";

function addGame(round: WorkshopRound, state: TableState, players: { seller: GamePlayer; buyer: GamePlayer }): void {
  const index = round.tables.length;
  const code = `T${round.number}${index}AAA`;
  const summary = summarizeGame(state, analyzeTable(state), { round: round.number, code, index, deck: round.settings.deck, players });
  const id = (role: Role) => players[role].participantId;
  const t: RoundTable = { code, index, plan: { seller: id("seller"), buyer: id("buyer") }, latest: null, summary, final: state, unwatch: () => undefined };
  round.tables.push(t);
}

const first = new WorkshopRound(1, { scenarioId: backup.id, deck: "same", oddSeat: "bot", botLevel: "firm" }, { scenario: backup, version: 1 }, SEED, 2_000);
addGame(first, play(table("e1", backup, SEED), [{ type: "offer", by: "seller", terms: terms(21000) }, { type: "accept", by: "buyer" }]), { seller: person("p1"), buyer: person("p2") });
addGame(first, play(table("e2", backup, SEED), [{ type: "walk_away", by: "seller" }]), { seller: person("p3"), buyer: botPlayer });
first.endedAt = 3_000;
const second = new WorkshopRound(2, { scenarioId: reseller.id, deck: "random", oddSeat: "bot", botLevel: "firm" }, { scenario: reseller, version: 3 }, null, 4_000);
addGame(second, play(table("e3", reseller), [{ type: "end" }]), { seller: person("p4"), buyer: person("p1") });
second.endedAt = 5_000;

const data = buildExport("WSHOP1", "Spring cohort", people, [first, second], 6_000);
const csv = (format: "results.csv" | "participants.csv" | "log.csv") => exportFile(data, format).body;
const games = [first, second].flatMap((r) => r.tables.map((t) => t.summary!));

describe("the workshop export", () => {
  it("starts every CSV file with a UTF-8 byte order mark, so Excel reads Zoë, 😀 and Łukasz as typed", () => {
    for (const format of ["results.csv", "participants.csv", "log.csv"] as const) {
      expect(exportFile(data, format).contentType).toBe("text/csv; charset=utf-8");
      expect(parseCsv(csv(format)).bom).toBe(true);
    }
    expect(exportFile(data, "json").body.startsWith("{")).toBe(true);
    const results = parseCsv(csv("results.csv")).rows;
    expect(results[0]).toMatchObject({ seller: NAMES.p1, buyer: NAMES.p2 });
  });

  it("gives each term its own column, in scenario order, one column for an issue two scenarios share", () => {
    const { header, rows } = parseCsv(csv("results.csv"));
    const terms = ["support", "warranty", "delivery", "payment", "exclusivity", "campaigns", "volume"];
    expect(header).toEqual([...RESULT_COLUMNS, ...terms.map((t) => `term_${t}`), ...terms.map((t) => `zopa_term_${t}`)]);
    expect(header).not.toContain("terms");
    const [deal, walk, ended] = rows as [Record<string, string>, Record<string, string>, Record<string, string>];
    expect(deal).toMatchObject({ outcome: "deal", price: "21000", term_support: "Business (next business day)", term_warranty: "24", term_delivery: "4", term_payment: "Net 30 days", term_exclusivity: "" });
    // No deal, no agreed terms; the zone's best terms are there for every game of the scenario.
    expect(walk).toMatchObject({ outcome: "walkaway", term_support: "", term_payment: "" });
    for (const row of [deal, walk]) expect(row.zopa_term_support).not.toBe("");
    expect(ended).toMatchObject({ outcome: "ended", term_support: "", zopa_term_support: "" });
    expect(ended.zopa_term_exclusivity).not.toBe("");
    expect(reseller.issues.find((i) => i.id === "payment")).toBeDefined();
  });

  it("gives shares as percentages, in columns that say so", () => {
    const { header, rows } = parseCsv(csv("results.csv"));
    expect(header.filter((c) => /share|^efficiency$/.test(c))).toEqual([]);
    rows.forEach((row, i) => {
      const g = games[i]!;
      expect(row.efficiency_pct).toBe(String(Math.round(g.efficiency * 1000) / 10));
      expect(row.seller_concession_pct_of_gap).toBe(g.concessions.seller.share === null ? "" : String(Math.round(g.concessions.seller.share * 1000) / 10));
    });
    expect(Number(rows[0]!.efficiency_pct)).toBeGreaterThan(1);
    expect(Number(rows[0]!.efficiency_pct)).toBeLessThanOrEqual(100);
  });

  it("keeps seeds and codes as they are, and defuses only typed names a spreadsheet would run as a formula", () => {
    const results = parseCsv(csv("results.csv")).rows;
    expect(results.slice(0, 2).map((r) => r.draw_seed)).toEqual([SEED, SEED]);
    expect(results[1]!.seller).toBe(`'${NAMES.p3}`);
    expect(results[2]!.seller).toBe(`'${NAMES.p4}`);
    expect(results[0]!.seller).toBe(NAMES.p1);
    const byName = parseCsv(csv("participants.csv")).rows.map((r) => r.name);
    expect(byName).toContain(`'${NAMES.p3}`);
    // The JSON is data, not a spreadsheet: names exactly as typed.
    const json = JSON.parse(exportFile(data, "json").body) as { participantResults: { name: string }[]; rounds: { drawSeed: string | null; issues: { id: string }[] }[] };
    expect(json.participantResults.map((r) => r.name)).toContain(NAMES.p3);
    expect(json.rounds[0]!.drawSeed).toBe(SEED);
    expect(json.rounds.map((r) => r.issues.map((i) => i.id))).toEqual([backup.issues.map((i) => i.id), reseller.issues.map((i) => i.id)]);
  });

  it("has one row per person per game, from their side of the table, and none for a bot", () => {
    const { header, rows } = parseCsv(csv("participants.csv"));
    expect(header).toEqual([...PARTICIPANT_COLUMNS]);
    expect(rows.map((r) => `${r.round} ${r.participant} ${r.role}`)).toEqual(["1 p2 buyer", "1 p1 seller", "1 p3 seller", "2 p1 buyer", "2 p4 seller"]);
    const [buyer, seller, walker] = rows as [Record<string, string>, Record<string, string>, Record<string, string>];
    const deal = games[0]!;
    expect(buyer).toMatchObject({ name: NAMES.p2, opponent: NAMES.p1, opponent_is_bot: "false", outcome: "deal", ended_by: "self", price: "21000", surplus: String(deal.surplus.buyer), walk_away: String(deal.walkAways.buyer) });
    expect(seller).toMatchObject({ opponent: `${NAMES.p2}`, ended_by: "opponent", surplus: String(deal.surplus.seller), walked_away: "false", walk_away_verdict: "" });
    const walk = games[1]!;
    expect(walker).toMatchObject({ opponent: botPlayer.name, opponent_is_bot: "true", walked_away: "true", walk_away_verdict: `${walk.walkAway!.right ? "right" : "wrong"}:${walk.walkAway!.reason}` });
    expect(data.participantResults).toHaveLength(rows.length);
  });

  it("keeps the log's columns", () => {
    expect(parseCsv(csv("log.csv")).header).toEqual([...LOG_COLUMNS]);
  });
});
