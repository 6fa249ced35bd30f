import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AXIS_CLEARANCE, layPriceLabels, type LabelBox, type PriceLabel } from "../../client/src/scenes/draw/priceLabels.js";

/*
 * The reveal's price line on a phone: floor, ceiling, cap, the deal and the zone's name are laid
 * out so that no label covers another, none runs off the line's width, and each stays on its side
 * of the axis, clear of the ticks.
 */

const overlap = (a: LabelBox, b: LabelBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function expectReadable(labels: readonly PriceLabel[], boxes: readonly LabelBox[], left: number, right: number): void {
  expect(boxes.map((b) => b.key)).toEqual(labels.map((l) => l.key));
  for (const [i, b] of boxes.entries()) {
    const l = labels[i] as PriceLabel;
    expect(b.x, `${b.key} inside the line`).toBeGreaterThanOrEqual(left);
    expect(b.x + b.w, `${b.key} inside the line`).toBeLessThanOrEqual(right + 1e-9);
    if (l.side === "below") expect(b.y, `${b.key} below the ticks`).toBeGreaterThanOrEqual(AXIS_CLEARANCE);
    else expect(b.y + b.h, `${b.key} above the ticks`).toBeLessThanOrEqual(-AXIS_CLEARANCE);
    for (const other of boxes.slice(i + 1)) expect(overlap(b, other), `${b.key} covers ${other.key}`).toBe(false);
  }
}

/** A phone's price line: 20 to 330 px, two-line labels 90 px wide and 30 high. */
const PHONE = { left: 20, right: 330 };
const floorAt = (at: number): PriceLabel => ({ key: "floor", at, w: 92, h: 30, side: "below" });
const ceilingAt = (at: number): PriceLabel => ({ key: "ceiling", at, w: 96, h: 30, side: "below" });
const capAt = (at: number): PriceLabel => ({ key: "cap", at, w: 110, h: 30, side: "above" });
const zoneAt = (at: number): PriceLabel => ({ key: "zone", at, w: 120, h: 15, side: "above" });
const dealAt = (at: number): PriceLabel => ({ key: "deal", at, w: 130, h: 16, side: "below" });

describe("the price line's labels", () => {
  it.each([
    ["floor and ceiling $250 apart on a phone", [zoneAt(170), floorAt(165), ceilingAt(175), dealAt(168)]],
    ["a cap on the zone's centre", [zoneAt(200), floorAt(60), ceilingAt(310), capAt(205), dealAt(190)]],
    ["everything at the left end", [zoneAt(25), floorAt(22), ceilingAt(24), capAt(26), dealAt(21)]],
    ["everything at the right end", [zoneAt(328), floorAt(326), ceilingAt(329), capAt(327), dealAt(330)]],
  ])("%s: none covers another", (_, labels) => {
    expectReadable(labels, layPriceLabels(labels, PHONE.left, PHONE.right), PHONE.left, PHONE.right);
  });

  it("centres a label on its price where there is room, and moves a clashing one away from the axis", () => {
    const [floor, ceiling] = layPriceLabels([floorAt(100), ceilingAt(120)], PHONE.left, PHONE.right);
    expect(floor).toEqual({ key: "floor", x: 54, y: AXIS_CLEARANCE, w: 92, h: 30 });
    expect(ceiling?.x).toBe(72);
    expect(ceiling!.y).toBeGreaterThanOrEqual(AXIS_CLEARANCE + 30);
    // Far apart, both stay on the first row.
    const apart = layPriceLabels([floorAt(80), ceilingAt(270)], PHONE.left, PHONE.right);
    expect(apart.map((b) => b.y)).toEqual([AXIS_CLEARANCE, AXIS_CLEARANCE]);
  });

  it("never lets two labels overlap, wherever the prices fall", () => {
    const side = fc.constantFrom<"above" | "below">("above", "below");
    const spec = fc.record({ at: fc.double({ min: 20, max: 330, noNaN: true }), w: fc.integer({ min: 20, max: 200 }), h: fc.integer({ min: 12, max: 40 }), side });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 6 }), (specs) => {
        const labels = specs.map((s, i) => ({ key: `l${i}`, ...s }));
        expectReadable(labels, layPriceLabels(labels, PHONE.left, PHONE.right), PHONE.left, PHONE.right);
      }),
    );
  });
});
