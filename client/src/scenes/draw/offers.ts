import Phaser from "phaser";
import type { Role } from "../../../../shared/engine/roles.js";
import type { OfferCardVM } from "../../view/offerCards.js";
import { label } from "../text.js";
import { COLOR, sideBand, sideColor, TEXT } from "../theme.js";
import { bandedBox, box, type Rect } from "./shapes.js";

export const CARD = { w: 168, h: 168, gap: 9 } as const;

/** The pitch of a card's term lines: room for their text at the table's text floor (14 px on a laptop). */
const LINE = 18;

/**
 * One side's offers laid on the table in order, newest on the right; the one on the table now is
 * outlined, older ones have a grey band (not faded: their figures stay as readable). Cards are
 * `cardW` wide (narrower on a phone). Returns the cards it drew, by key, so new ones can be animated.
 */
export function drawOfferRow(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  role: Role,
  offers: readonly OfferCardVM[],
  emptyText: string,
  r: Rect,
  cardW: number = CARD.w,
): Map<string, Phaser.GameObjects.Container> {
  const drawn = new Map<string, Phaser.GameObjects.Container>();
  const fit = Math.max(1, Math.floor((r.w + CARD.gap) / (cardW + CARD.gap)));
  const shown = offers.slice(-fit);
  if (shown.length === 0) {
    const slot = box(scene, { x: r.x, y: r.y, w: cardW, h: CARD.h }, 10, COLOR.feltEdge, { alpha: 0.35, stroke: COLOR.feltLine, strokeAlpha: 0.8 });
    layer.add(slot);
    layer.add(label(scene, r.x + cardW / 2, r.y + CARD.h / 2, emptyText, { size: 12, italic: true, color: TEXT.muted, wrap: cardW - 24, align: "center" }).setOrigin(0.5));
    return drawn;
  }
  const hidden = offers.length - shown.length;
  shown.forEach((offer, i) => {
    const x = r.x + i * (cardW + CARD.gap);
    const card = offerCard(scene, offer, role, cardW);
    card.setPosition(x, r.y);
    layer.add(card);
    drawn.set(offer.key, card);
  });
  if (hidden > 0) {
    const chip = label(scene, r.x + 6, r.y - 15, `+${hidden} earlier (see Table talk)`, { size: 10, color: TEXT.muted });
    layer.add(chip);
  }
  return drawn;
}

function offerCard(scene: Phaser.Scene, offer: OfferCardVM, role: Role, w: number): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const h = CARD.h;
  const shadow = box(scene, { x: 3, y: 4, w, h }, 10, COLOR.cardShadow, { alpha: 0.25 });
  c.add(shadow);
  c.add(bandedBox(scene, { x: 0, y: 0, w, h }, 10, offer.standing ? sideBand(role) : COLOR.olderBand, 24, COLOR.card));
  if (offer.standing) {
    const ring = scene.add.graphics();
    ring.lineStyle(3, sideColor(role), 1);
    ring.strokeRoundedRect(-1.5, -1.5, w + 3, h + 3, 11);
    c.add(ring);
  }
  const who = offer.mine ? "You" : offer.byName.replace(/\s*\(.*\)$/, "");
  // The offer on the table has its side's band and an outline, older ones a grey band: at the
  // table's text floor an "on the table" tag would leave no room in the band for who made it.
  c.add(label(scene, 9, 4, `R${offer.round} · ${who}`, { size: 12, bold: true, color: "#ffffff", maxWidth: w - 18 }));
  c.add(label(scene, 9, 28, offer.price, { size: 21, bold: true, color: TEXT.dark }));
  offer.lines.slice(0, 4).forEach((line, i) => {
    const y = 56 + i * LINE;
    const value = label(scene, w - 9, y - 1, line.short, { size: 11, bold: true, color: TEXT.dark, maxWidth: 90 }).setOrigin(1, 0);
    c.add(value);
    c.add(label(scene, 9, y, line.shortLabel, { size: 10, color: TEXT.darkMuted, maxWidth: w - 24 - value.width }));
  });
  if (offer.message) c.add(label(scene, 9, 56 + 4 * LINE + 2, `“${offer.message}”`, { size: 10, italic: true, color: TEXT.darkMuted, maxWidth: w - 18 }));
  if (offer.forYou) {
    const arrow = offer.forYou.good ? "▲" : "▼";
    c.add(label(scene, 9, h - 20, `${arrow} ${offer.forYou.short}`, { size: 10, bold: true, color: offer.forYou.good ? TEXT.goodOnCard : TEXT.badOnCard, maxWidth: w - 18 }));
  }
  return c;
}
