import type { Role } from "../../../shared/engine/roles.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { roleLabel } from "./labels.js";

export type SeatVM = {
  readonly role: Role;
  readonly roleLabel: string;
  /** The player's display name, or a placeholder while the seat is empty. */
  readonly name: string;
  readonly isYou: boolean;
  readonly toAct: boolean;
  readonly taken: boolean;
  readonly connected: boolean;
  readonly bot: boolean;
  readonly interruptions: number;
  readonly presence: string;
};

/** The viewer sits at the near edge; spectators look at the table from the buyer's side. */
export function seatsOf(view: TableView, ctx: TableContext): { readonly near: SeatVM; readonly far: SeatVM } {
  const near: Role = view.viewer === "seller" ? "seller" : "buyer";
  const far: Role = near === "buyer" ? "seller" : "buyer";
  return { near: seat(view, ctx, near), far: seat(view, ctx, far) };
}

function seat(view: TableView, ctx: TableContext, role: Role): SeatVM {
  const s = ctx.seats.find((x) => x.role === role);
  const taken = s?.taken ?? false;
  const connected = s?.connected ?? false;
  const bot = s?.bot ?? false;
  const isYou = view.viewer === role;
  const presence = !taken ? "Seat open" : bot ? "Bot" : connected ? "Online" : "Disconnected";
  return {
    role,
    roleLabel: roleLabel(role),
    name: s?.name.trim() || (taken ? roleLabel(role) : "Waiting for a player"),
    isYou,
    // Nobody is to act while the table reads its briefs.
    toAct: view.phase !== "finished" && view.preparation === null && view.toAct === role,
    taken,
    connected,
    bot,
    interruptions: view.interruptions[role],
    presence,
  };
}
