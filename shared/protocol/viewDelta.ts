import type { GameEvent } from "../engine/events.js";
import type { Note, Offer } from "../engine/state.js";
import type { PerRole, Role } from "../engine/roles.js";
import type { PrivateView, TableView } from "../engine/view.js";

/*
 * How a table view travels: the whole view once (join, reconnect), then after each change only
 * what differs from the view this viewer was last sent. The delta knows the view's shape: lists
 * that grow send their new entries, small parts are sent whole when they differ, and each side's
 * private data sends its changed fields and new notes. The view repeats itself (an offer is in
 * the timeline as its event, in the offers and as the side's standing offer; a note is its event
 * and a line of the notepad), so each such content crosses once: as the event, with the offer or
 * note as a reference to it and the standing offer as a place in the offers. The client applies
 * the delta to the view it holds and has exactly what the engine's viewFor gives it (checked by a
 * property test).
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

/** An offer or a note sent as the seq of the event of the same delta that says the same. */
export type EventRef = { readonly event: number };

/** A list's entries from index `from` on: the receiver keeps its first `from` entries and adds these. */
export type Splice<T> = { readonly from: number; readonly items: readonly (T | EventRef)[] };

type SideFields = Omit<PrivateView, "notes">;

/**
 * One side's private data: all but the notepad when it appears (the notepad, if this viewer may
 * read it, as notes from 0), else its changed fields and new notes; null when it is no longer seen.
 */
export type SideDelta = { readonly whole?: SideFields; readonly set?: Partial<SideFields>; readonly notes?: Splice<Note> } | null;

/**
 * "whole" builds a view from nothing (join, reconnect): every part is set and every list starts
 * at 0, in the same compact form as a change. "change" applies to the view last sent.
 */
export type ViewDelta = {
  readonly kind: "whole" | "change";
  readonly set?: Partial<Pick<TableView, ReplacedPart | "standing">>;
  readonly lists?: ListSplices;
  /** Each side's standing offer as its place in the offers (null: none), or whole under `set` if it is not among them. */
  readonly standing?: PerRole<number | null>;
  readonly sides?: Partial<PerRole<SideDelta>>;
};

/** What a whole view is built on: no part set, every list empty, no side seen. */
const NOTHING = { offers: [], ledger: [], cards: [], timeline: [], sides: {}, standing: { buyer: null, seller: null } } as const;

/** What turns `before` into `after` for one viewer; null when nothing differs. With no `before`, the whole view. */
export function diffView(before: TableView | null, after: TableView): ViewDelta | null {
  if (before === after) return null;
  return changeFrom(before ?? (NOTHING as unknown as TableView), after, before === null ? "whole" : "change");
}

function changeFrom(before: TableView, after: TableView, kind: ViewDelta["kind"]): ViewDelta | null {
  const set: Partial<Record<ReplacedPart | "standing", unknown>> = {};
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
  const fresh = (lists.timeline?.items ?? []) as readonly GameEvent[];
  if (lists.offers) lists.offers = referenced(lists.offers as Splice<Offer>, fresh, offerOf);
  let standing: PerRole<number | null> | undefined;
  if (!same(before.standing, after.standing)) {
    changed = true;
    const places = placesOf(after.standing, after.offers);
    if (places) standing = places;
    else set.standing = after.standing;
  }
  const sides: Partial<Record<Role, SideDelta>> = {};
  for (const role of ["buyer", "seller"] as const) {
    const side = sideDelta(before.sides[role], after.sides[role], fresh);
    if (side === undefined) continue;
    sides[role] = side;
    changed = true;
  }
  if (!changed) return null;
  return {
    kind,
    ...(Object.keys(set).length > 0 ? { set: set as Partial<Pick<TableView, ReplacedPart | "standing">> } : {}),
    ...(Object.keys(lists).length > 0 ? { lists: lists as ListSplices } : {}),
    ...(standing ? { standing } : {}),
    ...(Object.keys(sides).length > 0 ? { sides } : {}),
  };
}

/** The view after `delta`; a change needs the view it was taken from. */
export function applyViewDelta(held: TableView | null, delta: ViewDelta): TableView {
  if (delta.kind === "change" && held === null) throw new Error("a view change arrived before the whole view");
  const view = delta.kind === "whole" ? (NOTHING as unknown as TableView) : held!;
  const next: Record<string, unknown> = { ...view, ...delta.set };
  const fresh = new Map(((delta.lists?.timeline?.items ?? []) as GameEvent[]).map((e) => [e.seq, e]));
  for (const part of LIST_PARTS) {
    const splice = delta.lists?.[part] as Splice<unknown> | undefined;
    if (splice) next[part] = spliced<unknown>(view[part], part === "offers" ? resolved(splice as Splice<Offer>, fresh, offerOf) : splice);
  }
  if (delta.standing) {
    const offers = next.offers as readonly Offer[];
    const at = (place: number | null) => (place === null ? null : (offers[place] ?? null));
    next.standing = { buyer: at(delta.standing.buyer), seller: at(delta.standing.seller) };
  }
  if (delta.sides) {
    const sides: Partial<Record<Role, PrivateView>> = { ...view.sides };
    for (const role of ["buyer", "seller"] as const) {
      const change = delta.sides[role];
      if (change === undefined) continue;
      const side = appliedSide(view.sides[role], change, fresh);
      if (side) sides[role] = side;
      else delete sides[role];
    }
    next.sides = sides;
  }
  return next as TableView;
}

