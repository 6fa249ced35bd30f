import type { Role } from "../../../shared/engine/roles.js";
import type { TableView } from "../../../shared/engine/view.js";

export type RoundMarker = { readonly round: number; readonly label: string; readonly kind: "deadline" | "compliance" | "card" };

export type RoundTrackVM = {
  readonly current: number;
  readonly last: number;
  /** Round numbers to draw, 1..last (or the current round, if a card cut the deadline below it). */
  readonly rounds: readonly { readonly round: number; readonly state: "past" | "current" | "future" }[];
  readonly markers: readonly RoundMarker[];
  readonly caption: string;
};

/**
 * The track from round 1 to the deadline, with the viewer's own pressure points on it (never
 * the other side's) and the rounds in which curve balls arrived.
 */
export function roundTrackOf(view: TableView): RoundTrackVM {
  const last = Math.max(view.lastRound, view.round);
  const finished = view.phase === "finished";
  const rounds = Array.from({ length: last }, (_, i) => {
    const round = i + 1;
    const state = round < view.round || (finished && round === view.round) ? ("past" as const) : round === view.round ? ("current" as const) : ("future" as const);
    return { round, state };
  });
  const markers: RoundMarker[] = [];
  const own: Role[] = view.viewer === "buyer" || view.viewer === "seller" ? [view.viewer] : view.viewer === "facilitator" ? ["buyer", "seller"] : [];
  for (const role of own) {
    for (const h of view.sides[role]?.hotButtons ?? []) {
      if (h.kind === "deadline") markers.push({ round: Math.min(h.afterRound + 1, last), label: `${h.label}: costs from here`, kind: "deadline" });
      if (h.kind === "compliance") markers.push({ round: Math.min(h.byRound, last), label: `${h.label}: last round to agree`, kind: "compliance" });
    }
  }
  for (const c of view.cards) markers.push({ round: c.round, label: c.hidden ? "A private card" : c.title, kind: "card" });
  const left = view.lastRound - view.round;
  const caption = finished
    ? `Ended in round ${view.round}`
    : left === 0
      ? `Round ${view.round} of ${view.lastRound} — the last round`
      : `Round ${view.round} of ${view.lastRound} — ${left} more after this`;
  return { current: view.round, last, rounds, markers, caption };
}
