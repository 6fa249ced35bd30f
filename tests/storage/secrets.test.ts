import { describe, expect, it } from "vitest";
import { hashSecret, secretMatches } from "../../server/storage/secrets.js";

describe("secret hashes", () => {
  it("store a fixed-length digest that does not contain the secret", () => {
    const raw = "k3J9-seat-token-of-sufficient-length";
    const hash = hashSecret(raw);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(raw);
    expect(hashSecret(raw)).toBe(hash);
    expect(hashSecret(`${raw}x`)).not.toBe(hash);
  });

  it("match only the secret they were made from", () => {
    const hash = hashSecret("right");
    expect(secretMatches("right", hash)).toBe(true);
    expect(secretMatches("wrong", hash)).toBe(false);
    expect(secretMatches("", hash)).toBe(false);
    expect(secretMatches("right", hashSecret("Right"))).toBe(false);
  });
});
