import { ROLES, type Role, type TableState } from "../../shared/engine/index.js";
import { readyMarkOf, type PublicSeat } from "../../shared/protocol/publicTable.js";
import { CardState, ConcessionState, OfferState, PublicTableState, SeatState } from "./publicSchema.js";
import { viewOf } from "./views.js";

export type SeatSnapshot = Omit<PublicSeat, "role">;

/**
 * The one place the synced state is written. Its source is the engine's view for an observer,
 * so the shared state can only ever hold what the rules show to someone with no seat at all.
 * Schema fields are assigned only when they differ, keeping patches to what changed.
 */
export function writePublicTable(
  target: PublicTableState,
  code: string,
  started: boolean,
  table: TableState,
  seats: Readonly<Record<Role, SeatSnapshot>>,
): void {
  const view = viewOf(table, "observer");
  assign(target, {
    code,
    scenarioId: view.scenario.id,
    started,
    phase: view.phase,
    turn: view.turn,
    round: view.round,
    lastRound: view.lastRound,
    toAct: view.toAct,
    turnEndsAt: started ? (view.turnEndsAt ?? 0) : 0,
    pausedRemainingMs: view.pausedRemainingMs ?? 0,
    turnMs: view.turnMs,
    reading: view.preparation !== null,
    readingEndsAt: started ? (view.preparation?.endsAt ?? 0) : 0,
    readyBuyer: readyMarkOf(view.preparation?.ready.buyer),
    readySeller: readyMarkOf(view.preparation?.ready.seller),
    interruptionsBuyer: view.interruptions.buyer,
    interruptionsSeller: view.interruptions.seller,
    outcome: view.outcome?.kind ?? "",
  });

  for (const role of ROLES) {
    let seat = target.seats.get(role);
    if (!seat) {
      seat = new SeatState();
      seat.role = role;
      target.seats.set(role, seat);
    }
    assign(seat, seats[role]);
  }

  // Offers and cards are append-only in the engine; concessions change status when answered.
  for (let i = target.offers.length; i < view.offers.length; i++) {
    const o = view.offers[i]!;
    target.offers.push(new OfferState().assign({ by: o.by, turn: o.turn, round: o.round, at: o.at, termsJson: JSON.stringify(o.terms), message: o.message ?? "" }));
  }
  view.ledger.forEach((c, i) => {
    const fields = { turn: c.turn, by: c.by, issueId: c.issueId, share: c.share, status: c.status };
    const existing = target.ledger[i];
    if (existing) assign(existing, fields);
    else target.ledger.push(new ConcessionState().assign(fields));
  });
  for (let i = target.cards.length; i < view.cards.length; i++) {
    const c = view.cards[i]!;
    target.cards.push(
      new CardState().assign(
        c.hidden
          ? { hidden: true, side: c.side, round: c.round }
          : { hidden: false, id: c.id, title: c.title, text: c.text, visibility: c.visibility, side: c.side, round: c.round },
      ),
    );
  }
}

function assign<T extends object>(target: T, fields: Partial<T>): void {
  for (const key of Object.keys(fields) as (keyof T)[]) {
    const value = fields[key] as T[keyof T];
    if (target[key] !== value) target[key] = value;
  }
}
