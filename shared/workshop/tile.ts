import { concessionFigures, type ConcessionFigures } from "../engine/concessionFigures.js";
import { ROLES, type PerRole, type Role } from "../engine/roles.js";
import { priceIssue } from "../engine/terms.js";
import type { TableState } from "../engine/state.js";
import { zoneBand, type ZoneBand, zoneOn } from "../engine/zone.js";

/*
 * One tile of the facilitator's live grid: a table at a glance, omniscient (walk-aways and the
 * zone of agreement are on it), so it goes to facilitators only. In two steps: the table reduces
 * its engine state to the tile's facts (tileFactsOf, the zone passed in because it is shared by
 * every table with the same draw), the workshop adds names, connections and the time
 * (tileFromFacts), so nothing else of a table's hidden draw ever leaves it.
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

/**
 * What a table tells its workshop for its tile: the engine state reduced, on the table's side,
 * to the figures the grid shows. Nothing else of the hidden draw (valuations, hot buttons,
 * briefs, notes) is in it; the walk-aways are, because the grid shows them to the facilitator.
 */
export type TileFacts = Pick<GridTile, "round" | "lastRound" | "toAct" | "turnEndsAt" | "priceRange" | "zopa" | "deal" | "dealZone" | "cards" | "offers" | "currency"> & {
  readonly phase: TableState["phase"];
  readonly started: boolean;
  readonly outcome: { readonly kind: NonNullable<TableState["outcome"]>["kind"]; readonly by: Role | null } | null;
  /** When the last move was made (null before any), and whether a turn timed out since. */
  readonly lastMoveAt: number | null;
  readonly timedOutSinceMove: boolean;
  readonly seats: PerRole<Omit<TileSeat, "name" | "bot" | "connected">>;
};

export type TileFromFacts = {
  readonly code: string;
  readonly index: number;
  readonly facts: TileFacts;
  readonly seats: PerRole<{ readonly name: string; readonly bot: boolean; readonly connected: boolean }>;
  readonly now: number;
};

const MOVES = new Set(["offer_made", "question_asked", "deal", "walked_away", "resumed", "round_started"]);

export function tileFactsOf(state: TableState, started: boolean, zopa: ZoneBand | null): TileFacts {
  const price = priceIssue(state.scenario);
  const lastMove = [...state.timeline].reverse().find((e) => MOVES.has(e.type) && !(e.type === "round_started" && e.round > 1));
  const outcome = state.outcome;
  const seat = (role: Role) => ({
    offer: (state.standing[role]?.terms.price as number | undefined) ?? null,
    walkAway: state.sides[role].walkAway,
    concessions: concessionFigures(state, role),
    interruptions: state.interruptions[role],
  });
  return {
    phase: state.phase,
    started,
    outcome: outcome ? { kind: outcome.kind, by: outcome.kind === "walkaway" || outcome.kind === "abandoned" ? outcome.by : null } : null,
    lastMoveAt: lastMove?.at ?? null,
    timedOutSinceMove: state.timeline.some((e) => e.type === "turn_timed_out" && (!lastMove || e.seq > lastMove.seq)),
    round: Math.floor(state.turn / 2) + 1,
    lastRound: state.lastRound,
    toAct: state.toAct,
    turnEndsAt: state.turnEndsAt,
    seats: { buyer: seat("buyer"), seller: seat("seller") },
    priceRange: { min: price.min, max: price.max },
    zopa,
    deal: outcome?.kind === "deal" ? (outcome.terms.price as number) : null,
    dealZone: outcome?.kind === "deal" ? zoneBand(state.scenario, zoneOn(state.scenario, state.sides, outcome.terms)) : null,
    cards: state.cards.map((c) => ({ title: c.card.title, side: c.card.side, visibility: c.card.visibility, round: c.round, thrownBy: c.thrownBy })),
    offers: state.offers.length,
    currency: state.scenario.currency,
  };
}

export function tileOf(input: TileInput): GridTile {
  return tileFromFacts({ ...input, facts: tileFactsOf(input.state, input.started, input.zopa) });
}

export function tileFromFacts(input: TileFromFacts): GridTile {
  const { facts, now } = input;
  const idleMs = facts.started && facts.lastMoveAt !== null ? Math.max(0, now - facts.lastMoveAt) : 0;
  const status = statusOf(facts, facts.timedOutSinceMove || idleMs >= STUCK_AFTER_MS);
  const seat = (role: Role): TileSeat => ({ ...input.seats[role], ...facts.seats[role] });
  return {
    code: input.code,
    index: input.index,
    status,
    statusText: statusText(input, status, idleMs),
    round: facts.round,
    lastRound: facts.lastRound,
    toAct: facts.toAct,
    turnEndsAt: facts.turnEndsAt,
    seats: { buyer: seat("buyer"), seller: seat("seller") },
    priceRange: facts.priceRange,
    zopa: facts.zopa,
    deal: facts.deal,
    dealZone: facts.dealZone,
    cards: facts.cards,
    offers: facts.offers,
    currency: facts.currency,
    idleMs,
  };
}

function statusOf(facts: TileFacts, stuck: boolean): TileStatus {
  const outcome = facts.outcome;
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
  if (!facts.started) return "waiting";
  if (facts.phase === "paused") return "paused";
  if (facts.phase === "preparing") return "reading";
  return stuck ? "stuck" : "negotiating";
}

function statusText(input: TileFromFacts, status: TileStatus, idleMs: number): string {
  const { facts, seats } = input;
  const name = (role: Role) => seats[role].name;
  const outcome = facts.outcome;
  switch (status) {
    case "waiting": {
      const missing = ROLES.filter((r) => !seats[r].connected && !seats[r].bot).map(name);
      return missing.length > 0 ? `Waiting for ${missing.join(" and ")}` : "Waiting to start";
    }
    case "reading":
      return "Reading briefs";
    case "negotiating":
      return `${name(facts.toAct)} to act`;
    case "paused":
      return "Paused";
    case "stuck":
      return `Stuck: no move for ${Math.round(idleMs / 1000)} s`;
    case "deal":
      return "Deal";
    case "walked_away":
      return outcome?.by ? `${name(outcome.by)} walked away` : "Walked away";
    case "expired":
      return "Time ran out: no deal";
    case "ended":
      return "Ended by the facilitator";
    case "abandoned":
      return outcome?.by ? `${name(outcome.by)} left: abandoned` : "Abandoned";
  }
}
