import { otherRole, type Role } from "../../../shared/engine/roles.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { outcomeLine, sideName } from "./labels.js";

/** The one line at the top of the table that says what is going on and what to do. */
export type StatusVM = {
  readonly kind:
    | "connecting"
    | "reconnecting"
    | "closed"
    | "waiting_for_opponent"
    | "opponent_away"
    | "paused"
    | "reading"
    | "your_turn"
    | "their_turn"
    | "watching"
    | "finished";
  readonly text: string;
  readonly tone: "neutral" | "action" | "warning" | "done";
  /** Server epoch ms the status counts down to (a dropped player's last moment to return, the end of reading time), if any. */
  readonly until: number | null;
};

export function statusOf(view: TableView, ctx: TableContext): StatusVM {
  const { viewer } = view;
  const me: Role | null = viewer === "buyer" || viewer === "seller" ? viewer : null;
  const who = (role: Role) => sideName(role, viewer, ctx.seats);
  if (ctx.catchingUp && ctx.link !== "closed") return { kind: "reconnecting", text: "Catching up with the table…", tone: "warning", until: null };
  switch (ctx.link) {
    case "connecting":
      return { kind: "connecting", text: "Joining the table…", tone: "neutral", until: null };
    case "reconnecting":
      return { kind: "reconnecting", text: "Connection lost — reconnecting to your seat…", tone: "warning", until: null };
    case "closed":
      return { kind: "closed", text: ctx.closedReason ?? "You left the table.", tone: "warning", until: null };
    case "live":
      break;
  }
  if (view.phase === "finished") {
    return { kind: "finished", text: view.outcome ? outcomeLine(view.outcome, viewer, ctx.seats) : "The game is over.", tone: "done", until: null };
  }
  if (!me && !ctx.started) return { kind: "waiting_for_opponent", text: "Waiting for both players to sit down.", tone: "neutral", until: null };
  if (me) {
    const other = otherRole(me);
    const seat = ctx.seats.find((s) => s.role === other);
    if (!seat?.taken || !ctx.started)
      return { kind: "waiting_for_opponent", text: `Waiting for the ${other} to join — the clock starts when they sit down.`, tone: "warning", until: null };
    if (!seat.connected && !seat.bot)
      return {
        kind: "opponent_away",
        text: `${who(other)} lost connection — their seat is held while they come back.`,
        tone: "warning",
        until: seat.returnBy > 0 ? seat.returnBy : null,
      };
  }
  if (view.phase === "paused") return { kind: "paused", text: "The facilitator has paused the game.", tone: "warning", until: null };
  // Reading time shows as "Reading time: 2:41 left": the status bar adds the time.
  if (view.phase === "preparing") return { kind: "reading", text: "Reading time:", tone: "neutral", until: view.preparation?.endsAt ?? null };
  if (!me) return { kind: "watching", text: `Watching — ${who(view.toAct)} to act, round ${view.round} of ${view.lastRound}.`, tone: "neutral", until: null };
  if (view.toAct === me)
    return { kind: "your_turn", text: "Your turn: make an offer, ask a question, accept, or walk away.", tone: "action", until: null };
  return { kind: "their_turn", text: `${who(view.toAct)} to act — listen; acting now counts as an interruption.`, tone: "neutral", until: null };
}
