import type { CommandOf } from "../step.js";
import { done, refuse, type StepResult } from "../result.js";
import { runningRound, tableLabel, type WorkshopState } from "../state.js";

/** A control is for one table of the running round, or for all of them. */
export function control(state: WorkshopState, command: CommandOf<"control">): StepResult {
  const round = runningRound(state);
  if (!round) return refuse("workshop/bad_moment", "No round is running.");
  const tables = command.table === undefined ? round.tables : round.tables.filter((t) => t.code === command.table);
  if (tables.length === 0 && command.table !== undefined) return refuse("workshop/unknown_table", `Table ${command.table} is not part of round ${round.number}.`);
  return done(state, { kind: "control_tables", control: command.control, action: command.action, tables: tables.map((t) => ({ code: t.code, label: tableLabel(state, t) })) });
}
