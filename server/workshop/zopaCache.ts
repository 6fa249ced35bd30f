import { drawZoneOf, type TableState, zoneBand, type ZoneBand } from "../../shared/engine/index.js";
import type { WorkQueue } from "./workQueue.js";

/**
 * The ZOPA band of each draw the grid shows, computed once per distinct draw (tables with the
 * same deck share one) and again only when a curve ball changes a walk-away or a valuation.
 */
export class ZopaCache {
  private readonly bands = new Map<string, ZoneBand | "pending">();

  constructor(
    private readonly queue: WorkQueue,
    private readonly onReady: () => void,
  ) {}

  /** The band for this state's draw, or null while it is being computed (the grid is told when it is ready). */
  bandFor(state: TableState): ZoneBand | null {
    const key = drawKey(state);
    const known = this.bands.get(key);
    if (known === "pending") return null;
    if (known) return known;
    this.bands.set(key, "pending");
    this.queue.push(() => {
      this.bands.set(key, zoneBand(state.scenario, drawZoneOf(state).zone));
      this.onReady();
    });
    return null;
  }
}

/** What the draw's zone depends on: the scenario and each side's walk-away, valuations and caps. */
function drawKey(state: TableState): string {
  const { buyer, seller } = state.sides;
  return JSON.stringify([state.scenario.id, buyer.walkAway, seller.walkAway, buyer.values, seller.values, buyer.hotButtons, seller.hotButtons]);
}
