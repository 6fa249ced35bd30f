import { h } from "../ui/dom.js";
import type { Editor } from "./editor.js";
import { inputField, section, selectField } from "./fields.js";
import { ROLE_CHOICES } from "./words.js";

/** The case as a whole: its id, what the class reads first, and how long it plays. */
export function basicsSection(editor: Editor): HTMLElement {
  return section(
    null,
    "The case",
    { class: "studio-basics" },
    h(
      "div",
      { class: "studio-row" },
      inputField(editor, { path: ["id"], label: "Case id", hint: "Lower case, digits and dashes, e.g. office-move. It names the file.", placeholder: "office-move" }),
      inputField(editor, { path: ["currency"], label: "Currency", hint: "Three letters: EUR, GBP, USD…", className: "narrow" }),
    ),
    inputField(editor, { path: ["title"], label: "Title", placeholder: "e.g. The office move" }),
    inputField(editor, { path: ["summary"], label: "Summary (one or two sentences on the scenario pickers)", multiline: true }),
    inputField(editor, { path: ["story"], label: "Story (both sides read it)", multiline: true }),
    h(
      "div",
      { class: "studio-row" },
      inputField(editor, { path: ["rounds"], label: "Rounds", typed: "number", hint: "1 to 50", className: "narrow" }),
      inputField(editor, { path: ["turnSeconds"], label: "Seconds per turn", typed: "number", hint: "10 to 900", className: "narrow" }),
      selectField(editor, { path: ["firstMover"], label: "Who opens", choices: ROLE_CHOICES }),
    ),
  );
}
