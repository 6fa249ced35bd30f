import { isIPv6 } from "node:net";
import type { RequestHandler } from "express";
import { MessageBudget } from "../room/messageBudget.js";
import { fail } from "./apiReply.js";

/** Addresses not heard from for this long are forgotten, so the map does not grow without end. */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * Each client address may make `perMinute` requests of one kind a minute (as a burst, refilled
 * evenly): enough for a whole class behind one office address, not for a script. The address is
 * Express' `req.ip`, so behind a reverse proxy it is the client only when TRUST_PROXY names the
 * proxy. 0 turns the limit off (load tests). A refused request reaches nothing behind the limit.
 */
export function addressLimit(perMinute: number, tooMany: string): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  const budget = new MessageBudget(perMinute / 60, perMinute);
  const lastSeen = new Map<string, number>();
  // Time for one request's worth of budget to come back.
  const retrySeconds = Math.ceil(60 / perMinute);
  const refusal = `Too many ${tooMany} from this address: at most ${perMinute} a minute. Try again in ${retrySeconds === 1 ? "a second" : `${retrySeconds} seconds`}.`;
  let sweptAt = Date.now();
  return (req, res, next) => {
    const now = Date.now();
    const address = addressKey(req.ip ?? req.socket.remoteAddress ?? "unknown");
    if (now - sweptAt > FORGET_AFTER_MS) {
      for (const [seen, at] of lastSeen) if (now - at > FORGET_AFTER_MS) (budget.forget(seen), lastSeen.delete(seen));
      sweptAt = now;
    }
    lastSeen.set(address, now);
    if (budget.take(address, now)) return next();
    res.set("retry-after", String(retrySeconds));
    fail(res, 429, "api/rate_limited", refusal);
  };
}

/**
 * The key an address is counted under. An IPv6 client usually holds a whole /64 and could use a
 * new address for every request, so IPv6 is counted per /64; an IPv4-mapped address as IPv4.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = "", tail] = address.split("::");
  const groupsOf = (part: string) => (part === "" ? [] : part.split(":"));
  const headGroups = groupsOf(head);
  const tailGroups = groupsOf(tail ?? "");
  // "::" stands for as many zero groups as make eight (a dotted IPv4 tail counts as two).
  const tailSize = tailGroups.length + (tailGroups.at(-1)?.includes(".") ? 1 : 0);
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailSize).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
