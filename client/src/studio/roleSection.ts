import { ROLES, type Role } from "../../../shared/engine/roles.js";
import { HOT_BUTTON_NUMBERS } from "../../../shared/engine/scenario.js";
import { h } from "../ui/dom.js";
import { roleLabel } from "../view/labels.js";
import { getAt, isObject, moveAt, removeAt, type Doc, type JsonObject } from "./document.js";
import { addHotButton, addPoint, HOT_BUTTON_KINDS, MAX_VALUED_ONE_BY_ONE, setValuation, setHotButtonKind, setWantsIssue, setWantsStrength, type HotButtonKind, type PointList } from "./draft.js";
import { drawnField, drawnMode } from "./drawnField.js";
import type { Editor } from "./editor.js";
import { factField, factShape } from "./factField.js";
import { inputField, itemTools, section, selectField } from "./fields.js";
import { hotButtonChoices, issueChoices, issueOutlines, objectList, pick, type IssueOutline } from "./choices.js";
import { HOT_BUTTON_WORDS } from "./words.js";

/*
 * One side's confidential brief: the story as that side sees it, the walk-away each table draws,
 * what each term is worth to it, its pressure points, strengths and weaknesses.
 */

export function roleSections(editor: Editor): HTMLElement[] {
  return ROLES.map((role) => roleSection(editor, role));
}

function roleSection(editor: Editor, role: Role): HTMLElement {
  const at = ["roles", role];
  const word = roleLabel(role);
  return section(
    at,
    `The ${role}'s brief`,
    { class: `studio-role side-${role}` },
    inputField(editor, { path: [...at, "brief"], label: `${word}'s brief (only the ${role} reads it)`, multiline: true }),
    section(
      [...at, "walkAway"],
      "Walk-away, drawn for each table",
      { class: "studio-sub" },
      h(
        "p",
        { class: "hint" },
        role === "buyer" ? "The highest net cost the buyer may accept: price minus what the other terms are worth to them." : "The lowest net revenue the seller may accept: price minus what the other terms cost them.",
      ),
      h(
        "div",
        { class: "studio-row" },
        inputField(editor, { path: [...at, "walkAway", "min"], label: "From", typed: "number" }),
        inputField(editor, { path: [...at, "walkAway", "max"], label: "To", typed: "number" }),
        inputField(editor, { path: [...at, "walkAway", "step"], label: "Step", typed: "number", className: "narrow" }),
      ),
      editor.region("div", {}, (doc) => drawnMode(doc, [...at, "target"]), (doc) => drawnField(editor, doc, [...at, "target"], "Target (optional: the figure this side aims for)")),
    ),
    section(
      [...at, "values"],
      role === "buyer" ? "What each term is worth to the buyer" : "What each term costs the seller",
      { class: "studio-sub" },
      editor.region("div", { class: "studio-list" }, (doc) => issueOutlines(doc), (doc) => valueGroups(editor, doc, role)),
    ),
    section(
      [...at, "hotButtons"],
      "Pressure points",
      { class: "studio-sub" },
      editor.region(
        "div",
        { class: "studio-list" },
        (doc) => [
          objectList(doc, [...at, "hotButtons"]).map((hb, i) => [
            ...pick(hb, ["kind", "issueId", "mustHave", "costIfMissing", "optionId", "value"]),
            ...DRAWN_FIGURES.map((k) => drawnMode(doc, [...at, "hotButtons", i, k])),
          ]),
          issueOutlines(doc),
        ],
        (doc) => objectList(doc, [...at, "hotButtons"]).map((hb, i, all) => hotButtonGroup(editor, doc, role, hb, i, all.length)),
      ),
      h(
        "div",
        { class: "studio-add" },
        HOT_BUTTON_KINDS.map((kind) =>
          h(
            "button",
            {
              type: "button",
              class: "small",
              id: `add-${role}-${kind}`,
              onclick: () => editor.change((d) => addHotButton(d, role, kind), `roles.${role}.hotButtons[${objectList(editor.doc(), [...at, "hotButtons"]).length}].label`),
            },
            `+ ${HOT_BUTTON_WORDS[kind]?.split(" (")[0]}`,
          ),
        ),
      ),
    ),
    pointsSection(editor, role, "strengths"),
    pointsSection(editor, role, "weaknesses"),
  );
}

