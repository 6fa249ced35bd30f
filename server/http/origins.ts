import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { fail } from "./apiReply.js";

/**
 * Which web pages may call this server from a browser: its own (the Origin names the host the
 * request was sent to) and the origins an operator lists in ALLOWED_ORIGINS. Requests without an
 * Origin (bots, scripts, the load bench) are not browser pages acting for a visitor: they pass.
 */
export type OriginPolicy = {
  readonly allows: (req: IncomingMessage) => boolean;
  /** CORS headers for an answer to `req`: some only for a listed origin, none otherwise. */
  readonly corsHeaders: (req: IncomingMessage) => Record<string, string>;
};

export function originPolicy(allowedOrigins: readonly string[]): OriginPolicy {
  const listed = new Set(allowedOrigins);
  const isListed = (req: IncomingMessage) => req.headers.origin !== undefined && listed.has(req.headers.origin);
  return {
    allows: (req) => {
      const origin = req.headers.origin;
      return origin === undefined || listed.has(origin) || hostOf(origin) === req.headers.host?.toLowerCase();
    },
    corsHeaders: (req): Record<string, string> =>
      isListed(req)
        ? {
            "Access-Control-Allow-Origin": req.headers.origin!,
            // colyseus.js always sends XMLHttpRequest.withCredentials, so a listed origin needs it.
            "Access-Control-Allow-Credentials": "true",
            Vary: "Origin",
          }
        : {},
  };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * The CORS gate in front of every route, Colyseus' matchmaking included: a page from any other
 * site is refused outright (403) rather than only left without CORS headers, so a cross-site form
 * post cannot open tables or take seats even though its sender never reads the answer. A listed
 * origin gets its CORS headers, and its preflights are answered here.
 */
export function originGate(policy: OriginPolicy): RequestHandler {
  return (req, res, next) => {
    if (!policy.allows(req)) {
      return fail(res, 403, "api/forbidden", `This server does not accept requests from pages on ${req.headers.origin}. Its operator can allow that site with ALLOWED_ORIGINS.`);
    }
    res.set(policy.corsHeaders(req));
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined) {
      res.set({ "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Allow-Headers": "Content-Type, Authorization", "Access-Control-Max-Age": "600" });
      return void res.status(204).end();
    }
    next();
  };
}
