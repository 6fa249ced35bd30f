import express, { type RequestHandler, type Response } from "express";
import type { z } from "zod";
import type { ApiError, ApiErrorCode } from "../../shared/protocol/api.js";
import type { Logger } from "../logger.js";

/** Every API refusal has one shape: a stable code and a sentence a person can act on. */
export function fail(res: Response, status: number, code: ApiErrorCode, message: string): void {
  const body: ApiError = { error: { code, message } };
  res.status(status).json(body);
}

export type Opened<T> = { readonly ok: true; readonly body: T } | { readonly ok: false; readonly error: { readonly code: ApiErrorCode; readonly message: string } };

/**
 * A POST that opens a room (a table, a workshop): the body is checked by `schema` (400 naming the
 * first bad field), `open` makes it (201 with what it returns, 404 when it refuses, 500 when it
 * fails), and nothing is opened on any refusal.
 */
export function openingRoute<S extends z.ZodType>(what: string, schema: S, open: (request: z.output<S>) => Promise<Opened<unknown>>, logger: Logger): RequestHandler[] {
  return [
    express.json({ limit: "4kb" }),
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
