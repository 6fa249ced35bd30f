import type { WorkshopErrorCode } from "../../protocol/workshop.js";
import type { Effect } from "./effects.js";
import type { WorkshopState } from "./state.js";

/** Stable codes for a refused command: the workshop protocol's. */
export type CoreErrorCode = WorkshopErrorCode;
export type CoreError = { readonly code: CoreErrorCode; readonly message: string };

/** A refused command changes nothing: the state stays the one given. */
export type StepResult =
  | { readonly ok: true; readonly state: WorkshopState; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: CoreError };

export function done(state: WorkshopState, ...effects: Effect[]): StepResult {
  return { ok: true, state, effects };
}

export function refuse(code: CoreErrorCode, message: string): StepResult {
  return { ok: false, error: { code, message } };
}
