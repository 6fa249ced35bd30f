import { ApiFailure, createScenario, updateScenario } from "../net/api.js";
import { h, replaceChildren } from "../ui/dom.js";
import type { Editor } from "./editor.js";
import type { EditKeys } from "./editKeys.js";

/*
 * Saving a case to this server's library. The first save of an id hands out its edit key,
 * kept in this browser (and shown once, to copy somewhere safe); later saves of that id are
 * new versions. A saved case can be played at once: a workshop opens on it.
 */

export function savePanel(editor: Editor, keys: EditKeys, openWorkshop: (scenarioId: string) => void): HTMLElement {
  const button = h("button", { type: "button", class: "primary", id: "studio-save" }, "Save to this server");
  const result = h("div", { class: "studio-saved", id: "studio-save-result", role: "status" });
  const error = h("p", { class: "form-error", id: "studio-save-error", role: "alert" });

  button.addEventListener("click", () => {
    error.textContent = "";
    editor.revealAll();
    const checked = editor.checked();
    if (checked.problems.length > 0) {
      error.textContent = `Fix the ${checked.problems.length === 1 ? "problem" : `${checked.problems.length} problems`} listed above first.`;
      return;
    }
    const doc = checked.doc;
    const id = typeof doc.id === "string" ? doc.id : "";
    const key = keys.get(id);
    button.disabled = true;
    const saving = key ? updateScenario(id, key, doc).then((saved) => ({ ...saved, editKey: null })) : createScenario(doc);
    saving.then(
      (saved) => {
        button.disabled = false;
        if (saved.editKey) keys.set(saved.id, saved.editKey);
        replaceChildren(
          result,
          h("p", { class: "studio-saved-line" }, `Saved as version ${saved.version}.`),
          saved.editKey ? keyNotice(saved.editKey) : null,
          h("button", { type: "button", id: "studio-open-workshop", onclick: () => openWorkshop(saved.id) }, "Open a workshop on this case"),
        );
      },
      (failure: unknown) => {
        button.disabled = false;
        if (failure instanceof ApiFailure && failure.problems.length > 0) {
          editor.addProblems(failure.problems);
          const n = failure.problems.length;
          error.textContent = `The server found ${n === 1 ? "1 problem" : `${n} problems`} in the case.`;
        } else if (failure instanceof ApiFailure && failure.status === 409) {
          editor.addProblems([{ path: "id", message: "is taken by another case on this server: choose another id" }]);
          error.textContent = failure.message;
        } else error.textContent = failure instanceof ApiFailure ? failure.message : "Could not save the case.";
      },
    );
  });

  return h("section", { class: "studio-save", "aria-labelledby": "studio-save-title" }, h("h2", { id: "studio-save-title" }, "Save"), button, error, result);
}

/** Shown once, after the first save: the key is this case's only proof of ownership. */
function keyNotice(key: string): HTMLElement {
  const field = h("input", { id: "studio-edit-key", readonly: true, value: key });
  const copied = h("span", { class: "hint", role: "status" });
  const copy = () => {
    field.select();
    navigator.clipboard?.writeText(key).then(
      () => (copied.textContent = "Copied."),
      () => (copied.textContent = "Selected: copy it with Ctrl+C."),
    ) ?? (copied.textContent = "Selected: copy it with Ctrl+C.");
  };
  return h(
    "div",
    { class: "studio-key" },
    h("p", {}, "This case's edit key is saved in this browser. Only this key lets anyone change the case later: keep a copy somewhere safe."),
    h("div", { class: "field" }, h("label", { for: field.id }, "Edit key"), field),
    h("button", { type: "button", class: "small", onclick: copy }, "Copy the key"),
    copied,
  );
}
