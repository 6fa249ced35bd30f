import Phaser from "phaser";
import type { RoundTrackVM } from "../../view/roundTrack.js";
import { label } from "../text.js";
import { COLOR, TEXT } from "../theme.js";
import type { Rect } from "./shapes.js";

const MARKER_COLOR = { deadline: COLOR.seller, compliance: COLOR.bad, card: COLOR.hidden } as const;

/**
 * Round 1 to the deadline, with the viewer's own pressure points and the curve balls on it. A
 * laptop has the caption beside the dots; a narrow table (a phone) puts it above them.
 */
export function drawRoundTrack(scene: Phaser.Scene, layer: Phaser.GameObjects.Container, track: RoundTrackVM, r: Rect, narrow = false): void {
  layer.add(label(scene, r.x, r.y + 4, track.caption, { size: 13, bold: true, color: TEXT.light, maxWidth: narrow ? r.w : 250 }));
  const startX = narrow ? r.x + 12 : r.x + 270;
  const span = narrow ? r.w - 24 : r.w - 270 - 14;
  const step = track.rounds.length > 1 ? Math.min(44, span / (track.rounds.length - 1)) : 0;
  const cy = narrow ? r.y + 36 : r.y + 13;
  const g = scene.add.graphics();
  g.lineStyle(2, COLOR.track, 1);
  g.lineBetween(startX, cy, startX + step * (track.rounds.length - 1), cy);
  layer.add(g);
  for (const [i, round] of track.rounds.entries()) {
    const x = startX + step * i;
    const dot = scene.add.graphics();
    if (round.state === "current") {
      dot.fillStyle(COLOR.accent, 1).fillCircle(x, cy, 12);
    } else if (round.state === "past") {
      dot.fillStyle(COLOR.track, 1).fillCircle(x, cy, 10);
    } else {
      dot.fillStyle(COLOR.panel, 1).fillCircle(x, cy, 10);
      dot.lineStyle(2, COLOR.track, 1).strokeCircle(x, cy, 10);
    }
    layer.add(dot);
    const last = round.round === track.last;
    layer.add(
      label(scene, x, cy, String(round.round), { size: 11, bold: true, color: round.state === "current" ? TEXT.dark : last ? TEXT.bad : TEXT.muted }).setOrigin(0.5),
    );
    const markers = track.markers.filter((m) => m.round === round.round);
    markers.forEach((m, j) => {
      const flag = scene.add.graphics();
      flag.fillStyle(MARKER_COLOR[m.kind], 1);
      flag.fillTriangle(x - 4 + j * 8, cy + 15, x + 4 + j * 8, cy + 15, x + j * 8, cy + 22);
      layer.add(flag);
    });
  }
  // A legend for the viewer's own pressure points (curve balls explain themselves in the column).
  const legend = ownMarkers(track).map((m) => `▼ ${m.label} (round ${m.round})`);
  if (legend.length > 0) layer.add(label(scene, r.x, narrow ? cy + 24 : r.y + 22, legend.join("   "), { size: 10, color: TEXT.seller, maxWidth: narrow ? r.w : 262 }));
}

/** Whether the track has a legend line (a narrow table makes room for it). */
export function hasLegend(track: RoundTrackVM): boolean {
  return ownMarkers(track).length > 0;
}

function ownMarkers(track: RoundTrackVM): RoundTrackVM["markers"] {
  return track.markers.filter((m) => m.kind !== "card");
}
