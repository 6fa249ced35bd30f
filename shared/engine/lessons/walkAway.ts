import type { Outcome, Package } from "../state.js";
import { termsMoney } from "../valuation.js";
import { type Context, good, info, noZoneText, priceOf, type Verdict, warn, whyNotSign, worthAccepting, zoneText } from "./context.js";

/*
 * The debrief lesson "Be willing to walk away". Walk-aways are net figures (price less what the
 * other terms are worth or cost), so a deal is judged on its net, never on its price alone; and
 * an offer that could not be signed is named for its real reason: short of the walk-away, or
 * above a cap.
 */

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

/**
 * "You accepted their offer of $2,400 against your walk-away of $2,500", with the net the
 * walk-away is measured against named whenever the other terms make it differ from the price.
 */
function againstLimit(c: Context, opening: string, terms: Package): string {
  const net = priceOf(terms) - termsMoney(c.state.scenario, c.state.sides[c.seat], terms);
  const limit = `your walk-away of ${c.money(c.state.sides[c.seat].walkAway)}`;
  if (net === priceOf(terms)) return `${opening} against ${limit}`;
  return `${opening}; with the other terms that is ${c.seat === "buyer" ? "a net cost" : "a net revenue"} of ${c.money(net)} against ${limit}`;
}

function dealVerdict(c: Context, deal: Extract<Outcome, { kind: "deal" }>): Verdict {
  const mine = c.score.surplus[c.seat];
  const penalty = c.score.penalties[c.seat];
  const price = c.money(priceOf(deal.terms));
  const opening = deal.acceptedBy === c.seat ? `You accepted their offer of ${price}` : `They accepted your offer of ${price}`;
  const better = (n: number) => (n >= 0 ? `${c.money(n)} better` : `${c.money(-n)} worse`);
  const result =
    penalty > 0 ? `${better(mine + penalty)}, less ${c.money(penalty)} of hot-button costs for closing in round ${deal.round}: ${better(mine)} in the end` : better(mine);
  const against = `${againstLimit(c, opening, deal.terms)}: ${result}.`;
  if (mine < 0) return warn(`${against} No deal would have been better. Be willing to walk away.`);
  return good(`${against}${shareText(c, mine)}${nashText(c)}`);
}

/** How the value the deal created was split, said so that no figure contradicts the reveal. */
function shareText(c: Context, mine: number): string {
  const { joint } = c.score;
  const best = c.analysis.bestJoint;
  const theirs = c.score.surplus[c.other];
  if (theirs < 0) return ` They signed ${c.money(-theirs)} below their walk-away, so you gained more than the deal created for the two of you.`;
  if (joint <= 0 || best <= 0) return "";
  const kept = Math.round((mine / joint) * 100);
  return ` Together you made ${c.money(joint)} of the ${c.money(best)} the best deal could have made, and you kept ${kept} % of it.`;
}

function nashText(c: Context): string {
  const nash = c.analysis.nash;
  return nash ? ` The Nash point — the split that makes both gains as large as they can be together — would have given you ${c.money(nash[c.seat])}.` : "";
}

function myWalkAwayVerdict(c: Context, round: number): Verdict {
  if (!c.analysis.exists) return good(`You walked away, and rightly: ${noZoneText(c)}.`);
  const theirs = c.state.standing[c.other];
  const gain = worthAccepting(c, c.seat, theirs, round);
  if (theirs && gain !== null)
    return warn(`You walked away from their offer of ${c.money(priceOf(theirs.terms))}, which was ${c.money(gain)} better than your walk-away. A deal above your limit beats no deal.`);
  const last = theirs ? `Their last offer of ${c.money(priceOf(theirs.terms))} ${whyNotSign(c, c.seat, theirs, round) ?? "did not work for you"}, but` : "They had made no offer, but";
  return info(`You walked away without a deal that worked for you. ${last} ${zoneText(c)}: a deal was there to be found.`);
}

function theirWalkAwayVerdict(c: Context): Verdict {
  if (!c.analysis.exists) return info(`They walked away, which was the right call: ${noZoneText(c)}.`);
  const mine = c.state.standing[c.seat];
  if (!mine) return info(`They walked away before you had made an offer, although ${zoneText(c)}.`);
  const why = whyNotSign(c, c.other, mine, c.outcome.round);
  if (why === null) {
    const theirGain = worthAccepting(c, c.other, mine, c.outcome.round) ?? 0;
    return info(`They walked away from your offer of ${c.money(priceOf(mine.terms))} although it left them ${c.money(theirGain)} above their walk-away.`);
  }
  return info(`They walked away: your last offer of ${c.money(priceOf(mine.terms))} ${why}, although ${zoneText(c)}.`);
}

function noDealVerdict(c: Context, reason: string, round: number, toneIfMissed: "warn" | "info"): Verdict {
  if (!c.analysis.exists) return good(`${reason} with no deal, and none was possible: ${noZoneText(c)}.`);
  const theirs = c.state.standing[c.other];
  const gain = worthAccepting(c, c.seat, theirs, round);
  if (theirs && gain !== null) {
    const text = `${reason} while their offer of ${c.money(priceOf(theirs.terms))} stood ${c.money(gain)} better than your walk-away: accepting it would have beaten no deal.`;
    return toneIfMissed === "warn" ? warn(text) : info(text);
  }
  return info(`${reason} with no deal, although ${zoneText(c)}.`);
}
