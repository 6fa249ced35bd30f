import { formatMoney, otherRole, type Role } from "../../shared/engine/index.js";
import type { Assignment, ParticipantResult } from "../../shared/protocol/workshop.js";
import { standingOf } from "../../shared/workshop/classStats.js";
import type { GameSummary } from "../../shared/workshop/summary.js";
import type { Roster } from "./roster.js";
import type { WorkshopRound } from "./round.js";

/*
 * What one participant is told: where they play, and once their game is over, their own
 * debrief and where their result sits in the class. Never another table's hidden numbers
 * beyond what the class debrief projects for everyone after the game.
 */

export function assignmentOf(round: WorkshopRound | undefined, participantId: string, roster: Roster): Assignment {
  if (!round) return { kind: "none", round: 0 };
  const seat = round.seatOf(participantId);
  if (seat)
    return {
      kind: "seat",
      round: round.number,
      table: seat.table.code,
      role: seat.role,
      opponent: roster.nameOf(seat.table.plan[otherRole(seat.role)]),
      scenarioTitle: round.scenario.title,
    };
  const watched = round.observerOf(participantId);
  if (watched) return { kind: "observe", round: round.number, table: watched.code, scenarioTitle: round.scenario.title };
  return { kind: "none", round: round.number };
}

/** The participant's result in the latest round where they finished a game, or null. */
export function latestResult(rounds: readonly WorkshopRound[], participantId: string): ParticipantResult | null {
  for (let i = rounds.length - 1; i >= 0; i--) {
    const round = rounds[i] as WorkshopRound;
    const seat = round.seatOf(participantId);
    if (!seat?.table.summary) continue;
    const summary = seat.table.summary;
    return {
      round: round.number,
      table: seat.table.code,
      role: seat.role,
      outcome: outcomeText(summary, seat.role),
      surplus: summary.surplus[seat.role],
      currency: summary.currency,
      lines: summary.debrief[seat.role] ?? [],
      standing: standingOf(participantId, round.summaries()),
    };
  }
  return null;
}

export function outcomeText(g: GameSummary, me: Role): string {
  const money = (n: number) => formatMoney(n, g.currency);
  const who = (role: Role | null) => (role === me ? "you" : role === null ? "nobody" : `${g.players[role].name}`);
  switch (g.outcome) {
    case "deal":
      return `Deal at ${money(g.price as number)}: ${who(g.endedBy)} accepted in round ${g.endedInRound}.`;
    case "walkaway":
      return `No deal: ${who(g.endedBy)} walked away in round ${g.endedInRound}.`;
    case "expired":
      return `No deal: the deadline passed after round ${g.endedInRound}.`;
    case "ended":
      return `No deal: the facilitator ended the game in round ${g.endedInRound}.`;
    case "abandoned":
      return `No deal: ${who(g.endedBy)} left the table in round ${g.endedInRound}.`;
  }
}
