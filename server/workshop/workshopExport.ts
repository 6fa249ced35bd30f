import { matchMaker } from "@colyseus/core";
import { WORKSHOP_ROOM, type ExportFormat } from "../../shared/protocol/workshop.js";
import type { TableServices } from "../room/services.js";
import { secretMatches } from "../storage/secrets.js";
import { anonymousExport } from "./anonymousExport.js";
import { buildExport, exportFile, type ExportFile } from "./export.js";
import { restoreWorkshop } from "./restore.js";
import { summarizeTable } from "./tableSummary.js";

export type ExportAnswer = { readonly ok: true; readonly file: ExportFile } | { readonly ok: false; readonly reason: "unknown" | "forbidden" };

/**
 * A workshop's export for its facilitator, from wherever the workshop is: the live room on any
 * process (which has the games in progress too), or the store once no room holds it (closed
 * after a long idle time, or its process gone), so results are never out of reach.
 */
export async function exportWorkshop(code: string, secret: string, format: ExportFormat, anonymous: boolean, services: TableServices): Promise<ExportAnswer> {
  const [live] = await matchMaker.query({ name: WORKSHOP_ROOM, roomId: code });
  if (live) {
    try {
      const file = (await matchMaker.remoteRoomCall(code, "exportFor", [secret, format, anonymous])) as ExportFile | null;
      return file ? { ok: true, file } : { ok: false, reason: "forbidden" };
    } catch {
      // Listed by a process that is gone: the store has everything it had written.
    }
  }
  return exportFromStore(code, secret, format, anonymous, services);
}

async function exportFromStore(code: string, secret: string, format: ExportFormat, anonymous: boolean, services: TableServices): Promise<ExportAnswer> {
  const stored = await services.store.loadWorkshop(code);
  if (!stored) return { ok: false, reason: "unknown" };
  if (!secretMatches(secret, stored.facilitatorSecretHash)) return { ok: false, reason: "forbidden" };
  const { spec, people, rounds } = await restoreWorkshop(stored, services, { zoneBands: false });
  const names = new Map(people.map((p) => [p.id, p.name]));
  for (const round of rounds)
    for (const table of round.tables) {
      if (!table.final) continue;
      table.summary = summarizeTable(round, table, (id) => names.get(id) ?? "Unknown");
    }
  const data = buildExport(code, spec.request.title, people, rounds, Date.now());
  return { ok: true, file: exportFile(anonymous ? anonymousExport(data) : data, format) };
}
