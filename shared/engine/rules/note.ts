import { MAX_NOTE_LENGTH, MAX_NOTEPAD_CHARS, MAX_NOTES_PER_SIDE, type ActionOf } from "../actions.js";
import { ruleError, type RuleError } from "../errors.js";
import type { Step } from "../flow.js";
import { withRole } from "../roles.js";
import { currentRound } from "../state.js";
import { groupThousands } from "../terms.js";

/**
 * Write in your private notepad; allowed at any time while the game runs, turn or not. The
 * notepad is capped (count and characters), so a table's state and what it replays stay bounded.
 */
export function note(step: Step, action: ActionOf<"note">): RuleError | null {
  const text = typeof action.text === "string" ? action.text.trim() : "";
  if (text.length === 0) return ruleError("rule/bad_note", "A note needs some text.");
  if (text.length > MAX_NOTE_LENGTH) return ruleError("rule/bad_note", `A note can hold at most ${MAX_NOTE_LENGTH} characters.`);
  const s = step.state;
  const side = s.sides[action.by];
  if (side.notes.length >= MAX_NOTES_PER_SIDE)
    return ruleError("rule/notepad_full", `Your notepad is full: it holds ${MAX_NOTES_PER_SIDE} notes. Keep playing — the notes you have are kept for your debrief.`);
  const used = notepadChars(side.notes);
  if (used + text.length > MAX_NOTEPAD_CHARS)
    return ruleError(
      "rule/notepad_full",
      `Your notepad is nearly full: ${groupThousands(MAX_NOTEPAD_CHARS - used)} of its ${groupThousands(MAX_NOTEPAD_CHARS)} characters are left, and this note has ${groupThousands(text.length)}. Shorten it.`,
    );
  const entry = { turn: s.turn, round: currentRound(s), at: step.now, text };
  step.update({ sides: withRole(s.sides, action.by, { ...side, notes: [...side.notes, entry] }) });
  step.emit({ type: "note_taken", by: action.by, text }, action.by);
  return null;
}

/** Characters a notepad holds, as the cap counts them (each note's trimmed text). */
export function notepadChars(notes: readonly { readonly text: string }[]): number {
  let total = 0;
  for (const n of notes) total += n.text.length;
  return total;
}
