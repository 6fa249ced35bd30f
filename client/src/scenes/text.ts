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

export function label(scene: Phaser.Scene, x: number, y: number, content: string, style: TextStyle = {}): Phaser.GameObjects.Text {
  const text = scene.add.text(x, y, content, {
    fontFamily: FONT,
    fontSize: `${style.size ?? 14}px`,
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
  const kept = wrapped.slice(0, lines);
  kept[lines - 1] = `${(kept[lines - 1] ?? "").replace(/\s*\S*$/, "")}…`;
  text.setText(kept.join(" "));
}
