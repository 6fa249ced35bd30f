import { isRole, otherRole, type Action, type TableView } from "../engine/index.js";
import { questionToAsk } from "./discovery.js";
import { planOffer, type Plan } from "./plan.js";
import { netOfPackage, positionOf, type Position } from "./position.js";
import type { BotProfile } from "./profiles.js";
import { comboOf } from "./space.js";
import { targetUtility, utilityRange } from "./tactics.js";

/**
 * A bot's move: a pure function of what its seat sees and who it is. Null when it is not its
 * turn or the game is not running.
 */
export function botMove(view: TableView, profile: BotProfile): Action | null {
  const me = view.viewer;
  if (view.phase !== "playing" || !isRole(me) || view.toAct !== me) return null;
  const own = view.sides[me];
  if (!own) return null;
  const pos = positionOf(view, me, own);

  const theirs = view.standing[otherRole(me)];
  const offered = theirs ? netOfPackage(pos, theirs.terms, pos.penaltyNow) : null;
  const acceptable = offered !== null && offered >= 0;
  // The last turn of the game: an offer now could never be answered.
  if (view.turn + 1 >= view.lastRound * 2) return acceptable ? { type: "accept", by: me } : { type: "walk_away", by: me };

  const range = utilityRange(pos);
  const target = range ? targetUtility(pos, profile, range) : null;
  const plan = target === null ? null : (holdingOffer(pos, profile, target) ?? planOffer(pos, target));
  if (acceptable && (plan === null || offered >= plan.net)) return { type: "accept", by: me };
  if (plan === null) return { type: "walk_away", by: me };
  const questionId = questionToAsk(pos, profile);
  if (questionId) return { type: "ask", by: me, questionId };
  return { type: "offer", by: me, terms: plan.terms };
}

/**
 * A tit-for-tat bot that gives nothing this turn repeats its standing offer: planning afresh
 * may round to a package a price step below it, and step after step that would concede to a wall.
 */
function holdingOffer(pos: Position, profile: BotProfile, target: number): Plan | null {
  const mine = pos.view.standing[pos.me];
  if (profile.tactic !== "tit_for_tat" || !mine) return null;
  const net = netOfPackage(pos, mine.terms, pos.penaltyAtStrike);
  const price = mine.terms[pos.space.price.id] as number;
  const offerable = price <= pos.ceiling && pos.allowed.includes(comboOf(pos.space, mine.terms));
  return net !== null && net >= 0 && net <= target && offerable ? { terms: mine.terms, net } : null;
}
