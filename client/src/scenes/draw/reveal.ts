import Phaser from "phaser";
import { formatMoney } from "../../../../shared/engine/terms.js";
import type { RevealVM } from "../../view/reveal.js";
import { label } from "../text.js";
import { COLOR, TEXT } from "../theme.js";
import { box, dashedLine, type Rect } from "./shapes.js";

/**
 * The end of the game on one picture: the price axis with the zone of agreement between the
 * seller's floor and the buyer's ceiling, the deal and the Nash point on it, and how the joint
 * surplus was split (or left on the table).
 */
export function drawReveal(scene: Phaser.Scene, layer: Phaser.GameObjects.Container, reveal: RevealVM, currency: string, r: Rect): void {
  const money = (n: number) => formatMoney(n, currency);
  layer.add(box(scene, r, 14, COLOR.felt, { stroke: COLOR.feltEdge, strokeWidth: 3 }));
  layer.add(label(scene, r.x + 20, r.y + 16, "The reveal", { size: 20, bold: true }));
  layer.add(label(scene, r.x + 20, r.y + 44, reveal.headline, { size: 14, color: TEXT.light, wrap: r.w - 40 }));
  const verdict = reveal.warnings.length > 0 ? reveal.warnings.join(" ") : reveal.verdict;
  layer.add(label(scene, r.x + 20, r.y + 66, verdict, { size: 12, bold: reveal.warnings.length > 0, color: reveal.warnings.length > 0 ? TEXT.bad : TEXT.muted, wrap: r.w - 40 }));

  // Walk-aways, side by side.
  const boxW = (r.w - 52) / 2;
  reveal.walkAways.forEach((w, i) => {
    const bx = r.x + 20 + i * (boxW + 12);
    const by = r.y + 104;
    layer.add(box(scene, { x: bx, y: by, w: boxW, h: 52 }, 8, COLOR.panel, { stroke: w.role === "buyer" ? COLOR.buyer : COLOR.seller, strokeWidth: 2 }));
    layer.add(label(scene, bx + 12, by + 7, w.label, { size: 11, color: TEXT.muted, maxWidth: boxW - 24 }));
    layer.add(label(scene, bx + 12, by + 24, w.value, { size: 18, bold: true }));
  });

  // The price axis.
  const ax0 = r.x + 40;
  const ax1 = r.x + r.w - 40;
  const ay = r.y + 232;
  const at = (v: number) => ax0 + ((v - reveal.axis.min) / (reveal.axis.max - reveal.axis.min)) * (ax1 - ax0);
  layer.add(label(scene, r.x + 20, r.y + 170, "Price, on the best package", { size: 12, bold: true, color: TEXT.muted }));
  const g = scene.add.graphics();
  const lo = at(Math.min(reveal.zopa.low, reveal.zopa.high));
  const hi = at(Math.max(reveal.zopa.low, reveal.zopa.high));
  g.fillStyle(reveal.zopa.exists ? COLOR.good : COLOR.bad, 0.3).fillRect(lo, ay - 16, Math.max(2, hi - lo), 32);
  g.lineStyle(2, COLOR.muted, 1).lineBetween(ax0, ay, ax1, ay);
  g.lineStyle(3, COLOR.seller, 1).lineBetween(at(reveal.zopa.low), ay - 24, at(reveal.zopa.low), ay + 24);
  g.lineStyle(3, COLOR.buyer, 1).lineBetween(at(reveal.zopa.high), ay - 24, at(reveal.zopa.high), ay + 24);
  layer.add(g);
  layer.add(label(scene, at(reveal.zopa.low), ay + 28, `Seller's floor\n${money(reveal.zopa.low)}`, { size: 10, color: TEXT.seller, align: "center" }).setOrigin(0.5, 0));
  layer.add(label(scene, at(reveal.zopa.high), ay + 28, `Buyer's ceiling\n${money(reveal.zopa.high)}`, { size: 10, color: TEXT.buyer, align: "center" }).setOrigin(0.5, 0));
  layer.add(
    label(scene, (lo + hi) / 2, ay - 34, reveal.zopa.exists ? "zone of agreement" : "no zone of agreement", { size: 10, bold: true, color: reveal.zopa.exists ? TEXT.good : TEXT.bad }).setOrigin(0.5, 0),
  );
  if (reveal.nash) {
    const x = at(reveal.nash.price);
    const n = scene.add.graphics();
    n.lineStyle(2, 0xffffff, 1).strokeTriangle(x, ay - 9, x - 8, ay + 6, x + 8, ay + 6);
    layer.add(n);
    layer.add(label(scene, x, ay - 54, `Nash ${reveal.nash.priceText}`, { size: 10, color: TEXT.light }).setOrigin(0.5, 0));
  }
  if (reveal.deal) {
    const x = at(reveal.deal.price);
    const d = scene.add.graphics();
    d.fillStyle(0xffffff, 1).fillCircle(x, ay, 8).lineStyle(3, COLOR.accent, 1).strokeCircle(x, ay, 8);
    layer.add(d);
    layer.add(label(scene, x, ay + 62, `Deal ${reveal.deal.priceText}`, { size: 12, bold: true, color: TEXT.accent }).setOrigin(0.5, 0));
  }

  // How the joint surplus was split.
  const sy = r.y + 330;
  layer.add(label(scene, r.x + 20, sy, "Joint surplus", { size: 12, bold: true, color: TEXT.muted }));
  layer.add(label(scene, r.x + r.w - 20, sy - 4, `${reveal.efficiency} efficient`, { size: 18, bold: true, color: TEXT.accent }).setOrigin(1, 0));
  const bx0 = r.x + 20;
  const bw = r.w - 40;
  const by = sy + 26;
  // The bar spans the best joint surplus (or what was shared, if a side's loss pushed the other past it).
  const shared = reveal.surplus.reduce((sum, s) => sum + Math.max(0, s.amount), 0);
  const scale = Math.max(1, reveal.bestJoint, shared);
  const bar = scene.add.graphics();
  bar.fillStyle(COLOR.track, 1).fillRoundedRect(bx0, by, bw, 26, 6);
  let x = bx0;
  for (const s of reveal.surplus) {
    const width = (Math.max(0, s.amount) / scale) * bw;
    if (width <= 0) continue;
    bar.fillStyle(s.role === "buyer" ? COLOR.buyer : COLOR.seller, 1).fillRect(x, by, width, 26);
    x += width;
  }
  const bestX = bx0 + (Math.max(0, reveal.bestJoint) / scale) * bw;
  bar.lineStyle(2, 0xffffff, 0.8);
  dashedLine(bar, bestX, by - 5, bestX, by + 31, 3, 3);
  layer.add(bar);
  const legend = reveal.surplus.map((s) => `${s.label}${s.you ? " (you)" : ""}: ${s.text}`).join("  ·  ");
  const lost = Math.max(0, reveal.bestJoint - reveal.joint);
  layer.add(label(scene, bx0, by + 34, legend, { size: 11, color: TEXT.light, wrap: bw }));
  layer.add(label(scene, bx0, by + 52, `Best possible together: ${money(reveal.bestJoint)} · left on the table: ${money(lost)}`, { size: 11, color: TEXT.muted, wrap: bw }));
}
