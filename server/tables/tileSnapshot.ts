import { drawZoneOf, type Role, type TableState, zoneBand, type ZoneBand } from "../../shared/engine/index.js";
import { tileFactsOf } from "../../shared/workshop/tile.js";
import type { SeatSnapshot } from "../room/writePublicTable.js";
import type { TableSnapshot } from "./tableLinks.js";

/*
 * What a workshop's table publishes on every change: its tile's facts, worked out here on the
 * table's side, and its public seats. The zone band is the one figure the grid takes from the
 * hidden draw besides the walk-aways it shows; it is worked out once per distinct draw in this
 * process (a millisecond or two) and kept for the next change.
 */

/** Distinct draws remembered: a same-deck round shares one, a random deck has one a table. */
const BANDS_KEPT = 2000;
const bands = new Map<string, ZoneBand>();

/** The ZOPA band of this state's draw, on the best terms. */
export function zoneBandOfDraw(state: TableState): ZoneBand {
  const key = drawKey(state);
  const known = bands.get(key);
  if (known) return known;
  const band = zoneBand(state.scenario, drawZoneOf(state).zone);
  if (bands.size >= BANDS_KEPT) bands.delete(bands.keys().next().value as string);
  bands.set(key, band);
  return band;
}

/** What the draw's zone depends on: the scenario and each side's walk-away, valuations and caps (a curve ball can move them). */
function drawKey(state: TableState): string {
  const { buyer, seller } = state.sides;
  return JSON.stringify([state.scenario.id, buyer.walkAway, seller.walkAway, buyer.values, seller.values, buyer.hotButtons, seller.hotButtons]);
}

export function tileSnapshotOf(table: TableState, started: boolean, seats: Readonly<Record<Role, SeatSnapshot>>): TableSnapshot {
  return { facts: tileFactsOf(table, started, zoneBandOfDraw(table)), seats };
}
