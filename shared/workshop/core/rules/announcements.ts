import type { CommandOf } from "../step.js";
import { done, type StepResult } from "../result.js";
import { BROADCASTS_KEPT, type WorkshopState } from "../state.js";

export function broadcast(state: WorkshopState, command: CommandOf<"broadcast">): StepResult {
  const entry = { text: command.text, at: command.at };
  return done({ ...state, broadcasts: [...state.broadcasts, entry].slice(-BROADCASTS_KEPT) }, { kind: "store", write: { type: "broadcast", entry } }, { kind: "broadcast", entry });
}

/** Kept with the workshop's settings before anyone is told: a restart keeps the wall anonymous. */
export function setAnonymous(state: WorkshopState, command: CommandOf<"set_anonymous">): StepResult {
  return done({ ...state, anonymous: command.anonymous }, { kind: "store", write: { type: "anonymous", anonymous: command.anonymous } }, { kind: "lobby" });
}
