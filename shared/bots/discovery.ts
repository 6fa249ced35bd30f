import { Draw, seedFrom } from "../engine/rng.js";
import { netOfPackage, type Position } from "./position.js";
import type { BotProfile } from "./profiles.js";
import { isLastOffer } from "./tactics.js";

/**
 * A discovery question to ask this turn, or null. Questions pay early, while there is time to
 * use the answer, so the bot asks only in the first half of the game and never on its last
 * chance to offer, some of the time (its curiosity), and only if its standing offer, which stays
 * on the table, still clears its walk-away.
 */
export function questionToAsk(pos: Position, profile: BotProfile): string | null {
  const { view, me } = pos;
  if (view.round > Math.max(1, Math.floor(view.lastRound / 2))) return null;
  // On its last chance to offer, a question would leave the other side nothing new to accept.
  if (isLastOffer(view)) return null;
  // The roll comes first only because it is cheaper than the checks after it: each is a plain
  // condition, so the order changes nothing but the work.
  const draw = new Draw(seedFrom(`${profile.seed}:${view.turn}`));
  if (draw.float() >= profile.curiosity) return null;
  const open = view.scenario.questions.filter((q) => q.askedBy === me && !view.asked[me].includes(q.id));
  if (open.length === 0) return null;
  const mine = view.standing[me];
  if (mine && (netOfPackage(pos, mine.terms, pos.penaltyAtStrike) ?? -1) < 0) return null;
  return (open[Math.floor(draw.float() * open.length)] as (typeof open)[number]).id;
}
