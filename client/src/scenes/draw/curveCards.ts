import Phaser from "phaser";
import type { CurveCardVM } from "../../view/curveCards.js";
import { clampLines, label, linesIn } from "../text.js";
import { COLOR, TEXT } from "../theme.js";
import { bandedBox, box, type Rect } from "./shapes.js";

const FACE_COLOR = { public: COLOR.public, private: COLOR.hidden, hidden: COLOR.hidden } as const;
const FACE_TAG = { public: "PUBLIC", private: "PRIVATE", hidden: "FACE DOWN" } as const;

/**
 * The deck and the curve balls drawn from it: a column beside the offers on a laptop, newest at
 * the bottom; a row under them on a phone (`row`), newest on the right.
 */
export function drawCurveColumn(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  cards: readonly CurveCardVM[],
  r: Rect,
  row = false,
): { deck: { x: number; y: number }; drawn: Map<string, Phaser.GameObjects.Container> } {
  layer.add(label(scene, r.x, r.y + 2, "Curve balls", { size: 12, bold: true, color: TEXT.muted }));
  const deckX = r.x + r.w - 14;
  for (let i = 2; i >= 0; i--) {
    layer.add(box(scene, { x: deckX - 12 + i * 2, y: r.y - 1 + i * 2, w: 22, h: 16 }, 3, COLOR.hidden, { stroke: 0xffffff, strokeAlpha: 0.5 }));
  }
  const drawn = new Map<string, Phaser.GameObjects.Container>();
  const cardH = 72;
  const top = row ? r.y + 26 : r.y + 30;
  const cardW = row ? (r.w - 8) / 2 : r.w;
  const fit = row ? 2 : Math.max(1, Math.floor((r.h - 30) / (cardH + 8)));
  const shown = cards.slice(-fit);
  if (shown.length === 0)
    layer.add(label(scene, r.x, row ? r.y + 20 : top, "None drawn yet. Expect one: they change the numbers mid-game.", { size: 11, italic: true, color: TEXT.muted, wrap: row ? r.w - 40 : r.w }));
  shown.forEach((card, i) => {
    const c = curveCard(scene, card, cardW);
    c.setPosition(row ? r.x + i * (cardW + 8) : r.x, row ? top : top + i * (cardH + 8));
    layer.add(c);
    drawn.set(card.key, c);
  });
  return { deck: { x: deckX, y: r.y + 8 }, drawn };
}

function curveCard(scene: Phaser.Scene, card: CurveCardVM, w: number): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const h = 72;
  if (card.face === "hidden") {
    c.add(box(scene, { x: 0, y: 0, w, h }, 8, COLOR.hidden, { stroke: 0xffffff, strokeAlpha: 0.35 }));
    c.add(label(scene, w - 10, h / 2, "?", { size: 44, bold: true, color: "#ffffff" }).setOrigin(1, 0.5).setAlpha(0.15));
    c.add(label(scene, 8, 6, `R${card.round} · ${FACE_TAG.hidden}`, { size: 9, bold: true, color: "#e9d5ff", maxWidth: w - 16 }));
    const text = label(scene, 8, 22, card.text, { size: 11, color: "#ffffff", wrap: w - 16 });
    clampLines(text, Math.min(3, linesIn(text, h - 24)));
    c.add(text);
    return c;
  }
  c.add(bandedBox(scene, { x: 0, y: 0, w, h }, 8, FACE_COLOR[card.face], 18, COLOR.card));
  c.add(label(scene, 7, 3, `R${card.round} · ${FACE_TAG[card.face]}`, { size: 9, bold: true, color: "#ffffff", maxWidth: w - 14 }));
  // The title first, then as much of the text as the card has room for (the whole card is in the
  // DOM's list of curve balls): at a large text floor a long title leaves no room for the text.
  const title = label(scene, 7, 20, card.title, { size: 11, bold: true, color: TEXT.dark, wrap: w - 14 });
  clampLines(title, Math.min(2, linesIn(title, h - 22)));
  c.add(title);
  const text = label(scene, 7, 21 + title.height, card.text, { size: 9, color: TEXT.darkMuted, wrap: w - 14 });
  clampLines(text, Math.min(3, linesIn(text, h - 23 - title.height)));
  c.add(text);
  return c;
}
