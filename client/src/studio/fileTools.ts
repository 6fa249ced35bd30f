import { h } from "../ui/dom.js";
import { caseFileName, caseFileText, readCaseFile } from "./caseFile.js";
import type { Editor } from "./editor.js";

/** Export the case as a JSON file, or import one (a file, or JSON pasted in). */
export function fileTools(editor: Editor): HTMLElement {
  const status = h("p", { class: "hint", id: "studio-file-status", role: "status" });
  const error = h("p", { class: "form-error", id: "studio-file-error", role: "alert" });
  const take = (text: string, from: string) => {
    const read = readCaseFile(text);
    error.textContent = read.ok ? "" : read.message;
    status.textContent = "";
    if (!read.ok) return;
    editor.load(read.doc);
    const n = editor.checked().problems.length;
    status.textContent = `${from} loaded${n > 0 ? ` with ${n === 1 ? "1 problem" : `${n} problems`} to fix` : ""}.`;
  };

  const file = h("input", { type: "file", id: "studio-import-file", accept: "application/json,.json" });
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    chosen.text().then(
      (text) => take(text, chosen.name),
      () => (error.textContent = "That file could not be read. Nothing was changed."),
    );
    file.value = "";
  });
  const pasted = h("textarea", { id: "studio-import-text", rows: 3, placeholder: "{ \"id\": … }" });

  const exportCase = () => {
    const doc = editor.doc();
    const url = URL.createObjectURL(new Blob([caseFileText(doc)], { type: "application/json" }));
    const link = h("a", { href: url, download: caseFileName(doc), hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = `Exported as ${caseFileName(doc)}.`;
    error.textContent = "";
  };

  return h(
    "section",
    { class: "studio-files", "aria-labelledby": "studio-files-title" },
    h("h2", { id: "studio-files-title" }, "The case file"),
    h("button", { type: "button", id: "studio-export", onclick: exportCase }, "Export JSON"),
    h("div", { class: "field" }, h("label", { for: file.id }, "Import a case file"), file),
    h("div", { class: "field" }, h("label", { for: pasted.id }, "…or paste its JSON"), pasted),
    h("button", { type: "button", id: "studio-import-pasted", onclick: () => take(pasted.value, "The pasted case") }, "Load pasted JSON"),
    status,
    error,
  );
}
