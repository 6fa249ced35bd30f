import type { PublicSeat } from "../../../shared/protocol/publicTable.js";
import type { Player } from "../../server/helpers/player.js";

/** Colyseus' frame code for a state patch (Protocol.ROOM_STATE_PATCH). */
const ROOM_STATE_PATCH = 15;

/** Everything one client knows of its table, as comparable text: the synced state, its held view and debrief, and how many messages made them. */
export function knowledgeOf(player: Player): string {
  const { code, started } = player.state;
  const seats: PublicSeat[] = [];
  player.state.seats.forEach((s, role) => seats.push({ role: role as PublicSeat["role"], name: s.name, connected: s.connected, bot: s.bot, taken: s.taken, returnBy: s.returnBy }));
  return JSON.stringify({ code, started, seats, view: player.view, debrief: player.debrief, messages: player.client.received.filter((m) => m.type !== "error").length });
}

/** What a client has received so far, to compare against later. */
export type Mark = { readonly frames: number; readonly received: number };

export const mark = (player: Player): Mark => ({ frames: player.client.frames.length, received: player.client.received.length });

/** Frames received since `since` that were state patches. */
export function patchesSince(player: Player, since: Mark): number {
  return player.client.frames.slice(since.frames).filter((f) => f[0] === ROOM_STATE_PATCH).length;
}

/** Direct messages received since `since`, by type. */
export function messagesSince(player: Player, since: Mark): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of player.client.received.slice(since.received)) out[m.type] = (out[m.type] ?? 0) + 1;
  return out;
}
