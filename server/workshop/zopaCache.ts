import { analyzeTable, type TableState } from "../../shared/engine/index.js";
import type { ZopaBand } from "../../shared/workshop/tile.js";
import type { WorkQueue } from "./workQueue.js";

/**
 * The ZOPA band of each draw the grid shows, computed once per distinct draw (tables with the
 * same deck share one) and again only when a curve ball changes a walk-away or a valuation.
 */
export class ZopaCache {
  private readonly bands = new Map<string, ZopaBand | "pending">();

  constructor(
    private readonly queue: WorkQueue,
    private readonly onReady: () => void,
  ) {}

  /** The band for this state's draw, or null while it is being computed (the grid is told when it is ready). */
  bandFor(state: TableState): ZopaBand | null {
    const key = drawKey(state);
    const known = this.bands.get(key);
    if (known === "pending") return null;
    if (known) return known;
    this.bands.set(key, "pending");
    this.queue.push(() => {
      const a = analyzeTable(state);
      this.bands.set(key, { exists: a.zopaExists, low: a.zopa.low, high: a.zopa.high });
      this.onReady();
    });
    return null;
  }
}

/** What the draw analysis depends on: the scenario and each side's walk-away and valuations. */
function drawKey(state: TableState): string {
  const { buyer, seller } = state.sides;
  return JSON.stringify([state.scenario.id, buyer.walkAway, seller.walkAway, buyer.values, seller.values]);
}
