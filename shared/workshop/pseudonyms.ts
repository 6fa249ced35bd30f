import type { ClassDebrief } from "./classStats.js";
import type { GamePlayer } from "./summary.js";

/*
 * Names for an anonymous projector and export: "Player 7" for the seventh person who joined.
 * Participant ids are "p" and that join number (server/workshop/roster.ts), kept in the store,
 * so a pseudonym stays the same all workshop long (after a restart too) and the class can follow
 * "Player 7" from the lobby to the debrief. A bot keeps its own name: it is nobody.
 */

export function pseudonymOf(participantId: string): string {
  const joined = /^p(\d+)$/.exec(participantId)?.[1];
  return joined === undefined ? "Player" : `Player ${joined}`;
}

export function anonymousPlayer(player: GamePlayer): GamePlayer {
  return player.participantId === null ? player : { ...player, name: pseudonymOf(player.participantId) };
}

/** The class debrief with every participant's name replaced by their pseudonym. */
export function anonymousDebrief(debrief: ClassDebrief): ClassDebrief {
  return {
    rounds: debrief.rounds.map((round) => {
      const games = round.games.map((g) => ({ ...g, players: { buyer: anonymousPlayer(g.players.buyer), seller: anonymousPlayer(g.players.seller) } }));
      const byCode = new Map(games.map((g) => [g.code, g]));
      return {
        ...round,
        games,
        curveBalls: round.curveBalls.map((c) => ({
          ...c,
          answers: c.answers.map((a) => {
            const g = byCode.get(a.code);
            return { ...a, names: g ? `${g.players.seller.name} / ${g.players.buyer.name}` : `Table ${a.index + 1}` };
          }),
        })),
      };
    }),
  };
}
