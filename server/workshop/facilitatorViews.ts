import type { Role } from "../../shared/engine/index.js";
import type { WorkshopServerMessages } from "../../shared/protocol/workshop.js";
import { roundDebrief, type ClassDebrief } from "../../shared/workshop/classStats.js";
import { tileFromFacts, type GridTile } from "../../shared/workshop/tile.js";
import { botName } from "../tables/openTable.js";
import type { Roster } from "./roster.js";
import type { WorkshopRound } from "./round.js";

/*
 * What the facilitator is shown: the console (people, places, rounds), the live grid of the
 * current round's tables with their hidden numbers, and the class debrief. Facilitators only:
 * participants get participantViews.ts.
 */

/** Online members of the workshop without a place in the running round. */
export function waitingIn(round: WorkshopRound, roster: Roster): string[] {
  return roster
    .online()
    .map((p) => p.id)
    .filter((id) => round.placeOf(id) === null);
}

export function consoleOf(roster: Roster, rounds: readonly WorkshopRound[]): WorkshopServerMessages["console"] {
  const round = rounds.at(-1);
  return {
    participants: roster.all().map((p) => ({
      participantId: p.id,
      name: p.name,
      online: p.sessions.size > 0,
      place: (round?.running ? round.placeOf(p.id) : null) ?? "lobby",
      left: p.left,
      history: rounds.map((r) => r.placeOf(p.id) ?? "out"),
    })),
    rounds: rounds.map((r) => r.consoleView((id) => roster.nameOf(id))),
    waiting: round?.running ? waitingIn(round, roster) : [],
  };
}

/** A tile for each table of the round that has reported its state, as of `now`. */
export function gridOf(round: WorkshopRound | undefined, roster: Roster, now: number): WorkshopServerMessages["grid"] {
  const tiles: GridTile[] = [];
  const botSeat = round ? botName(round.settings.botLevel) : "";
  for (const t of round?.tables ?? []) {
    const snap = t.latest;
    if (!snap) continue;
    const seat = (role: Role) => {
      const id = t.plan[role];
      return { name: id === null ? botSeat : roster.nameOf(id), bot: id === null, connected: snap.seats[role].connected };
    };
    tiles.push(
      tileFromFacts({ code: t.code, index: t.index, facts: snap.facts, seats: { buyer: seat("buyer"), seller: seat("seller") }, now }),
    );
  }
  return { round: round?.number ?? 0, tiles, at: now };
}

export function classDebriefOf(rounds: readonly WorkshopRound[]): ClassDebrief {
  return {
    rounds: rounds.map((r) =>
      roundDebrief(r.number, r.summaries(), r.tables.length - r.summaries().length, {
        scenarioTitle: r.scenario.title,
        currency: r.scenario.currency,
        deck: r.settings.deck,
      }),
    ),
  };
}
