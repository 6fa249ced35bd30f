import type { Role } from "./roles.js";
import type { Issue } from "./scenario.js";
import { formatMoney, formatValue, priceIssue } from "./terms.js";
import type { DrawZone, PriceZone } from "./zone.js";

/** What the words need of a scenario: its issues and currency, which every seat may read. */
type Terms = { readonly issues: readonly Issue[]; readonly currency: string };

/*
 * The zone of agreement in words, for the reveal and the debrief alike. `whose` names a side's
 * possessive as the reader knows it ("your" / "their" in a player's debrief, "the buyer's" on a
 * shared screen), so one sentence serves every viewer and none can tell a different story.
 */

export type Whose = (role: Role) => string;

/** "the buyer's" / "the seller's": for screens every viewer reads. */
export const byRole: Whose = (role) => `the ${role}'s`;

/** "support tier Premium (24/7, 4-hour response), hardware warranty 36 months, …" */
export function termsWords(scenario: Terms, terms: Readonly<Record<string, number | string>>): string {
  return scenario.issues
    .filter((i) => i.kind !== "price" && terms[i.id] !== undefined)
    .map((i) => `${i.label.toLowerCase()} ${formatValue(i, terms[i.id] as number | string, scenario.currency)}`)
    .join(", ");
}

/** "from $17,200 to $22,500" (a zone that holds a signable price). */
export function zoneRange(scenario: Terms, z: PriceZone): string {
  const money = (n: number) => formatMoney(n, scenario.currency);
  return z.low === z.high ? `only at ${money(z.low as number)}` : `from ${money(z.low as number)} to ${money(z.high as number)}`;
}

/**
 * What cut the zone short of the textbook band between the walk-aways, or "" when nothing did:
 * " (the buyer's budget cap of $22,500 set the top; the walk-aways alone reached $23,750)".
 */
export function zoneCut(scenario: Terms, z: PriceZone, whose: Whose): string {
  const money = (n: number) => formatMoney(n, scenario.currency);
  const price = priceIssue(scenario);
  const parts: string[] = [];
  if (z.highBy.kind === "cap")
    parts.push(`${whose(z.highBy.role)} budget cap of ${money(z.highBy.max)} set the top; the walk-aways alone reached ${money(z.ceiling)}`);
  else if (z.highBy.kind === "range") parts.push(`the price range ends at ${money(price.max)}; the walk-aways alone reached ${money(z.ceiling)}`);
  if (z.lowBy.kind === "range") parts.push(`the price range starts at ${money(price.min)}; the walk-aways alone reached down to ${money(z.floor)}`);
  return parts.length > 0 ? ` (${parts.join("; ")})` : "";
}

/** Why a draw had no zone, in one clause: "the walk-aways did not overlap: …". */
export function noZoneWords(scenario: Terms, draw: DrawZone, whose: Whose): string {
  const money = (n: number) => formatMoney(n, scenario.currency);
  const z = draw.zone;
  const price = priceIssue(scenario);
  const floor = `${whose("seller")} floor of ${money(z.floor)}`;
  const ceiling = `${whose("buyer")} ceiling of ${money(z.ceiling)}`;
  switch (draw.noZone?.kind ?? "apart") {
    case "apart":
      return `the walk-aways did not overlap (even on the best terms ${whose("seller")} floor was ${money(z.floor)}, ${whose("buyer")} ceiling ${money(z.ceiling)})`;
    case "top_below_floor":
      return z.topBy.kind === "cap"
        ? `${whose(z.topBy.role)} budget cap of ${money(z.topBy.max)} sits below ${floor}, even on the cheapest terms that could work`
        : `${floor} is above the highest price on the table, ${money(price.max)}`;
    case "ceiling_below_range":
      return `${ceiling} is below the lowest price on the table, ${money(price.min)}`;
    case "between_steps":
      return `no price on the ${money(price.step)} steps falls between ${floor} and ${ceiling}`;
    case "no_terms":
      return "the budget caps on the other terms rule out every package";
  }
}
