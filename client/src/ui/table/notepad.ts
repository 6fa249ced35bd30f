import { MAX_NOTE_LENGTH, MAX_NOTEPAD_CHARS, MAX_NOTES_PER_SIDE } from "../../../../shared/engine/actions.js";
import type { PrivatePanelVM } from "../../view/privatePanel.js";
import { h, renderIfChanged, replaceChildren } from "../dom.js";

/** The private notepad: notes are kept with the game and shown in your debrief. */
export function notepad(save: (text: string) => void) {
  const text = h("textarea", { id: "notepad", rows: 3, maxlength: MAX_NOTE_LENGTH, placeholder: "What did you notice? (only you see this)" });
  const button = h("button", { type: "submit" }, "Save note");
  const notes = h("ol", { class: "notes" });
  const full = h("p", { class: "hint notepad-full", role: "status" });
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
  const el = h("section", { class: "section notepad", "aria-labelledby": "notepad-title" }, h("h2", { id: "notepad-title" }, "Notepad"), full, form, notes);
  return {
    el,
    show(panel: PrivatePanelVM | null, playing: boolean) {
      el.hidden = panel === null;
      const list = panel?.notes ?? [];
      // The table refuses notes past the caps (rule/notepad_full): say so before anyone types one.
      const left = MAX_NOTEPAD_CHARS - list.reduce((n, note) => n + note.text.length, 0);
      const isFull = list.length >= MAX_NOTES_PER_SIDE || left <= 0;
      full.textContent = isFull ? `Your notepad is full (${MAX_NOTES_PER_SIDE} notes or ${MAX_NOTEPAD_CHARS.toLocaleString("en-US")} characters). Your notes are kept for your debrief.` : "";
      full.hidden = !isFull || !playing;
      form.hidden = !playing || isFull;
      text.maxLength = Math.max(0, Math.min(MAX_NOTE_LENGTH, left));
      renderIfChanged(notes, panel?.notes ?? [], (list) =>
        replaceChildren(notes, list.map((n) => h("li", {}, h("span", { class: "line-round" }, `R${n.round}`), h("span", {}, n.text)))),
      );
    },
    focus() {
      text.focus();
    },
  };
}
