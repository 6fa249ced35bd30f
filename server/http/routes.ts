import express, { type Router } from "express";
import { createTableRequestSchema } from "../../shared/protocol/api.js";
import { openTable } from "../tables/openTable.js";
import type { TableServices } from "../room/services.js";
import { workshopRoutes } from "../workshop/routes.js";
import { fail, openingRoute, replyToError } from "./apiReply.js";
import { scenarioRoutes } from "./scenarioRoutes.js";

/**
 * The HTTP API: health, the scenario library, and opening a table. Nothing here returns a
 * hidden value, except an author's own scenario document to the holder of its edit key.
 * Per-address limits, body size and CORS are checked in front of it (frontDoor.ts).
 */
export function apiRoutes(services: TableServices): Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.json({ ok: true, uptimeSeconds: Math.round(process.uptime()) });
  });

  router.use(scenarioRoutes(services));

  router.post(
    "/api/tables",
    openingRoute(
      "table",
      createTableRequestSchema,
      async (request) => {
        const opened = await openTable(request, services);
        if (!opened.ok) return opened;
        services.logger.debug({ table: opened.table.code, scenario: opened.table.scenarioId, bot: opened.table.bot }, "table created over HTTP");
        return { ok: true, body: opened.table };
      },
      services.logger,
    ),
  );

  router.use(workshopRoutes(services));

  router.use("/api", (_req, res) => fail(res, 404, "api/not_found", "No such API route."));

  router.use(replyToError(services.logger));
  return router;
}
