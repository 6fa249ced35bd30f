import type { Role } from "../../../shared/engine/roles.js";

/* Small pieces of English the workshop screens share. */

export const roleName = (role: Role): string => (role === "buyer" ? "buyer" : "seller");

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

const OUTCOME_WORDS = { deal: "a deal", walkaway: "a walk-away", expired: "time ran out", ended: "ended by you", abandoned: "someone left" } as const;

export const outcomeWord = (kind: keyof typeof OUTCOME_WORDS): string => OUTCOME_WORDS[kind];
