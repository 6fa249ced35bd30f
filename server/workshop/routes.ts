import { networkInterfaces } from "node:os";
import express, { type Router } from "express";
import { matchMaker } from "@colyseus/core";
import { SECRET_PATTERN } from "../../shared/protocol/join.js";
import { createWorkshopRequestSchema, EXPORT_FORMATS, WORKSHOP_ROOM, type ExportFormat, type WorkshopLookup } from "../../shared/protocol/workshop.js";
import { fail, openingRoute } from "../http/apiReply.js";
import type { TableServices } from "../room/services.js";
import { TABLE_CODE_PATTERN } from "../tables/tableCode.js";
import { joinAddressOf } from "./joinAddress.js";
import { openWorkshop } from "./openWorkshop.js";
import { exportWorkshop } from "./workshopExport.js";

/**
 * Workshops over HTTP: create one (its facilitator secret comes back once), look a join code up,
 * the address participants join at, and export the results (`?anonymous=1`: pseudonyms instead
 * of names). The export needs the facilitator secret as a bearer token, so the secret never
 * travels in a URL (or an access log).
 */
export function workshopRoutes(services: TableServices): Router {
  const router = express.Router();

  router.post(
    "/api/workshops",
    openingRoute(
      "workshop",
      createWorkshopRequestSchema,
      async (request) => {
        const opened = await openWorkshop(request, services);
        if (!opened.ok) return opened;
        services.logger.info({ workshop: opened.workshop.code }, "workshop created over HTTP");
        return { ok: true, body: opened.workshop };
      },
      services.logger,
    ),
  );

  // The port the request came in on is the one listening, even when PORT=0 picked it.
  router.get("/api/join-address", (req, res) => {
    const { PUBLIC_URL, HOST, PORT } = services.config;
    res.set("cache-control", "no-store");
    res.json(joinAddressOf({ publicUrl: PUBLIC_URL, host: HOST, port: req.socket.localPort ?? PORT, interfaces: networkInterfaces() }));
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
    const code = (req.params.code ?? "").toUpperCase();
    const secret = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1] ?? "";
    const forbidden = () => fail(res, 403, "api/forbidden", "Only the workshop's facilitator can export it: send the facilitator secret as a bearer token.");
    if (!SECRET_PATTERN.test(secret)) return forbidden();
    if (!TABLE_CODE_PATTERN.test(code)) return fail(res, 404, "api/not_found", "There is no workshop with that code.");
    const anonymous = req.query["anonymous"] === "1";
    let answer;
    try {
      answer = await exportWorkshop(code, secret, format, anonymous, services);
    } catch (error) {
      services.logger.error({ err: error, workshop: code }, "could not export a workshop");
      return fail(res, 500, "api/server_error", "The server could not build the export.");
    }
    if (!answer.ok) return answer.reason === "forbidden" ? forbidden() : fail(res, 404, "api/not_found", "There is no workshop with that code.");
    res.set("cache-control", "no-store");
    // An anonymous file says so in its name, so it is not mistaken for (or overwritten by) the named one.
    const filename = anonymous ? answer.file.filename.replace(/^parley-/, "parley-anonymous-") : answer.file.filename;
    res.type(answer.file.contentType).attachment(filename).send(answer.file.body);
  });

  return router;
}
