import { h } from "../ui/dom.js";
import { listAt, moveAt, type Doc, type JsonObject } from "./document.js";
import { idFromLabel } from "../../../shared/engine/scenarioNormalise.js";
import { addIssue, addOption, removeIssue, removeOption, renameIssue, renameOption, setScale } from "./draft.js";
import type { Editor } from "./editor.js";
import { inputField, itemTools, section, selectField } from "./fields.js";
import { objectList } from "./choices.js";

/*
 * What the two sides negotiate: the price, and any number of numeric and options issues. A
 * numeric issue runs from min to max by step, or lists its values; options are listed from the
 * seller's favourite to the buyer's.
 */

const ISSUE_WORDS: Readonly<Record<string, string>> = { price: "Price", range: "Numeric issue", options: "Options issue" };

export function issuesSection(editor: Editor): HTMLElement {
  const list = editor.region(
    "div",
    { class: "studio-list" },
    (doc) => objectList(doc, ["issues"]).map((issue) => [issue.kind, Array.isArray(issue.values), listAt(issue, ["options"]).map((o) => typeof o)]),
    (doc) => objectList(doc, ["issues"]).map((issue, i, all) => issueGroup(editor, doc, issue, i, all.length)),
  );
  const add = (kind: "range" | "options") => () =>
    editor.change(
      (doc) => addIssue(doc, kind),
      `issues[${listAt(editor.doc(), ["issues"]).length}].id`,
    );
  return section(
    ["issues"],
    "Issues",
    { class: "studio-issues" },
    h("p", { class: "hint" }, "Price is always an issue. Add the other terms the two sides trade: a number (months, days, units) or a choice among options."),
    list,
    h(
      "div",
      { class: "studio-add" },
      h("button", { type: "button", id: "add-range-issue", onclick: add("range") }, "+ Numeric issue"),
      h("button", { type: "button", id: "add-options-issue", onclick: add("options") }, "+ Options issue"),
    ),
  );
}

function issueGroup(editor: Editor, doc: Doc, issue: JsonObject, i: number, count: number): HTMLElement {
  const at = ["issues", i];
  const kind = typeof issue.kind === "string" ? issue.kind : "";
  const tools =
    kind === "price"
      ? null
      : itemTools(editor, "issue", i, count, { move: (d, from, to) => moveAt(d, ["issues"], from, to), remove: (d) => removeIssue(d, i) });
  const label = inputField(editor, { path: [...at, "label"], label: "Label", placeholder: kind === "price" ? "Price" : "e.g. Delivery time" });
  const idField = inputField(editor, {
    path: [...at, "id"],
    label: "Id",
    hint: "Lower case, e.g. delivery. Names the issue in valuations.",
    apply: (d, text) => renameIssue(d, i, text),
    className: "narrow",
  });
  switch (kind) {
    case "price":
      return section(
        at,
        "Price",
        { class: "studio-item" },
        h("div", { class: "studio-row" }, label, inputField(editor, { path: [...at, "unit"], label: "Unit", className: "narrow" })),
        h(
          "div",
          { class: "studio-row" },
          inputField(editor, { path: [...at, "min"], label: "Lowest price", typed: "number" }),
          inputField(editor, { path: [...at, "max"], label: "Highest price", typed: "number" }),
          inputField(editor, { path: [...at, "step"], label: "Step", typed: "number", className: "narrow" }),
          inputField(editor, { path: [...at, "listPrice"], label: "List price", typed: "number", hint: "Optional: the figure on the price list." }),
        ),
      );
    case "range": {
      const listed = Array.isArray(issue.values);
      return section(
        at,
        `Issue ${i + 1}: ${ISSUE_WORDS[kind]}`,
        { class: "studio-item" },
        tools,
        h("div", { class: "studio-row" }, label, idField),
        h(
          "div",
          { class: "studio-row" },
          selectField(editor, {
            path: [...at, "scale"],
            label: "Values",
            value: listed ? "listed" : "spaced",
            choices: [
              { value: "spaced", label: "From min to max by step" },
              { value: "listed", label: "A list of values" },
            ],
            apply: (d, v) => setScale(d, i, v === "listed" ? "listed" : "spaced"),
          }),
          inputField(editor, { path: [...at, "unit"], label: "Unit", placeholder: "e.g. months", className: "narrow" }),
          selectField(editor, {
            path: [...at, "buyerPrefers"],
            label: "The buyer wants it",
            choices: [
              { value: "higher", label: "Higher" },
              { value: "lower", label: "Lower" },
            ],
          }),
        ),
        listed
          ? inputField(editor, { path: [...at, "values"], label: "Values", typed: "numberList", hint: "Separated by commas, e.g. 6, 12, 24" })
          : h(
              "div",
              { class: "studio-row" },
              inputField(editor, { path: [...at, "min"], label: "Min", typed: "number" }),
              inputField(editor, { path: [...at, "max"], label: "Max", typed: "number" }),
              inputField(editor, { path: [...at, "step"], label: "Step", typed: "number" }),
            ),
      );
    }
    case "options":
      return section(
        at,
        `Issue ${i + 1}: ${ISSUE_WORDS[kind]}`,
        { class: "studio-item" },
        tools,
        h("div", { class: "studio-row" }, label, idField),
        section([...at, "options"], "Options, the seller's favourite first", { class: "studio-options" }, optionRows(editor, doc, i)),
      );
    default:
      return section(at, `Issue ${i + 1}`, { class: "studio-item" }, tools, h("p", { class: "hint" }, `This issue's kind “${kind}” is not one the studio knows: price, range or options.`));
  }
}

function optionRows(editor: Editor, doc: Doc, i: number): HTMLElement {
  const path = ["issues", i, "options"];
  const options = listAt(doc, path);
  return h(
    "div",
    { class: "studio-list" },
    options.map((option, j) =>
      h(
        "div",
        { class: "studio-row option-row" },
        typeof option === "string"
          ? inputField(editor, { path: [...path, j], label: `Option ${j + 1}`, hint: `Written as a plain label: its id is “${idFromLabel(option)}”.` })
          : [
              inputField(editor, { path: [...path, j, "label"], label: `Option ${j + 1}`, placeholder: "e.g. Next business day" }),
              inputField(editor, { path: [...path, j, "id"], label: `Option ${j + 1} id`, apply: (d, text) => renameOption(d, i, j, text), className: "narrow" }),
            ],
        itemTools(editor, "option", j, options.length, { move: (d, from, to) => moveAt(d, path, from, to), remove: (d) => removeOption(d, i, j) }),
      ),
    ),
    h(
      "button",
      { type: "button", class: "small", onclick: () => editor.change((d) => addOption(d, i), `issues[${i}].options[${options.length}].label`) },
      "+ Option",
    ),
  );
}
