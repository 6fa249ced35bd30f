import { drawZoneOf, type Role, type TableState, zoneBand, type ZoneBand } from "../../shared/engine/index.js";
import { tileFactsOf } from "../../shared/workshop/tile.js";
import type { SeatSnapshot } from "../room/writePublicTable.js";
import { WorkQueue } from "../workshop/workQueue.js";
import type { TableSnapshot } from "./tableLinks.js";

/*
 * What a workshop's table publishes on every change: its tile's facts, worked out here on the
 * table's side, and its public seats. The zone band is the one figure the grid takes from the
 * hidden draw besides the walk-aways it shows. It is worked out once per distinct draw in this
 * process, off the table's own turn of the event loop: a draw without a zone at its best terms
 * is searched over every combination of terms (tens of milliseconds on a busy machine), and a
 * table opening or acting must not wait for that. Tables that published without it publish
 * again once it is known.
 */

/** Distinct draws remembered: a same-deck round shares one, a random deck has one a table. */
const BANDS_KEPT = 2000;
const bands = new Map<string, ZoneBand>();
/** By the engine's draw object, which stays the same from action to action until a curve ball: no key to build. */
const bandsByDraw = new WeakMap<TableState["sides"], ZoneBand>();
const waiting = new Map<string, Set<() => void>>();
const queue = new WorkQueue(() => undefined);

/** The ZOPA band of this state's draw, on the best terms, worked out now. */
export function zoneBandOfDraw(state: TableState): ZoneBand {
  const key = drawKey(state);
  const known = bands.get(key);
  if (known) return known;
  const band = zoneBand(state.scenario, drawZoneOf(state).zone);
  if (bands.size >= BANDS_KEPT) bands.delete(bands.keys().next().value as string);
  bands.set(key, band);
  bandsByDraw.set(state.sides, band);
  return band;
}

/**
 * The snapshot to publish. With `announceAgain`, a zone band not yet known is left out and
 * worked out in the background, then `announceAgain` is called; without it (a workshop rebuilt
 * from the store), it is worked out at once.
 */
export function tileSnapshotOf(table: TableState, started: boolean, seats: Readonly<Record<Role, SeatSnapshot>>, announceAgain?: () => void): TableSnapshot {
  return { facts: tileFactsOf(table, started, announceAgain ? bandSoon(table, announceAgain) : zoneBandOfDraw(table)), seats };
}

function bandSoon(state: TableState, announceAgain: () => void): ZoneBand | null {
  const same = bandsByDraw.get(state.sides);
  if (same) return same;
  const key = drawKey(state);
  const known = bands.get(key);
  if (known) {
    bandsByDraw.set(state.sides, known);
    return known;
  }
  let tables = waiting.get(key);
  if (!tables) {
    waiting.set(key, (tables = new Set()));
    queue.push(() => {
      const again = waiting.get(key) ?? [];
      waiting.delete(key);
      zoneBandOfDraw(state);
      for (const announce of again) announce();
    });
  }
  tables.add(announceAgain);
  return null;
}

/**
 * Each scenario object seen, numbered: a scenario's id is not enough, since an author's next
 * version keeps the id and may change the issues the zone is searched over. The library hands
 * every table of one version the same object, so its tables still share their draws' bands.
 */
const scenarioNumbers = new WeakMap<TableState["scenario"], number>();
let scenariosSeen = 0;

function scenarioNumber(scenario: TableState["scenario"]): number {
  let n = scenarioNumbers.get(scenario);
  if (n === undefined) scenarioNumbers.set(scenario, (n = ++scenariosSeen));
  return n;
}

/** What the draw's zone depends on: the scenario (its version) and each side's walk-away, valuations and caps (a curve ball can move them). */
function drawKey(state: TableState): string {
  const { buyer, seller } = state.sides;
  return JSON.stringify([scenarioNumber(state.scenario), buyer.walkAway, seller.walkAway, buyer.values, seller.values, buyer.hotButtons, seller.hotButtons]);
}
