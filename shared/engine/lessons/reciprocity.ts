import { ledgerBalance } from "../ledger.js";
import type { Role } from "../roles.js";
import type { Concession } from "../state.js";
import { type Context, good, info, plural, type Verdict, warn } from "./context.js";

/* The debrief lesson "Reciprocity". */

export function reciprocityLine(c: Context): Verdict {
  const by = (role: Role) => c.state.ledger.filter((l) => l.by === role);
  const mine = by(c.seat);
  const theirs = by(c.other);
  if (mine.length === 0 && theirs.length === 0) return info("Neither side conceded anything: the first positions never moved.");
  const sum = (list: readonly Concession[]) => list.reduce((total, l) => total + l.money, 0);
  const balance = ledgerBalance(c.state.ledger)[c.seat];
  const given = `You made ${plural(mine.length, "concession")} worth ${c.money(sum(mine))} to you; they made ${theirs.length}, worth ${c.money(sum(theirs))} to them.`;
  const again = gaveAgainUnanswered(c);
  if (again > 0)
    return warn(`${given} ${plural(again, "time")} you gave again after they had answered your last concession with nothing. If you give something up, expect something back.`);
  if (mine.length > 0 && theirs.length === 0) return warn(`${given} None of yours was answered. If you give something up, expect something back.`);
  const open = balance.unreciprocated > 0 ? ` ${plural(balance.unreciprocated, "concession")} of yours went unanswered, but you did not chase them with more.` : "";
  if (sum(mine) > 2 * sum(theirs))
    return info(`${given}${open} They answered your moves, but with less than half as much: watch the exchange rate, not just the count.`);
  return good(`${given}${open} You traded rather than gave.`);
}

/** Offers of `seat` that conceded while `seat`'s previous concession had just gone unanswered. */
function gaveAgainUnanswered(c: Context): number {
  const turns = [...new Set(c.state.ledger.filter((l) => l.by === c.seat).map((l) => l.turn))].sort((a, b) => a - b);
  let count = 0;
  for (let i = 1; i < turns.length; i++) {
    const previous = c.state.ledger.filter((l) => l.by === c.seat && l.turn === turns[i - 1]);
    if (previous.some((l) => l.status === "unreciprocated")) count++;
  }
  return count;
}
