import { readFileSync } from "node:fs";
import { describeProblems, parseScenario, type Role, type Scenario } from "../../../shared/engine/index.js";

/*
 * The backup-appliance scenario with every private value replaced by a sentinel: texts carry
 * "SECRET-<owner>", numbers are odd five-digit values (prices move in steps of 250, so no public
 * figure can take them). A sentinel found where its owner's rival or a spectator looks is a leak.
 */

export const PRIVATE_NUMBERS: Record<Role, readonly number[]> = {
  buyer: [20113, 11317, 12359, 13171, 14293, 22991, 12347],
  seller: [16217, 10331, 10457, 10589, 10613, 10739],
};

export function sentinelScenario(): Scenario {
  const url = new URL("../../../shared/scenarios/backup-appliance.json", import.meta.url);
  const raw = JSON.parse(readFileSync(url, "utf8"));
  const [bWalk, bSupport, bWarranty, bDelivery, bPenalty, bCap, bPay] = PRIVATE_NUMBERS.buyer;
  const [sWalk, sSupport, sWarranty, sDelivery, sCost, sPay] = PRIVATE_NUMBERS.seller;
  const { buyer, seller } = raw.roles;
  buyer.brief = "BRIEF-SECRET-buyer";
  seller.brief = "BRIEF-SECRET-seller";
  buyer.walkAway = { min: bWalk, max: bWalk };
  seller.walkAway = { min: sWalk, max: sWalk };
  buyer.values = {
    support: { byOption: { basic: 0, business: 1, premium: bSupport } },
    warranty: { atMin: 0, atMax: bWarranty },
    delivery: { atMin: bDelivery, atMax: 0 },
    payment: { byOption: { upfront: 0, net30: 3, net90: bPay } },
  };
  seller.values = {
    support: { byOption: { basic: 0, business: 5, premium: sSupport } },
    warranty: { atMin: 0, atMax: sWarranty },
    delivery: { atMin: sDelivery, atMax: 0 },
    payment: { byOption: { upfront: 0, net30: 7, net90: sPay } },
  };
  buyer.hotButtons = [
    { kind: "compliance", id: "audit", label: "AUDIT-SECRET-buyer", text: "AUDITTEXT-SECRET-buyer {byRound} {penalty}", byRound: 5, penalty: bPenalty },
    { kind: "budgetCap", id: "approval", label: "CAP-SECRET-buyer", text: "CAPTEXT-SECRET-buyer {max}", issueId: "price", max: bCap },
  ];
  seller.hotButtons = [
    { kind: "deadline", id: "quarter", label: "QUARTER-SECRET-seller", text: "QUARTERTEXT-SECRET-seller {afterRound} {costPerRound}", afterRound: 6, costPerRound: sCost },
  ];
  for (const role of ["buyer", "seller"] as const) {
    const brief = raw.roles[role];
    brief.strengths.forEach((p: { text: string }, i: number) => (p.text = `STRENGTH-SECRET-${role}-${i}`));
    brief.weaknesses.forEach((p: { text: string }, i: number) => (p.text = `WEAKNESS-SECRET-${role}-${i}`));
  }
  for (const q of raw.questions) q.answer = `ANSWER-SECRET-${q.askedBy === "buyer" ? "seller" : "buyer"}`;
  for (const c of raw.deck.cards) {
    if (c.visibility !== "private") continue;
    c.title = `CARDTITLE-SECRET-${c.side}`;
    c.text = `CARDTEXT-SECRET-${c.side}`;
  }
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(describeProblems(parsed.error));
  return parsed.value;
}
