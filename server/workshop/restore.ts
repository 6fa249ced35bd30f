import { roundSettingsSchema } from "../../shared/protocol/workshop.js";
import type { PersonFacts } from "../../shared/workshop/core/index.js";
import { replayTable } from "../persistence/replay.js";
import { Seats } from "../room/seats.js";
import type { TableServices } from "../room/services.js";
import type { Broadcast, StoredWorkshop } from "../storage/store.js";
import { tableBotSchema } from "../tables/tableSpec.js";
import { tileFactsOf } from "../../shared/workshop/tile.js";
import { tileSnapshotOf } from "../tables/tileSnapshot.js";
import { WorkshopRound, type RoundTable } from "./round.js";
import { seatingSchema } from "./seating.js";
import { workshopSpecSchema, type WorkshopSpec } from "./workshopSpec.js";

/*
 * A workshop as the store has it, made live again after a restart (or on another process after
 * its own died): the spec, the people with their token digests, and every round with its
 * tables, each table's state replayed from its log. Nobody is connected yet; finished games
 * come back finished and are summarised again by the room, exactly as they were live.
 */

export type RestoredWorkshop = {
  readonly spec: WorkshopSpec;
  readonly people: PersonFacts[];
  readonly rounds: WorkshopRound[];
  readonly broadcasts: readonly Broadcast[];
};

/** A stored workshop that cannot be made live again: the room is not created. */
export class RestoreError extends Error {
  override readonly name = "RestoreError";
}

/**
 * `zoneBands`: work out each table's grid zone band now (a room that will show the grid); an
 * export never shows it, and the search can take tens of milliseconds a draw.
 */
export async function restoreWorkshop(stored: StoredWorkshop, services: TableServices, { zoneBands }: { readonly zoneBands: boolean }): Promise<RestoredWorkshop> {
  const spec = workshopSpecSchema.safeParse({ request: stored.settings, facilitatorHash: stored.facilitatorSecretHash });
  if (!spec.success) throw new RestoreError(`workshop ${stored.id}: stored settings are not valid (${spec.error.issues[0]?.message})`);
  const people: PersonFacts[] = stored.participants.map((p) => ({
    id: p.participantId,
    name: p.displayName,
    tokenHash: p.tokenHash,
    joinedAt: p.joinedAt,
    left: p.left,
    removed: p.removed,
  }));
  const rounds: WorkshopRound[] = [];
  for (const r of stored.rounds) {
    const settings = roundSettingsSchema.safeParse(r.settings);
    const seating = seatingSchema.safeParse(r.seating ?? { tables: [], observers: [] });
    const pinned = await services.scenarios.resolve(r.scenarioId, r.scenarioVersion);
    if (!settings.success || !seating.success || !pinned) throw new RestoreError(`workshop ${stored.id}: round ${r.round} cannot be read back`);
    const tables = await Promise.all(seating.data.tables.map((t) => services.store.loadTable(t.code)));
    // A same-deck round shares one draw seed: late tables of the round must get it too.
    const drawSeed = settings.data.deck === "same" ? (tables[0]?.drawSeed ?? null) : null;
    const { scenario } = pinned;
    const round = new WorkshopRound(r.round, settings.data, pinned, drawSeed, r.startedAt);
    round.endedAt = r.endedAt;
    for (const [index, plan] of seating.data.tables.entries()) {
      const table = tables[index];
      if (!table) throw new RestoreError(`workshop ${stored.id}: table ${plan.code} of round ${r.round} is not in the store`);
      const bot = tableBotSchema.safeParse(table.bot);
      if (!bot.success) throw new RestoreError(`table ${plan.code} has a malformed bot seat`);
      const state = replayTable(table, scenario);
      const seats = Seats.fromStore(table.seats, bot.data).snapshot();
      const restored: RoundTable = {
        code: plan.code,
        index,
        plan: { buyer: plan.buyer, seller: plan.seller },
        latest: zoneBands
          ? tileSnapshotOf(state, table.startedAt !== null, seats)
          : { facts: tileFactsOf(state, table.startedAt !== null, null), seats },
        summary: null,
        final: state.phase === "finished" ? state : null,
        unwatch: () => undefined,
      };
      round.tables.push(restored);
    }
    round.observers.push(...seating.data.observers);
    rounds.push(round);
  }
  return { spec: spec.data, people, rounds, broadcasts: stored.broadcasts };
}