/** Only once every reference in `splice` is resolved (resolved()). */
function spliced<T>(list: readonly T[], { from, items }: Splice<T>): T[] {
  const entries = items as readonly T[];
  return from === list.length ? [...list, ...entries] : [...list.slice(0, from), ...entries];
}

/** What an event says as an offer, or as a note: the engine makes each from the same facts. */
function offerOf(e: GameEvent): Offer | null {
  if (e.type !== "offer_made") return null;
  return { by: e.by, terms: e.terms, turn: e.turn, round: e.round, at: e.at, ...(e.message === undefined ? {} : { message: e.message }) };
}

function noteOf(e: GameEvent): Note | null {
  return e.type === "note_taken" ? { turn: e.turn, round: e.round, at: e.at, text: e.text } : null;
}

/**
 * Entries that an event of this delta says exactly, replaced by a reference to it; any other entry
 * goes as it is. Entries and their events come in the same order, so the search for each entry
 * starts after the event the previous one matched: one pass, even for a whole view.
 */
function referenced<T>(splice: Splice<T>, fresh: readonly GameEvent[], entryOf: (e: GameEvent) => T | null): Splice<T> {
  const sources = fresh.flatMap((e) => {
    const entry = entryOf(e);
    return entry === null ? [] : [{ seq: e.seq, entry }];
  });
  if (sources.length === 0) return splice;
  let next = 0;
  const items = splice.items.map((item) => {
    for (let i = next; i < sources.length; i++) {
      if (!same(sources[i]!.entry, item)) continue;
      next = i + 1;
      return { event: sources[i]!.seq };
    }
    return item;
  });
  return { from: splice.from, items };
}

function resolved<T>(splice: Splice<T>, fresh: ReadonlyMap<number, GameEvent>, entryOf: (e: GameEvent) => T | null): Splice<T> {
  const items = splice.items.map((item) => {
    if (!isRef(item)) return item;
    const source = fresh.get(item.event);
    const entry = source ? entryOf(source) : null;
    if (entry === null) throw new Error(`a view change refers to event ${item.event}, which it does not carry`);
    return entry;
  });
  return { from: splice.from, items };
}

function isRef(item: unknown): item is EventRef {
  return typeof item === "object" && item !== null && Object.keys(item).length === 1 && typeof (item as EventRef).event === "number";
}

/** Each side's standing offer as its place in `offers`; null if one is not there. */
function placesOf(standing: PerRole<Offer | null>, offers: readonly Offer[]): PerRole<number | null> | null {
  const place = (offer: Offer | null) => (offer === null ? null : offers.findLastIndex((o) => same(o, offer)));
  const buyer = place(standing.buyer);
  const seller = place(standing.seller);
  return buyer === -1 || seller === -1 ? null : { buyer, seller };
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

function sideDelta(before: PrivateView | undefined, after: PrivateView | undefined, fresh: readonly GameEvent[]): SideDelta | undefined {
  if (before === after) return undefined;
  if (after === undefined) return null;
  if (before === undefined || !sameKeys(before, after)) {
    const { notes, ...whole } = after;
    return { whole, ...(notes ? { notes: referenced({ from: 0, items: notes }, fresh, noteOf) } : {}) };
  }
  const set: Partial<Record<keyof SideFields, unknown>> = {};
  for (const key of Object.keys(after) as (keyof PrivateView)[]) {
    if (key === "notes" || same(before[key], after[key])) continue;
    set[key] = after[key];
  }
  const changedNotes = after.notes && before.notes ? spliceOf(before.notes, after.notes) : null;
  const notes = changedNotes ? referenced(changedNotes, fresh, noteOf) : null;
  const hasSet = Object.keys(set).length > 0;
  if (!hasSet && notes === null) return undefined;
  return { ...(hasSet ? { set: set as Partial<SideFields> } : {}), ...(notes ? { notes } : {}) };
}

function appliedSide(side: PrivateView | undefined, change: SideDelta, fresh: ReadonlyMap<number, GameEvent>): PrivateView | null {
  if (change === null) return null;
  const base = change.whole ?? side;
  if (!base) throw new Error("a side's change arrived before the side");
  const next: PrivateView = { ...base, ...change.set };
  const notes = change.notes ? resolved(change.notes, fresh, noteOf) : null;
  if (!notes) return next;
  return { ...next, notes: spliced(change.whole ? [] : (side?.notes ?? []), notes) };
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
