import Phaser from "phaser";
import type { Role } from "../../../shared/engine/roles.js";
import { countdownAt } from "../view/countdown.js";
import type { TableVM } from "../view/tableViewModel.js";
import { drawCurveColumn } from "./draw/curveCards.js";
import { drawGauge } from "./draw/gauge.js";
import { CARD, drawOfferRow } from "./draw/offers.js";
import { drawReveal } from "./draw/reveal.js";
import { drawRoundTrack } from "./draw/roundTrack.js";
import { drawSeat } from "./draw/seat.js";
import { box, type Rect } from "./draw/shapes.js";
import { label } from "./text.js";
import { COLOR, SIZE, TEXT } from "./theme.js";

const M = 10;
const SEAT_H = 52;
const TRACK_H = 40;
const GAUGE_H = 112;
const CURVE_W = 122;
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

  /** `animate(ms)`: the game renders only on demand; this asks for frames for the next `ms`. */
  constructor(private readonly animate: (ms: number) => void) {
    super({ key: "table" });
  }

  create(): void {
    this.ring = this.add.graphics().setDepth(10);
    this.ringText = label(this, 0, 0, "", { size: 11, bold: true }).setOrigin(0.5).setDepth(11);
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
    this.layer?.destroy();
    const layer = this.add.container(0, 0);
    this.layer = layer;
    const W = SIZE.width;
    const H = SIZE.height;
    const far = vm.seats.far;
    const near = vm.seats.near;
    const balance = (role: Role) => vm.ledger.sides.find((s) => s.role === role) ?? { role, name: "", gapClosed: null, count: 0, retractions: 0, unreciprocated: 0 };

    const farRect = { x: M, y: M, w: W - 2 * M, h: SEAT_H };
    const farRing = drawSeat(this, layer, far, balance(far.role), farRect);
    drawRoundTrack(this, layer, vm.rounds, { x: M + 4, y: farRect.y + SEAT_H + 8, w: W - 2 * M - 8, h: TRACK_H });

    const bottom = vm.gauge && !vm.reveal ? GAUGE_H + M : 0;
    const nearY = H - M - bottom - SEAT_H;
    const feltTop = farRect.y + SEAT_H + TRACK_H + 12;
    const felt: Rect = { x: M, y: feltTop, w: W - 2 * M, h: nearY - 8 - feltTop };
    const nearRing = drawSeat(this, layer, near, balance(near.role), { x: M, y: nearY, w: W - 2 * M, h: SEAT_H });
    this.ringAt = vm.clock ? (vm.clock.actor === far.role ? farRing : vm.clock.actor === near.role ? nearRing : null) : null;

    if (vm.reveal) {
      drawReveal(this, layer, vm.reveal, vm.header.currency, felt);
    } else {
      this.drawFelt(layer, vm, felt);
      if (vm.gauge) drawGauge(this, layer, vm.gauge, vm.header.currency, { x: M, y: H - M - GAUGE_H, w: W - 2 * M, h: GAUGE_H });
    }
    this.drawVeil(layer, vm, felt);
    this.firstDraw = false;
    this.animate(ARRIVAL_MS + 250);
  }

  private drawFelt(layer: Phaser.GameObjects.Container, vm: TableVM, felt: Rect): void {
    layer.add(box(this, felt, 16, COLOR.felt, { stroke: COLOR.feltEdge, strokeWidth: 3 }));
    const inner = box(this, { x: felt.x + 6, y: felt.y + 6, w: felt.w - 12, h: felt.h - 12 }, 12, COLOR.felt, { alpha: 0, stroke: COLOR.feltLine, strokeAlpha: 0.7 });
    layer.add(inner);

    const rowsW = felt.w - CURVE_W - 36;
    const rowH = (felt.h - 28) / 2;
    const farRow = { x: felt.x + 16, y: felt.y + 14 + Math.max(0, (rowH - CARD.h) / 2), w: rowsW, h: CARD.h };
    const nearRow = { x: felt.x + 16, y: felt.y + felt.h - 14 - rowH + Math.max(0, (rowH - CARD.h) / 2), w: rowsW, h: CARD.h };
    const { far, near } = vm.seats;
    const offersBy = (role: Role) => vm.offers.filter((o) => o.by === role);
    const emptyFor = (role: Role, isYou: boolean) => (isYou ? "Your offers will appear here." : `No offer from the ${role} yet.`);
    const farCards = drawOfferRow(this, layer, far.role, offersBy(far.role), emptyFor(far.role, far.isYou), farRow);
    const nearCards = drawOfferRow(this, layer, near.role, offersBy(near.role), emptyFor(near.role, near.isYou), nearRow);

    const midY = felt.y + felt.h / 2;
    const line = this.add.graphics();
    line.lineStyle(1, COLOR.feltLine, 0.9).lineBetween(felt.x + 16, midY, felt.x + 16 + rowsW, midY);
    layer.add(line);
    if (vm.priceGap) {
      const gap = label(this, felt.x + 16 + rowsW / 2, midY, vm.priceGap, { size: 12, bold: true, color: TEXT.light }).setOrigin(0.5);
      const pill = box(this, { x: gap.x - gap.width / 2 - 10, y: midY - 11, w: gap.width + 20, h: 22 }, 11, COLOR.feltEdge);
      layer.add([pill, gap]);
    }

    const column = { x: felt.x + felt.w - CURVE_W - 12, y: felt.y + 16, w: CURVE_W, h: felt.h - 28 };
    const curve = drawCurveColumn(this, layer, vm.cards, column);

    for (const [key, card] of [...farCards, ...nearCards]) this.arrive(key, card, { x: card.x, y: card.y + (farCards.has(key) ? -30 : 30) });
    for (const [key, card] of curve.drawn) this.arrive(key, card, curve.deck);
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
