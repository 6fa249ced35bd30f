import type { Role, Viewer } from "../../../shared/engine/roles.js";
import type { Outcome } from "../../../shared/engine/state.js";
import type { PublicSeat } from "../../../shared/protocol/publicTable.js";

export function roleLabel(role: Role): string {
  return role === "buyer" ? "Buyer" : "Seller";
}

/** How a side is named on screen: "You" for the viewer's own seat, else the player's name and role. */
export function sideName(role: Role, viewer: Viewer, seats: readonly PublicSeat[]): string {
  if (viewer === role) return "You";
  const name = seats.find((s) => s.role === role)?.name.trim();
  return name ? `${name} (${role})` : `The ${role}`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** The outcome in one line, from the viewer's point of view. */
export function outcomeLine(outcome: Outcome, viewer: Viewer, seats: readonly PublicSeat[]): string {
  const who = (role: Role) => (viewer === role ? "you" : sideName(role, viewer, seats));
  switch (outcome.kind) {
    case "deal":
      return `Deal: ${who(outcome.acceptedBy)} accepted in round ${outcome.round}.`;
    case "walkaway":
      return `No deal: ${who(outcome.by)} walked away in round ${outcome.round}.`;
    case "expired":
      return `No deal: the deadline passed after round ${outcome.round}.`;
    case "abandoned":
      return `No deal: ${who(outcome.by)} left the table in round ${outcome.round}.`;
    case "ended":
      return `No deal: the facilitator ended the game in round ${outcome.round}.`;
  }
}
