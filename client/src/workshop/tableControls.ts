import { WORKSHOP_TABLE_CONTROLS, type WorkshopTableControlType } from "../../../shared/protocol/tableControls.js";
import { h } from "../ui/dom.js";
import type { WorkshopSession } from "./session.js";

/*
 * The controls for one table — start now (while it reads its briefs), pause or resume, +60 s,
 * a curve ball, end — wherever the
 * facilitator sees that table: its tile on the grid and its Watch view. Both send them the same
 * way, through the workshop room, which applies them at the table and answers for it.
 */

export const CONTROLS = WORKSHOP_TABLE_CONTROLS;
export type TableControl = WorkshopTableControlType;

export function sendTableControl(session: WorkshopSession, type: TableControl, table: string): void {
  if (type === "add_time") return session.send("add_time", { table, seconds: 60 });
  if (type === "end_table" && !window.confirm("End this table's game now, with no deal?")) return;
  session.send(type, { table });
}

/** The buttons of a table still playing; a paused one gets Resume for Pause, one reading its briefs Start now. */
export function tableControlButtons(state: { readonly paused: boolean; readonly reading: boolean }, control: (type: TableControl) => void): HTMLElement[] {
  return [
    ...(state.reading ? [h("button", { type: "button", class: "primary", "data-control": "start_now", onclick: () => control("start_now") }, "Start now")] : []),
    state.paused
      ? h("button", { type: "button", "data-control": "resume", onclick: () => control("resume") }, "Resume")
      : h("button", { type: "button", "data-control": "pause", onclick: () => control("pause") }, "Pause"),
    h("button", { type: "button", "data-control": "add_time", onclick: () => control("add_time") }, "+60 s"),
    h("button", { type: "button", "data-control": "curveball", onclick: () => control("curveball") }, "Curve ball"),
    h("button", { type: "button", class: "danger-outline", "data-control": "end_table", onclick: () => control("end_table") }, "End"),
  ];
}
