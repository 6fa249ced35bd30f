import { createHash, timingSafeEqual } from "node:crypto";

/**
 * A stored seat token, participant token or facilitator secret. The brand makes the type
 * checker refuse a raw token where a hash belongs: only hashSecret (and the stores, reading
 * back what hashSecret wrote) make one.
 */
export type SecretHash = string & { readonly __brand: "SecretHash" };

/**
 * SHA-256 is enough because the secrets are random and long (≥128 bits), not passwords:
 * nothing can be guessed, so a slow hash would only cost CPU on every join.
 */
export function hashSecret(raw: string): SecretHash {
  return createHash("sha256").update(raw, "utf8").digest("hex") as SecretHash;
}

/** Constant-time comparison so response time says nothing about how much of a guess was right. */
export function secretMatches(raw: string, hash: SecretHash): boolean {
  const given = Buffer.from(hashSecret(raw), "hex");
  const stored = Buffer.from(hash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
