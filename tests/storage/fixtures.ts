import type { Action, Outcome, Score } from "../../shared/engine/index.js";
import { hashSecret } from "../../server/storage/secrets.js";
import type { LogEntry, NewTable, NewWorkshop, NewWorkshopRound, Participant, TableResult } from "../../server/storage/store.js";

export const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

export function newTable(code: string, overrides: Partial<NewTable> = {}): NewTable {
  return {
    code,
    scenarioId: "backup-appliance",
    scenarioVersion: 1,
    seed: `seed-${code}`,
    drawSeed: "deck-a",
    options: { rounds: 6, turnSeconds: 60 },
    createdAt: T0,
    workshopId: null,
    workshopRound: null,
    seats: {
      buyer: { tokenHash: hashSecret(`buyer-token-${code}`), name: "Bea Buyer" },
      seller: { tokenHash: null, name: null },
    },
    facilitatorSecretHash: hashSecret(`facilitator-${code}`),
    bot: null,
    ...overrides,
  };
}

/** A log entry whose content is a function of its seq, so a reader can tell a torn or mixed-up row. */
export function noteEntry(seq: number, padding = 0): LogEntry {
  const action: Action = { type: "note", by: seq % 2 === 0 ? "buyer" : "seller", text: `note ${seq} ${"·".repeat(padding)}` };
  return { seq, action, at: T0 + seq * 1000 };
}

export function offerEntry(seq: number): LogEntry {
  const action: Action = {
    type: "offer",
    by: "seller",
    terms: { price: 24000 - seq * 250, support: "business", warranty: 24, delivery: 4, payment: "net30" },
    message: "Ünïcødé ✓ and \"quotes\"",
  };
  return { seq, action, at: T0 + seq * 1000 };
}

const dealOutcome: Outcome = {
  kind: "deal",
  terms: { price: 19750, support: "premium", warranty: 36, delivery: 2, payment: "net30" },
  acceptedBy: "buyer",
  round: 4,
};
const dealScore: Score = { surplus: { buyer: 1250, seller: 2100.5 }, penalties: { buyer: 0, seller: 300 }, joint: 3350.5, efficiency: 0.8125 };

export function finished(finishedAt: number, outcome: Outcome = dealOutcome, score: Score = dealScore): TableResult {
  return { finishedAt, outcome, score };
}

export function newWorkshop(id: string, joinCode = `J-${id}`): NewWorkshop {
  return {
    id,
    joinCode,
    facilitatorSecretHash: hashSecret(`facilitator-${id}`),
    settings: { scenarioId: "backup-appliance", rounds: 6, sameDeck: true, bots: false, nested: { list: [1, "two", null] } },
    createdAt: T0,
  };
}

export function participant(workshopId: string, participantId: string, joinedAt: number): Participant {
  return {
    workshopId,
    participantId,
    displayName: `Player ${participantId}`,
    tokenHash: hashSecret(`token-${workshopId}-${participantId}`),
    joinedAt,
    left: false,
    removed: false,
  };
}

export function workshopRound(workshopId: string, round: number): NewWorkshopRound {
  return { workshopId, round, scenarioId: "backup-appliance", scenarioVersion: 1, settings: { pairing: "random", turnSeconds: 60 }, startedAt: T0 + round * 3_600_000 };
}
