import type { Role, Scenario, TableState } from "../../shared/engine/index.js";
import type { ConsoleRound, RoundSettings } from "../../shared/protocol/workshop.js";
import type { ObserverPlan, Pairing, TablePlan } from "../../shared/workshop/pairing.js";
import { pairingOf, placeIn } from "../../shared/workshop/core/index.js";
import type { GameSummary } from "../../shared/workshop/summary.js";
import type { PinnedScenario } from "../scenarios/library.js";
import type { TableSnapshot } from "../tables/tableLinks.js";

/** One table of a workshop round, as the workshop knows it. */
export type RoundTable = {
  readonly code: string;
  readonly index: number;
  /** Who sits where: their workshop tokens open the seats (openWorkshopTable). */
  readonly plan: TablePlan;
  latest: TableSnapshot | null;
  /** Set once the game is over and summarised. */
  summary: GameSummary | null;
  /** The final engine state, kept for the export's full log. */
  final: TableState | null;
  unwatch: () => void;
};

/**
 * One round of a workshop as the views read it: the core's facts of the round (shared/workshop/core)
 * with its scenario and each table as the room follows it (liveWorkshop.ts).
 */
export class WorkshopRound {
  readonly tables: RoundTable[] = [];
  readonly observers: ObserverPlan[] = [];
  endedAt: number | null = null;

  constructor(
    readonly number: number,
    readonly settings: RoundSettings,
    /** The scenario version every table of the round plays (late tables too). */
    readonly pinned: PinnedScenario,
    /** Shared by every table of a same-deck round, late tables included; null for random draws. */
    readonly drawSeed: string | null,
    readonly startedAt: number,
  ) {}

  get scenario(): Scenario {
    return this.pinned.scenario;
  }

  get pairing(): Pairing {
    return pairingOf(this);
  }

  get running(): boolean {
    return this.endedAt === null;
  }

  seatOf(participantId: string): { table: RoundTable; role: Role } | null {
    for (const table of this.tables) {
      if (table.plan.buyer === participantId) return { table, role: "buyer" };
      if (table.plan.seller === participantId) return { table, role: "seller" };
    }
    return null;
  }

  observerOf(participantId: string): RoundTable | null {
    const o = this.observers.find((x) => x.participantId === participantId);
    return o ? (this.tables[o.table] ?? null) : null;
  }

  placeOf(participantId: string): "buyer" | "seller" | "observer" | null {
    return placeIn(this, participantId);
  }

  summaries(): GameSummary[] {
    return this.tables.flatMap((t) => (t.summary ? [t.summary] : []));
  }

  consoleView(name: (id: string | null) => string): ConsoleRound {
    return {
      number: this.number,
      settings: this.settings,
      scenarioTitle: this.scenario.title,
      cards: this.scenario.deck.cards.map((c) => ({ id: c.id, title: c.title, side: c.side, visibility: c.visibility })),
      phase: this.running ? "running" : "finished",
      tables: this.tables.map((t) => ({
        code: t.code,
        index: t.index,
        buyer: name(t.plan.buyer),
        seller: name(t.plan.seller),
      })),
      pairing: this.pairing,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
    };
  }
}