function valueGroups(editor: Editor, doc: Doc, role: Role): HTMLElement[] {
  const at = ["roles", role, "values"];
  return issueOutlines(doc).flatMap((issue): HTMLElement[] => {
    if (issue.kind === "price") return [];
    const title = issue.label || issue.id || `Issue ${issue.index + 1}`;
    if (issue.id === "") return [h("p", { class: "hint" }, `${title}: give the issue an id first.`)];
    const path = [...at, issue.id];
    if (issue.kind === "options")
      return [
        section(
          path,
          title,
          { class: "studio-sub" },
          h(
            "div",
            { class: "studio-row" },
            issue.options.map((o, j) =>
              o.value === ""
                ? h("p", { class: "hint" }, `Option ${j + 1}: give it an id first.`)
                : inputField(editor, { path: [...path, "byOption", o.value], label: o.label || o.value, typed: "number" }),
            ),
          ),
        ),
      ];
    const oneByOne = isObject(getAt(doc, [...path, "byValue"]));
    const countable = issue.values.length > 0 && issue.values.length <= MAX_VALUED_ONE_BY_ONE;
    return [
      section(
        path,
        title,
        { class: "studio-sub" },
        countable || oneByOne
          ? selectField(editor, {
              path: [...path, "by"],
              label: "Valued",
              value: oneByOne ? "value" : "ends",
              choices: [
                { value: "ends", label: "At both ends, in a straight line between" },
                { value: "value", label: "Value by value" },
              ],
              apply: (d, v) => setValuation(d, role, issue.index, v === "value" ? "value" : "ends"),
            })
          : null,
        oneByOne
          ? h(
              "div",
              { class: "studio-row" },
              issue.values.map((v) => inputField(editor, { path: [...path, "byValue", String(v)], label: `At ${v}${issue.unit ? ` ${issue.unit}` : ""}`, typed: "number", className: "narrow" })),
            )
          : h("div", { class: "studio-row" }, endField(editor, issue, path, "atMin", 0), endField(editor, issue, path, "atMax", 1)),
      ),
    ];
  });
}

function endField(editor: Editor, issue: IssueOutline, path: readonly (string | number)[], key: "atMin" | "atMax", end: 0 | 1): HTMLElement {
  const figure = issue.ends[end];
  const where = typeof figure === "number" ? `At ${figure}${issue.unit ? ` ${issue.unit}` : ""}` : end === 0 ? "At the lowest value" : "At the highest value";
  return inputField(editor, { path: [...path, key], label: where, typed: "number" });
}

function hotButtonGroup(editor: Editor, doc: Doc, role: Role, hb: JsonObject, i: number, count: number): HTMLElement {
  const at = ["roles", role, "hotButtons", i];
  const kind = typeof hb.kind === "string" ? hb.kind : "";
  return section(
    at,
    `Pressure point ${i + 1}`,
    { class: "studio-item" },
    itemTools(editor, "pressure point", i, count, { move: (d, from, to) => moveAt(d, ["roles", role, "hotButtons"], from, to), remove: (d) => removeAt(d, ["roles", role, "hotButtons"], i) }),
    h(
      "div",
      { class: "studio-row" },
      selectField(editor, {
        path: [...at, "kind"],
        label: "Kind",
        choices: HOT_BUTTON_KINDS.map((k) => ({ value: k, label: HOT_BUTTON_WORDS[k] ?? k })),
        apply: (d, v) => setHotButtonKind(d, role, i, v as HotButtonKind),
      }),
      inputField(editor, { path: [...at, "label"], label: "Label", placeholder: "e.g. Quarter close" }),
      inputField(editor, { path: [...at, "id"], label: "Id", className: "narrow" }),
    ),
    inputField(editor, { path: [...at, "text"], label: "What the brief says", multiline: true, hint: placeholderHint(kind) }),
    kindFields(editor, doc, role, hb, kind, at),
  );
}

/** The figures a hot button may draw, as the format names them (one list for every kind). */
const DRAWN_FIGURES: readonly string[] = [...new Set(Object.values(HOT_BUTTON_NUMBERS).flat())];

