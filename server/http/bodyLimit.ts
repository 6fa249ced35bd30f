import type { Request, RequestHandler } from "express";
import { MAX_SCENARIO_BYTES } from "../../shared/protocol/api.js";
import { fail, MAX_BODY_BYTES, tooLarge } from "./apiReply.js";

/** Saving a scenario (POST /api/scenarios, PUT /api/scenarios/:id) carries a whole document. */
const SCENARIO_SAVE = /^\/api\/scenarios(\/[^/]+)?\/?$/;

/** The largest body this request may carry: a scenario save's, or MAX_BODY_BYTES for everything else. */
export function bodyLimitOf(req: Request): number {
  const saving = (req.method === "POST" || req.method === "PUT") && SCENARIO_SAVE.test(req.path);
  return saving ? MAX_SCENARIO_BYTES : MAX_BODY_BYTES;
}

/**
 * Every request body must say its size up front and stay within its route's limit, refused
 * before a byte of it is read. Colyseus' own matchmaking handler buffers whatever arrives, so a
 * limit counted while reading would come too late for it; browsers and colyseus.js always send
 * Content-Length. The connection is closed after a refusal so the rest of the body is never read.
 */
export const boundedBody: RequestHandler = (req, res, next) => {
  const declared = req.headers["content-length"];
  if (declared === undefined && req.headers["transfer-encoding"] === undefined) return next();
  if (declared === undefined) return refuse(res, 411, "api/bad_request", "A request body must come with a Content-Length header.");
  const limit = bodyLimitOf(req);
  if (Number(declared) > limit) return refuse(res, 413, "api/too_large", tooLarge(limit));
  next();
};

function refuse(res: Parameters<RequestHandler>[1], status: number, code: "api/bad_request" | "api/too_large", message: string): void {
  res.set("connection", "close");
  fail(res, status, code, message);
}
