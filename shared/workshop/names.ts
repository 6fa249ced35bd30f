import { MAX_NAME_LENGTH } from "../protocol/join.js";

/*
 * Display names in one workshop are unique, so the roster, the grid and the debrief never show
 * two "Alex" rows nobody can tell apart. A second Alex becomes "Alex (2)"; names differing only
 * in case or surrounding spaces count as the same.
 */

const key = (name: string) => name.trim().toLocaleLowerCase();

export function uniqueName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(key));
  const base = wanted.trim();
  if (!used.has(key(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(key(candidate))) return candidate;
  }
}
