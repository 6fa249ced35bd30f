import type { PerRole, Scenario, SidePrivate } from "../engine/index.js";
import { packageSpace, sideMoney, snapPrice } from "../bots/space.js";

/*
 * The zone of possible agreement of a draw, with the engine's definitions (scoring.ts
 * analyzeDraw): it exists when some package on the price grid leaves both sides at or above
 * their walk-away; its band is the price range on the best joint terms. analyzeDraw also builds
 * the Pareto frontier by walking every package, which costs tens of milliseconds a draw; the
 * simulator needs only the zone, so it is computed here in closed form per combination.
 * tests/bots/zone.test.ts holds the two to the same answers.
 */

export type Zone = { readonly exists: boolean; readonly low: number; readonly high: number; readonly mid: number };

export function zoneOf(scenario: Scenario, sides: PerRole<SidePrivate>): Zone {
  const space = packageSpace(scenario.issues);
  const worth = sideMoney(space, scenario, sides.buyer.values).combos;
  const cost = sideMoney(space, scenario, sides.seller.values).combos;
  const { price } = space;
  let exists = false;
  let best = 0;
  let bestJoint = -Infinity;
  for (let c = 0; c < space.size; c++) {
    const low = sides.seller.walkAway + (cost[c] as number);
    const high = sides.buyer.walkAway + (worth[c] as number);
    if (high - low > bestJoint) {
      bestJoint = high - low;
      best = c;
    }
    if (!exists && low <= price.max) {
      const first = snapPrice(price, Math.max(low, price.min), "up", price.max);
      exists = first >= low && first <= high;
    }
  }
  const low = sides.seller.walkAway + (cost[best] as number);
  const high = sides.buyer.walkAway + (worth[best] as number);
  return { exists, low, high, mid: (low + high) / 2 };
}
