import Phaser from "phaser";
import { initialOf } from "../../../../shared/workshop/names.js";
import type { LedgerSideVM } from "../../view/ledger.js";
import type { SeatVM } from "../../view/seats.js";
import { label } from "../text.js";
import { COLOR, sideColor, sideText, TEXT } from "../theme.js";
import { box, type Rect } from "./shapes.js";

const PRESENCE_COLOR: Record<string, number> = { Online: COLOR.good, Bot: COLOR.hidden, Disconnected: COLOR.bad, "Seat open": COLOR.muted };

/**
 * One seat at the table: who sits there, whether they are connected and to act, and their
 * side of the reciprocity balance. Returns where the turn clock goes when this seat is to act.
 */
export function drawSeat(scene: Phaser.Scene, layer: Phaser.GameObjects.Container, seat: SeatVM, balance: LedgerSideVM, r: Rect): { x: number; y: number } {
  const acting = seat.toAct;
  layer.add(box(scene, r, 10, COLOR.panel, { stroke: acting ? COLOR.accent : COLOR.panelEdge, strokeWidth: acting ? 2 : 1 }));
  const cy = r.y + r.h / 2;
  const avatar = scene.add.graphics();
  avatar.fillStyle(sideColor(seat.role), seat.taken ? 1 : 0.35);
  avatar.fillCircle(r.x + 28, cy, 18);
  layer.add(avatar);
  const initial = seat.taken ? initialOf(seat.name) : "?";
  layer.add(label(scene, r.x + 28, cy, initial, { size: 17, bold: true, color: "#ffffff" }).setOrigin(0.5));

  const name = seat.isYou ? `${seat.name} (you)` : seat.name;
  layer.add(label(scene, r.x + 56, r.y + 7, name, { size: 16, bold: true, maxWidth: 220 }));
  const chip = label(scene, r.x + 56, r.y + 30, seat.roleLabel.toUpperCase(), { size: 11, bold: true, color: sideText(seat.role) });
  layer.add(chip);
  const dotX = r.x + 56 + chip.width + 14;
  const dot = scene.add.graphics();
  dot.fillStyle(PRESENCE_COLOR[seat.presence] ?? COLOR.muted, 1);
  dot.fillCircle(dotX, r.y + 37, 4);
  layer.add(dot);
  const interruptions = seat.interruptions > 0 ? ` · ${seat.interruptions} interruption${seat.interruptions === 1 ? "" : "s"}` : "";
  layer.add(label(scene, dotX + 9, r.y + 30, `${seat.presence}${interruptions}`, { size: 11, color: TEXT.muted }));

  // The reciprocity balance: how much of the distance between the two openings this side has
  // closed (a public figure, never above the whole gap), its concession count and what went wrong.
  const barX = r.x + 330;
  const barW = 150;
  const taken = balance.retractions > 0 ? ` · ${balance.retractions} taken back` : "";
  layer.add(label(scene, barX, r.y + 8, `Gap closed${taken}`, { size: 11, color: balance.retractions > 0 ? TEXT.bad : TEXT.muted }));
  const bar = scene.add.graphics();
  bar.fillStyle(COLOR.track, 1);
  bar.fillRoundedRect(barX, r.y + 27, barW, 10, 5);
  const filled = Math.max(0, Math.min(1, balance.gapClosed ?? 0));
  if (filled > 0) {
    bar.fillStyle(sideColor(seat.role), 1);
    bar.fillRoundedRect(barX, r.y + 27, Math.max(10, barW * filled), 10, 5);
  }
  layer.add(bar);
  layer.add(label(scene, barX + barW + 8, r.y + 23, String(balance.count), { size: 13, bold: true }));
  if (balance.unreciprocated > 0)
    layer.add(label(scene, barX + barW + 30, r.y + 23, `⚑ ${balance.unreciprocated} unanswered`, { size: 12, bold: true, color: TEXT.bad }));

  if (acting) layer.add(label(scene, r.x + r.w - 62, r.y + 6, "TO ACT", { size: 10, bold: true, color: TEXT.accent }).setOrigin(1, 0));
  return { x: r.x + r.w - 30, y: cy };
}
