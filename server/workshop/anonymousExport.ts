import { anonymousPlayer, pseudonymOf } from "../../shared/workshop/pseudonyms.js";
import type { WorkshopExport } from "./export.js";

/*
 * The export with pseudonyms ("Player 7") wherever a participant's name stood: the participants,
 * each game's players, and each person's row with their opponent. The same pseudonyms as the
 * anonymous projector, so a spreadsheet and the wall agree. Nothing else in the export holds a
 * display name: the engine's logs and debrief lines know roles, not people (words players typed
 * in their messages stay as they typed them).
 */

export function anonymousExport(data: WorkshopExport): WorkshopExport {
  const byId = new Map(data.participants.map((p) => [p.id, pseudonymOf(p.id)]));
  return {
    ...data,
    participants: data.participants.map((p) => ({ ...p, name: pseudonymOf(p.id) })),
    rounds: data.rounds.map((r) => ({
      ...r,
      games: r.games.map((g) => ({ ...g, result: { ...g.result, players: { buyer: anonymousPlayer(g.result.players.buyer), seller: anonymousPlayer(g.result.players.seller) } } })),
    })),
    participantResults: data.participantResults.map((row) => {
      const game = data.rounds.flatMap((r) => r.games).find((g) => g.result.round === row.round && g.result.code === row.table)?.result;
      const opponent = game ? (game.players.buyer.participantId === row.participant ? game.players.seller : game.players.buyer) : null;
      return {
        ...row,
        name: byId.get(String(row.participant)) ?? pseudonymOf(String(row.participant)),
        opponent: opponent ? anonymousPlayer(opponent).name : null,
      };
    }),
  };
}
