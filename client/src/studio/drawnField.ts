import { h } from "../ui/dom.js";
import { getAt, isObject, type Doc, type Path } from "./document.js";
import { setDrawnMode } from "./draft.js";
import type { Editor } from "./editor.js";
import { inputField, selectField } from "./fields.js";
import { pathText } from "./paths.js";

/**
 * A figure each table draws for itself (a deadline's round, a penalty): one fixed figure, or a
 * range `{min, max, step}` so that pairs in one class do not all read the same number.
 */
export function drawnField(editor: Editor, doc: Doc, path: Path, label: string): HTMLElement {
  const ranged = isObject(getAt(doc, path));
  return h(
    "div",
    { class: "studio-drawn", "data-section": pathText(path) },
    h("p", { class: "field-problem", hidden: true }),
    h(
      "div",
      { class: "studio-row" },
      selectField(editor, {
        path: [...path, "mode"],
        label,
        value: ranged ? "range" : "fixed",
        choices: [
          { value: "fixed", label: "A fixed figure" },
          { value: "range", label: "Drawn from a range" },
        ],
        apply: (d, v) => setDrawnMode(d, path, v === "range" ? "range" : "fixed"),
      }),
      ranged
        ? [
            inputField(editor, { path: [...path, "min"], label: "From", typed: "number", className: "narrow" }),
            inputField(editor, { path: [...path, "max"], label: "To", typed: "number", className: "narrow" }),
            inputField(editor, { path: [...path, "step"], label: "Step", typed: "number", className: "narrow" }),
          ]
        : inputField(editor, { path, label: "Figure", typed: "number", className: "narrow" }),
    ),
  );
}

/** Whether the figure at `path` is drawn from a range: part of the shape its fields are drawn from. */
export function drawnMode(doc: Doc, path: Path): string {
  return isObject(getAt(doc, path)) ? "range" : "fixed";
}
