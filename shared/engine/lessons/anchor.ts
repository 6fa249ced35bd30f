import type { Role } from "../roles.js";
import { brokenCap, utility } from "../valuation.js";
import { capitalise, type Context, good, info, noZoneText, priceOf, type Verdict, warn, zoneText } from "./context.js";

/* The debrief lesson "Opening anchor". */

export function anchorLine(c: Context): Verdict {
  const first = (role: Role) => c.state.offers.find((o) => o.by === role) ?? null;
  const mine = first(c.seat);
  const theirs = first(c.other);
  if (!mine) {
    const frame = theirs ? ` Their opening of ${c.money(priceOf(theirs.terms))} set the frame.` : "";
    return info(`You never put an offer of your own on the table.${frame} An early offer anchors the talks where you want them.`);
  }
  const price = c.money(priceOf(mine.terms));
  const opened = theirs && theirs.turn < mine.turn ? `You opened at ${price} after their opening of ${c.money(priceOf(theirs.terms))}` : `You opened first, at ${price}`;
  const forMe = utility(c.state.scenario, c.seat, c.state.sides[c.seat], mine.terms);
  const forThem = utility(c.state.scenario, c.other, c.state.sides[c.other], mine.terms);
  const cap = brokenCap(c.state.sides[c.other], mine.terms);
  const zone = c.analysis.exists ? ` ${capitalise(zoneText(c))}.` : ` There was no zone of agreement: ${noZoneText(c)}.`;
  if (forMe < 0) return warn(`${opened}, already ${c.money(-forMe)} past your own walk-away: open on your side of your limit.${zone}`);
  if (forThem >= 0 && !cap)
    return warn(`${opened}, inside what they could accept: it left them ${c.money(forThem)} above their walk-away, so they could have taken it at once. Opening beyond their limit leaves room to concede.${zone}`);
  const beyond = cap ? `above their ${cap.label.toLowerCase()} cap (they could not sign it)` : `${c.money(-forThem)} beyond what they could accept`;
  return good(`${opened}: ${c.money(forMe)} better than your walk-away and ${beyond}, so you had room to concede.${zone}`);
}
