import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../shared/engine/index.js";
import type { CreateScenarioResponse, CreateTableResponse } from "../../shared/protocol/api.js";
import type { ServerMessages } from "../../shared/protocol/messages.js";
import type { PublicTable } from "../../shared/protocol/publicTable.js";
import { withProtocol } from "../../shared/protocol/version.js";
import { SqliteStore } from "../../server/storage/sqlite.js";
import { freePort } from "../helpers/freePort.js";
import { HeldView } from "../helpers/heldView.js";
import { authoredDocument, type AuthoredDocument } from "../server/helpers/authoredScenario.js";
import { bundleServer, ServerProcess } from "./helpers/serverProcess.js";
import { sleep, termsOf, until } from "./helpers/seatPlayer.js";

/*
 * A table keeps the scenario version it was opened with: the author saves version 2 (other
 * walk-away ranges, another title) while a game of version 1 is under way, the server is killed
 * with kill -9, and the game comes back on version 1 — its title, its draws and its offers —
 * while a table opened after the save plays version 2.
 */

let bundle: { file: string; remove: () => void };
let dataDir: string;
let server: ServerProcess | null = null;
const rooms: Room<PublicTable>[] = [];

beforeAll(async () => {
  bundle = await bundleServer();
  dataDir = mkdtempSync(join(tmpdir(), "parley-scenario-pin-"));
});
afterAll(async () => {
  // Rooms of the killed process have no connection left to leave by.
  await Promise.all(rooms.filter((r) => r.connection.isOpen).map((r) => r.leave(true).catch(() => undefined)));
  if (server?.running) await server.kill9();
  bundle?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Version 2: a new title and walk-away ranges that share no value with version 1's. */
function versionTwo(): AuthoredDocument {
  const doc = authoredDocument("pinned-cranes", "Cranes, second edition");
  return {
    ...doc,
    roles: {
      buyer: { ...doc.roles.buyer, walkAway: { min: 81001, max: 81003, step: 1 } },
      seller: { ...doc.roles.seller, walkAway: { min: 44001, max: 44003 } },
    },
  };
}

/** What a seat sees on joining: the game as it is sent it (the scenario it is told about, its own walk-away, the table). */
type Seated = { readonly room: Room<PublicTable>; readonly held: HeldView; /** As last sent. */ readonly walkAway: number };

async function sit(code: string, role: Role, token: string, deadline = Date.now() + 30_000): Promise<Seated> {
  for (;;) {
    try {
      const room = await new Client(server!.endpoint).joinById<PublicTable>(code, withProtocol({ seat: token, name: role }));
      rooms.push(room);
      const held = new HeldView();
      let welcomed = false;
      room.onMessage("welcome", () => (welcomed = true));
      room.onMessage("view", (m: ServerMessages["view"]) => held.take(m));
      room.onMessage("*", () => undefined);
      await until(`${role} welcomed`, () => welcomed && held.view?.sides[role] !== undefined && room.state?.code === code);
      return {
        room,
        held,
        get walkAway() {
          return held.view!.sides[role]!.walkAway;
        },
      };
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

const post = async <T>(path: string, body: unknown, key?: string, method = "POST"): Promise<{ status: number; body: T }> => {
  const headers: Record<string, string> = { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) };
  const res = await fetch(`${server!.http}${path}`, { method, headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
};

describe("a table's scenario version after the author saves another and the server is killed", () => {
  it("stays version 1: title, draws and offers; a table opened after the save plays version 2", { timeout: 120_000 }, async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir };
    server = await ServerProcess.start(bundle.file, port, env);
    const created = await post<CreateScenarioResponse>("/api/scenarios", authoredDocument("pinned-cranes", "Cranes, first edition"));
    expect(created.status).toBe(201);
    const opened = await post<CreateTableResponse>("/api/tables", { scenarioId: "pinned-cranes" });
    expect(opened.body.scenarioVersion).toBe(1);
    const { code, seats } = opened.body;
    const seller = await sit(code, "seller", seats.seller!);
    const buyer = await sit(code, "buyer", seats.buyer!);
    expect(seller.held.view!.scenario.title).toBe("Cranes, first edition");
    await until("the game under way", () => seller.room.state.started && buyer.room.state.started);
    seller.room.send("offer", { terms: { price: 65000, term: 24, cover: "always" } });
    await until("the offer on the table", () => buyer.held.view!.offers.length === 1);
    const before = { buyer: buyer.walkAway, seller: seller.walkAway, offers: termsOf(buyer.held.view!.offers) };
    // Version 1's draws: the buyer's from 71113, 72216, 73319; the seller's from 51407–53609.
    expect([71113, 72216, 73319]).toContain(before.buyer);

    const saved = await post<{ id: string; version: number }>("/api/scenarios/pinned-cranes", versionTwo(), created.body.editKey, "PUT");
    expect(saved.body).toEqual({ id: "pinned-cranes", version: 2 });
    await server.kill9();
    server = await ServerProcess.start(bundle.file, port, env);

    const sellerBack = await sit(code, "seller", seats.seller!);
    const buyerBack = await sit(code, "buyer", seats.buyer!);
    expect(sellerBack.held.view!.scenario.title).toBe("Cranes, first edition");
    expect({ buyer: buyerBack.walkAway, seller: sellerBack.walkAway, offers: termsOf(buyerBack.held.view!.offers) }).toEqual(before);
    // The game goes on where it was: the buyer's turn to answer version 1's offer.
    buyerBack.room.send("offer", { terms: { price: 60000, term: 12, cover: "weekday" } });
    await until("the counter-offer", () => sellerBack.held.view!.offers.length === 2);

    const later = await post<CreateTableResponse>("/api/tables", { scenarioId: "pinned-cranes" });
    expect(later.body.scenarioVersion).toBe(2);
    const laterBuyer = await sit(later.body.code, "buyer", later.body.seats.buyer!);
    expect(laterBuyer.held.view!.scenario.title).toBe("Cranes, second edition");
    expect([81001, 81002, 81003]).toContain(laterBuyer.walkAway);

    const store = new SqliteStore({ path: join(dataDir, "parley.sqlite") });
    try {
      expect((await store.loadTable(code))?.scenarioVersion).toBe(1);
      expect((await store.loadTable(later.body.code))?.scenarioVersion).toBe(2);
    } finally {
      await store.close();
    }
  });
});
