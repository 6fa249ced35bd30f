import { h } from "../ui/dom.js";
import { getAt, isObject, type Doc, type Path } from "./document.js";
import { setFact, type FactKind } from "./draft.js";
import type { Editor } from "./editor.js";
import { selectField } from "./fields.js";
import { hotButtonChoices, issueChoices } from "./choices.js";
import { FACT_CHOICES } from "./words.js";
import { pathText } from "./paths.js";

/**
 * A fact about one side (`owner`): its walk-away, one of its pressure points, or what a term is
 * worth to it. Points are tied to facts, answers and cards reveal them.
 */
export function factField(editor: Editor, doc: Doc, path: Path, owner: string, label: string, optional: boolean): HTMLElement {
  const fact = getAt(doc, path);
  const kind = isObject(fact) && typeof fact.kind === "string" ? fact.kind : "";
  return h(
    "div",
    { class: "studio-fact", "data-section": pathText(path) },
    h("p", { class: "field-problem", hidden: true }),
    h(
      "div",
      { class: "studio-row" },
      selectField(editor, {
      path: [...path, "kind"],
      label,
      value: kind,
      choices: optional ? FACT_CHOICES : FACT_CHOICES.filter((c) => c.value !== ""),
      apply: (d, v) => setFact(d, path, v === "" ? null : (v as FactKind)),
    }),
    kind === "hotButton" ? selectField(editor, { path: [...path, "id"], label: `Which of the ${owner}'s pressure points`, choices: hotButtonChoices(doc, owner) }) : null,
    kind === "value" ? selectField(editor, { path: [...path, "issueId"], label: "Which term", choices: issueChoices(doc, ["range", "options"]) }) : null,
    ),
  );
}

/** The parts of a fact that decide which fields are drawn. */
export function factShape(doc: Doc, path: Path): unknown {
  const fact = getAt(doc, path);
  return isObject(fact) ? [fact.kind, fact.id, fact.issueId] : null;
}
