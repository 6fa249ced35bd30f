import Phaser from "phaser";
import type { Role } from "../../../shared/engine/roles.js";
import { countdownAt } from "../view/countdown.js";
import type { TableVM } from "../view/tableViewModel.js";
import { drawCurveColumn } from "./draw/curveCards.js";
import { drawGauge } from "./draw/gauge.js";
import { drawOfferRow } from "./draw/offers.js";
import { drawReveal } from "./draw/reveal.js";
import { drawRoundTrack, hasLegend } from "./draw/roundTrack.js";
import { drawSeat } from "./draw/seat.js";
import { box, type Rect } from "./draw/shapes.js";
import { narrowLayout, sameShape, textFloorOf, WIDE, wideLayout, type TableLayout, type TableShape } from "./layout.js";
import { label, setTextFloor, smallestText } from "./text.js";
import { COLOR, TEXT } from "./theme.js";

const ARRIVAL_MS = 450;

/**
 * The table, drawn from a view-model and nothing else. Each new view-model redraws the scene;
 * offers and curve balls that were not on the table before arrive with a short animation, and
 * the turn clock ticks every frame from the view-model's deadline.
 */
export class TableScene extends Phaser.Scene {
  private vm: TableVM | null = null;
  private layer: Phaser.GameObjects.Container | null = null;
  private ring: Phaser.GameObjects.Graphics | null = null;
  private ringText: Phaser.GameObjects.Text | null = null;
  private ringAt: { x: number; y: number } | null = null;
  private readonly seen = new Set<string>();
  private firstDraw = true;
  /** What the current drawing was made from, to skip redrawing an identical table. */
  private drawn = "";

  private shape: TableShape = WIDE;

  /**
   * `animate(ms)`: the game renders only on demand; this asks for frames for the next `ms`.
   * `resized(w, h)`: the drawing changed size (a narrow table grows with what it shows).
   */
  constructor(
    private readonly animate: (ms: number) => void,
    private readonly resized: (width: number, height: number) => void,
  ) {
    super({ key: "table" });
  }

  /** Draw for a laptop's stage or a phone's width from now on. */
  reshape(shape: TableShape): void {
    if (sameShape(shape, this.shape)) return;
    this.shape = shape;
    this.drawn = "";
    if (this.vm) this.show(this.vm);
  }

  create(): void {
    this.ring = this.add.graphics().setDepth(10);
    this.ringText = label(this, 0, 0, "", { size: 13, bold: true }).setOrigin(0.5).setDepth(11);
    if (this.vm) this.show(this.vm);
  }

  show(vm: TableVM): void {
    this.vm = vm;
    // Most updates (a private message, a refusal, a keystroke elsewhere) change nothing drawn here.
    const signature = JSON.stringify([vm.seats, vm.rounds, vm.offers, vm.priceGap, vm.gauge, vm.ledger.sides, vm.cards, vm.reveal, vm.status.kind, vm.clock?.actor, vm.header]);
    if (signature === this.drawn) return;
    if (this.ring) {
      this.drawn = signature;
      this.redraw(vm);
    }
  }

  override update(): void {
    const vm = this.vm;
    const ring = this.ring;
    const text = this.ringText;
    if (!ring || !text) return;
    ring.clear();
    if (!vm?.clock || !this.ringAt) {
      text.setText("");
      return;
    }
    const c = countdownAt(vm.clock, Date.now());
    const { x, y } = this.ringAt;
    const color = c.paused ? COLOR.muted : c.urgent ? COLOR.bad : COLOR.accent;
    ring.lineStyle(5, COLOR.track, 1).strokeCircle(x, y, 20);
    if (c.fraction > 0) {
      // Frames come twice a second between updates: an urgent clock blinks at that pace.
      ring.lineStyle(5, color, c.urgent && Math.floor(Date.now() / 500) % 2 === 0 ? 0.45 : 1);
      ring.beginPath();
      ring.arc(x, y, 20, -Math.PI / 2, -Math.PI / 2 + c.fraction * Math.PI * 2, false);
      ring.strokePath();
    }
    text.setPosition(x, y).setText(c.text).setColor(c.urgent ? TEXT.bad : TEXT.light);
  }

  private redraw(vm: TableVM): void {
    setTextFloor(this, textFloorOf(this.shape));
    this.ringText?.setFontSize(Math.max(13, textFloorOf(this.shape)));
    this.layer?.destroy();
    const layer = this.add.container(0, 0);
    this.layer = layer;
    const far = vm.seats.far;
    const near = vm.seats.near;
    const balance = (role: Role) => vm.ledger.sides.find((s) => s.role === role) ?? { role, name: "", gapClosed: null, count: 0, retractions: 0, unreciprocated: 0 };
    const withGauge = vm.gauge !== null && !vm.reveal;
    const narrow = this.shape.kind === "narrow" ? this.shape.width : null;
    const parts = { gauge: withGauge, legend: hasLegend(vm.rounds), curveCards: vm.cards.length > 0, revealH: null };
    let at: TableLayout = narrow === null ? wideLayout(withGauge) : narrowLayout(narrow, parts);

    const farRing = drawSeat(this, layer, far, balance(far.role), at.far);
    drawRoundTrack(this, layer, vm.rounds, at.track, narrow !== null);

    if (vm.reveal) {
      // A phone's felt is as tall as the reveal's drawing, which wraps to the width: it is laid
      // under the drawing once that is done.
      const under = layer.length;
      if (narrow === null) layer.add(revealFelt(this, at.felt));
      const height = drawReveal(this, layer, vm.reveal, vm.header.currency, at.felt);
      if (narrow !== null) {
        at = narrowLayout(narrow, { ...parts, revealH: height + 32 });
        layer.addAt(revealFelt(this, at.felt), under);
      }
    } else {
      this.drawFelt(layer, vm, at);
      if (vm.gauge && at.gauge) drawGauge(this, layer, vm.gauge, vm.header.currency, at.gauge);
    }
    const nearRing = drawSeat(this, layer, near, balance(near.role), at.near);
    this.ringAt = vm.clock ? (vm.clock.actor === far.role ? farRing : vm.clock.actor === near.role ? nearRing : null) : null;
    this.drawVeil(layer, vm, at.felt);
    // A phone's drawing is laid out in CSS pixels and rendered at the screen's density.
    const density = this.shape.kind === "narrow" ? this.shape.density : 1;
    this.cameras.main.setOrigin(0, 0).setZoom(density);
    if (this.scale.width !== at.width * density || this.scale.height !== at.height * density) {
      this.scale.setGameSize(at.width * density, at.height * density);
      this.resized(at.width, at.height);
    }
    this.markSmallestText(layer, density);
    this.firstDraw = false;
    this.animate(ARRIVAL_MS + 250);
  }

