import { parseScenario, type Scenario } from "../../../shared/engine/index.js";
import { SCENARIOS } from "../../../shared/scenarios/index.js";

/*
 * backup-appliance with walk-aways that cannot occur by chance: odd seven-digit numbers no
 * price, step, time or id of the game produces (prices move in steps of 100,000). The draw ranges
 * are single points, so every table draws exactly these. Curve balls can move each walk-away
 * by an odd amount (over 16 bits, like every value here), giving four more values to hunt for. The card that leaks a walk-away on
 * purpose is removed: the rules allow that disclosure, the leak test is about accidental ones.
 */

export const SENTINEL = {
  buyerWalkAway: 7_345_613,
  sellerWalkAway: 5_108_297,
  buyerShift: -112_347,
  sellerShift: 161_253,
} as const;

/** Each hidden value with the side it belongs to. Card amounts are in private card texts. */
export const HIDDEN_VALUES = [
  { name: "buyer walk-away", side: "buyer", value: SENTINEL.buyerWalkAway },
  { name: "buyer walk-away after card", side: "buyer", value: SENTINEL.buyerWalkAway + SENTINEL.buyerShift },
  { name: "buyer private card amount", side: "buyer", value: -SENTINEL.buyerShift },
  { name: "seller walk-away", side: "seller", value: SENTINEL.sellerWalkAway },
  { name: "seller walk-away after card", side: "seller", value: SENTINEL.sellerWalkAway + SENTINEL.sellerShift },
  { name: "seller private card amount", side: "seller", value: SENTINEL.sellerShift },
] as const;

function build(): Scenario {
  const base = structuredClone(SCENARIOS["backup-appliance"]) as Scenario & Record<string, unknown>;
  const json = JSON.parse(JSON.stringify(base));
  json.id = "sentinel-leak-test";
  json.issues[0] = { kind: "price", id: "price", label: "Price", min: 5_000_000, max: 8_000_000, step: 100_000, unit: "USD" };
  json.roles.buyer.walkAway = { min: SENTINEL.buyerWalkAway, max: SENTINEL.buyerWalkAway, step: 1 };
  json.roles.seller.walkAway = { min: SENTINEL.sellerWalkAway, max: SENTINEL.sellerWalkAway, step: 1 };
  const approval = json.roles.buyer.hotButtons.find((h: { id: string }) => h.id === "approval");
  approval.max = 7_900_000;
  json.deck.chancePerRound = 0;
  json.deck.cards = json.deck.cards.filter((c: { effect: { kind: string } }) => c.effect.kind !== "reveal");
  for (const card of json.deck.cards) {
    if (card.id === "competitor-quote") card.effect.by = SENTINEL.buyerShift;
    if (card.id === "supplier-costs") card.effect.by = SENTINEL.sellerShift;
  }
  json.deck.maxCards = Math.min(json.deck.maxCards, json.deck.cards.length);
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(`sentinel scenario is invalid: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}

export const sentinelScenario: Scenario = build();
