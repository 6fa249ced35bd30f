import { concessionFigures, type Outcome, type PerRole, type Role } from "../engine/index.js";
import type { PlayedGame } from "./play.js";
import { drawZone, drawZoneOf, zoneBand, type ZoneBand } from "../engine/index.js";

/** What one simulated game contributes to the statistics. */
export type GameRecord = {
  readonly seed: string;
  readonly outcome: Outcome["kind"];
  readonly walkedAwayBy: Role | null;
  readonly round: number;
  readonly actions: number;
  readonly price: number | null;
  /** Whether the walk-aways as drawn left a zone of possible agreement. */
  readonly zopaAtDraw: boolean;
  /** The zone at the end of the game (cards may have moved it), as the reveal and the debrief show it. */
  readonly zopa: ZoneBand & { readonly mid: number };
  readonly efficiency: number;
  readonly surplus: PerRole<number>;
  /** New concessions, retractions, and what the side gave up net as a share of the distance between the openings (0 without one). */
  readonly concessions: PerRole<{ readonly count: number; readonly retractions: number; readonly share: number }>;
  readonly questions: PerRole<number>;
  readonly cards: number;
};

export function recordGame(seed: string, game: PlayedGame): GameRecord {
  const { final } = game;
  const outcome = final.outcome;
  const score = final.score;
  if (!outcome || !score) throw new Error(`game ${seed} has not ended`);
  // The final state's zone is the one its score was computed with (cached), so this costs nothing more.
  const band = zoneBand(final.scenario, drawZoneOf(final).zone);
  const zopa = { ...band, mid: (band.low + band.high) / 2 };
  const atDraw = final.cards.length > 0 ? drawZone(game.initial.scenario, game.initial.sides).exists : zopa.exists;
  const concessions = (role: Role) => {
    const f = concessionFigures(final, role);
    return { count: f.concessions, retractions: f.retractions, share: f.share ?? 0 };
  };
  return {
    seed,
    outcome: outcome.kind,
    walkedAwayBy: outcome.kind === "walkaway" ? outcome.by : null,
    round: outcome.round,
    actions: game.actions.length,
    price: outcome.kind === "deal" ? (outcome.terms.price as number) : null,
    zopaAtDraw: atDraw,
    zopa,
    efficiency: score.efficiency,
    surplus: score.surplus,
    concessions: { buyer: concessions("buyer"), seller: concessions("seller") },
    questions: { buyer: final.asked.buyer.length, seller: final.asked.seller.length },
    cards: final.cards.length,
  };
}

