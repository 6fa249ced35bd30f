import type { DebriefTone, LessonId } from "../../../shared/engine/debrief.js";
import { ROLES, type Role } from "../../../shared/engine/roles.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { roleLabel } from "./labels.js";

export type DebriefLineVM = { readonly lesson: string; readonly tone: DebriefTone; readonly text: string };
/** One block of lessons per seat the viewer may read: their own, or both for a facilitator. */
export type DebriefVM = readonly { readonly role: Role; readonly title: string; readonly lines: readonly DebriefLineVM[] }[];

const LESSON_TITLES: Record<LessonId, string> = {
  "walk-away": "Walk-away",
  anchor: "Opening anchor",
  position: "Strengths and weaknesses",
  discovery: "Questions",
  "curve-balls": "Curve balls",
  reciprocity: "Reciprocity",
  listening: "Listening",
  notes: "Notes",
};

export function debriefOf(view: TableView, ctx: TableContext): DebriefVM {
  if (view.phase !== "finished" || !ctx.debrief) return [];
  const lines = ctx.debrief;
  return ROLES.filter((role) => lines[role] !== undefined).map((role) => ({
    role,
    title: view.viewer === role ? "Your debrief" : `The ${roleLabel(role).toLowerCase()}'s debrief`,
    lines: (lines[role] ?? []).map((l) => ({ lesson: LESSON_TITLES[l.lesson], tone: l.tone, text: l.text })),
  }));
}
