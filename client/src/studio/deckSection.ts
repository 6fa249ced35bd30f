import { otherRole, type Role } from "../../../shared/engine/roles.js";
import { h } from "../ui/dom.js";
import { getAt, isObject, moveAt, removeAt, type Doc, type JsonObject } from "./document.js";
import { addCard, EFFECT_KINDS, setChangeValueIssue, setEffectKind, type EffectKind } from "./draft.js";
import type { Editor } from "./editor.js";
import { factField, factShape } from "./factField.js";
import { inputField, itemTools, section, selectField } from "./fields.js";
import { hotButtonChoices, issueChoices, issueOutlines, objectList, pick } from "./choices.js";
import { EFFECT_WORDS, ROLE_CHOICES } from "./words.js";

/*
 * Curve balls: a deck of cards drawn during the game (from a round on, with a chance each
 * round, up to a number of cards). Each card lands on one side and changes its numbers.
 */

export function deckSection(editor: Editor): HTMLElement {
  const at = ["deck", "cards"];
  return section(
    ["deck"],
    "Curve-ball cards",
    { class: "studio-deck" },
    h(
      "div",
      { class: "studio-row" },
      inputField(editor, { path: ["deck", "firstRound"], label: "First possible round", typed: "number", className: "narrow" }),
      inputField(editor, { path: ["deck", "chancePerRound"], label: "Chance each round", typed: "number", hint: "From 0 to 1, e.g. 0.3", className: "narrow" }),
      inputField(editor, { path: ["deck", "maxCards"], label: "Most cards a game", typed: "number", hint: "0 turns curve balls off", className: "narrow" }),
    ),
    editor.region(
      "div",
      { class: "studio-list" },
      (doc) => [
        objectList(doc, at).map((c, i) => [c.side, ...pick(c.effect, ["kind", "issueId", "optionId"]), Object.keys(isObject(getAt(doc, [...at, i, "effect", "value"])) ? (getAt(doc, [...at, i, "effect", "value"]) as JsonObject) : {}), factShape(doc, [...at, i, "effect", "fact"])]),
        issueOutlines(doc),
        hotButtonChoices(doc, "buyer"),
        hotButtonChoices(doc, "seller"),
      ],
      (doc) => objectList(doc, at).map((card, i, all) => cardGroup(editor, doc, card, i, all.length)),
    ),
    h("button", { type: "button", id: "add-card", onclick: () => editor.change(addCard, `deck.cards[${objectList(editor.doc(), at).length}].title`) }, "+ Card"),
  );
}

function cardGroup(editor: Editor, doc: Doc, card: JsonObject, i: number, count: number): HTMLElement {
  const at = ["deck", "cards", i];
  const side: Role = card.side === "seller" ? "seller" : "buyer";
  const effect = isObject(card.effect) ? card.effect : {};
  const kind = typeof effect.kind === "string" ? effect.kind : "";
  return section(
    at,
    `Card ${i + 1}`,
    { class: "studio-item" },
    itemTools(editor, "card", i, count, { move: (d, from, to) => moveAt(d, ["deck", "cards"], from, to), remove: (d) => removeAt(d, ["deck", "cards"], i) }),
    h(
      "div",
      { class: "studio-row" },
      inputField(editor, { path: [...at, "title"], label: "Title", placeholder: "e.g. A rival quotes" }),
      inputField(editor, { path: [...at, "id"], label: "Id", className: "narrow" }),
    ),
    inputField(editor, { path: [...at, "text"], label: "What the card says", multiline: true, hint: "May use {by} or {amount} where the effect has that figure." }),
    h(
      "div",
      { class: "studio-row" },
      selectField(editor, { path: [...at, "side"], label: "Lands on", choices: ROLE_CHOICES }),
      selectField(editor, {
        path: [...at, "visibility"],
        label: "Who sees it",
        choices: [
          { value: "private", label: "Only that side" },
          { value: "public", label: "Both sides" },
        ],
      }),
      selectField(editor, {
        path: [...at, "effect", "kind"],
        label: "Effect",
        choices: EFFECT_KINDS.map((k) => ({ value: k, label: EFFECT_WORDS[k] ?? k })),
        apply: (d, v) => setEffectKind(d, i, v as EffectKind),
      }),
    ),
    effectFields(editor, doc, [...at, "effect"], kind, side, i),
  );
}

function effectFields(editor: Editor, doc: Doc, at: (string | number)[], kind: string, side: Role, cardIndex: number): HTMLElement | null {
  switch (kind) {
    case "shiftWalkAway":
      return inputField(editor, { path: [...at, "by"], label: "Moves the walk-away by", typed: "number", hint: "Negative lowers it." });
    case "changeDeadline":
      return inputField(editor, { path: [...at, "by"], label: "Rounds added", typed: "number", hint: "Negative takes rounds away; not 0." });
    case "perRoundCost":
      return inputField(editor, { path: [...at, "amount"], label: "Cost per further round", typed: "number" });
    case "changeValue": {
      const issueId = getAt(doc, [...at, "issueId"]);
      const issue = issueOutlines(doc).find((o) => o.id === issueId && o.id !== "");
      return h(
        "div",
        {},
        selectField(editor, { path: [...at, "issueId"], label: "The term", choices: issueChoices(doc, ["range", "options"]), apply: (d, v) => setChangeValueIssue(d, cardIndex, v) }),
        section(
          [...at, "value"],
          "Now worth",
          { class: "studio-sub" },
          h(
            "div",
            { class: "studio-row" },
            issue?.kind === "options"
              ? issue.options.map((o) => inputField(editor, { path: [...at, "value", "byOption", o.value], label: o.label || o.value, typed: "number" }))
              : [
                  inputField(editor, { path: [...at, "value", "atMin"], label: "At the lowest value", typed: "number" }),
                  inputField(editor, { path: [...at, "value", "atMax"], label: "At the highest value", typed: "number" }),
                ],
          ),
        ),
      );
    }
    case "shiftValue": {
      const issueId = getAt(doc, [...at, "issueId"]);
      const issue = issueOutlines(doc).find((o) => o.id === issueId && o.id !== "");
      return h(
        "div",
        { class: "studio-row" },
        selectField(editor, { path: [...at, "issueId"], label: "The term", choices: issueChoices(doc, ["range", "options"]) }),
        issue?.kind === "options" ? selectField(editor, { path: [...at, "optionId"], label: "Option", choices: [{ value: "", label: "Every option" }, ...issue.options] }) : null,
        inputField(editor, { path: [...at, "by"], label: "Shifts its worth by", typed: "number" }),
      );
    }
    case "reveal":
      return factField(editor, doc, [...at, "fact"], otherRole(side), `Reveals, about the ${otherRole(side)}`, false);
    default:
      return null;
  }
}
