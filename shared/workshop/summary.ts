import { debrief, type DebriefLine } from "../engine/debrief.js";
import { concessionFigures, type ConcessionFigures } from "../engine/concessionFigures.js";
import { ROLES, type PerRole, type Role } from "../engine/roles.js";
import type { DrawAnalysis } from "../engine/scoring.js";
import { type PriceZone, zoneBand, type ZoneBand, zoneOn } from "../engine/zone.js";
import type { Outcome, Package, TableState } from "../engine/state.js";
import { cardAnswers, type CardAnswer } from "./curveResponses.js";

/*
 * A finished game as the class debrief and the export need it: plain JSON, computed once when
 * the game ends from the engine's final state and its draw analysis. Nothing is judged here
 * that the engine does not judge: walk-aways are right or wrong by the engine's own debrief.
 */

export type GamePlayer = { readonly participantId: string | null; readonly name: string; readonly bot: boolean };

export type GameMeta = {
  /** Workshop round number. */
  readonly round: number;
  readonly code: string;
  readonly index: number;
  readonly deck: "same" | "random";
  readonly players: PerRole<GamePlayer>;
};

/** Right: there was no zone of agreement. Wrong: an acceptable offer stood, or a zone existed that talks never found. */
export type WalkAwayVerdict = { readonly by: Role; readonly right: boolean; readonly reason: "no_zopa" | "left_acceptable_offer" | "zone_unexplored" };

export type GameSummary = GameMeta & {
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly currency: string;
  readonly drawSeed: string;
  readonly outcome: Outcome["kind"];
  /** Who ended it: the walker, the leaver, the side that accepted. */
  readonly endedBy: Role | null;
  /** The game round it ended in. */
  readonly endedInRound: number;
  readonly lastRound: number;
  readonly price: number | null;
  readonly terms: Package | null;
  readonly walkAways: PerRole<number>;
  /** The zone of agreement on the best terms (docs/scoring.md): its signable prices, or the gap when there is none. */
  readonly zopa: ZoneBand & { readonly terms: Package; readonly cutBy: ZoneCut | null };
  /** The zone on the deal's own terms, which the deal's price sits in whenever both sides gained. */
  readonly dealZone: ZoneBand | null;
  readonly bestJoint: number;
  readonly pareto: readonly { readonly buyer: number; readonly seller: number }[];
  readonly nash: { readonly price: number; readonly terms: Package; readonly buyer: number; readonly seller: number } | null;
  readonly surplus: PerRole<number>;
  readonly penalties: PerRole<number>;
  readonly joint: number;
  readonly efficiency: number;
  /** What each side gave: counts, retractions, money net and as a share of the distance between the openings. */
  readonly concessions: PerRole<ConcessionFigures>;
  readonly interruptions: PerRole<number>;
  readonly questions: PerRole<number>;
  readonly offers: number;
  readonly cards: readonly CardAnswer[];
  readonly walkAway: WalkAwayVerdict | null;
  /** The engine's debrief for each person at the table (bots get none). */
  readonly debrief: Partial<PerRole<readonly DebriefLine[]>>;
  readonly startedAt: number;
  readonly finishedAt: number;
};

export function summarizeGame(state: TableState, analysis: DrawAnalysis, meta: GameMeta): GameSummary {
  const { outcome, score } = state;
  if (state.phase !== "finished" || !outcome || !score) throw new Error("A game summary exists only once the game is over.");
  const lines: { buyer?: DebriefLine[]; seller?: DebriefLine[] } = {};
  for (const role of ROLES) if (!meta.players[role].bot) lines[role] = debrief(state, role);
  const endedBy = outcome.kind === "deal" ? outcome.acceptedBy : outcome.kind === "walkaway" || outcome.kind === "abandoned" ? outcome.by : null;
  const nash = analysis.nash;
  return {
    ...meta,
    scenarioId: state.scenario.id,
    scenarioTitle: state.scenario.title,
    currency: state.scenario.currency,
    drawSeed: state.drawSeed,
    outcome: outcome.kind,
    endedBy,
    endedInRound: outcome.round,
    lastRound: state.lastRound,
    price: outcome.kind === "deal" ? (outcome.terms.price as number) : null,
    terms: outcome.kind === "deal" ? outcome.terms : null,
    walkAways: { buyer: state.sides.buyer.walkAway, seller: state.sides.seller.walkAway },
    zopa: { ...zoneBand(state.scenario, analysis.zone), terms: analysis.zone.terms, cutBy: cutOf(analysis.zone) },
    dealZone: outcome.kind === "deal" ? zoneBand(state.scenario, zoneOn(state.scenario, state.sides, outcome.terms)) : null,
    bestJoint: analysis.bestJoint,
    pareto: analysis.pareto.map((p) => ({ buyer: p.buyer, seller: p.seller })),
    nash: nash ? { price: nash.terms.price as number, terms: nash.terms, buyer: nash.buyer, seller: nash.seller } : null,
    surplus: score.surplus,
    penalties: score.penalties,
    joint: score.joint,
    efficiency: score.efficiency,
    concessions: { buyer: concessionFigures(state, "buyer"), seller: concessionFigures(state, "seller") },
    interruptions: state.interruptions,
    questions: { buyer: state.asked.buyer.length, seller: state.asked.seller.length },
    offers: state.offers.length,
    cards: cardAnswers(state),
    walkAway: outcome.kind === "walkaway" ? walkAwayVerdict(state, outcome.by, lines[outcome.by], analysis) : null,
    debrief: lines,
    startedAt: state.timeline[0]?.at ?? 0,
    finishedAt: state.timeline.at(-1)?.at ?? 0,
  };
}

function walkAwayVerdict(state: TableState, by: Role, known: readonly DebriefLine[] | undefined, analysis: DrawAnalysis): WalkAwayVerdict {
  if (!analysis.exists) return { by, right: true, reason: "no_zopa" };
  // The engine's walk-away lesson warns exactly when the walker left an offer better than their limit.
  const line = (known ?? debrief(state, by)).find((l) => l.lesson === "walk-away");
  return { by, right: false, reason: line?.tone === "warn" ? "left_acceptable_offer" : "zone_unexplored" };
}

/** What cut the zone short of the band between the walk-aways: a side's cap on price, or the price range. */
export type ZoneCut = "buyer_cap" | "seller_cap" | "price_range";

function cutOf(zone: PriceZone): ZoneCut | null {
  if (zone.highBy.kind === "cap") return zone.highBy.role === "buyer" ? "buyer_cap" : "seller_cap";
  return zone.highBy.kind === "range" || zone.lowBy.kind === "range" ? "price_range" : null;
}
