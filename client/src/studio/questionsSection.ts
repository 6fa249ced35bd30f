import { otherRole, type Role } from "../../../shared/engine/roles.js";
import { h } from "../ui/dom.js";
import { moveAt, removeAt } from "./document.js";
import { addQuestion } from "./draft.js";
import type { Editor } from "./editor.js";
import { factField, factShape } from "./factField.js";
import { inputField, itemTools, section, selectField } from "./fields.js";
import { hotButtonChoices, issueChoices, objectList } from "./choices.js";
import { ROLE_CHOICES } from "./words.js";

/*
 * Discovery: questions one side may ask, each answered truthfully from the other side's brief
 * (with that side's drawn figures filled in), and the fact an answer reveals.
 */

export function questionsSection(editor: Editor): HTMLElement {
  const at = ["questions"];
  return section(
    at,
    "Questions and answers",
    { class: "studio-questions" },
    h("p", { class: "hint" }, "An answer may use {walkAway} or a pressure point's figures, e.g. {quarter-close.afterRound}: the answering side's draw fills them in."),
    editor.region(
      "div",
      { class: "studio-list" },
      (doc) => [
        objectList(doc, at).map((q, i) => [q.askedBy, factShape(doc, [...at, i, "reveals"])]),
        hotButtonChoices(doc, "buyer"),
        hotButtonChoices(doc, "seller"),
        issueChoices(doc, ["range", "options"]),
      ],
      (doc) =>
        objectList(doc, at).map((q, i, all) => {
          const asker: Role = q.askedBy === "seller" ? "seller" : "buyer";
          return section(
            [...at, i],
            `Question ${i + 1}`,
            { class: "studio-item" },
            itemTools(editor, "question", i, all.length, { move: (d, from, to) => moveAt(d, at, from, to), remove: (d) => removeAt(d, at, i) }),
            h(
              "div",
              { class: "studio-row" },
              selectField(editor, { path: [...at, i, "askedBy"], label: "Asked by", choices: ROLE_CHOICES }),
              inputField(editor, { path: [...at, i, "id"], label: "Id", className: "narrow" }),
            ),
            inputField(editor, { path: [...at, i, "text"], label: "Question", placeholder: "e.g. Is there a date you are working against?" }),
            inputField(editor, { path: [...at, i, "answer"], label: `Answer (given by the ${otherRole(asker)})`, multiline: true }),
            factField(editor, doc, [...at, i, "reveals"], otherRole(asker), `The answer reveals, about the ${otherRole(asker)}`, true),
          );
        }),
    ),
    h("button", { type: "button", id: "add-question", onclick: () => editor.change(addQuestion, `questions[${objectList(editor.doc(), at).length}].text`) }, "+ Question"),
  );
}
