import type { ConcessionFigures } from "../../../shared/engine/concessionFigures.js";
import type { Role } from "../../../shared/engine/roles.js";

/* Small pieces of English the workshop screens share. */

export const roleName = (role: Role): string => (role === "buyer" ? "buyer" : "seller");

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * A side's concessions in a few words: "2 (35% of the gap, 1 unanswered, 1 retraction)". The
 * share is of the distance between the two openings, so above 100 % the words say the side went
 * past the other side's opening.
 */
export function concessionWords(f: ConcessionFigures): string {
  const parts = [
    f.share === null ? null : `${percent(f.share)} of the gap${f.pastTheirOpening ? ", past their opening" : ""}`,
    f.unreciprocated > 0 ? `${f.unreciprocated} unanswered` : null,
    f.retractions > 0 ? `${f.retractions} ${f.retractions === 1 ? "retraction" : "retractions"}` : null,
  ].filter((p) => p !== null);
  return parts.length === 0 ? String(f.concessions) : `${f.concessions} (${parts.join(", ")})`;
}

const OUTCOME_WORDS = { deal: "a deal", walkaway: "a walk-away", expired: "time ran out", ended: "ended by you", abandoned: "someone left" } as const;

export const outcomeWord = (kind: keyof typeof OUTCOME_WORDS): string => OUTCOME_WORDS[kind];
