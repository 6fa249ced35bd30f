import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idOf, propose, seatOf, settingsOf, startRound, tokenOf, type Workshop } from "../workshop/helpers/setup.js";
import { createWorkshop, WorkshopMember } from "../workshop/helpers/workshopClient.js";
import { bundleServer, ServerProcess } from "./helpers/serverProcess.js";
import { freePort } from "../helpers/freePort.js";
import { SeatPlayer, until } from "./helpers/seatPlayer.js";

/*
 * A workshop survives kill -9 of its server: after the restart it is rebuilt from the store
 * with its people (whom the facilitator removed stays out), its round and its tables; the
 * facilitator's console, grid and controls work again, every participant is sent back to the
 * same seat, and the games that go on reach the class debrief. The projector link still opens the
 * wall's view, anonymous as the facilitator left it.
 */

let bundle: { file: string; remove: () => void };
let dataDir: string;
let server: ServerProcess | null = null;
const players: SeatPlayer[] = [];
const members: WorkshopMember[] = [];

beforeAll(async () => {
  bundle = await bundleServer();
  dataDir = mkdtempSync(join(tmpdir(), "parley-workshop-recovery-"));
});

afterAll(async () => {
  await Promise.all(players.map((p) => p.leave()));
  await Promise.all(members.map((m) => m.leave().catch(() => undefined)));
  if (server?.running) await server.kill9();
  bundle?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

async function member(endpoint: string, code: string, options: Parameters<typeof WorkshopMember.join>[2], label: string): Promise<WorkshopMember> {
  const joined = await WorkshopMember.join(endpoint, code, options, label);
  members.push(joined);
  return joined;
}

describe("a workshop after kill -9", () => {
  it("is rebuilt with its people, round and tables; seats, console, controls and the debrief work again", { timeout: 120_000 }, async () => {
    const port = await freePort();
    const settings = { DATA_DIR: dataDir };
    server = await ServerProcess.start(bundle.file, port, settings);
    const created = await createWorkshop(server.http, { title: "Recovery drill" });
    const facilitator = await member(server.endpoint, created.code, { facilitator: created.facilitatorSecret }, "facilitator");
    const people: WorkshopMember[] = [];
    for (const name of ["Ana", "Ben", "Cem", "Dee"]) people.push(await member(server.endpoint, created.code, { name }, name));
    const dee = people.pop()!;
    facilitator.send("remove", { participantId: idOf(dee) });
    const w: Workshop = { created, facilitator, people };
    await facilitator.latest("lobby", (l) => l.roster.length === 3 && l.roster.every((r) => r.online && r.name !== "Dee"));
    // Three people: one human table and one against a bot.
    await startRound(w, await propose(w, "bot"), settingsOf({ turnSeconds: 300 }));
    const before = new Map(people.map((p) => [p.label, seatOf(p)]));
    for (const [i, p] of people.entries()) {
      const seat = before.get(p.label)!;
      players.push(new SeatPlayer(seat.table, seat.role, tokenOf(p), () => server!.endpoint, 10, 70 + i, false));
    }
    await Promise.all(players.map((p) => p.join()));
    // Each table plays a few moves, then its people stop (the bot table is slower: it waits for the bot).
    for (const p of players) p.play(true);
    await until("a few moves at every table", () => {
      for (const p of players) if ((p.view?.turn ?? 0) >= 3) p.play(false);
      return players.every((p) => (p.view?.turn ?? 0) >= 3);
    }, 30_000);
    facilitator.send("broadcast", { text: "Ten minutes left: decide what you will accept." });
    for (const p of people) await p.latest("broadcast", (b) => b.text.startsWith("Ten minutes left"));
    const consoleBefore = facilitator.last("console")!;
    facilitator.send("set_anonymous", { anonymous: true });
    await facilitator.latest("lobby", (l) => l.workshop.anonymous);
    const welcome = facilitator.last("welcome")!;
    const projectorKey = welcome.kind === "facilitator" ? welcome.projectorKey : "";

    await server.kill9();
    server = await ServerProcess.start(bundle.file, port, settings);
    const resumed = await server.waitForLog("workshop resumed", 15_000);
    const rebuildMs = resumed.time - server.spawnedAt;
    expect(resumed).toMatchObject({ workshop: created.code, participants: 4, rounds: 1 });

    // The facilitator comes back to the same console: people, round, tables and pairing.
    const again = await member(server.endpoint, created.code, { facilitator: created.facilitatorSecret }, "facilitator again");
    const restored = await again.latest("console", (c) => c.rounds.length === 1);
    expect(restored.rounds[0]!.tables).toEqual(consoleBefore.rounds[0]!.tables);
    expect(restored.rounds[0]!.pairing).toEqual(consoleBefore.rounds[0]!.pairing);
    expect(restored.participants.map((p) => [p.name, p.left])).toEqual([["Ana", false], ["Ben", false], ["Cem", false], ["Dee", true]]);
    await again.latest("grid", (g) => g.tiles.length === 2 && g.tiles.every((t) => t.status === "negotiating"), 20_000);
    // The same projector link opens the wall again, still anonymous.
    const wall = await member(server.endpoint, created.code, { projector: projectorKey }, "projector again");
    const view = await wall.latest("projector", (v) => v.tables.length === 2, 10_000);
    expect(view.workshop.anonymous).toBe(true);
    expect(view.tables.flatMap((t) => [t.seller, t.buyer]).filter((n) => ["Ana", "Ben", "Cem"].includes(n))).toEqual([]);

    // Everyone comes back with their token to the same seat; the removed participant stays out.
    for (const p of people) {
      const back = await member(server.endpoint, created.code, { participant: tokenOf(p) }, `${p.label} again`);
      expect(await back.latest("assignment", (a) => a.kind === "seat")).toEqual(before.get(p.label));
      expect(back.messages("broadcast").map((b) => b.text)).toEqual(["Ten minutes left: decide what you will accept."]);
    }
    await expect(WorkshopMember.join(server.endpoint, created.code, { participant: tokenOf(dee) }, "Dee again")).rejects.toThrow(/workshop\/removed/);

    // Controls reach the rebuilt tables; the games go on and the round closes by itself when they are over.
    for (const p of players) p.play(true);
    const paused = await again.control("pause", {});
    expect("results" in paused && paused.results.every((r) => r.ok)).toBe(true);
    await until("the tables are paused", () => players.every((p) => p.view?.phase === "paused"), 10_000);
    const goOn = await again.control("resume", {});
    expect("results" in goOn && goOn.results.every((r) => r.ok)).toBe(true);
    await until("every game over", () => players.every((p) => p.finished), 60_000);
    const debrief = await again.latest("debrief", (d) => d.rounds[0]?.games.length === 2, 15_000);
    expect(debrief.rounds[0]!.games.map((g) => g.code).sort()).toEqual([...new Set([...before.values()].map((s) => s.table))].sort());
    await again.latest("console", (c) => c.rounds[0]?.phase === "finished");
    const exported = await fetch(`${server.http}/api/workshops/${created.code}/export/json`, { headers: { authorization: `Bearer ${created.facilitatorSecret}` } });
    const data = (await exported.json()) as { participants: unknown[]; rounds: { games: { log: unknown[] }[] }[] };
    expect(data.participants).toHaveLength(4);
    expect(data.rounds[0]!.games).toHaveLength(2);
    console.log(`workshop recovery: kill -9 with 2 tables in play; workshop rebuilt ${rebuildMs} ms after the new process was spawned; both games finished and reached the debrief`);
  });
});
