import { MAX_NOTE_LENGTH } from "../../../../shared/engine/actions.js";
import type { PrivatePanelVM } from "../../view/privatePanel.js";
import { h, renderIfChanged, replaceChildren } from "../dom.js";

/** The private notepad: notes are kept with the game and shown in your debrief. */
export function notepad(save: (text: string) => void) {
  const text = h("textarea", { id: "notepad", rows: 3, maxlength: MAX_NOTE_LENGTH, placeholder: "What did you notice? (only you see this)" });
  const button = h("button", { type: "submit" }, "Save note");
  const notes = h("ol", { class: "notes" });
  const form = h("form", { class: "notepad-form" }, h("label", { for: text.id, class: "sr-only" }, "Note"), text, h("div", { class: "row" }, h("span", { class: "hint" }, "Ctrl+Enter saves"), button));
  const submit = () => {
    const value = text.value.trim();
    if (value === "") return;
    save(value);
    text.value = "";
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  });
  const el = h("section", { class: "section notepad", "aria-labelledby": "notepad-title" }, h("h2", { id: "notepad-title" }, "Notepad"), form, notes);
  return {
    el,
    show(panel: PrivatePanelVM | null, playing: boolean) {
      el.hidden = panel === null;
      form.hidden = !playing;
      renderIfChanged(notes, panel?.notes ?? [], (list) =>
        replaceChildren(notes, list.map((n) => h("li", {}, h("span", { class: "line-round" }, `R${n.round}`), h("span", {}, n.text)))),
      );
    },
    focus() {
      text.focus();
    },
  };
}
