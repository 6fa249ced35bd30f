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

/*
 * A name as a reader sees it is made of graphemes, not UTF-16 units: "Zoë" may be four units,
 * a flag or a family emoji eight or more. Cutting or taking a first letter by units leaves half
 * an emoji (a "�" box), so both go by graphemes.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemes = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

/** The letter on a person's avatar: the first character of their name as a reader sees it, capitalised; "?" for no name. */
export function initialOf(name: string): string {
  const first = graphemes(name.trim())[0];
  return first === undefined ? "?" : first.toLocaleUpperCase();
}

/** A name cut to at most `max` characters (an ellipsis included) where space is tight; whole otherwise. */
export function shortName(name: string, max: number): string {
  const chars = graphemes(name);
  if (chars.length <= max) return name;
  return `${chars.slice(0, Math.max(1, max - 1)).join("").trimEnd()}…`;
}
