import { calibratePanel } from "./calibratePanel.js";
import { ApiFailure, listScenarios, scenarioDocument, type ListedScenario } from "../net/api.js";
import { brand } from "../ui/brand.js";
import { h, replaceChildren } from "../ui/dom.js";
import { basicsSection } from "./basicsSection.js";
import { readCaseFile } from "./caseFile.js";
import { deckSection } from "./deckSection.js";
import type { Doc } from "./document.js";
import { emptyDraft } from "./draft.js";
import { Editor } from "./editor.js";
import { EditKeys } from "./editKeys.js";
import { fileTools } from "./fileTools.js";
import { issuesSection } from "./issuesSection.js";
import { previewPanel } from "./previewPanel.js";
import { printBriefs } from "./printBriefs.js";
import { problemSummary } from "./problemSummary.js";
import { questionsSection } from "./questionsSection.js";
import { roleSections } from "./roleSection.js";
import { savePanel } from "./savePanel.js";
import "./studio.css";

/*
 * The case studio: a trainer writes a case (from an empty form, or from a copy), sees each
 * problem beside its field as they type and each role's brief as players will, then exports,
 * prints or saves it. The form is on the left, everything about the case as a whole on the right.
 */

/** How the studio was opened: a new case, a copy of any case, or a new version of one's own. */
export type StudioStart = { readonly kind: "new" } | { readonly kind: "copy" | "edit"; readonly scenarioId: string };

export type StudioDeps = { readonly navigate: (path: string) => void };

export const studioPath = (start: StudioStart) => (start.kind === "new" ? "/studio" : `/studio/${start.kind}/${encodeURIComponent(start.scenarioId)}`);

export function renderStudio(root: HTMLElement, deps: StudioDeps, start: StudioStart): () => void {
  const keys = new EditKeys(window.localStorage);
  const form = h("form", { class: "studio-form", novalidate: true, "aria-label": "The case" });
  form.addEventListener("submit", (event) => event.preventDefault());
  const editor = new Editor(form, emptyDraft());
  const summary = problemSummary(editor);
  const preview = previewPanel();
  const print = printBriefs();

  // A case loaded whole (an import, a copy) redraws every field.
  form.append(editor.region("div", { class: "studio-sections" }, () => editor.generation(), () => formSections(editor)));
  const side = h("aside", { class: "studio-side", "aria-label": "Check, preview and save" }, sidePanels(editor, keys, deps, preview.el));
  const notice = h("p", { class: "form-error", id: "studio-start-error", role: "alert" });
  const page = h(
    "div",
    { class: "studio" },
    h(
      "header",
      { class: "studio-top" },
      brand(),
      h("h1", {}, start.kind === "edit" ? "Case studio — a new version" : "Case studio"),
      h("p", { class: "hint" }, "Write a negotiation case for your class: the story, the terms, each side's confidential brief and the curve balls."),
      startFrom(deps, keys),
      notice,
    ),
    h("main", { class: "studio-grid" }, form, h("div", { class: "studio-right" }, summary.el, side)),
    print.el,
  );
  replaceChildren(root, page);
  document.title = "Parley — case studio";

  editor.onChecked((checked) => {
    summary.show(checked);
    preview.show(checked);
    print.show(checked.scenario);
  });
  editor.settle();

  let cancelled = false;
  if (start.kind !== "new") {
    scenarioDocument(start.scenarioId, start.kind === "edit" ? keys.get(start.scenarioId) : null).then(
      (body) => {
        if (cancelled) return;
        const read = readCaseFile(JSON.stringify(body));
        if (!read.ok) notice.textContent = "The server sent something that is not a case.";
        else editor.load(start.kind === "copy" ? asCopy(read.doc) : read.doc);
      },
      (error: unknown) => {
        if (!cancelled) notice.textContent = error instanceof ApiFailure ? error.message : "Could not open that case.";
      },
    );
  }
  return () => {
    cancelled = true;
    editor.dispose();
  };
}

/** The form, top to bottom: the case, its issues, each side's brief, discovery, curve balls. */
function formSections(editor: Editor): HTMLElement[] {
  return [basicsSection(editor), issuesSection(editor), ...roleSections(editor), questionsSection(editor), deckSection(editor)];
}

/** The right-hand column, top to bottom: save, print, preview, calibrate, files. */
function sidePanels(editor: Editor, keys: EditKeys, deps: StudioDeps, preview: HTMLElement): HTMLElement[] {
  return [
    savePanel(editor, keys, (id) => deps.navigate(`/workshop?scenario=${encodeURIComponent(id)}`)),
    printTools(editor),
    preview,
    calibratePanel(() => editor.doc()),
    fileTools(editor),
  ];
}

function printTools(editor: Editor): HTMLElement {
  const error = h("p", { class: "form-error", role: "alert" });
  const print = () => {
    editor.revealAll();
    const n = editor.checked().problems.length;
    error.textContent = n > 0 ? "Fix the problems listed above first: only a complete case prints." : "";
    if (n === 0) window.print();
  };
  return h(
    "section",
    { class: "studio-print", "aria-labelledby": "studio-print-title" },
    h("h2", { id: "studio-print-title" }, "Paper briefs"),
    h("p", { class: "hint" }, "One page per role, for a class without screens. Choose “Save as PDF” in the print dialog for a file."),
    h("button", { type: "button", id: "studio-print", onclick: print }, "Print briefs"),
    error,
  );
}

/** A copy is a new case: it needs an id of its own. */
function asCopy(doc: Doc): Doc {
  const id = typeof doc.id === "string" ? doc.id : "case";
  const title = typeof doc.title === "string" ? doc.title : "";
  return { ...doc, id: `${id}-copy`.slice(0, 40), title: `${title} (copy)` };
}

/** Start from a copy of any case on this server, or open one of the trainer's own for a new version. */
function startFrom(deps: StudioDeps, keys: EditKeys): HTMLElement {
  const select = h("select", { id: "studio-start-from", disabled: true }, h("option", {}, "Loading the cases…"));
  const copy = h("button", { type: "button", class: "small", id: "studio-copy", disabled: true }, "Start from a copy");
  const edit = h("button", { type: "button", class: "small", id: "studio-edit", hidden: true }, "Edit my case");
  let listed: readonly ListedScenario[] = [];
  const chosen = () => listed.find((s) => s.id === select.value);
  const update = () => (edit.hidden = chosen()?.editable !== true);
  select.addEventListener("change", update);
  copy.addEventListener("click", () => chosen() && deps.navigate(studioPath({ kind: "copy", scenarioId: select.value })));
  edit.addEventListener("click", () => chosen() && deps.navigate(studioPath({ kind: "edit", scenarioId: select.value })));
  listScenarios(keys.keys()).then(
    (list) => {
      listed = list;
      replaceChildren(select, list.map((s) => h("option", { value: s.id }, s.editable ? `${s.title} (yours)` : s.title)));
      select.disabled = copy.disabled = list.length === 0;
      update();
    },
    () => replaceChildren(select, h("option", {}, "The cases could not be loaded")),
  );
  return h(
    "div",
    { class: "studio-start" },
    h("div", { class: "field" }, h("label", { for: select.id }, "Start from an existing case"), select),
    copy,
    edit,
    h("button", { type: "button", class: "small", id: "studio-new", onclick: () => deps.navigate(studioPath({ kind: "new" })) }, "New empty case"),
  );
}
