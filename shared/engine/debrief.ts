import { otherRole, type Role } from "./roles.js";
import { analyzeTable } from "./scoring.js";
import type { TableState } from "./state.js";
import { formatMoney } from "./terms.js";
import { anchorLine } from "./lessons/anchor.js";
import type { Context, DebriefTone, Verdict } from "./lessons/context.js";
import { curveBallLine } from "./lessons/curveBalls.js";
import { discoveryLine } from "./lessons/discovery.js";
import { listeningLine } from "./lessons/listening.js";
import { notesLine } from "./lessons/notes.js";
import { positionLine } from "./lessons/position.js";
import { reciprocityLine } from "./lessons/reciprocity.js";
import { walkAwayLine } from "./lessons/walkAway.js";

/*
 * The player's debrief: one line per lesson of the trainer's notes, each computed from what
 * happened at the table and written in plain words (docs/debrief.md). Everything is judged
 * against the final numbers, the ones the end-of-game reveal shows both players. Each lesson
 * lives in its own file under lessons/.
 */

export const LESSONS = ["walk-away", "anchor", "position", "discovery", "curve-balls", "reciprocity", "listening", "notes"] as const;
export type LessonId = (typeof LESSONS)[number];

export type { DebriefTone };
export type DebriefLine = { readonly lesson: LessonId; readonly tone: DebriefTone; readonly text: string };

const LINES: { readonly [L in LessonId]: (c: Context) => Verdict } = {
  "walk-away": walkAwayLine,
  anchor: anchorLine,
  position: positionLine,
  discovery: discoveryLine,
  "curve-balls": curveBallLine,
  reciprocity: reciprocityLine,
  listening: listeningLine,
  notes: notesLine,
};

/** One line per lesson, in LESSONS order, for `seat` once the game is over. */
export function debrief(state: TableState, seat: Role): DebriefLine[] {
  // The lines quote the other side's walk-away and valuations: they must not exist mid-game.
  if (state.phase !== "finished" || !state.outcome || !state.score) throw new Error("A debrief exists only once the game is over.");
  const c: Context = {
    state,
    seat,
    other: otherRole(seat),
    outcome: state.outcome,
    score: state.score,
    analysis: analyzeTable(state),
    money: (amount) => formatMoney(amount, state.scenario.currency),
  };
  return LESSONS.map((lesson) => ({ lesson, ...LINES[lesson](c) }));
}
