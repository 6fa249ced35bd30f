import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/*
 * Seat tokens, participant tokens and facilitator secrets: 256 random bits, base64url. Rooms and
 * the store keep only their SHA-256 digests, so a heap dump, a log line or a stolen database
 * never holds a usable secret.
 */

const SECRET_BYTES = 32;

/**
 * A stored digest of a secret. The brand makes the type checker refuse a raw token where a
 * hash belongs: only hashSecret (and the stores, reading back what hashSecret wrote) make one.
 */
export type SecretHash = string & { readonly __brand: "SecretHash" };

export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString("base64url");
}

/**
 * SHA-256 is enough because the secrets are random and long, not passwords: nothing can be
 * guessed, so a slow hash would only cost CPU on every join.
 */
export function hashSecret(raw: string): SecretHash {
  return createHash("sha256").update(raw, "utf8").digest("hex") as SecretHash;
}

/**
 * Whether `raw` is the secret behind `hash` (never, for a null hash: a bot's seat). Both sides
 * are fixed-length digests compared in constant time, so response time says nothing about
 * how much of a guess was right or which seat matched.
 */
export function secretMatches(raw: string, hash: SecretHash | null): boolean {
  const given = createHash("sha256").update(raw, "utf8").digest();
  const stored = Buffer.from(hash ?? "00".repeat(32), "hex");
  return given.length === stored.length && timingSafeEqual(given, stored) && hash !== null;
}
