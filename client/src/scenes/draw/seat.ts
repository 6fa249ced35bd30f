import Phaser from "phaser";
import { initialOf } from "../../../../shared/workshop/names.js";
import type { LedgerSideVM } from "../../view/ledger.js";
import type { SeatVM } from "../../view/seats.js";
import { label } from "../text.js";
import { COLOR, sideColor, sideText, TEXT } from "../theme.js";
import { box, type Rect } from "./shapes.js";

/** Narrower than this, a seat stacks its reciprocity balance under the name (a phone). */
const NARROW_SEAT = 560;

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

  const narrow = r.w < NARROW_SEAT;
  const name = seat.isYou ? `${seat.name} (you)` : seat.name;
  // On a phone the name leaves room for "TO ACT" and the clock ring at the right end.
  layer.add(label(scene, r.x + 56, r.y + 7, name, { size: 16, bold: true, maxWidth: narrow ? r.w - 56 - 70 : 220 }));
  const chip = label(scene, r.x + 56, r.y + 30, seat.roleLabel.toUpperCase(), { size: 11, bold: true, color: sideText(seat.role) });
  layer.add(chip);
  const dotX = r.x + 56 + chip.width + 14;
  const dot = scene.add.graphics();
  dot.fillStyle(PRESENCE_COLOR[seat.presence] ?? COLOR.muted, 1);
  dot.fillCircle(dotX, r.y + 37, 4);
  layer.add(dot);
  const interruptions = seat.interruptions > 0 ? ` · ${seat.interruptions} interruption${seat.interruptions === 1 ? "" : "s"}` : "";
  const presence = label(scene, dotX + 9, r.y + 30, `${seat.presence}${interruptions}`, { size: 11, color: TEXT.muted, ...(narrow ? { maxWidth: r.x + r.w - 60 - dotX - 9 } : {}) });
  layer.add(presence);

  // The reciprocity balance: how much of the distance between the two openings this side has
  // closed (a public figure, never above the whole gap), its concession count and what went wrong.
  // A laptop has it beside the name; a phone on a third line under it (the flag beside the presence).
  const barX = narrow ? r.x + 56 + 76 : r.x + 330;
  const barW = narrow ? Math.min(140, r.w - 56 - 76 - 44 - 56) : 150;
  const barY = narrow ? r.y + 51 : r.y + 27;
  const taken = balance.retractions > 0 ? ` · ${balance.retractions} taken back` : "";
  layer.add(
    narrow
      ? label(scene, r.x + 56, barY - 4, balance.retractions > 0 ? `${balance.retractions} taken back` : "Gap closed", { size: 11, color: balance.retractions > 0 ? TEXT.bad : TEXT.muted, maxWidth: 72 })
      : label(scene, barX, r.y + 8, `Gap closed${taken}`, { size: 11, color: balance.retractions > 0 ? TEXT.bad : TEXT.muted }),
  );
  const bar = scene.add.graphics();
  bar.fillStyle(COLOR.track, 1);
  bar.fillRoundedRect(barX, barY, barW, 10, 5);
  const filled = Math.max(0, Math.min(1, balance.gapClosed ?? 0));
  if (filled > 0) {
    bar.fillStyle(sideColor(seat.role), 1);
    bar.fillRoundedRect(barX, barY, Math.max(10, barW * filled), 10, 5);
  }
  layer.add(bar);
  // The figure beside the bar is the bar's own: the share of the gap between the openings closed.
  const figure = label(scene, barX + barW + 8, barY - 4, `${Math.round(filled * 100)} %`, { size: 13, bold: true });
  layer.add(figure);
  if (balance.unreciprocated > 0) {
    const flag = `⚑ ${balance.unreciprocated} unanswered`;
    const after = presence.x + presence.width + 10;
    layer.add(
      narrow
        ? label(scene, after, r.y + 29, flag, { size: 12, bold: true, color: TEXT.bad, maxWidth: r.x + r.w - 56 - after })
        : label(scene, figure.x + figure.width + 10, barY - 4, flag, { size: 12, bold: true, color: TEXT.bad }),
    );
  }

  if (acting) layer.add(label(scene, r.x + r.w - 62, r.y + 6, "TO ACT", { size: 10, bold: true, color: TEXT.accent }).setOrigin(1, 0));
  return { x: r.x + r.w - 30, y: narrow ? r.y + 32 : cy };
}
