import type { Json } from "./document.js";

/*
 * What a trainer types becomes the document's value. A figure becomes a number (thousands
 * separators and spaces allowed); anything else is kept as typed, so the schema's own message
 * ("must be a whole number, not text") appears beside the field. An empty figure is left out
 * of the document, which the schema reports as "is required".
 */

export type Typed = "text" | "number" | "numberList";

const FIGURE = /^[-+]?\d+(\.\d+)?$/;

function figure(text: string): Json | undefined {
  const compact = text.replace(/[\s,_]/g, "");
  if (compact === "") return undefined;
  return FIGURE.test(compact) ? Number(compact) : text.trim();
}

export function typedValue(kind: Typed, text: string): Json | undefined {
  switch (kind) {
    case "text":
      return text;
    case "number":
      return figure(text);
    case "numberList":
      // In a list the comma separates values: "6, 12, 24" (no thousands separators here).
      return text
        .split(/[,;\s]+/)
        .filter((part) => part !== "")
        .map((part) => (FIGURE.test(part) ? Number(part) : part));
  }
}
