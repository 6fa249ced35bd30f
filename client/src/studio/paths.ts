import { formatPath } from "../../../shared/engine/scenario.js";
import type { Path } from "./document.js";

/*
 * Problems name the place they are about by path (`issues[2].options[0].id`), and every input of
 * the studio carries the path of the field it edits: this is how a problem finds its field.
 */

export function pathText(path: Path): string {
  return formatPath(path);
}

/**
 * `roles.buyer.values.loans.byOption.same-day` → ["roles", "buyer", …]; `[n]` is a list index and
 * `["48 hours"]` a key that does not read well after a dot (a label with spaces), quoted as JSON.
 */
export function parsePath(text: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of text.match(/\[\d+\]|\["(?:[^"\\]|\\.)*"\]|[^.[\]]+/g) ?? []) {
    if (part.startsWith('["')) keys.push(JSON.parse(part.slice(1, -1)) as string);
    else keys.push(part.startsWith("[") ? Number(part.slice(1, -1)) : part);
  }
  return keys;
}

/** Where a problem is shown: beside its field, else in the nearest section that holds it, else at the top. */
export type Place = { readonly kind: "field" | "section"; readonly path: string } | { readonly kind: "top" };

export function placeProblem(problemPath: string, fields: ReadonlySet<string>, sections: ReadonlySet<string>): Place {
  const keys = parsePath(problemPath);
  for (let n = keys.length; n > 0; n--) {
    const path = formatPath(keys.slice(0, n));
    if (fields.has(path)) return { kind: "field", path };
    if (sections.has(path)) return { kind: "section", path };
  }
  return { kind: "top" };
}

/** An element id for a field's path: ids may hold any character but white space. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\s/g, "_")}`;
}
