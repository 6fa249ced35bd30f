import { buyerward, type Package, type Role, type Scenario, type TableState } from "../../../shared/engine/index.js";

/** A package with every non-price term at one side's end and the given price. */
export function endPackage(scenario: Scenario, end: Role, price: number): Package {
  const terms: Record<string, number | string> = { price };
  for (const issue of scenario.issues) {
    if (issue.kind === "price") continue;
    const values = issue.kind === "options" ? issue.options.map((o) => o.id) : [issue.min, issue.max];
    const want = end === "buyer" ? 1 : 0;
    terms[issue.id] = values.find((v) => buyerward(issue, v) === want) as number | string;
  }
  return terms;
}

/**
 * A scripted opponent for measuring a bot's concession curve: it offers everything at its own
 * end and moves its price toward the bot by `step` price steps each turn (0: a wall that never moves).
 */
export function scriptedOffer(state: TableState, role: Role, step: number): Package {
  const price = state.scenario.issues.find((i) => i.kind === "price");
  if (!price || price.kind !== "price") throw new Error("no price issue");
  const made = state.offers.filter((o) => o.by === role).length;
  const start = role === "seller" ? price.max : price.min;
  const moved = made * step * price.step * (role === "seller" ? -1 : 1);
  return endPackage(state.scenario, role, Math.min(price.max, Math.max(price.min, start + moved)));
}
