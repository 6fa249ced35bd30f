import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/*
 * Seat tokens and facilitator secrets: 256 random bits, base64url. A table keeps only their
 * SHA-256 digests, so a heap dump or a log line of the room never holds a usable token.
 */

const SECRET_BYTES = 32;

export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString("base64url");
}

/** Hex digest of a secret, as the table stores it. */
export function digestOf(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/**
 * Whether `candidate` is the secret behind `digest`. Both sides are hashed to fixed-length
 * buffers first, so the comparison takes the same time whatever the input and whatever matches.
 */
export function secretMatches(digest: string | null, candidate: string): boolean {
  const expected = Buffer.from(digest ?? "00".repeat(32), "hex");
  const given = createHash("sha256").update(candidate, "utf8").digest();
  return expected.length === given.length && timingSafeEqual(expected, given) && digest !== null;
}
