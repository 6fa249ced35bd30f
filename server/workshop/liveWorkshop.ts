import type { Role } from "../../shared/engine/index.js";
import { BROADCASTS_KEPT, members, newWorkshop, type RoundFacts, type WorkshopState } from "../../shared/workshop/core/index.js";
import type { TablePlan } from "../../shared/workshop/pairing.js";
import type { PinnedScenario } from "../scenarios/library.js";
import type { SecretHash } from "../storage/secrets.js";
import type { TableRequest } from "../tables/openTable.js";
import type { RestoredWorkshop } from "./restore.js";
import { Roster } from "./roster.js";
import { WorkshopRound, type RoundTable } from "./round.js";

/*
 * What only the live room knows beside the core's state: each participant's open connections,
 * each table as it is followed (latest tile, finished game, summary) and the scenario each round
 * plays. With the state they make the roster and rounds the views read (facilitatorViews.ts,
 * participantViews.ts, projectorView.ts, export.ts).
 */
export class LiveWorkshop {
  private readonly sessions = new Map<string, Set<string>>();
  /** Every table of every round, by code. */
  readonly tables = new Map<string, RoundTable>();
  /** The scenario versions rounds play, by scenario id and version. */
  private readonly scenarios = new Map<string, PinnedScenario>();

  /** Open connections of one participant (a reload can overlap the old tab's close). */
  sessionsOf(id: string): Set<string> {
    let sessions = this.sessions.get(id);
    if (!sessions) this.sessions.set(id, (sessions = new Set()));
    return sessions;
  }

  /** A scenario version a round may play (kept before the round is, so a refused start leaves nothing wrong). */
  keepScenario(scenarioId: string, pinned: PinnedScenario): void {
    this.scenarios.set(`${scenarioId}@${pinned.version}`, pinned);
  }

  /** The scenario version a round plays. */
  scenarioOf(round: RoundFacts): PinnedScenario {
    return this.scenarios.get(`${round.settings.scenarioId}@${round.scenarioVersion}`) as PinnedScenario;
  }

  roster(state: WorkshopState): Roster {
    return new Roster(state.people.map((p) => ({ ...p, tokenHash: p.tokenHash as SecretHash, sessions: this.sessionsOf(p.id) })));
  }

  /** Members with a connection open right now, in the order they joined. */
  online(state: WorkshopState): string[] {
    return members(state)
      .filter((p) => this.sessionsOf(p.id).size > 0)
      .map((p) => p.id);
  }

  rounds(state: WorkshopState): WorkshopRound[] {
    return state.rounds.map((r) => {
      const round = new WorkshopRound(r.number, r.settings, this.scenarioOf(r), r.drawSeed, r.startedAt);
      round.endedAt = r.endedAt;
      round.tables.push(...r.tables.map((t) => this.tables.get(t.code) as RoundTable));
      round.observers.push(...r.observers);
      return round;
    });
  }

  /** A newly opened table, followed from now on. */
  follow(code: string, index: number, plan: TablePlan): RoundTable {
    const table: RoundTable = { code, index, plan, latest: null, summary: null, final: null, unwatch: () => undefined };
    this.tables.set(code, table);
    return table;
  }

  /** A workshop rebuilt from the store: its tables are followed here, the rest is the core's state. */
  adopt(restored: RestoredWorkshop, capacity: number): WorkshopState {
    for (const round of restored.rounds) {
      this.keepScenario(round.settings.scenarioId, round.pinned);
      for (const table of round.tables) this.tables.set(table.code, table);
    }
    return {
      ...newWorkshop(capacity, restored.spec.request.anonymous ?? false),
      people: restored.people,
      rounds: restored.rounds.map((r) => ({
        number: r.number,
        settings: r.settings,
        scenarioVersion: r.pinned.version,
        drawSeed: r.drawSeed,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        tables: r.tables.map((t) => ({ code: t.code, index: t.index, plan: t.plan, finished: t.latest?.facts.phase === "finished" })),
        observers: r.observers,
      })),
      broadcasts: restored.broadcasts.slice(-BROADCASTS_KEPT),
    };
  }
}

/** What a round's table is opened with: the round's scenario version, draw and clocks, a bot in an empty seat. */
export function tableRequestOf(round: RoundFacts, plan: TablePlan): TableRequest {
  const { settings } = round;
  const botRole: Role | null = plan.buyer === null ? "buyer" : plan.seller === null ? "seller" : null;
  return {
    scenarioId: settings.scenarioId,
    scenarioVersion: round.scenarioVersion,
    ...(botRole ? { bot: { role: botRole, level: settings.botLevel } } : {}),
    ...(round.drawSeed ? { drawSeed: round.drawSeed } : {}),
    ...(settings.rounds !== undefined ? { rounds: settings.rounds } : {}),
    ...(settings.turnSeconds !== undefined ? { turnSeconds: settings.turnSeconds } : {}),
    ...(settings.readingSeconds !== undefined ? { readingSeconds: settings.readingSeconds } : {}),
  };
}
