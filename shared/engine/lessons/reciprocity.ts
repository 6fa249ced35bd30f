import { concessionFigures, type ConcessionFigures } from "../concessionFigures.js";
import { isConcession } from "../ledger.js";
import { capitalise, type Context, good, info, issueById, plural, type Verdict, warn } from "./context.js";

/*
 * The debrief lesson "Reciprocity". Every figure comes from concessionFigures: concessions and
 * retractions counted as the ledger does, money net of what was taken back, and that money as a
 * share of the distance between the two openings.
 */

export function reciprocityLine(c: Context): Verdict {
  const mine = concessionFigures(c.state, c.seat);
  const theirs = concessionFigures(c.state, c.other);
  const moved = (f: ConcessionFigures) => f.concessions + f.retractions > 0;
  if (!moved(mine) && !moved(theirs)) return info("Neither side conceded anything: the first positions never moved.");
  const figures = `${capitalise(sideText(c, mine, "you"))}; ${sideText(c, theirs, "they")}.`;
  if (mine.retractions > 0)
    return warn(`${figures} Taking back ground you gave tells the other side your offers do not hold: if you must, trade it back for something.`);
  const again = gaveAgainUnanswered(c);
  if (again > 0)
    return warn(`${figures} ${plural(again, "time")} you gave again after they had answered your last concession with nothing. If you give something up, expect something back.`);
  if (mine.concessions > 0 && theirs.concessions === 0)
    return warn(`${figures} None of yours was answered with one of theirs. If you give something up, expect something back.`);
  if (mine.concessions === 0)
    return info(
      theirs.concessions > 0
        ? `${figures} You gave nothing back for theirs: holding firm can pay, but a side that gets nothing back stops giving.`
        : `${figures} Neither side gave new ground.`,
    );
  const open = mine.unreciprocated > 0 ? ` ${plural(mine.unreciprocated, "concession")} of yours went unanswered, but you did not chase them with more.` : "";
  if (mine.money > 2 * theirs.money)
    return info(`${figures}${open} They answered your moves, but with less than half as much: watch the exchange rate, not just the count.`);
  return good(`${figures}${open} You traded rather than gave.`);
}

/** "you made 2 concessions and 1 retraction (you moved back on price), giving up $200 net, 18% of the distance between the two openings". */
function sideText(c: Context, f: ConcessionFigures, who: "you" | "they"): string {
  const [own, other] = who === "you" ? ["your", "their"] : ["their", "your"];
  const made = f.concessions === 0 ? "made no concession" : `made ${plural(f.concessions, "concession")}`;
  const issues = f.retractedIssues.map((id) => issueById(c, id).label.toLowerCase()).join(", ");
  const retracted = f.retractions > 0 ? ` and ${plural(f.retractions, "retraction")} (${who} moved back on ${issues})` : "";
  if (f.money <= 0) return `${who} ${made}${retracted}${f.concessions + f.retractions > 0 ? `, giving up nothing net against ${own} opening` : ""}`;
  const share = f.share === null ? "" : `, ${Math.round(f.share * 100)}% of the distance between the two openings`;
  const past = f.pastTheirOpening ? `: more than all of it, because ${own} last offer gave more than ${other} opening asked for` : "";
  return `${who} ${made}${retracted}, giving up ${c.money(f.money)} net${share}${past}`;
}

/** Offers of `seat` that made a new concession while `seat`'s previous concession had just gone unanswered. */
function gaveAgainUnanswered(c: Context): number {
  const mine = c.state.ledger.filter((l) => l.by === c.seat && isConcession(l));
  const turns = [...new Set(mine.map((l) => l.turn))].sort((a, b) => a - b);
  let count = 0;
  for (let i = 1; i < turns.length; i++) if (mine.some((l) => l.turn === turns[i - 1] && l.status === "unreciprocated")) count++;
  return count;
}
