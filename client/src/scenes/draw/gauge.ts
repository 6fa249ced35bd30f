import Phaser from "phaser";
import { formatMoney } from "../../../../shared/engine/terms.js";
import type { GaugeVM } from "../../view/gauge.js";
import { label } from "../text.js";
import { COLOR, sideColor, TEXT } from "../theme.js";
import { box, dashedLine, type Rect } from "./shapes.js";

/**
 * The player's walk-away as a line on their own money axis, oriented so that "better for you"
 * is always to the right, with the standing offers (and the draft) placed against it.
 */
export function drawGauge(scene: Phaser.Scene, layer: Phaser.GameObjects.Container, gauge: GaugeVM, currency: string, r: Rect): void {
  // A phone has no room for the title and "better for you" on one line: the hint goes under it.
  const narrow = r.w < 520;
  layer.add(box(scene, r, 10, COLOR.panel, { stroke: COLOR.panelEdge }));
  layer.add(label(scene, r.x + 14, r.y + 9, gauge.role === "buyer" ? "Your net cost against your walk-away" : "Your net revenue against your walk-away", { size: 13, bold: true, maxWidth: r.w - 28 }));
  layer.add(
    narrow
      ? label(scene, r.x + 14, r.y + 27, "better for you →", { size: 11, color: TEXT.good })
      : label(scene, r.x + r.w - 14, r.y + 10, "better for you →", { size: 11, color: TEXT.good }).setOrigin(1, 0),
  );

  const x0 = r.x + 24;
  const x1 = r.x + r.w - 24;
  const axisY = narrow ? r.y + 80 : r.y + 62;
  const flip = gauge.better === "lower";
  const at = (value: number) => {
    const t = (value - gauge.min) / (gauge.max - gauge.min);
    return flip ? x1 - t * (x1 - x0) : x0 + t * (x1 - x0);
  };
  const wx = at(gauge.walkAway);
  const g = scene.add.graphics();
  g.fillStyle(COLOR.bad, 0.16).fillRect(x0, axisY - 8, wx - x0, 16);
  g.fillStyle(COLOR.good, 0.18).fillRect(wx, axisY - 8, x1 - wx, 16);
  g.lineStyle(2, COLOR.muted, 1).lineBetween(x0, axisY, x1, axisY);
  const tick = niceStep(gauge.max - gauge.min);
  for (let v = Math.ceil(gauge.min / tick) * tick; v <= gauge.max; v += tick) {
    const x = at(v);
    g.lineStyle(1, COLOR.muted, 0.8).lineBetween(x, axisY + 8, x, axisY + 12);
    layer.add(label(scene, x, axisY + 13, formatMoney(v, currency), { size: 9, color: TEXT.muted }).setOrigin(0.5, 0));
  }
  g.lineStyle(3, 0xffffff, 1);
  dashedLine(g, wx, axisY - 22, wx, axisY + 10, 4, 3);
  layer.add(g);
  // Over its line, but kept inside the panel when the walk-away sits near an end of the axis.
  const walkLabel = label(scene, wx, axisY - 36, `Walk-away ${formatMoney(gauge.walkAway, currency)}`, { size: 11, bold: true }).setOrigin(0.5, 0);
  const walkLabelHalf = walkLabel.width / 2;
  walkLabel.setX(Math.min(Math.max(wx, r.x + 8 + walkLabelHalf), r.x + r.w - 8 - walkLabelHalf));
  layer.add(walkLabel);

  // Labels go on the first row where they overlap neither the walk-away label nor each other.
  const taken: { row: number; from: number; to: number }[] = [];
  taken.push({ row: -1, from: walkLabel.x - walkLabelHalf, to: walkLabel.x + walkLabelHalf });
  for (const mark of gauge.marks) {
    const x = at(mark.net);
    const color = mark.key === "draft" ? 0xffffff : mark.key === "mine" ? sideColor(gauge.role) : sideColor(gauge.role === "buyer" ? "seller" : "buyer");
    const m = scene.add.graphics();
    if (mark.key === "draft") m.lineStyle(2, color, 1).strokeCircle(x, axisY, 6);
    else m.fillStyle(color, 1).fillCircle(x, axisY, 7).lineStyle(2, 0x10202c, 1).strokeCircle(x, axisY, 7);
    layer.add(m);
    const text = label(scene, x, 0, `${mark.label}: ${mark.caption}`, { size: 10, bold: true, color: mark.good ? TEXT.good : TEXT.bad }).setOrigin(0.5, 0);
    const half = text.width / 2 + 6;
    const from = Math.min(Math.max(x0 - 10, x - half), x1 + 10 - half * 2);
    const to = from + half * 2;
    let row = 0;
    while (taken.some((t) => t.row === row && t.from < to && from < t.to)) row++;
    taken.push({ row, from, to });
    text.setPosition((from + to) / 2, axisY + 26 + row * 14);
    layer.add(text);
  }
  if (gauge.penaltyText) layer.add(label(scene, r.x + r.w - 14, narrow ? r.y + 28 : r.y + 26, gauge.penaltyText, { size: 10, bold: true, color: TEXT.seller, ...(narrow ? { maxWidth: r.w - 140 } : {}) }).setOrigin(1, 0));
}

function niceStep(span: number): number {
  const rough = span / 5;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const unit = [1, 2, 2.5, 5, 10].find((u) => u * pow >= rough) ?? 10;
  return unit * pow;
}
