import type { RequestHandler } from "express";
import { fail, MAX_BODY_BYTES } from "./apiReply.js";

/**
 * Every request body must say its size up front and stay within MAX_BODY_BYTES, refused before a
 * byte of it is read. Colyseus' own matchmaking handler buffers whatever arrives, so a limit
 * counted while reading would come too late for it; browsers and colyseus.js always send
 * Content-Length. The connection is closed after a refusal so the rest of the body is never read.
 */
export const boundedBody: RequestHandler = (req, res, next) => {
  const declared = req.headers["content-length"];
  if (declared === undefined && req.headers["transfer-encoding"] === undefined) return next();
  if (declared === undefined) return refuse(res, 411, "A request body must come with a Content-Length header.");
  if (Number(declared) > MAX_BODY_BYTES) return refuse(res, 413, `Request body too large: at most ${MAX_BODY_BYTES} bytes.`);
  next();
};

function refuse(res: Parameters<RequestHandler>[1], status: number, message: string): void {
  res.set("connection", "close");
  fail(res, status, "api/bad_request", message);
}
