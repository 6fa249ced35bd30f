import type { Outcome } from "../state.js";
import { type Context, good, info, limitsText, NO_ZOPA, priceOf, surplusAt, type Verdict, warn, worthAccepting, zopaText } from "./context.js";

/* The debrief lesson "Be willing to walk away". */

export function walkAwayLine(c: Context): Verdict {
  const { outcome } = c;
  switch (outcome.kind) {
    case "deal":
      return dealVerdict(c, outcome);
    case "walkaway":
      return outcome.by === c.seat ? myWalkAwayVerdict(c, outcome.round) : theirWalkAwayVerdict(c);
    case "expired":
      return noDealVerdict(c, "Time ran out", outcome.round, "warn");
    case "ended":
      return noDealVerdict(c, "The facilitator ended the game", outcome.round, "info");
    case "abandoned":
      return outcome.by === c.seat
        ? noDealVerdict(c, "You left the table", outcome.round, "warn")
        : noDealVerdict(c, "They left the table", outcome.round, "info");
  }
}

function dealVerdict(c: Context, deal: Extract<Outcome, { kind: "deal" }>): Verdict {
  const mine = c.score.surplus[c.seat];
  const penalty = c.score.penalties[c.seat];
  const price = c.money(priceOf(deal.terms));
  const opening = deal.acceptedBy === c.seat ? `You accepted their offer of ${price}` : `They accepted your offer of ${price}`;
  const late = penalty > 0 ? `, after ${c.money(penalty)} of hot-button penalties for closing in round ${deal.round}` : "";
  const limit = c.money(c.state.sides[c.seat].walkAway);
  if (mine < 0)
    return warn(`${opening}, which left you ${c.money(-mine)} worse off than your walk-away of ${limit}${late}: no deal would have been better. Be willing to walk away.`);
  const share =
    c.score.joint > 0
      ? ` The deal created ${c.money(c.score.joint)} of the ${c.money(c.analysis.bestJoint)} this draw allowed, and you kept ${Math.round((mine / c.score.joint) * 100)}% of it.`
      : "";
  const nash = c.analysis.nash ? ` The Nash point would have given you ${c.money(c.analysis.nash[c.seat])}.` : "";
  return good(`${opening}: ${c.money(mine)} better than your walk-away of ${limit}${late}.${share}${nash}`);
}

function myWalkAwayVerdict(c: Context, round: number): Verdict {
  if (!c.analysis.zopaExists) return good(`You walked away, and rightly: ${NO_ZOPA} (${limitsText(c)}).`);
  const theirs = c.state.standing[c.other];
  const gain = worthAccepting(c, c.seat, theirs, round);
  if (theirs && gain !== null)
    return warn(`You walked away from their offer of ${c.money(priceOf(theirs.terms))}, which was ${c.money(gain)} better than your walk-away. A deal above your limit beats no deal.`);
  const last = theirs ? `Their last offer was short of your walk-away, but` : `They had made no offer, but`;
  return info(`You walked away without a deal that worked for you. ${last} ${zopaText(c)}: trading on the other terms might have found it.`);
}

function theirWalkAwayVerdict(c: Context): Verdict {
  if (!c.analysis.zopaExists) return info(`They walked away, which was the right call: ${NO_ZOPA} (${limitsText(c)}).`);
  const mine = c.state.standing[c.seat];
  if (!mine) return info(`They walked away before you had made an offer, although ${zopaText(c)}.`);
  const theirGain = surplusAt(c, c.other, mine.terms, c.outcome.round);
  if (theirGain >= 0)
    return info(`They walked away from your offer of ${c.money(priceOf(mine.terms))} although it left them ${c.money(theirGain)} above their walk-away.`);
  return info(`They walked away: your last offer was ${c.money(-theirGain)} short of their walk-away, although ${zopaText(c)}.`);
}

function noDealVerdict(c: Context, reason: string, round: number, toneIfMissed: "warn" | "info"): Verdict {
  if (!c.analysis.zopaExists) return good(`${reason} with no deal, and none was possible: ${NO_ZOPA} (${limitsText(c)}).`);
  const theirs = c.state.standing[c.other];
  const gain = worthAccepting(c, c.seat, theirs, round);
  if (theirs && gain !== null) {
    const text = `${reason} while their offer of ${c.money(priceOf(theirs.terms))} stood ${c.money(gain)} better than your walk-away: accepting it would have beaten no deal.`;
    return toneIfMissed === "warn" ? warn(text) : info(text);
  }
  return info(`${reason} with no deal, although ${zopaText(c)}.`);
}
