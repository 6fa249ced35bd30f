import type { Rect } from "./draw/shapes.js";
import { CARD } from "./draw/offers.js";
import { SIZE } from "./theme.js";

/**
 * Where each part of the table goes. A laptop gets the one drawing of SIZE, scaled to its stage;
 * a phone gets a drawing as wide as its screen in CSS pixels (drawn at scale 1, so text keeps its
 * size), with the parts stacked and the picture as tall as they need: the page scrolls, not the text.
 */
export type TableShape = { readonly kind: "wide"; readonly textFloor: number } | { readonly kind: "narrow"; readonly width: number; readonly density: number };

/** No text of the table may show smaller than this many CSS pixels. */
export const MIN_TEXT_PX = 12;

export const WIDE: TableShape = { kind: "wide", textFloor: MIN_TEXT_PX };

/** A window so small that the laptop drawing shrinks past this is not read from anyway: fonts stop growing here. */
const MAX_TEXT_FLOOR = 18;

/** Below this stage width, the laptop drawing would be scaled past reading: draw a narrow one. */
const NARROW_BELOW = 600;

/**
 * `density`: device pixels per CSS pixel. A phone's drawing is rendered at it (up to 2), so its
 * text is as sharp as the page's instead of a CSS-sized canvas stretched over a dense screen.
 * The laptop drawing is fitted into the stage (`stageHeight` too): where that shrinks it, its
 * smallest text is drawn larger (`textFloor`, in drawing pixels) so it still shows at MIN_TEXT_PX.
 */
export function shapeFor(stageWidth: number, density: number, stageHeight: number = SIZE.height): TableShape {
  if (stageWidth < NARROW_BELOW) return { kind: "narrow", width: Math.round(stageWidth), density: Math.min(2, Math.max(1, density)) };
  const shown = Math.min(1, stageWidth / SIZE.width, stageHeight > 0 ? stageHeight / SIZE.height : 1);
  return { kind: "wide", textFloor: Math.min(MAX_TEXT_FLOOR, Math.ceil(MIN_TEXT_PX / shown)) };
}

export function sameShape(a: TableShape, b: TableShape): boolean {
  if (a.kind === "wide") return b.kind === "wide" && a.textFloor === b.textFloor;
  return b.kind === "narrow" && a.width === b.width && a.density === b.density;
}

/** The smallest font the drawing of `shape` may use, in drawing pixels. */
export function textFloorOf(shape: TableShape): number {
  return shape.kind === "wide" ? shape.textFloor : MIN_TEXT_PX;
}

export type TableLayout = {
  readonly width: number;
  readonly height: number;
  readonly far: Rect;
  readonly track: Rect;
  readonly felt: Rect;
  readonly near: Rect;
  readonly gauge: Rect | null;
  /** The two rows of offer cards, the curve-ball area, and the width of one card. */
  readonly farRow: Rect;
  readonly nearRow: Rect;
  readonly curve: Rect;
  readonly curveRow: boolean;
  readonly cardW: number;
};

const M = 10;
const SEAT_H = 52;
const TRACK_H = 40;
const GAUGE_H = 112;
const CURVE_W = 122;

/** The laptop table: exactly the drawing it has always been. */
export function wideLayout(withGauge: boolean): TableLayout {
  const W = SIZE.width;
  const H = SIZE.height;
  const far = { x: M, y: M, w: W - 2 * M, h: SEAT_H };
  const track = { x: M + 4, y: far.y + SEAT_H + 8, w: W - 2 * M - 8, h: TRACK_H };
  const bottom = withGauge ? GAUGE_H + M : 0;
  const nearY = H - M - bottom - SEAT_H;
  const feltTop = far.y + SEAT_H + TRACK_H + 12;
  const felt = { x: M, y: feltTop, w: W - 2 * M, h: nearY - 8 - feltTop };
  const rowsW = felt.w - CURVE_W - 36;
  const rowH = (felt.h - 28) / 2;
  const inset = Math.max(0, (rowH - CARD.h) / 2);
  return {
    width: W,
    height: H,
    far,
    track,
    felt,
    near: { x: M, y: nearY, w: W - 2 * M, h: SEAT_H },
    gauge: withGauge ? { x: M, y: H - M - GAUGE_H, w: W - 2 * M, h: GAUGE_H } : null,
    farRow: { x: felt.x + 16, y: felt.y + 14 + inset, w: rowsW, h: CARD.h },
    nearRow: { x: felt.x + 16, y: felt.y + felt.h - 14 - rowH + inset, w: rowsW, h: CARD.h },
    curve: { x: felt.x + felt.w - CURVE_W - 12, y: felt.y + 16, w: CURVE_W, h: felt.h - 28 },
    curveRow: false,
    cardW: CARD.w,
  };
}

const N = {
  margin: 8,
  seat: 70,
  track: 60,
  trackWithLegend: 76,
  gauge: 150,
  curveEmpty: 50,
  curveCards: 104,
} as const;

/**
 * The phone table, top to bottom: the other side, the rounds, their offers and yours on the felt
 * (two cards a row), the curve balls under them, your seat, and your gauge. `revealH` is the
 * height the reveal's drawing needs, once the game is over.
 */
export function narrowLayout(width: number, parts: { readonly gauge: boolean; readonly legend: boolean; readonly curveCards: boolean; readonly revealH: number | null }): TableLayout {
  const m = N.margin;
  const w = width - 2 * m;
  const far = { x: m, y: m, w, h: N.seat };
  const track = { x: m + 4, y: far.y + far.h + 6, w: w - 8, h: parts.legend ? N.trackWithLegend : N.track };
  const feltY = track.y + track.h + 4;
  const rowsW = w - 24;
  const cardW = Math.min(CARD.w, Math.floor((rowsW - CARD.gap) / 2));
  const farRow = { x: m + 12, y: feltY + 22, w: rowsW, h: CARD.h };
  const nearRow = { x: m + 12, y: farRow.y + CARD.h + 30, w: rowsW, h: CARD.h };
  const curve = { x: m + 12, y: nearRow.y + CARD.h + 14, w: rowsW, h: parts.curveCards ? N.curveCards : N.curveEmpty };
  const feltH = parts.revealH ?? curve.y + curve.h + 8 - feltY;
  const felt = { x: m, y: feltY, w, h: feltH };
  const near = { x: m, y: felt.y + felt.h + 8, w, h: N.seat };
  const gauge = parts.gauge ? { x: m, y: near.y + near.h + 8, w, h: N.gauge } : null;
  const bottom = (gauge ?? near).y + (gauge ?? near).h + m;
  return { width, height: Math.ceil(bottom), far, track, felt, near, gauge, farRow, nearRow, curve, curveRow: true, cardW };
}
