import { isObject, listAt, type Doc, type JsonObject } from "./document.js";
import { numericValues, optionId, optionLabel } from "./draft.js";
import type { Choice } from "./fields.js";

/*
 * What the studio's pickers offer, read from the document as it stands: the issues, their
 * options, each side's hot buttons. Each is also the "shape" a region is redrawn on.
 */

export type IssueOutline = { readonly index: number; readonly kind: string; readonly id: string; readonly label: string; readonly unit: string; readonly ends: readonly [unknown, unknown]; readonly values: readonly number[]; readonly options: readonly Choice[] };

export function issueOutlines(doc: Doc): IssueOutline[] {
  return listAt(doc, ["issues"]).flatMap((issue, index) => {
    if (!isObject(issue)) return [];
    const text = (key: string) => (typeof issue[key] === "string" ? (issue[key] as string) : "");
    const listed = Array.isArray(issue.values) ? issue.values : null;
    return [
      {
        index,
        kind: text("kind"),
        id: text("id"),
        label: text("label"),
        unit: text("unit"),
        ends: listed ? [listed[0], listed.at(-1)] : [issue.min, issue.max],
        values: issue.kind === "range" ? numericValues(issue) : [],
        options: listAt(issue, ["options"]).map((o) => ({ value: optionId(o), label: optionLabel(o) || optionId(o) })),
      },
    ];
  });
}

export function issueChoices(doc: Doc, kinds: readonly string[]): Choice[] {
  return issueOutlines(doc)
    .filter((i) => kinds.includes(i.kind) && i.id !== "")
    .map((i) => ({ value: i.id, label: i.label ? `${i.label} (${i.id})` : i.id }));
}

export function hotButtonChoices(doc: Doc, role: string): Choice[] {
  return listAt(doc, ["roles", role, "hotButtons"]).flatMap((hb) =>
    isObject(hb) && typeof hb.id === "string" && hb.id !== "" ? [{ value: hb.id, label: typeof hb.label === "string" && hb.label ? `${hb.label} (${hb.id})` : hb.id }] : [],
  );
}

export function objectList(doc: Doc, path: readonly (string | number)[]): JsonObject[] {
  return listAt(doc, path).map((item) => (isObject(item) ? item : {}));
}

/** The keys of an object in the document that decide which fields are drawn (kinds, ids, modes). */
export function pick(value: unknown, keys: readonly string[]): unknown[] {
  return keys.map((k) => {
    const v = isObject(value) ? value[k] : undefined;
    return isObject(v) ? "object" : v;
  });
}
