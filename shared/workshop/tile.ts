import { concessionFigures, type ConcessionFigures } from "../engine/concessionFigures.js";
import { ROLES, type PerRole, type Role } from "../engine/roles.js";
import { priceIssue } from "../engine/terms.js";
import type { TableState } from "../engine/state.js";
import { zoneBand, type ZoneBand, zoneOn } from "../engine/zone.js";

/*
 * One tile of the facilitator's live grid: a table at a glance, omniscient (walk-aways and the
 * zone of agreement are on it), so it goes to facilitators only. A pure function of the engine
 * state, the seats and the time; the zone is passed in because it is shared by every table with
 * the same draw.
 */

export const TILE_STATUSES = ["waiting", "reading", "negotiating", "paused", "stuck", "deal", "walked_away", "expired", "ended", "abandoned"] as const;
export type TileStatus = (typeof TILE_STATUSES)[number];

/** A game in one of these is over: no control reaches it any more. */
export const tileOver = (status: TileStatus): boolean => status === "deal" || status === "walked_away" || status === "expired" || status === "ended" || status === "abandoned";

/** No move for this long counts as stuck, even before a turn has timed out. */
export const STUCK_AFTER_MS = 120_000;

export type TileSeat = {
  readonly name: string;
  readonly bot: boolean;
  readonly connected: boolean;
  /** Standing offer's price, if any. */
  readonly offer: number | null;
  /** Current walk-away (net), after any curve ball that moved it. */
  readonly walkAway: number;
  /** What this side has given so far (the facilitator sees the money figures). */
  readonly concessions: ConcessionFigures;
  readonly interruptions: number;
};

export type TileCard = { readonly title: string; readonly side: Role; readonly visibility: "public" | "private"; readonly round: number; readonly thrownBy: "schedule" | "facilitator" };

export type GridTile = {
  readonly code: string;
  /** 0-based table number in the round. */
  readonly index: number;
  readonly status: TileStatus;
  readonly statusText: string;
  readonly round: number;
  readonly lastRound: number;
  readonly toAct: Role;
  readonly turnEndsAt: number | null;
  readonly seats: PerRole<TileSeat>;
  readonly priceRange: { readonly min: number; readonly max: number };
  /** The zone on the best terms; null while it is being worked out. */
  readonly zopa: ZoneBand | null;
  /** The agreed price once there is a deal. */
  readonly deal: number | null;
  /** The zone on the deal's own terms, which the deal is drawn against. */
  readonly dealZone: ZoneBand | null;
  readonly cards: readonly TileCard[];
  readonly offers: number;
  readonly currency: string;
  /** Milliseconds since the last move (or the start), for "stuck". */
  readonly idleMs: number;
};

export type TileInput = {
  readonly code: string;
  readonly index: number;
  readonly state: TableState;
  readonly started: boolean;
  readonly seats: PerRole<{ readonly name: string; readonly bot: boolean; readonly connected: boolean }>;
  readonly zopa: ZoneBand | null;
  readonly now: number;
};

const MOVES = new Set(["offer_made", "question_asked", "deal", "walked_away", "resumed", "round_started"]);

export function tileOf(input: TileInput): GridTile {
  const { state, now } = input;
  const price = priceIssue(state.scenario);
  const lastMove = [...state.timeline].reverse().find((e) => MOVES.has(e.type) && !(e.type === "round_started" && e.round > 1));
  const timedOutSinceMove = state.timeline.some((e) => e.type === "turn_timed_out" && (!lastMove || e.seq > lastMove.seq));
  const idleMs = input.started && lastMove ? Math.max(0, now - lastMove.at) : 0;
  const status = statusOf(input, timedOutSinceMove || idleMs >= STUCK_AFTER_MS);
  const seat = (role: Role): TileSeat => ({
    ...input.seats[role],
    offer: (state.standing[role]?.terms.price as number | undefined) ?? null,
    walkAway: state.sides[role].walkAway,
    concessions: concessionFigures(state, role),
    interruptions: state.interruptions[role],
  });
  return {
    code: input.code,
    index: input.index,
    status,
    statusText: statusText(input, status, idleMs),
    round: Math.floor(state.turn / 2) + 1,
    lastRound: state.lastRound,
    toAct: state.toAct,
    turnEndsAt: state.turnEndsAt,
    seats: { buyer: seat("buyer"), seller: seat("seller") },
    priceRange: { min: price.min, max: price.max },
    zopa: input.zopa,
    deal: state.outcome?.kind === "deal" ? (state.outcome.terms.price as number) : null,
    dealZone: state.outcome?.kind === "deal" ? zoneBand(state.scenario, zoneOn(state.scenario, state.sides, state.outcome.terms)) : null,
    cards: state.cards.map((c) => ({ title: c.card.title, side: c.card.side, visibility: c.card.visibility, round: c.round, thrownBy: c.thrownBy })),
    offers: state.offers.length,
    currency: state.scenario.currency,
    idleMs,
  };
}

function statusOf(input: TileInput, stuck: boolean): TileStatus {
  const { state } = input;
  const outcome = state.outcome;
  if (outcome) {
    switch (outcome.kind) {
      case "deal":
        return "deal";
      case "walkaway":
        return "walked_away";
      case "expired":
        return "expired";
      case "ended":
        return "ended";
      case "abandoned":
        return "abandoned";
    }
  }
  if (!input.started) return "waiting";
  if (state.phase === "paused") return "paused";
  if (state.phase === "preparing") return "reading";
  return stuck ? "stuck" : "negotiating";
}

function statusText(input: TileInput, status: TileStatus, idleMs: number): string {
  const { state, seats } = input;
  const name = (role: Role) => seats[role].name;
  const outcome = state.outcome;
  switch (status) {
    case "waiting": {
      const missing = ROLES.filter((r) => !seats[r].connected && !seats[r].bot).map(name);
      return missing.length > 0 ? `Waiting for ${missing.join(" and ")}` : "Waiting to start";
    }
    case "reading":
      return "Reading briefs";
    case "negotiating":
      return `${name(state.toAct)} to act`;
    case "paused":
      return "Paused";
    case "stuck":
      return `Stuck: no move for ${Math.round(idleMs / 1000)} s`;
    case "deal":
      return "Deal";
    case "walked_away":
      return outcome?.kind === "walkaway" ? `${name(outcome.by)} walked away` : "Walked away";
    case "expired":
      return "Time ran out: no deal";
    case "ended":
      return "Ended by the facilitator";
    case "abandoned":
      return outcome?.kind === "abandoned" ? `${name(outcome.by)} left: abandoned` : "Abandoned";
  }
}
