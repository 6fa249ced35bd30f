import { matchMaker } from "@colyseus/core";
import { WORKSHOP_ROOM, type CreateWorkshopResponse, type createWorkshopRequestSchema } from "../../shared/protocol/workshop.js";
import type { z } from "zod";
import type { TableServices } from "../room/services.js";
import { hashSecret, newSecret } from "../storage/secrets.js";
import type { workshopSpecSchema } from "./workshopSpec.js";

export type OpenWorkshopResult =
  | { ok: true; workshop: CreateWorkshopResponse }
  | { ok: false; error: { code: "api/unknown_scenario"; message: string } };

/** Open a workshop room; the facilitator secret exists only in the return value (the room keeps its digest). */
export async function openWorkshop(request: z.output<typeof createWorkshopRequestSchema>, services: TableServices): Promise<OpenWorkshopResult> {
  if (!(await services.scenarios.resolve(request.scenarioId)))
    return { ok: false, error: { code: "api/unknown_scenario", message: `There is no scenario "${request.scenarioId}".` } };
  const facilitatorSecret = newSecret();
  const spec: z.input<typeof workshopSpecSchema> = { request, facilitatorHash: hashSecret(facilitatorSecret) };
  const room = await matchMaker.createRoom(WORKSHOP_ROOM, spec);
  return { ok: true, workshop: { code: room.roomId, title: request.title, facilitatorSecret } };
}
