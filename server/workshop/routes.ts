import express, { type Request, type Response, type Router } from "express";
import { matchMaker } from "@colyseus/core";
import type { ApiError, ApiErrorCode } from "../../shared/protocol/api.js";
import { SECRET_PATTERN } from "../../shared/protocol/join.js";
import { createWorkshopRequestSchema, EXPORT_FORMATS, WORKSHOP_ROOM, type ExportFormat, type WorkshopLookup } from "../../shared/protocol/workshop.js";
import type { TableServices } from "../room/services.js";
import { TABLE_CODE_PATTERN } from "../tables/tableCode.js";
import { openWorkshop } from "./openWorkshop.js";
import { WorkshopRoom } from "./WorkshopRoom.js";

function fail(res: Response, status: number, code: ApiErrorCode, message: string): void {
  const body: ApiError = { error: { code, message } };
  res.status(status).json(body);
}

/** The workshop room behind a join code, in this process. */
function workshopRoom(code: string): WorkshopRoom | null {
  const room = TABLE_CODE_PATTERN.test(code) ? matchMaker.getLocalRoomById(code) : undefined;
  return room instanceof WorkshopRoom ? room : null;
}

/**
 * Workshops over HTTP: create one (its facilitator secret comes back once), look a join code up,
 * and export the results. The export needs the facilitator secret as a bearer token, so the
 * secret never travels in a URL (or an access log).
 */
export function workshopRoutes(services: TableServices): Router {
  const router = express.Router();

  router.post("/api/workshops", express.json({ limit: "4kb" }), async (req: Request, res: Response) => {
    const parsed = createWorkshopRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return fail(res, 400, "api/bad_request", `${first?.path.join(".") || "body"}: ${first?.message ?? "invalid request"}`);
    }
    let opened;
    try {
      opened = await openWorkshop(parsed.data, services);
    } catch (error) {
      services.logger.error({ err: error }, "could not open a workshop");
      return fail(res, 500, "api/server_error", "The server could not open a workshop.");
    }
    if (!opened.ok) return fail(res, 404, opened.error.code, opened.error.message);
    services.logger.info({ workshop: opened.workshop.code }, "workshop created over HTTP");
    res.status(201).json(opened.workshop);
  });

  router.get("/api/workshops/:code", async (req, res) => {
    const code = (req.params.code ?? "").toUpperCase();
    const [found] = TABLE_CODE_PATTERN.test(code) ? await matchMaker.query({ name: WORKSHOP_ROOM, roomId: code }) : [];
    if (!found) return fail(res, 404, "api/not_found", `No workshop is running with the code ${code}.`);
    const body: WorkshopLookup = { code, title: String((found.metadata as { title?: unknown } | undefined)?.title ?? "Workshop") };
    res.json(body);
  });

  router.get("/api/workshops/:code/export/:format", async (req, res) => {
    const format = req.params.format as ExportFormat;
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return fail(res, 404, "api/not_found", `Exports come as ${EXPORT_FORMATS.join(", ")}.`);
    const room = workshopRoom((req.params.code ?? "").toUpperCase());
    if (!room) return fail(res, 404, "api/not_found", "No workshop is running with that code.");
    const secret = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1] ?? "";
    const file = SECRET_PATTERN.test(secret) ? await room.exportFor(secret, format) : null;
    if (!file) return fail(res, 403, "api/forbidden", "Only the workshop's facilitator can export it: send the facilitator secret as a bearer token.");
    res.set("cache-control", "no-store");
    res.type(file.contentType).attachment(file.filename).send(file.body);
  });

  return router;
}
