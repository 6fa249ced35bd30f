import { MAX_NOTE_LENGTH, type ActionOf } from "../actions.js";
import { ruleError, type RuleError } from "../errors.js";
import type { Step } from "../flow.js";
import { withRole } from "../roles.js";
import { currentRound } from "../state.js";

/** Write in your private notepad; allowed at any time while the game runs, turn or not. */
export function note(step: Step, action: ActionOf<"note">): RuleError | null {
  const text = typeof action.text === "string" ? action.text.trim() : "";
  if (text.length === 0) return ruleError("rule/bad_note", "A note needs some text.");
  if (text.length > MAX_NOTE_LENGTH) return ruleError("rule/bad_note", `A note can hold at most ${MAX_NOTE_LENGTH} characters.`);
  const s = step.state;
  const side = s.sides[action.by];
  const entry = { turn: s.turn, round: currentRound(s), at: step.now, text };
  step.update({ sides: withRole(s.sides, action.by, { ...side, notes: [...side.notes, entry] }) });
  step.emit({ type: "note_taken", by: action.by, text }, action.by);
  return null;
}