  private drawFelt(layer: Phaser.GameObjects.Container, vm: TableVM, at: TableLayout): void {
    const felt = at.felt;
    layer.add(box(this, felt, 16, COLOR.felt, { stroke: COLOR.feltEdge, strokeWidth: 3 }));
    const inner = box(this, { x: felt.x + 6, y: felt.y + 6, w: felt.w - 12, h: felt.h - 12 }, 12, COLOR.felt, { alpha: 0, stroke: COLOR.feltLine, strokeAlpha: 0.7 });
    layer.add(inner);

    const { far, near } = vm.seats;
    const offersBy = (role: Role) => vm.offers.filter((o) => o.by === role);
    const emptyFor = (role: Role, isYou: boolean) => (isYou ? "Your offers will appear here." : `No offer from the ${role} yet.`);
    const farCards = drawOfferRow(this, layer, far.role, offersBy(far.role), emptyFor(far.role, far.isYou), at.farRow, at.cardW);
    const nearCards = drawOfferRow(this, layer, near.role, offersBy(near.role), emptyFor(near.role, near.isYou), at.nearRow, at.cardW);

    const rowsW = at.farRow.w;
    const midY = (at.farRow.y + at.farRow.h + at.nearRow.y) / 2;
    const line = this.add.graphics();
    line.lineStyle(1, COLOR.feltLine, 0.9).lineBetween(at.farRow.x, midY, at.farRow.x + rowsW, midY);
    layer.add(line);
    if (vm.priceGap) {
      const gap = label(this, at.farRow.x + rowsW / 2, midY, vm.priceGap, { size: 12, bold: true, color: TEXT.light }).setOrigin(0.5);
      const pill = box(this, { x: gap.x - gap.width / 2 - 10, y: midY - 11, w: gap.width + 20, h: 22 }, 11, COLOR.feltEdge);
      layer.add([pill, gap]);
    }

    const curve = drawCurveColumn(this, layer, vm.cards, at.curve, at.curveRow);

    for (const [key, card] of [...farCards, ...nearCards]) this.arrive(key, card, { x: card.x, y: card.y + (farCards.has(key) ? -30 : 30) });
    for (const [key, card] of curve.drawn) this.arrive(key, card, curve.deck);
  }

  /**
   * The smallest text of the drawing, in canvas pixels, on the canvas element: how small it looks
   * depends on how wide the page shows the canvas, which the browser tests measure against it.
   */
  private markSmallestText(layer: Phaser.GameObjects.Container, density: number): void {
    const smallest = smallestText(this.ringText ? [layer, this.ringText] : [layer]);
    const canvas = this.game.canvas;
    if (!smallest || !canvas) return;
    canvas.dataset.smallestFont = String(smallest.size * density);
    canvas.dataset.smallestFontText = smallest.text.slice(0, 60);
  }

  /** A paused, waiting or broken table gets a veil over the felt, readable from the back of a room. */
  private drawVeil(layer: Phaser.GameObjects.Container, vm: TableVM, felt: Rect): void {
    const text =
      vm.status.kind === "paused"
        ? "Paused"
        : vm.status.kind === "opponent_away"
          ? "Waiting for the other side to reconnect"
          : vm.status.kind === "reconnecting"
            ? "Reconnecting…"
            : vm.status.kind === "waiting_for_opponent" && vm.header.spectator
              ? "Waiting for both players"
              : null;
    if (!text) return;
    layer.add(box(this, felt, 16, 0x0b1720, { alpha: 0.72 }));
    layer.add(label(this, felt.x + felt.w / 2, felt.y + felt.h / 2, text, { size: 24, bold: true, align: "center", wrap: felt.w - 60 }).setOrigin(0.5));
  }

  /** Animate a card the first time its key appears, except on the first drawing of a joined table. */
  private arrive(key: string, target: Phaser.GameObjects.Container, from: { x: number; y: number }): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.firstDraw) return;
    const to = { x: target.x, y: target.y };
    const alpha = target.alpha;
    target.setPosition(from.x, from.y).setAlpha(0).setScale(0.85);
    this.tweens.add({ targets: target, x: to.x, y: to.y, alpha, scale: 1, duration: ARRIVAL_MS, ease: "Cubic.easeOut" });
  }
}

function revealFelt(scene: Phaser.Scene, felt: Rect): Phaser.GameObjects.Graphics {
  return box(scene, felt, 14, COLOR.felt, { stroke: COLOR.feltEdge, strokeWidth: 3 });
}
