import type { RequestHandler } from "express";
import { MessageBudget } from "../room/messageBudget.js";
import { fail } from "./apiReply.js";

/** Addresses not heard from for this long are forgotten, so the map does not grow without end. */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * Each client address may open `perMinute` tables and workshops a minute (as a burst, refilled
 * evenly): enough for a whole class behind one office address, not for a script filling the
 * server with rooms. 0 turns the limit off (load tests). Refused requests change nothing.
 */
export function creationLimit(perMinute: number): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  const budget = new MessageBudget(perMinute / 60, perMinute);
  const lastSeen = new Map<string, number>();
  let sweptAt = Date.now();
  return (req, res, next) => {
    const now = Date.now();
    const address = req.ip ?? req.socket.remoteAddress ?? "unknown";
    if (now - sweptAt > FORGET_AFTER_MS) {
      for (const [seen, at] of lastSeen) if (now - at > FORGET_AFTER_MS) (budget.forget(seen), lastSeen.delete(seen));
      sweptAt = now;
    }
    lastSeen.set(address, now);
    if (budget.take(address, now)) return next();
    res.set("retry-after", "60");
    fail(res, 429, "api/rate_limited", `Too many tables or workshops opened from this address: at most ${perMinute} a minute. Try again in a minute.`);
  };
}
