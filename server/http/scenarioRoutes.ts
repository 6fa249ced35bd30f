import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import { publicScenario } from "../../shared/engine/index.js";
import { MAX_EDIT_KEYS, MAX_SCENARIO_BYTES, type ApiError, type CreateScenarioResponse, type UpdateScenarioResponse } from "../../shared/protocol/api.js";
import { SECRET_PATTERN } from "../../shared/protocol/join.js";
import type { TableServices } from "../room/services.js";
import type { LibraryRefusal } from "../scenarios/library.js";
import { fail } from "./apiReply.js";

/*
 * The scenario library over HTTP. Anyone may read the public part of any scenario (what both
 * players see anyway); saving a new version, and reading back an author's whole document with
 * its hidden values, need the edit key that came back once from the POST, as a bearer token.
 * Bodies are JSON only and bounded to MAX_SCENARIO_BYTES (bodyLimit.ts refuses bigger ones
 * before a byte is read); every refusal changes nothing.
 */

const VERSION = /^[1-9][0-9]{0,8}$/;

/** `Authorization: Bearer key1 key2 …` (spaces or commas between keys); [] when absent. */
function bearerKeys(req: Request): string[] | null {
  const header = req.get("authorization");
  if (header === undefined) return [];
  const match = /^Bearer\s+(.*)$/i.exec(header.trim());
  if (!match) return null;
  const keys = (match[1] ?? "").split(/[\s,]+/).filter((k) => k !== "");
  return keys.length <= MAX_EDIT_KEYS && keys.every((k) => SECRET_PATTERN.test(k)) ? keys : null;
}

/** The one edit key a save or a document read may present, or null (none, or not one this server issues). */
function editKeyOf(req: Request): string | null {
  const keys = bearerKeys(req);
  return keys?.length === 1 ? keys[0]! : null;
}

const STATUS: Readonly<Record<LibraryRefusal["kind"], number>> = { invalid: 400, taken: 409, read_only: 403, forbidden: 403, unknown: 404 };

function refuse(res: Response, refusal: LibraryRefusal): void {
  switch (refusal.kind) {
    case "invalid": {
      const count = refusal.problems.length;
      const body: ApiError = {
        error: {
          code: "scenario/invalid",
          message: `The scenario has ${count === 1 ? "a problem" : `${count} problems`}: ${refusal.problems.map((p) => `${p.path || "(root)"} ${p.message}`).join("; ")}.`,
          problems: refusal.problems,
        },
      };
      res.status(STATUS.invalid).json(body);
      return;
    }
    case "taken":
      return fail(res, STATUS.taken, "api/conflict", refusal.message);
    case "read_only":
    case "forbidden":
      return fail(res, STATUS[refusal.kind], "api/forbidden", refusal.message);
    case "unknown":
      return fail(res, STATUS.unknown, "api/unknown_scenario", refusal.message);
  }
}

/** A scenario body must say it is JSON: a form post or plain text is refused before it is parsed. */
const jsonOnly: RequestHandler = (req, res, next) => {
  if (!req.is("application/json")) return fail(res, 415, "api/unsupported_type", "Send the scenario as JSON, with Content-Type: application/json.");
  next();
};

/** Express 4 does not catch a rejected promise: hand it to the error handler (a logged 500). */
const handled =
  (handler: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    handler(req, res).catch(next);
  };

export function scenarioRoutes(services: TableServices): Router {
  const router = express.Router();
  const library = services.scenarios;
  const body = [jsonOnly, express.json({ limit: MAX_SCENARIO_BYTES })];

  /** The read-only library and the caller's own scenarios (by the edit keys presented). */
  router.get(
    "/api/scenarios",
    handled(async (req, res) => {
      const keys = bearerKeys(req);
      if (keys === null) return fail(res, 400, "api/bad_request", `Authorization must be "Bearer" followed by up to ${MAX_EDIT_KEYS} edit keys, separated by spaces.`);
      res.set("cache-control", "no-store");
      res.json(await library.list(keys));
    }),
  );

  router.post(
    "/api/scenarios",
    ...body,
    handled(async (req, res) => {
      const created = await library.create(req.body, Date.now());
      if (!created.ok) return refuse(res, created.refusal);
      services.logger.info({ scenario: created.value.id }, "scenario created over HTTP");
      res.set("cache-control", "no-store");
      res.status(201).json(created.value satisfies CreateScenarioResponse);
    }),
  );

  router.put(
    "/api/scenarios/:id",
    ...body,
    handled(async (req, res) => {
      const id = req.params["id"] ?? "";
      const saved = await library.update(id, editKeyOf(req), req.body, Date.now());
      if (!saved.ok) return refuse(res, saved.refusal);
      services.logger.info({ scenario: id, version: saved.value.version }, "scenario version saved over HTTP");
      res.json(saved.value satisfies UpdateScenarioResponse);
    }),
  );

  /** The whole document, for editing (an author's needs the edit key); its version in the Scenario-Version header. */
  router.get(
    "/api/scenarios/:id/document",
    handled(async (req, res) => {
      const found = await library.document(req.params["id"] ?? "", editKeyOf(req));
      if (!found.ok) return refuse(res, found.refusal);
      res.set({ "cache-control": "no-store", "scenario-version": String(found.value.version) });
      res.json(found.value.document);
    }),
  );

  /** The public part of one scenario (story, issues, questions), latest or `?version=N`. */
  router.get(
    "/api/scenarios/:id",
    handled(async (req, res) => {
      const id = req.params["id"] ?? "";
      const asked = req.query["version"];
      if (asked !== undefined && (typeof asked !== "string" || !VERSION.test(asked)))
        return fail(res, 400, "api/bad_request", "version must be a whole number from 1 up.");
      const pinned = await library.resolve(id, asked === undefined ? undefined : Number(asked));
      if (!pinned) return fail(res, 404, "api/unknown_scenario", asked === undefined ? `There is no scenario "${id}".` : `Scenario "${id}" has no version ${asked}.`);
      res.set("scenario-version", String(pinned.version));
      res.json(publicScenario(pinned.scenario));
    }),
  );

  return router;
}
