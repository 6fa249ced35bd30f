import type { PublicCard, PublicConcession, PublicOffer, PublicSeat, PublicTable } from "../../../shared/protocol/publicTable.js";

/*
 * The synced Colyseus state is a tree of live schema objects that the decoder mutates in place.
 * The client model keeps immutable plain copies instead, so every render sees one consistent
 * table and tests can build the same shape from plain data.
 */

export type PublicTableSnapshot = Omit<PublicTable, "seats" | "offers" | "ledger" | "cards"> & {
  readonly seats: readonly PublicSeat[];
  readonly offers: readonly PublicOffer[];
  readonly ledger: readonly PublicConcession[];
  readonly cards: readonly PublicCard[];
};

export function snapshotTable(state: PublicTable): PublicTableSnapshot {
  const seats: PublicSeat[] = [];
  state.seats.forEach((s) => seats.push({ role: s.role, name: s.name, connected: s.connected, bot: s.bot, taken: s.taken, returnBy: s.returnBy }));
  return {
    code: state.code,
    scenarioId: state.scenarioId,
    started: state.started,
    phase: state.phase,
    turn: state.turn,
    round: state.round,
    lastRound: state.lastRound,
    toAct: state.toAct,
    turnEndsAt: state.turnEndsAt,
    pausedRemainingMs: state.pausedRemainingMs,
    turnMs: state.turnMs,
    reading: state.reading,
    readingEndsAt: state.readingEndsAt,
    readyBuyer: state.readyBuyer,
    readySeller: state.readySeller,
    seats,
    offers: Array.from(state.offers, (o) => ({ by: o.by, turn: o.turn, round: o.round, at: o.at, termsJson: o.termsJson, message: o.message })),
    ledger: Array.from(state.ledger, (c) => ({ turn: c.turn, by: c.by, issueId: c.issueId, share: c.share, status: c.status })),
    cards: Array.from(state.cards, (c) => ({
      hidden: c.hidden,
      id: c.id,
      title: c.title,
      text: c.text,
      visibility: c.visibility,
      side: c.side,
      round: c.round,
    })),
    interruptionsBuyer: state.interruptionsBuyer,
    interruptionsSeller: state.interruptionsSeller,
    outcome: state.outcome,
  };
}
