import type { Role } from "../../../shared/engine/roles.js";

/** The table's look in one place: colours as numbers for shapes, as CSS strings for text. */
export const SIZE = { width: 720, height: 680 } as const;

export const COLOR = {
  felt: 0x1b4b57,
  feltEdge: 0x12343d,
  feltLine: 0x2b6271,
  panel: 0x17303d,
  panelEdge: 0x294a5a,
  card: 0xffffff,
  cardEdge: 0xd5dde6,
  cardShadow: 0x000000,
  buyer: 0x3b82f6,
  seller: 0xf59e0b,
  good: 0x22c55e,
  bad: 0xef4444,
  accent: 0x2dd4bf,
  muted: 0x7f95a5,
  track: 0x3a5868,
  hidden: 0x6b4fa0,
  /** A public curve ball's band: dark enough for white text on it (5.9:1). */
  public: 0x0369a1,
  /** An offer card's band, dark enough for its white text (at least 4.5:1); an older offer's is grey. */
  buyerBand: 0x1d4ed8,
  sellerBand: 0xb45309,
  olderBand: 0x64748b,
  white: 0xffffff,
} as const;

export const TEXT = {
  light: "#eef4f8",
  muted: "#a9bccb",
  dark: "#17212b",
  darkMuted: "#5b6877",
  good: "#4ade80",
  /** Light enough to read on the felt (5:1). */
  bad: "#fca5a5",
  goodOnCard: "#15803d",
  badOnCard: "#b91c1c",
  buyer: "#93c5fd",
  seller: "#fcd34d",
  accent: "#5eead4",
} as const;

export const FONT = '"Inter", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif';

export function sideColor(role: Role): number {
  return role === "buyer" ? COLOR.buyer : COLOR.seller;
}

export function sideBand(role: Role): number {
  return role === "buyer" ? COLOR.buyerBand : COLOR.sellerBand;
}

export function sideText(role: Role): string {
  return role === "buyer" ? TEXT.buyer : TEXT.seller;
}
