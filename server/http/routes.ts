import express, { type Router } from "express";
import { publicScenario, type Scenario } from "../../shared/engine/index.js";
import { createTableRequestSchema, type ScenarioSummary } from "../../shared/protocol/api.js";
import { openTable } from "../tables/openTable.js";
import type { TableServices } from "../room/services.js";
import { workshopRoutes } from "../workshop/routes.js";
import { fail, openingRoute, replyToError } from "./apiReply.js";

const summaryOf = (s: Scenario): ScenarioSummary => ({
  id: s.id,
  title: s.title,
  summary: s.summary,
  currency: s.currency,
  rounds: s.rounds,
  turnSeconds: s.turnSeconds,
  firstMover: s.firstMover,
});


/**
 * The HTTP API: health, the scenario list, and opening a table. Nothing here returns private data.
 * Per-address limits, body size and CORS are checked in front of it (frontDoor.ts).
 */
export function apiRoutes(services: TableServices): Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.json({ ok: true, uptimeSeconds: Math.round(process.uptime()) });
  });

  router.get("/api/scenarios", (_req, res) => {
    res.json(services.catalog.list().map(summaryOf));
  });

  /** The public part of one scenario (story, issues, questions), for a lobby preview. */
  router.get("/api/scenarios/:id", (req, res) => {
    const scenario = services.catalog.get(req.params.id ?? "");
    if (!scenario) return fail(res, 404, "api/unknown_scenario", `There is no scenario "${req.params.id}".`);
    res.json(publicScenario(scenario));
  });

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
