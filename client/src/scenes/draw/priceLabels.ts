/**
 * Where the labels of the reveal's price line go (floor, ceiling, cap, the deal, the zone), so
 * that none covers another however close their prices sit: on a phone the whole line is 300 px
 * wide and a floor $250 under the ceiling is 10 px away. Pure: it works on measured boxes, and
 * the drawing (reveal.ts) places its texts where it says.
 */

export type PriceLabel = {
  readonly key: string;
  /** The x of the price the label names: the label is centred on it where there is room. */
  readonly at: number;
  readonly w: number;
  readonly h: number;
  /** Above the axis or below it (the ticks and the zone's band take the axis itself). */
  readonly side: "above" | "below";
};

/** A label's box, its top-left corner relative to the axis (y = 0 is the axis, negative is above). */
export type LabelBox = { readonly key: string; readonly x: number; readonly y: number; readonly w: number; readonly h: number };

/** How far the first label sits from the axis: clear of the ticks (24 px each way) and the band. */
export const AXIS_CLEARANCE = 28;
const GAP = 4;

/**
 * Each label in the order given (earlier ones keep the spot nearest the axis), centred on its
 * price but kept between `left` and `right`, then moved away from the axis past every label of its
 * side it would overlap.
 */
export function layPriceLabels(labels: readonly PriceLabel[], left: number, right: number): LabelBox[] {
  const placed: LabelBox[] = [];
  for (const l of labels) {
    const x = Math.max(left, Math.min(right - l.w, l.at - l.w / 2));
    const sameSide = placed.filter((p) => (p.y >= 0) === (l.side === "below") && p.x < x + l.w + GAP && x < p.x + p.w + GAP);
    let y = l.side === "below" ? AXIS_CLEARANCE : -AXIS_CLEARANCE - l.h;
    for (let hit = collide(sameSide, y, l.h); hit.length > 0; hit = collide(sameSide, y, l.h))
      y = l.side === "below" ? Math.max(...hit.map((p) => p.y + p.h)) + GAP : Math.min(...hit.map((p) => p.y)) - GAP - l.h;
    placed.push({ key: l.key, x, y, w: l.w, h: l.h });
  }
  return placed;
}

/** The boxes (already known to overlap sideways) that a box from `y` to `y + h` would overlap. */
function collide(boxes: readonly LabelBox[], y: number, h: number): LabelBox[] {
  return boxes.filter((p) => p.y < y + h + GAP && y < p.y + p.h + GAP);
}
