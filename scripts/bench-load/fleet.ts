import { Draw } from "../../shared/engine/rng.js";
import { BufferingClient } from "./earlyMessages.js";
import type { Pace } from "./botSeat.js";
import { Tally } from "./tally.js";
import { TableSlot, type SlotPlan } from "./tableSlot.js";

/*
 * All the tables one load generator drives: opened a bounded number at a time, paced together,
 * checked every second for moves left unanswered, and (in the soak) hit by random drops.
 */

export type FleetPlan = {
  readonly httpBase: string;
  readonly endpoint: string;
  readonly tables: number;
  /** Observers and facilitators over all tables, spread evenly (at most one of each per table). */
  readonly observers: number;
  readonly facilitators: number;
  readonly scenarios: readonly string[];
  readonly seed: number;
};

export type DropPlan = { readonly perMinute: number; readonly minAwayMs: number; readonly maxAwayMs: number };

/** Run `work` over `items`, at most `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** The engine's seeded generator, so two runs with one seed make the same choices. */
export function seededRandom(seed: number): () => number {
  const draw = new Draw(seed >>> 0);
  return () => draw.float();
}

/** Whether slot `index` of `tables` gets one of `count` watchers, spread evenly over the slots. */
function spread(index: number, tables: number, count: number): boolean {
  if (count <= 0) return false;
  return Math.floor((index * count) / tables) !== Math.floor(((index + 1) * count) / tables);
}

export class Fleet {
  readonly tally = new Tally();
  private pace: Pace = { mode: "idle" };
  private watchers = false;
  private readonly slots: TableSlot[];
  private readonly sweep: NodeJS.Timeout;
  private dropTimer: NodeJS.Timeout | null = null;
  private readonly random: () => number;

  constructor(plan: FleetPlan) {
    if (plan.scenarios.length === 0) throw new Error("a fleet needs at least one scenario");
    this.random = seededRandom(plan.seed);
    const colyseus = new BufferingClient(plan.endpoint);
    const host = {
      httpBase: plan.httpBase,
      colyseus,
      tally: this.tally,
      pace: () => this.pace,
      random: this.random,
      watchersWanted: () => this.watchers,
    };
    this.slots = Array.from({ length: plan.tables }, (_, index) => {
      const slotPlan: SlotPlan = {
        index,
        scenarioId: plan.scenarios[index % plan.scenarios.length] as string,
        observer: spread(index, plan.tables, plan.observers),
        facilitator: spread(index, plan.tables, plan.facilitators),
      };
      return new TableSlot(slotPlan, host);
    });
    this.sweep = setInterval(() => {
      const now = performance.now();
      for (const slot of this.slots) slot.checkStalled(now);
    }, 1000);
  }

  async open(concurrency: number): Promise<{ opened: number; failed: number }> {
    let opened = 0;
    await eachLimited(this.slots, concurrency, async (slot) => {
      if (await slot.open()) opened += 1;
    });
    return { opened, failed: this.slots.length - opened };
  }

  async addWatchers(concurrency: number): Promise<void> {
    this.watchers = true;
    await eachLimited(this.slots, concurrency, (slot) => slot.addWatchers());
  }

  setPace(pace: Pace): void {
    this.pace = pace;
    for (const slot of this.slots) slot.nudge();
  }

  /** Random drops over all tables at `perMinute`, each reconnecting after a random time away. */
  setDrops(plan: DropPlan | null): void {
    if (this.dropTimer) clearInterval(this.dropTimer);
    this.dropTimer = null;
    if (!plan || plan.perMinute <= 0) return;
    this.dropTimer = setInterval(() => {
      const slot = this.slots[Math.floor(this.random() * this.slots.length)];
      const away = plan.minAwayMs + this.random() * (plan.maxAwayMs - plan.minAwayMs);
      void slot?.dropOne(away, this.random() < 0.5);
    }, 60_000 / plan.perMinute);
  }

  get counts(): { tables: number; clients: number } {
    let tables = 0;
    let clients = 0;
    for (const slot of this.slots) {
      const live = slot.liveClients;
      clients += live;
      if (live > 0) tables += 1;
    }
    return { tables, clients };
  }

  async stop(concurrency: number): Promise<void> {
    this.setDrops(null);
    this.pace = { mode: "idle" };
    clearInterval(this.sweep);
    await eachLimited(this.slots, concurrency, (slot) => slot.stop());
  }
}
