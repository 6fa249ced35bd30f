import Phaser from "phaser";

export type Rect = { readonly x: number; readonly y: number; readonly w: number; readonly h: number };

/** A rounded box, optionally outlined: the building block of seats, cards and panels. */
export function box(
  scene: Phaser.Scene,
  r: Rect,
  radius: number,
  fill: number,
  options: { readonly alpha?: number; readonly stroke?: number; readonly strokeWidth?: number; readonly strokeAlpha?: number } = {},
): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics();
  g.fillStyle(fill, options.alpha ?? 1);
  g.fillRoundedRect(r.x, r.y, r.w, r.h, radius);
  if (options.stroke !== undefined) {
    g.lineStyle(options.strokeWidth ?? 1, options.stroke, options.strokeAlpha ?? 1);
    g.strokeRoundedRect(r.x, r.y, r.w, r.h, radius);
  }
  return g;
}

/** A box with a flat-bottomed coloured band across its top, like a card header. */
export function bandedBox(scene: Phaser.Scene, r: Rect, radius: number, band: number, bandHeight: number, fill: number): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics();
  g.fillStyle(fill, 1);
  g.fillRoundedRect(r.x, r.y, r.w, r.h, radius);
  g.fillStyle(band, 1);
  g.fillRoundedRect(r.x, r.y, r.w, bandHeight, { tl: radius, tr: radius, bl: 0, br: 0 });
  return g;
}

export function dashedLine(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, dash = 5, gap = 4): void {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const dx = (x2 - x1) / length;
  const dy = (y2 - y1) / length;
  for (let d = 0; d < length; d += dash + gap) {
    const e = Math.min(d + dash, length);
    g.lineBetween(x1 + dx * d, y1 + dy * d, x1 + dx * e, y1 + dy * e);
  }
}
