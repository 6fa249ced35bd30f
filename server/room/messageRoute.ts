import type { Action } from "../../shared/engine/index.js";
import { isTableControl, parseClientMessage, type ProtocolErrorCode } from "../../shared/protocol/messages.js";
import { tableControlOf, type TableControl } from "../../shared/protocol/tableControls.js";
import type { Seating } from "./audience.js";
import { toAction } from "./toAction.js";

/** Said to anyone acting before the game has begun: the only thing missing is the other player. */
export const NOT_STARTED = "The game starts when both seats are filled.";

/** Where a client's message at a table goes, decided before anything is applied. */
export type MessageRoute =
  | { readonly kind: "refused"; readonly code: ProtocolErrorCode; readonly message: string }
  /** A facilitator's control (TableRoom.facilitatorControl). */
  | { readonly kind: "control"; readonly control: TableControl }
  /** A player's move, as the engine action of their seat. */
  | { readonly kind: "action"; readonly action: Action };

/** Whether the table takes messages now. */
type Moment = { readonly restarting: boolean; readonly started: boolean };

/** A message is checked with the shared protocol, then taken only from whom it may come from and when. */
export function routeMessage(type: unknown, payload: unknown, seating: Seating, moment: Moment): MessageRoute {
  const parsed = parseClientMessage(type, payload);
  if (!parsed.ok) return refused(parsed.code, parsed.message);
  if (moment.restarting) return refused("protocol/server_error", "The server is restarting: nothing changed. Your seat is kept.");
  if (!moment.started) return refused("protocol/not_started", NOT_STARTED);
  const { message } = parsed;
  if (isTableControl(message)) {
    if (seating.viewer !== "facilitator") return refused("protocol/not_allowed", `Only the facilitator may send "${message.type}".`);
    return { kind: "control", control: tableControlOf(message) };
  }
  const mapped = toAction(message, seating);
  return mapped.ok ? { kind: "action", action: mapped.action } : refused("protocol/not_allowed", mapped.message);
}

function refused(code: ProtocolErrorCode, message: string): MessageRoute {
  return { kind: "refused", code, message };
}
