import type { Role } from "../../shared/engine/index.js";
import { summarizeGame, type GameSummary } from "../../shared/workshop/summary.js";
import { viewOf } from "../room/views.js";
import { botName } from "../tables/openTable.js";
import type { RoundTable, WorkshopRound } from "./round.js";

/**
 * One finished game of a round as the class debrief and the export show it, or null while the
 * table's game is not over. `nameOf` gives a participant's display name.
 */
export function summarizeTable(round: WorkshopRound, table: RoundTable, nameOf: (id: string) => string): GameSummary | null {
  const state = table.final;
  const analysis = state ? viewOf(state, "observer").reveal?.analysis : undefined;
  if (!state || !analysis) return null;
  const player = (role: Role) => {
    const id = table.plan[role];
    return { participantId: id, name: id === null ? botName(round.settings.botLevel) : nameOf(id), bot: id === null };
  };
  return summarizeGame(state, analysis, {
    round: round.number,
    code: table.code,
    index: table.index,
    deck: round.settings.deck,
    players: { buyer: player("buyer"), seller: player("seller") },
  });
}
