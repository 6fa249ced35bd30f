/*
 * The studio edits a scenario *document*: the JSON a trainer would write by hand, before the
 * engine's schema parses it. It may be half-written or wrong in any way, so it is typed as JSON,
 * and every change makes a new document (the old one stays valid for comparison and undo-free
 * re-rendering). A path is the list of keys from the root, as parseScenario's problems name them.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Doc = JsonObject;
export type Path = readonly (string | number)[];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function getAt(doc: Json | undefined, path: Path): Json | undefined {
  let at: Json | undefined = doc;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === "number") at = at[key];
    else if (isObject(at) && typeof key === "string" && Object.hasOwn(at, key)) at = at[key];
    else return undefined;
  }
  return at;
}

/** The list at `path`, or an empty one when there is none (a half-written document). */
export function listAt(doc: Json, path: Path): Json[] {
  const list = getAt(doc, path);
  return Array.isArray(list) ? list : [];
}

export function objectAt(doc: Json, path: Path): JsonObject {
  const value = getAt(doc, path);
  return isObject(value) ? value : {};
}

/**
 * The document with `value` at `path`; undefined removes the key (a field left empty is
 * "required", which is what the schema should say). Missing objects on the way are created.
 */
export function setAt(doc: Doc, path: Path, value: Json | undefined): Doc {
  return setIn(doc, path, value) as Doc;
}

function setIn(at: Json | undefined, path: Path, value: Json | undefined): Json | undefined {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (typeof key === "number") {
    const list = Array.isArray(at) ? at.slice() : [];
    const next = setIn(list[key], rest, value);
    if (next === undefined) list.splice(key, 1);
    else list[key] = next;
    return list;
  }
  const object: JsonObject = isObject(at) ? { ...at } : {};
  const next = setIn(object[key], rest, value);
  if (next === undefined) delete object[key];
  else object[key] = next;
  return object;
}

export function insertAt(doc: Doc, listPath: Path, item: Json, index?: number): Doc {
  const list = listAt(doc, listPath).slice();
  list.splice(index ?? list.length, 0, item);
  return setAt(doc, listPath, list);
}

export function removeAt(doc: Doc, listPath: Path, index: number): Doc {
  const list = listAt(doc, listPath).slice();
  list.splice(index, 1);
  return setAt(doc, listPath, list);
}

/** Move an item one place or more within its list; a move past either end is no move. */
export function moveAt(doc: Doc, listPath: Path, from: number, to: number): Doc {
  const list = listAt(doc, listPath).slice();
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return doc;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item as Json);
  return setAt(doc, listPath, list);
}

/** The document's text where a field shows it: numbers as typed, anything else that is not text as nothing. */
export function textAt(doc: Doc, path: Path): string {
  const value = getAt(doc, path);
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "number" || typeof v === "string")) return value.join(", ");
  return "";
}
