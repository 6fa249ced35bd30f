import { type Context, good, plural, type Verdict, warn } from "./context.js";

/* The debrief lesson "Listening". */

export function listeningLine(c: Context): Verdict {
  const mine = c.state.interruptions[c.seat];
  const theirs = c.state.interruptions[c.other];
  const them = theirs > 0 ? ` They acted out of turn ${plural(theirs, "time")}.` : "";
  if (mine === 0) return good(`You never acted out of turn: you let them finish every move.${them}`);
  const attempts = new Map<string, number>();
  for (const e of c.state.timeline) if (e.type === "interruption" && e.by === c.seat) attempts.set(e.attempted, (attempts.get(e.attempted) ?? 0) + 1);
  const what = [...attempts].map(([type, n]) => `${plural(n, ATTEMPT_WORDS[type] ?? type)}`).join(", ");
  return warn(`You tried to act out of turn ${plural(mine, "time")} (${what}). Wait for their move, and listen to it.${them}`);
}

const ATTEMPT_WORDS: Readonly<Record<string, string>> = { offer: "offer", accept: "acceptance", ask: "question", walk_away: "walk-away" };