function placeholderHint(kind: string): string {
  const names: readonly string[] = Object.hasOwn(HOT_BUTTON_NUMBERS, kind) ? HOT_BUTTON_NUMBERS[kind as keyof typeof HOT_BUTTON_NUMBERS] : [];
  return names.length === 0 ? "" : `May use ${names.map((n) => `{${n}}`).join(" and ")}: filled in with the table's draw.`;
}

function kindFields(editor: Editor, doc: Doc, role: Role, hb: JsonObject, kind: string, at: (string | number)[]): HTMLElement | null {
  switch (kind) {
    case "deadline":
      return h("div", {}, drawnField(editor, doc, [...at, "afterRound"], "Costs start after round"), drawnField(editor, doc, [...at, "costPerRound"], "Cost per round"));
    case "compliance":
      return h("div", {}, drawnField(editor, doc, [...at, "byRound"], "Deal needed by round"), drawnField(editor, doc, [...at, "penalty"], "Penalty if later"));
    case "budgetCap":
      return h(
        "div",
        {},
        selectField(editor, { path: [...at, "issueId"], label: "Capped issue", choices: issueChoices(doc, ["price", "range"]) }),
        drawnField(editor, doc, [...at, "max"], "Highest allowed"),
      );
    case "wants": {
      const issueId = typeof hb.issueId === "string" ? hb.issueId : "";
      const issue = issueOutlines(doc).find((o) => o.id === issueId && issueId !== "");
      const must = hb.mustHave === true;
      return h(
        "div",
        {},
        h(
          "div",
          { class: "studio-row" },
          selectField(editor, { path: [...at, "issueId"], label: "The term", choices: issueChoices(doc, ["range", "options"]), apply: (d, v) => setWantsIssue(d, role, Number(at[3]), v) }),
        issue?.kind === "options"
          ? selectField(editor, { path: [...at, "optionId"], label: "Wants the option", choices: issue.options })
          : issue
            ? inputField(editor, { path: [...at, "value"], label: "Wants the value", typed: "number", className: "narrow" })
            : null,
        selectField(editor, {
          path: [...at, "strength"],
          label: "How much",
          value: must ? "mustHave" : "costIfMissing",
          choices: [
            { value: "mustHave", label: "Must have it" },
            { value: "costIfMissing", label: "Costs money if missing" },
          ],
          apply: (d, v) => setWantsStrength(d, role, Number(at[3]), v === "mustHave" ? "mustHave" : "costIfMissing"),
          }),
        ),
        must ? null : drawnField(editor, doc, [...at, "costIfMissing"], "Cost if missing"),
      );
    }
    default:
      return null;
  }
}

function pointsSection(editor: Editor, role: Role, list: PointList): HTMLElement {
  const at = ["roles", role, list];
  return section(
    at,
    list === "strengths" ? "Strengths" : "Weaknesses",
    { class: "studio-sub" },
    editor.region(
      "div",
      { class: "studio-list" },
      (doc) => [objectList(doc, at).map((_, i) => factShape(doc, [...at, i, "tiedTo"])), hotButtonChoices(doc, role), issueChoices(doc, ["range", "options"])],
      (doc) =>
        objectList(doc, at).map((_, i, all) =>
          h(
            "div",
            { class: "studio-item point", "data-section": `roles.${role}.${list}[${i}]` },
            h("p", { class: "field-problem", hidden: true }),
            h(
              "div",
              { class: "studio-row" },
              inputField(editor, { path: [...at, i, "text"], label: `${list === "strengths" ? "Strength" : "Weakness"} ${i + 1}`, multiline: true }),
              inputField(editor, { path: [...at, i, "id"], label: "Id", className: "narrow" }),
            ),
            factField(editor, doc, [...at, i, "tiedTo"], role, "Tied to", true),
            itemTools(editor, list === "strengths" ? "strength" : "weakness", i, all.length, { move: (d, from, to) => moveAt(d, at, from, to), remove: (d) => removeAt(d, at, i) }),
          ),
        ),
    ),
    h(
      "button",
      {
        type: "button",
        class: "small",
        id: `add-${role}-${list}`,
        onclick: () => editor.change((d) => addPoint(d, role, list), `roles.${role}.${list}[${objectList(editor.doc(), at).length}].text`),
      },
      list === "strengths" ? "+ Strength" : "+ Weakness",
    ),
  );
}
