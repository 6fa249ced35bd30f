import type { Note } from "../engine/state.js";
import type { PerRole, Role } from "../engine/roles.js";
import type { PrivateView, TableView } from "../engine/view.js";

/*
 * How a table view travels: the whole view once (join, reconnect), then after each change only
 * what differs from the view this viewer was last sent. The delta knows the view's shape: lists
 * that grow send their new entries, small parts are sent whole when they differ, and each side's
 * private data sends its changed fields and new notes. The client applies it to the view it
 * holds and has exactly what the engine's viewFor gives it (checked by a property test).
 */

/** Parts of a view sent whole whenever they differ: numbers, words and small objects. */
export const REPLACED_PARTS = [
  "viewer",
  "scenario",
  "phase",
  "turn",
  "round",
  "lastRound",
  "toAct",
  "turnEndsAt",
  "pausedRemainingMs",
  "turnMs",
  "preparation",
  "standing",
  "balance",
  "interruptions",
  "asked",
  "outcome",
  "reveal",
] as const satisfies readonly (keyof TableView)[];

/** Lists that mostly grow: the entries from the first one that differs. */
export const LIST_PARTS = ["offers", "ledger", "cards", "timeline"] as const satisfies readonly (keyof TableView)[];

type ReplacedPart = (typeof REPLACED_PARTS)[number];
type ListPart = (typeof LIST_PARTS)[number];
type ListSplices = { readonly [K in ListPart]?: Splice<TableView[K][number]> };

/** A list's entries from index `from` on: the receiver keeps its first `from` entries and adds these. */
export type Splice<T> = { readonly from: number; readonly items: readonly T[] };

type SideFields = Omit<PrivateView, "notes">;

/** One side's private data: sent whole when it appears, else its changed fields and new notes; null when it is no longer seen. */
export type SideDelta = { readonly whole: PrivateView } | { readonly set?: Partial<SideFields>; readonly notes?: Splice<Note> } | null;

export type ViewDelta =
  | { readonly kind: "whole"; readonly view: TableView }
  | {
      readonly kind: "change";
      readonly set?: Partial<Pick<TableView, ReplacedPart>>;
      readonly lists?: ListSplices;
      readonly sides?: Partial<PerRole<SideDelta>>;
    };

/** What turns `before` into `after` for one viewer; null when nothing differs. With no `before`, the whole view. */
export function diffView(before: TableView | null, after: TableView): ViewDelta | null {
  if (before === null) return { kind: "whole", view: after };
  if (before === after) return null;
  const set: Partial<Record<ReplacedPart, unknown>> = {};
  let changed = false;
  for (const part of REPLACED_PARTS) {
    if (same(before[part], after[part])) continue;
    set[part] = after[part];
    changed = true;
  }
  const lists: Partial<Record<ListPart, Splice<unknown>>> = {};
  for (const part of LIST_PARTS) {
    const splice = spliceOf<unknown>(before[part], after[part]);
    if (splice === null) continue;
    lists[part] = splice;
    changed = true;
  }
  const sides: Partial<Record<Role, SideDelta>> = {};
  for (const role of ["buyer", "seller"] as const) {
    const side = sideDelta(before.sides[role], after.sides[role]);
    if (side === undefined) continue;
    sides[role] = side;
    changed = true;
  }
  if (!changed) return null;
  return {
    kind: "change",
    ...(Object.keys(set).length > 0 ? { set: set as Partial<Pick<TableView, ReplacedPart>> } : {}),
    ...(Object.keys(lists).length > 0 ? { lists: lists as ListSplices } : {}),
    ...(Object.keys(sides).length > 0 ? { sides } : {}),
  };
}

/** The view after `delta`; a change needs the view it was taken from. */
export function applyViewDelta(view: TableView | null, delta: ViewDelta): TableView {
  if (delta.kind === "whole") return delta.view;
  if (view === null) throw new Error("a view change arrived before the whole view");
  const next: Record<string, unknown> = { ...view, ...delta.set };
  for (const part of LIST_PARTS) {
    const splice = delta.lists?.[part] as Splice<unknown> | undefined;
    if (splice) next[part] = spliced<unknown>(view[part], splice);
  }
  if (delta.sides) {
    const sides: Partial<Record<Role, PrivateView>> = { ...view.sides };
    for (const role of ["buyer", "seller"] as const) {
      const change = delta.sides[role];
      if (change === undefined) continue;
      const side = appliedSide(view.sides[role], change);
      if (side) sides[role] = side;
      else delete sides[role];
    }
    next.sides = sides;
  }
  return next as TableView;
}

function spliced<T>(list: readonly T[], { from, items }: Splice<T>): T[] {
  return from === list.length ? [...list, ...items] : [...list.slice(0, from), ...items];
}

/** Null when the lists are equal; else the entries from the first that differs (a shorter list is a splice too). */
function spliceOf<T>(before: readonly T[], after: readonly T[]): Splice<T> | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let from = 0;
  while (from < shorter && same(before[from], after[from])) from++;
  if (from === before.length && from === after.length) return null;
  return { from, items: after.slice(from) };
}

function sideDelta(before: PrivateView | undefined, after: PrivateView | undefined): SideDelta | undefined {
  if (before === after) return undefined;
  if (after === undefined) return null;
  if (before === undefined || !sameKeys(before, after)) return { whole: after };
  const set: Partial<Record<keyof SideFields, unknown>> = {};
  for (const key of Object.keys(after) as (keyof PrivateView)[]) {
    if (key === "notes" || same(before[key], after[key])) continue;
    set[key] = after[key];
  }
  const notes = after.notes && before.notes ? spliceOf(before.notes, after.notes) : null;
  const hasSet = Object.keys(set).length > 0;
  if (!hasSet && notes === null) return undefined;
  return { ...(hasSet ? { set: set as Partial<SideFields> } : {}), ...(notes ? { notes } : {}) };
}

function appliedSide(side: PrivateView | undefined, change: SideDelta): PrivateView | null {
  if (change === null) return null;
  if ("whole" in change) return change.whole;
  if (!side) throw new Error("a side's change arrived before the side");
  const next: PrivateView = { ...side, ...change.set };
  return change.notes && side.notes ? { ...next, notes: spliced(side.notes, change.notes) } : next;
}

function sameKeys(a: object, b: object): boolean {
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(b, k));
}

/**
 * Equal as plain data. The engine keeps unchanged parts by reference, so most comparisons end at
 * the first `===`; the rest are small records rebuilt for each view (a redacted event, a card).
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}
