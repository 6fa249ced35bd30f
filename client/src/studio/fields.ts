import { h, type Children } from "../ui/dom.js";
import { setAt, textAt, type Doc, type Path } from "./document.js";
import type { Editor } from "./editor.js";
import { fieldId, pathText } from "./paths.js";
import { typedValue, type Typed } from "./typed.js";

/*
 * The studio's inputs. Each carries the document path it edits (data-path), so a problem found
 * at that path is shown in the slot beside it (aria-describedby, aria-invalid); the same path is
 * its focus key, so a redraw around it keeps the trainer's place.
 */

export type InputSpec = {
  readonly path: Path;
  readonly label: string;
  readonly typed?: Typed;
  readonly multiline?: boolean;
  readonly hint?: string;
  readonly placeholder?: string;
  /** A change that touches more than this field (an issue's id is also its valuations' key). */
  readonly apply?: (doc: Doc, text: string) => Doc;
  readonly className?: string;
};

export function inputField(editor: Editor, spec: InputSpec): HTMLElement {
  const path = pathText(spec.path);
  const id = fieldId(path);
  const typed = spec.typed ?? "text";
  const attrs = {
    id,
    "data-path": path,
    "data-focus": path,
    placeholder: spec.placeholder,
    "aria-describedby": `${spec.hint ? `${id}-hint ` : ""}${id}-problem`,
    autocomplete: "off",
    spellcheck: typed === "text" ? null : "false",
    inputmode: typed === "number" ? "decimal" : null,
  };
  const control = spec.multiline ? h("textarea", { ...attrs, rows: 4 }) : h("input", { ...attrs, type: "text" });
  control.value = textAt(editor.doc(), spec.path);
  control.addEventListener("input", () => {
    const text = control.value;
    editor.edit(path, (doc) => (spec.apply ? spec.apply(doc, text) : setAt(doc, spec.path, typedValue(typed, text))));
  });
  return wrap(id, spec.label, control, spec.hint, spec.className);
}

export type Choice = { readonly value: string; readonly label: string };

export type SelectSpec = {
  readonly path: Path;
  readonly label: string;
  readonly choices: readonly Choice[];
  readonly hint?: string;
  /** The value shown (when it is not the document's value at `path`, e.g. a mode). */
  readonly value?: string;
  /** Choosing reshapes the document (a new kind); by default the value is set at `path`, "" removes it. */
  readonly apply?: (doc: Doc, value: string) => Doc;
  readonly className?: string;
};

export function selectField(editor: Editor, spec: SelectSpec): HTMLElement {
  const path = pathText(spec.path);
  const id = fieldId(path);
  const current = spec.value ?? textAt(editor.doc(), spec.path);
  const known = spec.choices.some((c) => c.value === current);
  // A value the choices do not offer (an id no issue has yet) is shown as it is, to be fixed.
  const choices = known ? spec.choices : [{ value: current, label: current === "" ? "Choose…" : `${current} (not found)` }, ...spec.choices];
  const control = h(
    "select",
    { id, "data-path": path, "data-focus": path, "aria-describedby": `${spec.hint ? `${id}-hint ` : ""}${id}-problem` },
    choices.map((c) => h("option", { value: c.value, selected: c.value === current }, c.label)),
  );
  control.addEventListener("change", () => {
    const value = control.value;
    editor.change((doc) => (spec.apply ? spec.apply(doc, value) : setAt(doc, spec.path, value === "" ? undefined : value)));
  });
  return wrap(id, spec.label, control, spec.hint, spec.className);
}

function wrap(id: string, label: string, control: HTMLElement, hint: string | undefined, className: string | undefined): HTMLElement {
  return h(
    "div",
    { class: `field${className ? ` ${className}` : ""}` },
    h("label", { for: id }, label),
    control,
    hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    problemSlot(id),
  );
}

function problemSlot(id: string): HTMLElement {
  return h("p", { class: "field-problem", id: `${id}-problem`, "data-for": id, hidden: true });
}

/**
 * A titled group of fields for one part of the document (a role, an issue, a card). Problems
 * about the part as a whole, or about a field it does not show, are listed under its legend.
 */
export function section(path: Path | null, legend: string, attrs: { class?: string }, ...children: Children[]): HTMLFieldSetElement {
  const key = path ? pathText(path) : null;
  return h(
    "fieldset",
    { class: `studio-group${attrs.class ? ` ${attrs.class}` : ""}`, "data-section": key },
    h("legend", {}, legend),
    key !== null ? h("p", { class: "field-problem", hidden: true }) : null,
    ...children,
  );
}

/** Buttons to move or remove the item at `index` of the list at `listPath`. */
export function itemTools(
  editor: Editor,
  what: string,
  index: number,
  count: number,
  ops: { readonly move?: (doc: Doc, from: number, to: number) => Doc; readonly remove: (doc: Doc) => Doc },
): HTMLElement {
  const n = index + 1;
  const { move } = ops;
  return h(
    "div",
    { class: "item-tools" },
    move && index > 0 ? h("button", { type: "button", class: "small", "aria-label": `Move ${what} ${n} up`, onclick: () => editor.change((d) => move(d, index, index - 1)) }, "↑ Up") : null,
    move && index < count - 1
      ? h("button", { type: "button", class: "small", "aria-label": `Move ${what} ${n} down`, onclick: () => editor.change((d) => move(d, index, index + 1)) }, "↓ Down")
      : null,
    h("button", { type: "button", class: "small danger-outline", "aria-label": `Remove ${what} ${n}`, onclick: () => editor.change(ops.remove) }, "Remove"),
  );
}
