import Phaser from "phaser";
import { formatMoney } from "../../../../shared/engine/terms.js";
import type { PriceLineVM, RevealVM } from "../../view/reveal.js";
import { label, type TextStyle } from "../text.js";
import { AXIS_CLEARANCE, layPriceLabels, type PriceLabel } from "./priceLabels.js";
import { COLOR, TEXT } from "../theme.js";
import { box, dashedLine, type Rect } from "./shapes.js";

/**
 * The end of the game on one picture: the price line of the deal's terms (or the best terms)
 * with the signable zone between the seller's floor and the buyer's ceiling or cap, the deal and
 * the Nash point on it, and how the joint surplus was split (or left on the table). It draws on the felt the caller
 * lays; it returns the height it drew, so a narrow table can size its felt to it.
 */
export function drawReveal(scene: Phaser.Scene, layer: Phaser.GameObjects.Container, reveal: RevealVM, currency: string, r: Rect): number {
  const money = (n: number) => formatMoney(n, currency);
  layer.add(label(scene, r.x + 20, r.y + 16, "The reveal", { size: 20, bold: true }));
  // Each block starts below the one above when a narrow table wraps it onto more lines.
  const headline = label(scene, r.x + 20, r.y + 44, reveal.headline, { size: 14, color: TEXT.light, wrap: r.w - 40 });
  layer.add(headline);
  const verdictText = reveal.warnings.length > 0 ? reveal.warnings.join(" ") : reveal.verdict;
  const verdict = label(scene, r.x + 20, Math.max(r.y + 66, headline.y + headline.height + 6), verdictText, {
    size: 12,
    bold: reveal.warnings.length > 0,
    color: reveal.warnings.length > 0 ? TEXT.bad : TEXT.muted,
    wrap: r.w - 40,
  });
  layer.add(verdict);

  // Walk-aways, side by side.
  const boxW = (r.w - 52) / 2;
  const by0 = Math.max(r.y + 104, verdict.y + verdict.height + 12);
  reveal.walkAways.forEach((w, i) => {
    const bx = r.x + 20 + i * (boxW + 12);
    layer.add(box(scene, { x: bx, y: by0, w: boxW, h: 52 }, 8, COLOR.panel, { stroke: w.role === "buyer" ? COLOR.buyer : COLOR.seller, strokeWidth: 2 }));
    layer.add(label(scene, bx + 12, by0 + 7, w.label, { size: 11, color: TEXT.muted, maxWidth: boxW - 24 }));
    layer.add(label(scene, bx + 12, by0 + 24, w.value, { size: 18, bold: true }));
  });

  const line = drawPriceLine(scene, layer, reveal.line, { x: r.x + 20, y: by0 + 64, w: r.w - 40, h: 0 });

  // How the joint surplus was split.
  const sy = Math.max(line.axisY + 118, line.bottom + 12);
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
  const shares = label(scene, bx0, by + 34, legend, { size: 11, color: TEXT.light, wrap: bw });
  layer.add(shares);
  const lost = label(scene, bx0, Math.max(by + 52, shares.y + shares.height + 4), `Best possible together: ${money(reveal.bestJoint)} · left on the table: ${money(reveal.lost.total)}`, { size: 11, color: TEXT.muted, wrap: bw });
  layer.add(lost);
  return lost.y + lost.height - r.y;
}

const MARK_COLOR = { floor: COLOR.seller, ceiling: COLOR.buyer, cap: COLOR.bad } as const;
const MARK_TEXT = { floor: TEXT.seller, ceiling: TEXT.buyer, cap: TEXT.bad } as const;

/**
 * The price line of `line`'s terms: floor and ceiling below the axis, a cap that cuts the zone
 * above it, the zone (or the gap) as a band, the deal and the Nash point on it, and the sentence
 * that tells walk-aways from floor and ceiling. Returns the axis's y and the bottom of the sentence,
 * so what follows sits under them.
 */
