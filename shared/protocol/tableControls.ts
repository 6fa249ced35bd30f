import { z } from "zod";
import type { Action } from "../engine/actions.js";
import { MAX_ADDED_SECONDS } from "../engine/rules/addTime.js";

/*
 * The facilitator's controls over one table, defined once: the table's own messages
 * (messages.ts), the workshop's controls (workshop.ts), the table room's entrance for both
 * (TableRoom.facilitatorControl) and the console's buttons all derive from this list.
 */

export const TABLE_CONTROLS = ["start_now", "pause", "resume", "add_time", "curveball", "end"] as const;
export type TableControlType = (typeof TABLE_CONTROLS)[number];

/** Each control's payload at a table; the workshop adds which table (or every table) it is for. */
export const tableControlSchemas = {
  // Ends reading time: the first turn's clock starts now.
  start_now: z.strictObject({}),
  pause: z.strictObject({}),
  resume: z.strictObject({}),
  add_time: z.strictObject({ seconds: z.int().min(1).max(MAX_ADDED_SECONDS) }),
  curveball: z.strictObject({ cardId: z.string().min(1).max(40).optional() }),
  end: z.strictObject({}),
} as const satisfies Record<TableControlType, z.ZodType>;

/** A control as the table's engine applies it: each one is an engine action of the same name. */
export type TableControl = Extract<Action, { type: TableControlType }>;

type PayloadOf<T extends TableControlType> = z.output<(typeof tableControlSchemas)[T]>;

/** A control as it arrives, validated: its type and payload (the workshop's payload also names a table). */
export type TableControlMessage = {
  [T in TableControlType]: { readonly type: T; readonly payload: PayloadOf<T> extends Record<string, never> ? object : PayloadOf<T> };
}[TableControlType];

export function isTableControlType(type: string): type is TableControlType {
  return (TABLE_CONTROLS as readonly string[]).includes(type);
}

/** The engine action a validated control stands for; anything else its payload carries (a table) stays out. */
export function tableControlOf(message: TableControlMessage): TableControl {
  switch (message.type) {
    case "add_time":
      return { type: "add_time", seconds: message.payload.seconds };
    case "curveball":
      return message.payload.cardId === undefined ? { type: "curveball" } : { type: "curveball", cardId: message.payload.cardId };
    default:
      return { type: message.type };
  }
}

/**
 * The workshop console names a control by its own message type: "end_table" (ending one table)
 * is kept apart from "end_round"; the others keep the table's name.
 */
export const WORKSHOP_TABLE_CONTROLS = ["start_now", "pause", "resume", "add_time", "curveball", "end_table"] as const;
export type WorkshopTableControlType = (typeof WORKSHOP_TABLE_CONTROLS)[number];

export function tableControlType(type: WorkshopTableControlType): TableControlType {
  return type === "end_table" ? "end" : type;
}

/** What the facilitator is told when a table took a control. */
export function controlDone(control: TableControl): string {
  switch (control.type) {
    case "start_now":
      return "Clock started.";
    case "pause":
      return "Paused.";
    case "resume":
      return "Resumed.";
    case "add_time":
      return `${control.seconds} s added to the turn.`;
    case "curveball":
      return "Curve ball thrown.";
    case "end":
      return "Game ended.";
  }
}
