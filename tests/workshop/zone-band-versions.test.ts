import { describe, expect, it } from "vitest";
import { createTable, zoneBand, drawZoneOf, type Scenario } from "../../shared/engine/index.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { zoneBandOfDraw } from "../../server/tables/tileSnapshot.js";

/*
 * The grid's zone band is remembered per draw across a process's tables. An author's next
 * version keeps the scenario's id, so a table on version 2 must not be shown version 1's band.
 */
describe("the grid's remembered zone bands", () => {
  it("tell two versions of one scenario apart, with the same draw", () => {
    const v1 = SCENARIOS["backup-appliance"]!;
    const price = v1.issues.find((i) => i.kind === "price")!;
    // Version 2 lowers the top of the price range below version 1's zone.
    const first = createTable(v1, "v1", { now: 0, drawSeed: "same-draw" });
    const top = zoneBandOfDraw(first).high - 1000;
    const v2: Scenario = { ...v1, issues: v1.issues.map((i) => (i === price ? { ...price, max: top } : i)) };
    const second = createTable(v2, "v2", { now: 0, drawSeed: "same-draw" });
    expect(second.sides).toEqual(first.sides);
    expect(zoneBandOfDraw(second)).toEqual(zoneBand(v2, drawZoneOf(second).zone));
    expect(zoneBandOfDraw(second).high).toBeLessThanOrEqual(top);
  });
});
