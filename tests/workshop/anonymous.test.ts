import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anonymousExport } from "../../server/workshop/anonymousExport.js";
import { buildExport, exportFile } from "../../server/workshop/export.js";
import { Roster, type Person } from "../../server/workshop/roster.js";
import { newWorkshop, step } from "../../shared/workshop/core/index.js";
import { WorkshopRound, type RoundTable } from "../../server/workshop/round.js";
import { hashSecret } from "../../server/storage/secrets.js";
import { analyzeTable, type TableState } from "../../shared/engine/index.js";
import type { Role } from "../../shared/engine/roles.js";
import { EXPORT_FORMATS } from "../../shared/protocol/workshop.js";
import { roundDebrief } from "../../shared/workshop/classStats.js";
import { anonymousDebrief, pseudonymOf } from "../../shared/workshop/pseudonyms.js";
import { summarizeGame, type GamePlayer } from "../../shared/workshop/summary.js";
import { parseCsv } from "./helpers/csv.js";
import { backup, botPlayer, play, table, terms } from "./helpers/games.js";

/*
 * Anonymous means no real name anywhere: not on the wall, not in any export file. Pseudonyms are
 * stable, so "Player 3" on the projector is "Player 3" in the spreadsheet and next round.
 */

const IDS = ["p1", "p2", "p3", "p4"] as const;
type Names = Record<(typeof IDS)[number], string>;

// Three finished games with a curve ball, a walk-away against a bot and a deal.
const DEAL = play(table("a1", backup, "same"), [{ type: "offer", by: "seller", terms: terms(21000) }, { type: "accept", by: "buyer" }]);
const WALK = play(table("a2", backup, "same"), [{ type: "walk_away", by: "seller" }]);
const ENDED = play(table("a3", backup, "same"), [{ type: "curveball", cardId: "competitor-quote" }, { type: "end" }]);

function workshopOf(names: Names): { people: Person[]; rounds: WorkshopRound[] } {
  const person = (id: keyof Names): GamePlayer => ({ participantId: id, name: names[id], bot: false });
  const people = IDS.map((id, i) => ({ id, name: names[id], tokenHash: hashSecret(`t-${id}`), joinedAt: 1000 + i, left: false, removed: false, sessions: new Set<string>() }));
  const round = new WorkshopRound(1, { scenarioId: backup.id, deck: "same", oddSeat: "bot", botLevel: "easy" }, { scenario: backup, version: 1 }, "same", 2000);
  const add = (state: TableState, players: { seller: GamePlayer; buyer: GamePlayer }) => {
    const index = round.tables.length;
    const code = `TAB00${index}`;
    const summary = summarizeGame(state, analyzeTable(state), { round: 1, code, index, deck: "same", players });
    const id = (role: Role) => players[role].participantId;
    const t: RoundTable = { code, index, plan: { seller: id("seller"), buyer: id("buyer") }, latest: null, summary, final: state, unwatch: () => undefined };
    round.tables.push(t);
  };
  add(DEAL, { seller: person("p1"), buyer: person("p2") });
  add(WALK, { seller: person("p3"), buyer: botPlayer });
  add(ENDED, { seller: person("p4"), buyer: person("p1") });
  round.endedAt = 3000;
  return { people, rounds: [round] };
}

const anonymousFiles = (names: Names) => {
  const { people, rounds } = workshopOf(names);
  const data = anonymousExport(buildExport("WSHOP1", "Spring cohort", people, rounds, 6000));
  return EXPORT_FORMATS.map((format) => exportFile(data, format).body);
};

/** Display names as people type them: any script, emoji, formulas, spaces; distinct within the workshop. */
const arbNames = fc.uniqueArray(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).map((s) => s.trim()).filter((s) => s.length > 0), { minLength: 4, maxLength: 4 }).map((list) => Object.fromEntries(IDS.map((id, i) => [id, list[i]!])) as Names);

const PLAIN: Names = { p1: "Ana", p2: "Ben", p3: "Cem", p4: "Dee" };
const baseline = anonymousFiles(PLAIN);

describe("the anonymous export", () => {
  it("does not depend on anyone's name: every file is the same byte for byte whatever the names", () => {
    fc.assert(
      fc.property(arbNames, (names) => {
        expect(anonymousFiles(names)).toEqual(baseline);
      }),
      { numRuns: 40 },
    );
  });

  it("holds no real name in any file (names that are not already words of the file)", () => {
    fc.assert(
      fc.property(arbNames, (names) => {
        const files = anonymousFiles(names);
        for (const name of Object.values(names)) {
          if (baseline.some((body) => body.includes(name))) continue;
          for (const body of files) expect(body).not.toContain(name);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("puts each person's pseudonym where their name was, the opponent's too; a bot keeps its name", () => {
    const [results, people] = [parseCsv(baseline[1]!).rows, parseCsv(baseline[2]!).rows];
    expect(results.map((r) => [r.seller, r.buyer])).toEqual([
      ["Player 1", "Player 2"],
      ["Player 3", botPlayer.name],
      ["Player 4", "Player 1"],
    ]);
    expect(people.map((r) => `${r.participant} ${r.name} vs ${r.opponent}`)).toEqual(["p2 Player 2 vs Player 1", "p1 Player 1 vs Player 2", "p3 Player 3 vs " + botPlayer.name, "p1 Player 1 vs Player 4", "p4 Player 4 vs Player 1"]);
    // The named export is unchanged.
    const { people: named, rounds } = workshopOf(PLAIN);
    expect(parseCsv(exportFile(buildExport("WSHOP1", "Spring cohort", named, rounds, 6000), "participants.csv").body).rows.map((r) => r.name)).toContain("Ana");
  });
});

describe("pseudonyms", () => {
  it("are 'Player n' in the order people joined, the same for a rebuilt roster", () => {
    let state = newWorkshop(10, false);
    for (const name of ["Zoë", "Ben", "Zoë"]) {
      const joined = step(state, { type: "join", name, tokenHash: hashSecret(name), at: 1000 });
      if (joined.ok) state = joined.state;
    }
    expect(state.people.map((p) => pseudonymOf(p.id))).toEqual(["Player 1", "Player 2", "Player 3"]);
    const rebuilt = new Roster(state.people.map((p) => ({ ...p, tokenHash: hashSecret(p.name), sessions: new Set<string>() })));
    expect(rebuilt.all().map((p) => pseudonymOf(p.id))).toEqual(["Player 1", "Player 2", "Player 3"]);
  });

  it("replace every name in the class debrief, curve-ball answers included", () => {
    const { rounds } = workshopOf(PLAIN);
    const r = rounds[0]!;
    const named = { rounds: [roundDebrief(1, r.summaries(), 0, { scenarioTitle: backup.title, currency: backup.currency, deck: "same" })] };
    const json = JSON.stringify(anonymousDebrief(named));
    for (const name of Object.values(PLAIN)) expect(json).not.toContain(`"${name}`);
    expect(JSON.stringify(named)).toContain("Ana");
    expect(anonymousDebrief(named).rounds[0]!.curveBalls[0]!.answers[0]!.names).toBe("Player 4 / Player 1");
  });
});
