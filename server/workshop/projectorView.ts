import type { Role } from "../../shared/engine/index.js";
import type { ProjectorTable, ProjectorView } from "../../shared/protocol/projector.js";
import type { WorkshopSummary } from "../../shared/protocol/workshop.js";
import { anonymousDebrief, pseudonymOf } from "../../shared/workshop/pseudonyms.js";
import { tileFromFacts } from "../../shared/workshop/tile.js";
import { botName } from "../tables/openTable.js";
import { classDebriefOf } from "./facilitatorViews.js";
import type { Roster } from "./roster.js";
import type { WorkshopRound } from "./round.js";

/*
 * What the projector is sent: who is here, how the running round's tables are getting on, and
 * the debrief of the rounds that are over. Public to the whole room, so nothing hidden: no
 * walk-away, no zone, no offer while tables still play, and no running round's results (with
 * the same draw at every table they would tell the others the zone). Anonymous, every name is
 * the person's pseudonym before it leaves the server, so no real name reaches the wall.
 */

export function projectorOf(workshop: WorkshopSummary, roster: Roster, rounds: readonly WorkshopRound[], now: number): ProjectorView {
  const nameOf = (id: string) => (workshop.anonymous ? pseudonymOf(id) : roster.nameOf(id));
  const current = rounds.at(-1);
  const debrief = classDebriefOf(rounds.filter((r) => !r.running));
  return {
    workshop,
    present: roster.online().map((p) => nameOf(p.id)),
    tables: current?.running ? tablesOf(current, nameOf, now) : [],
    debrief: workshop.anonymous ? anonymousDebrief(debrief) : debrief,
  };
}

function tablesOf(round: WorkshopRound, nameOf: (id: string) => string, now: number): ProjectorTable[] {
  const bot = botName(round.settings.botLevel);
  const tables: ProjectorTable[] = [];
  for (const t of round.tables) {
    const snap = t.latest;
    if (!snap) continue;
    const seat = (role: Role) => {
      const id = t.plan[role];
      return { name: id === null ? bot : nameOf(id), bot: id === null, connected: snap.seats[role].connected };
    };
    const seats = { buyer: seat("buyer"), seller: seat("seller") };
    // The tile's status words, worked out with the names the wall may show; its figures stay here.
    const tile = tileFromFacts({ code: t.code, index: t.index, facts: snap.facts, seats, now });
    tables.push({
      code: t.code,
      index: t.index,
      seller: seats.seller.name,
      buyer: seats.buyer.name,
      status: tile.status,
      statusText: tile.statusText,
      round: tile.round,
      lastRound: tile.lastRound,
    });
  }
  return tables;
}
