import { createHmac, timingSafeEqual } from "node:crypto";
import type { SecretHash } from "../storage/secrets.js";

/*
 * The projector link's key: HMAC-SHA256 of the workshop code, keyed with the digest of the
 * facilitator secret. Derived rather than drawn and stored, because the console must be able to
 * show the projector link again whenever the facilitator reopens it, while the server keeps only
 * digests of what it hands out: a stored key's digest could never be shown again. Derived, it
 * needs no column in the store, survives a restart, and any process of a scaled-out server
 * checks it the same way. It opens the read-only projector view and nothing else: it is not the
 * facilitator secret and reveals nothing of it (an HMAC cannot be run backwards), so it cannot
 * open the console, a control, a table or the export. Anyone who can read the store's digests
 * could derive it, and they could read every result there anyway.
 */

export function projectorKeyOf(code: string, facilitatorHash: SecretHash): string {
  return createHmac("sha256", Buffer.from(facilitatorHash, "hex")).update(`parley projector ${code}`, "utf8").digest("base64url");
}

/** Compared in constant time, like every other secret. */
export function projectorKeyMatches(given: string, code: string, facilitatorHash: SecretHash): boolean {
  const expected = Buffer.from(projectorKeyOf(code, facilitatorHash), "utf8");
  const actual = Buffer.from(given, "utf8");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
