import { matchMaker } from "@colyseus/core";
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from "express";
import type { z } from "zod";
import type { ApiError, ApiErrorCode } from "../../shared/protocol/api.js";
import type { Logger } from "../logger.js";

/** The largest request body anything accepts (bodyLimit.ts): the biggest real one, a workshop's settings, is well under 1 KiB. */
export const MAX_BODY_BYTES = 4096;

/** Colyseus answers any URL containing /matchmake itself, before the app's routes. */
export const isMatchmaking = (req: Request): boolean => req.url.includes(`/${matchMaker.controller.matchmakeRoute}`);

/**
 * Every API refusal has one shape: a stable code and a sentence a person can act on. On
 * matchmaking routes it takes Colyseus' shape instead (`error` is the sentence), which
 * colyseus.js turns into the message of the error a join rejects with.
 */
export function fail(res: Response, status: number, code: ApiErrorCode, message: string): void {
  const body: ApiError | MatchmakingRefusal = isMatchmaking(res.req) ? { code, error: message } : { error: { code, message } };
  res.status(status).json(body);
}

type MatchmakingRefusal = { readonly code: ApiErrorCode; readonly error: string };

export type Opened<T> = { readonly ok: true; readonly body: T } | { readonly ok: false; readonly error: { readonly code: ApiErrorCode; readonly message: string } };

/**
 * A POST that opens a room (a table, a workshop): the body is checked by `schema` (400 naming the
 * first bad field), `open` makes it (201 with what it returns, 404 when it refuses, 500 when it
 * fails), and nothing is opened on any refusal.
 */
export function openingRoute<S extends z.ZodType>(what: string, schema: S, open: (request: z.output<S>) => Promise<Opened<unknown>>, logger: Logger): RequestHandler[] {
  return [
    express.json({ limit: MAX_BODY_BYTES }),
    async (req, res) => {
      const parsed = schema.safeParse(req.body);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return fail(res, 400, "api/bad_request", `${first?.path.join(".") || "body"}: ${first?.message ?? "invalid request"}`);
      }
      let opened: Opened<unknown>;
      try {
        opened = await open(parsed.data);
      } catch (error) {
        logger.error({ err: error }, `could not open a ${what}`);
        return fail(res, 500, "api/server_error", `The server could not open a ${what}.`);
      }
      if (!opened.ok) return fail(res, 404, opened.error.code, opened.error.message);
      res.status(201).json(opened.body);
    },
  ];
}

/** What a client got wrong, by the `type` body-parser gives its errors (too large: see replyToError). */
const UNREADABLE_BODY: Readonly<Record<string, string>> = {
  "entity.parse.failed": "Request body is not valid JSON.",
  "encoding.unsupported": "Request body encoding is not supported: send it uncompressed.",
  "charset.unsupported": "Request body must be UTF-8.",
};

/** The refusal of a body over `limit` bytes, naming the limit. */
export const tooLarge = (limit: number): string =>
  `Request body too large: at most ${limit} bytes${limit >= 1024 ? ` (${Math.floor(limit / 1024)} KiB)` : ""}.`;

/**
 * The last word on a request that failed: a client's mistake (a malformed %-escape in the path,
 * an unreadable body) gets a 4xx naming it and is not logged; only the server's own failures are
 * logged, once, with their stack.
 */
export function replyToError(logger: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number; limit?: number }, req, res, _next) => {
    if (res.headersSent) return void res.destroy();
    const status = error.status ?? 500;
    if (error instanceof URIError) return fail(res, 400, "api/bad_request", "Malformed address: a % in the path must be followed by two hex digits.");
    if (error.type === "entity.too.large") return fail(res, 413, "api/too_large", tooLarge(error.limit ?? MAX_BODY_BYTES));
    if (status < 500) return fail(res, status, "api/bad_request", UNREADABLE_BODY[error.type ?? ""] ?? "The request could not be read.");
    logger.error({ err: error, method: req.method, path: req.path }, "HTTP handler failed");
    fail(res, 500, "api/server_error", "The server could not handle that request.");
  };
}
