import Phaser from "phaser";
import { FONT, TEXT } from "./theme.js";

export type TextStyle = {
  readonly size?: number;
  readonly color?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly wrap?: number;
  readonly align?: "left" | "center" | "right";
  readonly maxWidth?: number;
};

/** Render text at twice the canvas resolution so it stays crisp when the canvas is scaled up. */
const RESOLUTION = 2;

/** Each scene's smallest font (drawing pixels): what shows at 12 CSS px once the canvas is fitted to its stage. */
const floors = new WeakMap<Phaser.Scene, number>();

export function setTextFloor(scene: Phaser.Scene, px: number): void {
  floors.set(scene, px);
}

export function label(scene: Phaser.Scene, x: number, y: number, content: string, style: TextStyle = {}): Phaser.GameObjects.Text {
  const text = scene.add.text(x, y, content, {
    fontFamily: FONT,
    fontSize: `${Math.max(style.size ?? 14, floors.get(scene) ?? 0)}px`,
    color: style.color ?? TEXT.light,
    fontStyle: [style.bold ? "bold" : "", style.italic ? "italic" : ""].join(" ").trim() || "normal",
    align: style.align ?? "left",
    resolution: RESOLUTION,
    ...(style.wrap ? { wordWrap: { width: style.wrap, useAdvancedWrap: true } } : {}),
  });
  if (style.maxWidth) fitWidth(text, style.maxWidth);
  return text;
}

/** Shorten a one-line text with an ellipsis until it fits. */
export function fitWidth(text: Phaser.GameObjects.Text, maxWidth: number): void {
  if (text.width <= maxWidth) return;
  let content = text.text;
  while (content.length > 1 && text.width > maxWidth) {
    content = content.slice(0, -1);
    text.setText(`${content.trimEnd()}…`);
  }
}

/** Keep a wrapped text to `lines` lines, ending with an ellipsis if cut. */
export function clampLines(text: Phaser.GameObjects.Text, lines: number): void {
  const wrapped = text.getWrappedText();
  if (wrapped.length <= lines) return;
  if (lines < 1) {
    text.setText("");
    return;
  }
  const kept = wrapped.slice(0, lines);
  kept[lines - 1] = `${(kept[lines - 1] ?? "").replace(/\s*\S*$/, "")}…`;
  text.setText(kept.join(" "));
}

/** How many lines of `text` fit in `height` pixels (its font may be drawn larger than asked: see setTextFloor). */
export function linesIn(text: Phaser.GameObjects.Text, height: number): number {
  const lines = Math.max(1, text.getWrappedText().length);
  return Math.floor(height / (text.height / lines));
}

/**
 * The smallest font among the texts in `objects` (containers searched too), in drawing pixels,
 * with what it says: the browser tests hold it against the canvas's size on screen.
 */
export function smallestText(objects: readonly Phaser.GameObjects.GameObject[]): { readonly size: number; readonly text: string } | null {
  let smallest: { size: number; text: string } | null = null;
  for (const o of objects) {
    const found =
      o instanceof Phaser.GameObjects.Container
        ? smallestText(o.list)
        : o instanceof Phaser.GameObjects.Text && o.visible && o.text.trim() !== ""
          ? { size: parseFloat(String(o.style.fontSize)), text: o.text }
          : null;
    if (found && (!smallest || found.size < smallest.size)) smallest = found;
  }
  return smallest;
}
