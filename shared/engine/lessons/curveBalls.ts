import { reaches, type GameEvent } from "../events.js";
import { capitalise, concededAt, type Context, good, info, plural, type Verdict, warn } from "./context.js";

/* The debrief lesson "Curve balls". */

export function curveBallLine(c: Context): Verdict {
  const seen = c.state.timeline.filter(
    (e): e is Extract<GameEvent, { type: "card_drawn" | "card_hidden" }> =>
      (e.type === "card_drawn" || e.type === "card_hidden") && reaches(e.audience, c.seat),
  );
  if (seen.length === 0) return info("No curve ball came up in this game.");
  let flinched = false;
  const parts = seen.map((e) => {
    const name = e.type === "card_drawn" ? `"${e.card.title}" (round ${e.round})` : `a private card on their side (round ${e.round})`;
    const answer = nextMove(c, e.seq);
    const landedOnMe = e.type === "card_drawn" && (e.card.side === c.seat || e.card.visibility === "public");
    if (landedOnMe && answer.conceded !== null && isFlinch(c, e.seq, answer.conceded)) flinched = true;
    return `${name}: ${answer.text}`;
  });
  const lesson = flinched ? " A big concession right after a surprise is a flinch: take the pitch, then act." : "";
  const text = `${plural(seen.length, "curve ball")} reached you. ${capitalise(parts.join("; "))}.${lesson}`;
  return flinched ? warn(text) : good(text);
}

/** What `seat` did next after the event numbered `seq`. */
function nextMove(c: Context, seq: number): { text: string; conceded: number | null } {
  for (const e of c.state.timeline.slice(seq + 1)) {
    switch (e.type) {
      case "offer_made": {
        if (e.by !== c.seat) continue;
        const conceded = concededAt(c, e.turn);
        if (conceded > 0) return { text: `your next offer gave up ${c.money(conceded)}`, conceded };
        if (conceded < 0) return { text: `your next offer took back ${c.money(-conceded)}`, conceded: 0 };
        return { text: "your next offer held your position", conceded: 0 };
      }
      case "question_asked":
        if (e.by === c.seat) return { text: "you asked a question first", conceded: null };
        continue;
      case "deal":
        return { text: e.acceptedBy === c.seat ? "you accepted their offer" : "they accepted your offer", conceded: null };
      case "walked_away":
        return { text: e.by === c.seat ? "you walked away" : "they walked away", conceded: null };
      case "turn_timed_out":
        if (e.by === c.seat) return { text: "your turn ran out", conceded: null };
        continue;
      case "game_over":
        return { text: "the game ended before you moved", conceded: null };
      default:
        continue;
    }
  }
  return { text: "the game ended before you moved", conceded: null };
}

/**
 * A concession well above what `seat` had been giving per counter-offer before the card. An
 * opening offer concedes nothing by definition, so it is no baseline.
 */
function isFlinch(c: Context, cardSeq: number, conceded: number): boolean {
  if (conceded <= 0) return false;
  const earlier = c.state.timeline.filter((e) => e.seq < cardSeq && e.type === "offer_made" && e.by === c.seat).slice(1);
  if (earlier.length === 0) return false;
  const average = earlier.reduce((sum, e) => sum + concededAt(c, e.turn), 0) / earlier.length;
  return conceded > 2 * average;
}