function drawPriceLine(scene: Phaser.Scene, layer: Phaser.GameObjects.Container, line: PriceLineVM, r: Rect): { axisY: number; bottom: number } {
  const title = label(scene, r.x, r.y, line.title, { size: 12, bold: true, color: TEXT.muted });
  layer.add(title);
  const ax0 = r.x + 20;
  const ax1 = r.x + r.w - 20;
  const at = (v: number) => ax0 + ((v - line.axis.min) / (line.axis.max - line.axis.min)) * (ax1 - ax0);
  const lo = at(Math.min(line.band.low, line.band.high));
  const hi = at(Math.max(line.band.low, line.band.high));

  // The labels are made first and measured, laid out so none covers another (a phone's line is
  // short and a floor and a ceiling can be a few pixels apart), then the axis goes under the
  // labels above it.
  const texts: { text: Phaser.GameObjects.Text; spec: PriceLabel }[] = [];
  const add = (key: string, x: number, side: PriceLabel["side"], content: string, style: TextStyle) => {
    const text = label(scene, 0, 0, content, style);
    texts.push({ text, spec: { key, at: x, w: text.width, h: text.height, side } });
  };
  add("zone", (lo + hi) / 2, "above", line.band.exists ? "zone of agreement" : "no zone of agreement", { size: 12, bold: true, color: line.band.exists ? TEXT.good : TEXT.bad });
  for (const mark of line.marks) {
    if (mark.kind === "floor" || mark.kind === "ceiling" || mark.kind === "cap") {
      const [name, value] = splitLabel(mark.label);
      // Floor and ceiling are read below the axis, a cap above it.
      add(mark.kind, at(mark.price), mark.kind === "cap" ? "above" : "below", `${name}\n${value}`, { size: 12, color: MARK_TEXT[mark.kind], align: "center" });
    }
  }
  const deal = line.marks.find((m) => m.kind === "deal");
  if (deal) add("deal", at(deal.price), "below", deal.label, { size: 13, bold: true, color: TEXT.accent });
  const boxes = layPriceLabels(
    texts.map((t) => t.spec),
    r.x,
    r.x + r.w,
  );
  const top = Math.min(-AXIS_CLEARANCE, ...boxes.map((b) => b.y));
  const ay = Math.max(r.y + 72, r.y + title.height + 6 - top);
  boxes.forEach((b, i) => layer.add((texts[i] as (typeof texts)[number]).text.setPosition(b.x + b.w / 2, ay + b.y).setOrigin(0.5, 0)));

  const g = scene.add.graphics();
  g.fillStyle(line.band.exists ? COLOR.good : COLOR.bad, 0.3).fillRect(lo, ay - 16, Math.max(2, hi - lo), 32);
  g.lineStyle(2, COLOR.muted, 1).lineBetween(ax0, ay, ax1, ay);
  layer.addAt(g, layer.getIndex(title) + 1);
  for (const mark of line.marks) {
    const x = at(mark.price);
    switch (mark.kind) {
      case "floor":
      case "ceiling":
      case "cap": {
        const tick = scene.add.graphics();
        tick.lineStyle(3, MARK_COLOR[mark.kind], 1);
        if (mark.kind === "cap") dashedLine(tick, x, ay - 24, x, ay + 24, 4, 3);
        else tick.lineBetween(x, ay - 24, x, ay + 24);
        layer.add(tick);
        break;
      }
      case "nash": {
        const n = scene.add.graphics();
        n.lineStyle(2, 0xffffff, 1).strokeTriangle(x, ay - 9, x - 8, ay + 6, x + 8, ay + 6);
        layer.add(n);
        break;
      }
      case "deal": {
        const d = scene.add.graphics();
        d.fillStyle(0xffffff, 1).fillCircle(x, ay, 8).lineStyle(3, COLOR.accent, 1).strokeCircle(x, ay, 8);
        layer.add(d);
        break;
      }
    }
  }
  const nash = line.marks.find((m) => m.kind === "nash");
  // The Nash point is named in the legend when it sits on the deal (or has no deal to share the line with).
  const legend = nash ? `△ ${nash.label}${deal ? "  ·  ● the deal" : ""}` : deal ? "● the deal" : "";
  const labelsBottom = Math.max(AXIS_CLEARANCE, ...boxes.map((b) => b.y + b.h));
  const explain = label(scene, r.x, ay + labelsBottom + 8, line.explain, { size: 12, color: TEXT.muted, wrap: r.w });
  layer.add(explain);
  if (!legend) return { axisY: ay, bottom: explain.y + explain.height };
  // Beside the title where both fit on one line (a laptop), else under the sentence (a phone).
  const key = label(scene, r.x + r.w, r.y, legend, { size: 12, color: TEXT.light }).setOrigin(1, 0);
  layer.add(key);
  if (title.width + key.width + 12 <= r.w) return { axisY: ay, bottom: explain.y + explain.height };
  key.setOrigin(0, 0).setPosition(r.x, explain.y + explain.height + 4);
  return { axisY: ay, bottom: key.y + key.height };
}

/** "Seller's floor $17,200" → ["Seller's floor", "$17,200"]: the amount goes on its own line. */
function splitLabel(text: string): [string, string] {
  const cut = text.lastIndexOf(" ");
  return cut < 0 ? [text, ""] : [text.slice(0, cut), text.slice(cut + 1)];
}
