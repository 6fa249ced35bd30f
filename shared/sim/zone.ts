import type { PerRole, Scenario, SidePrivate } from "../engine/index.js";
import { allowedCombos, packageSpace, priceCeiling, sideMoney } from "../bots/space.js";

/*
 * The zone of possible agreement of a draw, with the engine's definitions (scoring.ts
 * analyzeDraw): it exists when some package both sides may sign (their budget caps) has a price
 * on the grid that leaves both at or above their walk-away; its band is the price range on the
 * best joint terms. analyzeDraw also lists every acceptable package for the Pareto frontier and
 * the Nash point, which costs milliseconds a draw; the simulator needs only the zone, so it is
 * computed here per combination on the bots' precomputed tables. tests/bots/space.test.ts holds
 * the two to the same answers.
 */

export type Zone = { readonly exists: boolean; readonly low: number; readonly high: number; readonly mid: number };

export function zoneOf(scenario: Scenario, sides: PerRole<SidePrivate>): Zone {
  const space = packageSpace(scenario.issues);
  const worth = sideMoney(space, scenario, sides.buyer.values).combos;
  const cost = sideMoney(space, scenario, sides.seller.values).combos;
  const sellerMay = new Set(allowedCombos(space, sides.seller.hotButtons));
  const ceiling = Math.min(priceCeiling(space, sides.buyer.hotButtons), priceCeiling(space, sides.seller.hotButtons));
  const { price } = space;
  let exists = false;
  let best = -1;
  let bestJoint = -Infinity;
  for (const c of allowedCombos(space, sides.buyer.hotButtons)) {
    if (!sellerMay.has(c)) continue;
    const floor = sides.seller.walkAway + (cost[c] as number);
    const high = sides.buyer.walkAway + (worth[c] as number);
    if (high - floor > bestJoint) {
      bestJoint = high - floor;
      best = c;
    }
    const top = Math.min(ceiling, high);
    const first = price.min + Math.max(0, Math.ceil((floor - price.min) / price.step)) * price.step;
    if (first <= top) exists = true;
  }
  const low = sides.seller.walkAway + (best < 0 ? 0 : (cost[best] as number));
  const high = sides.buyer.walkAway + (best < 0 ? 0 : (worth[best] as number));
  return { exists, low, high, mid: (low + high) / 2 };
}
