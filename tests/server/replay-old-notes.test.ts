import { describe, expect, it } from "vitest";
import { replayTable } from "../../server/persistence/replay.js";
import type { LogEntry, StoredTable } from "../../server/storage/store.js";
import { MAX_NOTES_PER_SIDE, type Action } from "../../shared/engine/index.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";

/*
 * A table logged by a build before the notepad had a limit may hold more notes than a notepad
 * now takes. It must still come back after a restart: the notes past the limit are left out of
 * the rebuilt notepad (they stay in the stored log), and the game goes on.
 */

const T0 = 1_750_000_000_000;

function storedWith(actions: readonly Action[]): StoredTable {
  const log: LogEntry[] = actions.map((action, i) => ({ seq: i + 1, action, at: T0 + (i + 1) * 10 }));
  return {
    code: "OLDPAD",
    scenarioId: "backup-appliance",
    scenarioVersion: 1,
    seed: "old-notepad",
    drawSeed: "old-notepad",
    options: {},
    createdAt: T0,
    workshopId: null,
    workshopRound: null,
    seats: { buyer: { tokenHash: null, name: "Bea", bot: false }, seller: { tokenHash: null, name: "Sam", bot: false } } as unknown as StoredTable["seats"],
    facilitatorSecretHash: null,
    bot: null,
    status: "open",
    startedAt: T0,
    closedAt: null,
    owner: null,
    leaseUntil: null,
    result: null,
    log,
  };
}

describe("replaying a table logged before the notepad limit", () => {
  it("rebuilds the game with a full notepad instead of refusing the table", () => {
    const notes: Action[] = Array.from({ length: MAX_NOTES_PER_SIDE + 5 }, (_, i) => ({ type: "note", by: "buyer", text: `note ${i}` }));
    const offer: Action = { type: "offer", by: "seller", terms: { price: 24000, support: "basic", warranty: 12, delivery: 8, payment: "upfront" } };
    const state = replayTable(storedWith([...notes, offer]), SCENARIOS["backup-appliance"]!);
    expect(state.sides.buyer.notes).toHaveLength(MAX_NOTES_PER_SIDE);
    expect(state.offers.map((o) => o.terms.price)).toEqual([24000]);
    expect(state.phase).toBe("playing");
  });
});
