import type { WorkshopCommand, WorkshopCommandType } from "./commands.js";
import type { StepResult } from "./result.js";
import { broadcast, setAnonymous } from "./rules/announcements.js";
import { control } from "./rules/controls.js";
import { join, leave, remove, returnTo } from "./rules/roster.js";
import { endRound, gameSummarized, openingFailed, propose, seatWaiting, startRound, tableFinished, tableOpened, tablesPlaced } from "./rules/rounds.js";
import type { WorkshopState } from "./state.js";

export type CommandOf<T extends WorkshopCommandType> = Extract<WorkshopCommand, { type: T }>;

/**
 * The workshop's one entry point, like the engine's apply: a pure function of the state and the
 * command, giving the next state and what the room is to do, or a refusal that changes nothing.
 */
export function step(state: WorkshopState, command: WorkshopCommand): StepResult {
  switch (command.type) {
    case "join":
      return join(state, command);
    case "return":
      return returnTo(state, command);
    case "leave":
      return leave(state, command);
    case "remove":
      return remove(state, command);
    case "broadcast":
      return broadcast(state, command);
    case "set_anonymous":
      return setAnonymous(state, command);
    case "propose":
      return propose(state, command);
    case "start_round":
      return startRound(state, command);
    case "seat_waiting":
      return seatWaiting(state, command);
    case "table_opened":
      return tableOpened(state, command);
    case "tables_placed":
      return tablesPlaced(state);
    case "opening_failed":
      return openingFailed(state);
    case "control":
      return control(state, command);
    case "end_round":
      return endRound(state, command);
    case "table_finished":
      return tableFinished(state, command);
    case "game_summarized":
      return gameSummarized(state, command);
    default:
      return unreachable(command);
  }
}

function unreachable(command: never): never {
  throw new Error(`unhandled workshop command ${JSON.stringify(command)}`);
}
