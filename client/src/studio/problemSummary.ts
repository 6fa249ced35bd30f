import { h, replaceChildren } from "../ui/dom.js";
import type { Checked, Editor, PlacedProblem } from "./editor.js";

/*
 * Every problem in the case, listed at the top: each entry names the field the way the form
 * labels it and takes the trainer there.
 */

export function problemSummary(editor: Editor): { readonly el: HTMLElement; readonly show: (checked: Checked) => void } {
  const heading = h("h2", { id: "studio-problems-title", "aria-live": "polite" });
  const list = h("ul", { class: "studio-problem-list" });
  const el = h("section", { class: "studio-problems", id: "studio-problems", "aria-labelledby": heading.id }, heading, list);
  return {
    el,
    show(checked) {
      const n = checked.problems.length;
      heading.textContent = n === 0 ? "No problems" : n === 1 ? "1 problem" : `${n} problems`;
      el.dataset.count = String(n);
      replaceChildren(
        list,
        checked.problems.map((p) =>
          h("li", {}, h("button", { type: "button", class: "link", onclick: () => editor.focus(p.place.kind === "top" ? p.path : p.place.path) }, whereWords(editor.root, p)), " ", p.message),
        ),
      );
    },
  };
}

/** A problem's place as the form names it: the section's legend and the field's label. */
function whereWords(root: HTMLElement, p: PlacedProblem): string {
  if (p.place.kind === "top") return p.path || "The file";
  const selector = p.place.kind === "field" ? `[data-path="${CSS.escape(p.place.path)}"]` : `[data-section="${CSS.escape(p.place.path)}"]`;
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) return p.path;
  const legends: string[] = [];
  for (let f = el.closest("fieldset"); f; f = f.parentElement?.closest("fieldset") ?? null) legends.unshift(f.querySelector(":scope > legend")?.textContent ?? "");
  const label = p.place.kind === "field" && el.id ? (root.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? "") : "";
  // Deep in the form, the outermost group ("Issues") says less than the ones inside it ("Issue 5").
  if (legends.length >= 3) legends.shift();
  const rest = p.path.slice(p.place.path.length).replace(/^\./, "");
  return [...legends, label, rest].filter((s) => s !== "").join(" › ");
}
