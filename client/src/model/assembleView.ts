import { z } from "zod";
import type { GameEvent } from "../../../shared/engine/events.js";
import { ledgerBalance } from "../../../shared/engine/ledger.js";
import type { Role, Viewer } from "../../../shared/engine/roles.js";
import type { Note, Offer, Outcome, Preparation } from "../../../shared/engine/state.js";
import { seesNotes, type CardView, type ConcessionView, type PrivateData, type PrivateView, type TableView } from "../../../shared/engine/view.js";
import type { PerRole } from "../../../shared/engine/roles.js";
import type { PublicCard, PublicOffer } from "../../../shared/protocol/publicTable.js";
import type { ClientModel } from "./clientModel.js";
import type { PublicTableSnapshot } from "./snapshot.js";

/*
 * The client's TableView: the same shape the engine's viewFor gives this viewer, rebuilt from
 * the public synced state plus what the server sent to this client alone. Scenes and panels
 * only ever read this shape.
 */

const termsShape = z.record(z.string(), z.union([z.number(), z.string()]));

export function assembleView(model: ClientModel): TableView | null {
  const { welcome, table } = model;
  if (!welcome || !table) return null;
  const viewer = welcome.viewer;
  const events = model.events;
  const offers = table.offers.flatMap((o) => toOffer(o));
  const ledger = ledgerFor(table, events, viewer);
  return {
    viewer,
    scenario: welcome.scenario,
    phase: table.phase,
    turn: table.turn,
    round: table.round,
    lastRound: table.lastRound,
    toAct: table.toAct,
    turnEndsAt: table.turnEndsAt > 0 ? table.turnEndsAt : null,
    pausedRemainingMs: table.phase === "paused" ? table.pausedRemainingMs : null,
    turnMs: table.turnMs,
    preparation: table.reading ? { endsAt: table.readingEndsAt > 0 ? table.readingEndsAt : null, ready: readyOf(table) } : null,
    offers,
    standing: { buyer: lastBy(offers, "buyer"), seller: lastBy(offers, "seller") },
    ledger,
    balance: ledgerBalance(ledger),
    interruptions: { buyer: table.interruptionsBuyer, seller: table.interruptionsSeller },
    asked: {
      buyer: askedBy(events, "buyer"),
      seller: askedBy(events, "seller"),
    },
    cards: cardsFor(table.cards, events),
    sides: withNotepads(model.sides, events, viewer, table.phase === "finished"),
    timeline: events,
    outcome: outcomeOf(events),
    reveal: model.reveal,
  };
}

/**
 * The private data with each notepad this viewer may read, as the engine's view has it. The
 * server sends every note once, as its note_taken event, never inside the private data.
 */
function withNotepads(sides: Partial<PerRole<PrivateData>>, events: readonly GameEvent[], viewer: Viewer, finished: boolean): Partial<PerRole<PrivateView>> {
  const out: { buyer?: PrivateView; seller?: PrivateView } = {};
  for (const side of [sides.buyer, sides.seller]) {
    if (!side) continue;
    out[side.role] = seesNotes(viewer, side.role, finished) ? { ...side, notes: notepadOf(events, side.role) } : side;
  }
  return out;
}

function notepadOf(events: readonly GameEvent[], role: Role): Note[] {
  return events.flatMap((e) => (e.type === "note_taken" && e.by === role ? [{ turn: e.turn, round: e.round, at: e.at, text: e.text }] : []));
}

function readyOf(table: PublicTableSnapshot): Preparation["ready"] {
  const ready: { buyer?: boolean; seller?: boolean } = {};
  if (table.readyBuyer !== "none") ready.buyer = table.readyBuyer === "ready";
  if (table.readySeller !== "none") ready.seller = table.readySeller === "ready";
  return ready;
}

/** A malformed package would be a server bug: drop that offer rather than draw garbage. */
function toOffer(o: PublicOffer): Offer[] {
  let terms: unknown;
  try {
    terms = JSON.parse(o.termsJson);
  } catch {
    return [];
  }
  const parsed = termsShape.safeParse(terms);
  if (!parsed.success) return [];
  return [{ by: o.by, terms: parsed.data, turn: o.turn, round: o.round, at: o.at, ...(o.message ? { message: o.message } : {}) }];
}

function lastBy(offers: readonly Offer[], role: Role): Offer | null {
  for (let i = offers.length - 1; i >= 0; i--) if (offers[i]?.by === role) return offers[i] as Offer;
  return null;
}

/** Public concessions, with the money figure added where this viewer was told it (own moves). */
function ledgerFor(table: PublicTableSnapshot, events: readonly GameEvent[], viewer: Viewer): ConcessionView[] {
  const money = new Map<string, number>();
  for (const e of events) {
    if (e.type !== "concessions") continue;
    for (const c of e.entries) if (c.money !== undefined) money.set(`${c.turn}:${c.by}:${c.issueId}`, c.money);
  }
  const seesMoney = (by: Role) => viewer === "facilitator" || viewer === by;
  return table.ledger.map((c) => {
    const known = seesMoney(c.by) ? money.get(`${c.turn}:${c.by}:${c.issueId}`) : undefined;
    const base = { turn: c.turn, by: c.by, issueId: c.issueId, share: c.share, status: c.status };
    return known === undefined ? base : { ...base, money: known };
  });
}

function askedBy(events: readonly GameEvent[], role: Role): string[] {
  return events.flatMap((e) => (e.type === "question_asked" && e.by === role ? [e.questionId] : []));
}

/**
 * Private cards reach the synced state face down for everyone; the side they landed on also got
 * a `card_drawn` event. The n-th face-down card of a side pairs with the n-th private card
 * event for that side, since both follow the order the cards were drawn in.
 */
function cardsFor(cards: readonly PublicCard[], events: readonly GameEvent[]): CardView[] {
  const privateDraws = (side: Role) =>
    events.flatMap((e) => (e.type === "card_drawn" && e.card.visibility === "private" && e.card.side === side ? [e] : []));
  const queues = { buyer: privateDraws("buyer"), seller: privateDraws("seller") };
  return cards.map((c): CardView => {
    if (!c.hidden) return { hidden: false, id: c.id, title: c.title, text: c.text, visibility: c.visibility, side: c.side, round: c.round };
    const drawn = queues[c.side].shift();
    if (!drawn) return { hidden: true, side: c.side, round: c.round };
    return { hidden: false, id: drawn.card.id, title: drawn.card.title, text: drawn.text, visibility: "private", side: c.side, round: c.round };
  });
}

function outcomeOf(events: readonly GameEvent[]): Outcome | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as GameEvent;
    if (e.type === "game_over") return e.outcome;
  }
  return null;
}
