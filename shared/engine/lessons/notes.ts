import { reaches, type GameEvent } from "../events.js";
import type { Role } from "../roles.js";
import { type Context, good, plural, priceOf, type Verdict, warn } from "./context.js";

/* The debrief lesson "Notes". */

const NOTES_LISTED = 4;

export function notesLine(c: Context): Verdict {
  const taken = c.state.timeline.filter((e) => e.type === "note_taken" && e.by === c.seat);
  if (taken.length === 0)
    return warn("You took no notes. Writing down what they say, above all their answers and the curve balls, gives you a record to use in the game and to review now.");
  const when = taken.slice(0, NOTES_LISTED).map((note) => {
    const before = precedingEvent(c, note.seq);
    return `round ${note.round}${before ? `, after ${before}` : ""}`;
  });
  const more = taken.length > NOTES_LISTED ? `, and ${taken.length - NOTES_LISTED} more` : "";
  return good(`You took ${plural(taken.length, "note")}: ${when.join("; ")}${more}. Read them beside the timeline: what did you notice, and what did you do with it?`);
}

/** The nearest earlier event `seat` saw, in words (notes and bookkeeping such as a new round are skipped). */
function precedingEvent(c: Context, seq: number): string | null {
  for (let i = seq - 1; i >= 0; i--) {
    const e = c.state.timeline[i];
    if (!e || !reaches(e.audience, c.seat)) continue;
    const words = eventWords(c, e);
    if (words) return words;
  }
  return null;
}

function eventWords(c: Context, e: GameEvent): string | null {
  const whose = (role: Role) => (role === c.seat ? "your" : "their");
  switch (e.type) {
    case "offer_made":
      return `${whose(e.by)} offer of ${c.money(priceOf(e.terms))}`;
    case "question_asked":
      return `${whose(e.by)} question "${e.text}"`;
    case "question_answered": {
      const question = c.state.scenario.questions.find((q) => q.id === e.questionId)?.text ?? e.questionId;
      return e.to === c.seat ? `the answer to your question "${question}"` : `the answer given for you to their question "${question}"`;
    }
    case "card_drawn":
      return `the curve ball "${e.card.title}"`;
    case "card_hidden":
      return "a private card on their side";
    case "fact_revealed":
      return "a leak about their position";
    case "deadline_changed":
      return `the deadline moving to round ${e.lastRound}`;
    case "turn_timed_out":
      return `${whose(e.by)} turn running out`;
    case "paused":
    case "resumed":
    case "time_added":
      return "a word from the facilitator";
    case "round_started":
    case "preparation_started":
    case "seat_ready":
    case "preparation_ended":
    case "concessions":
    case "note_taken":
    case "interruption":
    case "walked_away":
    case "deal":
    case "game_over":
      return null;
  }
}
