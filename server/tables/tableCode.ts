import { randomBytes } from "node:crypto";
import type { Presence } from "@colyseus/core";

/*
 * A table code is what people read aloud and type: six characters from an alphabet without
 * look-alikes (no 0/O, 1/I). It doubles as the Colyseus roomId. 32 symbols = 5 bits each,
 * so masking a random byte gives every symbol the same chance. Codes are made unique by the
 * store (createTable refuses a taken code), which every process shares.
 */

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const LENGTH = 6;

export const TABLE_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{6}$/;

function randomCode(): string {
  return [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join("");
}

const CODES_KEY = "parley:table-codes";
const ATTEMPTS = 20;

/**
 * Reserve a code no live room of this kind uses, for rooms that are not kept in the store (a
 * workshop's lobby). The check-and-claim is one atomic `hincrby` on the presence, so two
 * processes sharing a Redis presence cannot hand out the same code.
 */
export async function claimTableCode(presence: Presence): Promise<string> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const code = randomCode();
    if ((await presence.hincrby(CODES_KEY, code, 1)) === 1) return code;
  }
  throw new Error("could not find a free table code");
}

/** Mark a code as in use again: a workshop rebuilt from the store keeps the code it had. */
export async function holdTableCode(presence: Presence, code: string): Promise<void> {
  await presence.hset(CODES_KEY, code, "1");
}

export async function releaseTableCode(presence: Presence, code: string): Promise<void> {
  await presence.hdel(CODES_KEY, code);
}
