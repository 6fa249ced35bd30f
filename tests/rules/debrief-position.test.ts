import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apply, debrief, type Action, type DebriefLine, type Package, type Role, type Scenario, type TableState } from "../../shared/engine/index.js";
import { stepsArb } from "./helpers/actionArb.js";
import { fixture, parseOrThrow, type RawScenario } from "./helpers/fixture.js";
import { actAll, newTable, offer, T0 } from "./helpers/play.js";
import { playSteps } from "./helpers/runner.js";
import { runs } from "./helpers/runs.js";

/*
 * The debrief lesson "Strengths and weaknesses" on the test fixture (helpers/fixture.ts), with
 * each case giving a side exactly the brief points it is about, so the whole line can be checked
 * by hand. Walk-aways: buyer 2,500, seller 1,500. Buyer: audit after round 3 (200), budget cap
 * 2,800 on price; values premium 400, warranty 240 at 24 months, delivery 120 at 2 weeks. Seller:
 * quarter after round 2 (50 a round); costs premium 100, warranty 60 at 24, delivery 90 at 2.
 */

type Point = { id: string; text: string; tiedTo?: Record<string, string> };
type Brief = { strengths?: Point[]; weaknesses?: Point[] };

const ALTERNATIVES: Point = { id: "alternatives", text: "Other vendors sell the same.", tiedTo: { kind: "walkAway" } };
const REFERENCE: Point = { id: "reference", text: "A reference site would help them." };
const CHEAP_WARRANTY: Point = { id: "cheap-warranty", text: "Warranty costs you little.", tiedTo: { kind: "value", issueId: "warranty" } };
const SLOW_IS_FINE: Point = { id: "slow-is-fine", text: "You are in no hurry for delivery.", tiedTo: { kind: "value", issueId: "delivery" } };
const FIRM_BUDGET: Point = { id: "firm-budget", text: "The board will not move the budget.", tiedTo: { kind: "hotButton", id: "cap" } };
const AUDIT_FORCES: Point = { id: "audit-forces", text: "The audit forces a decision.", tiedTo: { kind: "hotButton", id: "audit" } };
const HURRY: Point = { id: "hurry", text: "The audit is close.", tiedTo: { kind: "hotButton", id: "audit" } };
const NEEDS_SUPPORT: Point = { id: "needs-support", text: "Premium support matters a lot to you.", tiedTo: { kind: "value", issueId: "support" } };
const LIMIT: Point = { id: "limit", text: "Your budget is tight.", tiedTo: { kind: "walkAway" } };
const NERVES: Point = { id: "nerves", text: "Your boss is watching." };

/** The fixture with room for long scripts, the seller's questions about the buyer, a leak, and the given briefs. */
function scenario(briefs: { buyer?: Brief; seller?: Brief }, walkAways?: { buyer: number; seller: number }): Scenario {
  return fixture((raw: RawScenario) => {
    raw.rounds = 8;
    raw.questions.push(
      { id: "buyer-date", askedBy: "seller", text: "When is your audit?", answer: "After round {audit.byRound}.", reveals: { kind: "hotButton", id: "audit" } },
      { id: "buyer-floor", askedBy: "seller", text: "What is your limit?", answer: "{walkAway}.", reveals: { kind: "walkAway" } },
      { id: "buyer-support", askedBy: "seller", text: "How much does support matter?", answer: "A lot.", reveals: { kind: "value", issueId: "support" } },
    );
    raw.deck.cards.push({
      id: "audit-leak",
      title: "Gossip",
      text: "You hear when their audit falls.",
      visibility: "private",
      side: "seller",
      effect: { kind: "reveal", fact: { kind: "hotButton", id: "audit" } },
    });
    for (const role of ["buyer", "seller"] as const) {
      raw.roles[role].strengths = briefs[role]?.strengths ?? [];
      raw.roles[role].weaknesses = briefs[role]?.weaknesses ?? [];
      if (walkAways) raw.roles[role].walkAway = { min: walkAways[role], max: walkAways[role] };
    }
  });
}

const T = (price: number, more: Partial<Record<string, number | string>> = {}): Package => ({ price, support: "basic", warranty: 0, delivery: 6, ...more }) as Package;
const ask = (by: Role, questionId: string): Action => ({ type: "ask", by, questionId });
const ACCEPT = (by: Role): Action => ({ type: "accept", by });
const WALK = (by: Role): Action => ({ type: "walk_away", by });
const END: Action = { type: "end" };

function position(state: TableState, seat: Role): DebriefLine {
  const line = debrief(state, seat).find((l) => l.lesson === "position");
  if (!line) throw new Error("no position line");
  return line;
}

type Case = {
  readonly name: string;
  readonly seat: Role;
  readonly brief: Brief;
  readonly walkAways?: { buyer: number; seller: number };
  readonly actions: readonly Action[];
  readonly tone: DebriefLine["tone"];
  readonly text: string;
};

function played(c: Pick<Case, "seat" | "brief" | "walkAways" | "actions">): TableState {
  return actAll(newTable(scenario({ [c.seat]: c.brief }, c.walkAways)), c.actions);
}

const STRENGTHS: Case[] = [
  {
    name: "a cheap term the deal gave them while you came out ahead",
    seat: "seller",
    brief: { strengths: [CHEAP_WARRANTY] },
    actions: [offer("seller", T(2400, { warranty: 24 })), ACCEPT("buyer")],
    tone: "good",
    text: "The deal gave them ground on warranty (24 months), a strength of yours, and left you $840 above your walk-away.",
  },
  {
    name: "a cheap term given away in a deal that left you nothing",
    seat: "seller",
    brief: { strengths: [CHEAP_WARRANTY] },
    actions: [offer("seller", T(1500, { warranty: 24 })), ACCEPT("buyer")],
    tone: "warn",
    text: "The deal gave them ground on warranty (24 months), a strength of yours, yet left you no better than your walk-away: a cheap term should buy you something.",
  },
  {
    name: "a cheap term your offers moved toward them",
    seat: "seller",
    brief: { strengths: [CHEAP_WARRANTY] },
    actions: [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2800, { warranty: 12 })), END],
    tone: "good",
    text: "You traded on warranty, a strength of yours: your offers moved it toward them, as far as 12 months.",
  },
  {
    name: "a buyer's cheap term, moved toward the seller's end",
    seat: "buyer",
    brief: { strengths: [SLOW_IS_FINE] },
    actions: [offer("seller", T(2900)), offer("buyer", T(1800, { delivery: 2 })), offer("seller", T(2800)), offer("buyer", T(1900, { delivery: 4 })), END],
    tone: "good",
    text: "You traded on delivery, a strength of yours: your offers moved it toward them, as far as 4 weeks.",
  },
  {
    name: "a cheap term never moved",
    seat: "seller",
    brief: { strengths: [CHEAP_WARRANTY] },
    actions: [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2800)), END],
    tone: "info",
    text: "You never moved on warranty, a strength of yours: a term that costs you little or is worth a lot to them is the cheapest thing to trade.",
  },
  {
    name: "alternatives, yet a deal below the walk-away",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    actions: [offer("seller", T(2700)), ACCEPT("buyer")],
    tone: "warn",
    text: "You settled $200 below your walk-away, although you had alternatives.",
  },
  {
    name: "alternatives and more than half of what the deal created",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    actions: [offer("seller", T(1900)), ACCEPT("buyer")],
    tone: "good",
    text: "Your alternatives backed you: you kept 60% of what the deal created.",
  },
  {
    name: "alternatives and less than half of what the deal created",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    actions: [offer("seller", T(2400)), ACCEPT("buyer")],
    tone: "info",
    text: "You kept 10% of what the deal created: with alternatives behind you, you could have held out for half.",
  },
  {
    name: "alternatives, and a deal that created nothing together but cost you nothing",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    walkAways: { buyer: 1500, seller: 2500 },
    actions: [offer("seller", T(1500)), ACCEPT("buyer")],
    tone: "good",
    text: "You did not settle below your walk-away: your alternatives backed you.",
  },
  {
    name: "alternatives, walking away where no deal was possible",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    walkAways: { buyer: 1500, seller: 2500 },
    actions: [offer("seller", T(2900)), WALK("buyer")],
    tone: "good",
    text: "You walked away where no deal was possible: your alternatives were the better choice.",
  },
  {
    name: "alternatives, walking away from an offer that beat them",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    actions: [offer("seller", T(2400)), WALK("buyer")],
    tone: "warn",
    text: "You walked away from an offer that beat your walk-away: alternatives help only when the deal is worse.",
  },
  {
    name: "alternatives, walking away from an offer short of them",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    actions: [offer("seller", T(2900)), WALK("buyer")],
    tone: "good",
    text: "You walked away rather than take less than your walk-away: that is what alternatives are for.",
  },
  {
    name: "alternatives, while their offer beat them when the game ended",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    actions: [offer("seller", T(2400)), END],
    tone: "info",
    text: "Their last offer beat your walk-away, yet no deal came: alternatives help only when the deal is worse.",
  },
  {
    name: "alternatives, yet an offer worse than the walk-away",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    actions: [offer("seller", T(2900)), offer("buyer", T(2600)), END],
    tone: "warn",
    text: "You offered $100 worse than your walk-away, although you had alternatives.",
  },
  {
    name: "alternatives, never offering worse than them",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    actions: [offer("seller", T(2900)), offer("buyer", T(1800)), END],
    tone: "good",
    text: "You never offered worse than your walk-away: your alternatives backed you.",
  },
  {
    name: "alternatives, with no offer of your own before the game ended",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES] },
    actions: [offer("seller", T(2900)), END],
    tone: "info",
    text: "You made no offer of your own, so your alternatives never came into play.",
  },
  {
    name: "a firm budget they never learned of",
    seat: "buyer",
    brief: { strengths: [FIRM_BUDGET] },
    actions: [offer("seller", T(2400)), ACCEPT("buyer")],
    tone: "info",
    text: "They never learned of your pressure point \"Budget\": a limit helps you only when they know of it.",
  },
  {
    name: "a firm budget they asked about, and a deal within it",
    seat: "buyer",
    brief: { strengths: [FIRM_BUDGET] },
    actions: [ask("seller", "buyer-budget"), offer("buyer", T(1800)), offer("seller", T(2400)), ACCEPT("buyer")],
    tone: "good",
    text: "They knew of your pressure point \"Budget\", and the deal kept to it.",
  },
  {
    name: "a firm budget named by its figure in your own message",
    seat: "buyer",
    brief: { strengths: [FIRM_BUDGET] },
    actions: [offer("seller", T(2900)), offer("buyer", T(1800), "Our board approved 2,800 and not a cent more."), END],
    tone: "good",
    text: "They knew of your pressure point \"Budget\", so they knew where you stood.",
  },
  {
    name: "a forcing date they knew of, and a deal after it",
    seat: "buyer",
    brief: { strengths: [AUDIT_FORCES] },
    actions: [
      ask("seller", "buyer-date"),
      offer("buyer", T(1800)),
      offer("seller", T(2900)),
      offer("buyer", T(1900)),
      offer("seller", T(2800)),
      offer("buyer", T(2000)),
      offer("seller", T(2400)),
      ACCEPT("buyer"),
    ],
    tone: "warn",
    text: "They knew of your pressure point \"Audit\", yet the deal came after it.",
  },
];

const WEAKNESSES: Case[] = [
  {
    name: "weaknesses nobody learned",
    seat: "buyer",
    brief: { weaknesses: [HURRY, NEEDS_SUPPORT, LIMIT] },
    actions: [offer("seller", T(2900)), offer("buyer", T(1800)), END],
    tone: "good",
    text: "You kept your pressure point \"Audit\", what support means to you and your walk-away to yourself.",
  },
  {
    name: "a date they asked about and used by slowing down",
    seat: "buyer",
    brief: { weaknesses: [HURRY] },
    actions: [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2800)), offer("buyer", T(1900)), ask("seller", "buyer-date"), offer("buyer", T(2000)), offer("seller", T(2800)), END],
    tone: "warn",
    text: 'They learned your pressure point "Audit" by asking "When is your audit?" and used it: they conceded less per offer ($0 against $100 before) and let the clock work for them.',
  },
  {
    name: "a date leaked to them, with no offer after it",
    seat: "buyer",
    brief: { weaknesses: [HURRY] },
    actions: [offer("seller", T(2900)), { type: "curveball", cardId: "audit-leak" }, offer("buyer", T(1800)), END],
    tone: "info",
    text: "They learned your pressure point \"Audit\" from a leak but made no offer afterwards.",
  },
  {
    name: "a walk-away they asked about and offered just inside",
    seat: "buyer",
    brief: { weaknesses: [LIMIT] },
    actions: [ask("seller", "buyer-floor"), offer("buyer", T(1800)), offer("seller", T(2500)), END],
    tone: "warn",
    text: 'They learned your walk-away by asking "What is your limit?" and used it: they made an offer inside your limit.',
  },
  {
    name: "a walk-away they asked about but never came near",
    seat: "buyer",
    brief: { weaknesses: [LIMIT] },
    actions: [ask("seller", "buyer-floor"), offer("buyer", T(1800)), offer("seller", T(2900)), END],
    tone: "info",
    text: 'They learned your walk-away by asking "What is your limit?" but none of their later offers came inside your limit.',
  },
  {
    name: "a valuation they asked about and traded on",
    seat: "buyer",
    brief: { weaknesses: [NEEDS_SUPPORT] },
    actions: [ask("seller", "buyer-support"), offer("buyer", T(1800)), offer("seller", T(2900, { support: "premium" })), END],
    tone: "warn",
    text: 'They learned what support means to you by asking "How much does support matter?" and used it: their offers moved on support.',
  },
  {
    name: "a date named in your own message",
    seat: "buyer",
    brief: { weaknesses: [HURRY] },
    actions: [offer("seller", T(2900)), offer("buyer", T(1800), "We need this signed before the audit."), END],
    tone: "warn",
    text: "You gave away your pressure point \"Audit\" yourself, in a message to them.",
  },
  {
    name: "a walk-away quoted by its figure in your own message",
    seat: "buyer",
    brief: { weaknesses: [LIMIT] },
    actions: [offer("seller", T(2900)), offer("buyer", T(1800), "We can go to $2,500 at the very most."), END],
    tone: "warn",
    text: "You gave away your walk-away yourself, in a message to them.",
  },
];

const MIXED: Case[] = [
  {
    name: "a brief with no points",
    seat: "buyer",
    brief: {},
    actions: [offer("seller", T(2900)), END],
    tone: "info",
    text: "Your brief listed no strengths or weaknesses.",
  },
  {
    name: "a brief of talking points only",
    seat: "buyer",
    brief: { strengths: [REFERENCE], weaknesses: [NERVES] },
    actions: [offer("seller", T(2900)), END],
    tone: "info",
    text: "The strengths and weaknesses in your brief are talking points the game cannot score: ask yourself which of them you used.",
  },
  {
    name: "a used strength, a kept weakness and a talking point",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES, REFERENCE], weaknesses: [HURRY] },
    actions: [offer("seller", T(1900)), ACCEPT("buyer")],
    tone: "good",
    text: "Your alternatives backed you: you kept 60% of what the deal created. You kept your pressure point \"Audit\" to yourself. 1 other point in your brief is a talking point the game cannot score.",
  },
  {
    name: "a warning outweighs praise",
    seat: "buyer",
    brief: { strengths: [ALTERNATIVES], weaknesses: [HURRY, NERVES] },
    actions: [offer("seller", T(2700)), ACCEPT("buyer")],
    tone: "warn",
    text: "You settled $200 below your walk-away, although you had alternatives. You kept your pressure point \"Audit\" to yourself. 1 other point in your brief is a talking point the game cannot score.",
  },
  {
    name: "praise outweighs a neutral remark",
    seat: "seller",
    brief: { strengths: [CHEAP_WARRANTY, ALTERNATIVES] },
    actions: [offer("seller", T(2900)), offer("buyer", T(1400)), offer("seller", T(2800)), END],
    tone: "good",
    text: "You never moved on warranty, a strength of yours: a term that costs you little or is worth a lot to them is the cheapest thing to trade. You never offered worse than your walk-away: your alternatives backed you.",
  },
];

describe("debrief: strengths and weaknesses", () => {
  it.each(STRENGTHS.map((c) => [c.name, c] as const))("strength: %s", (_, c) => {
    expect(position(played(c), c.seat)).toEqual({ lesson: "position", tone: c.tone, text: c.text });
  });

  it.each(WEAKNESSES.map((c) => [c.name, c] as const))("weakness: %s", (_, c) => {
    expect(position(played(c), c.seat)).toEqual({ lesson: "position", tone: c.tone, text: c.text });
  });

  it.each(MIXED.map((c) => [c.name, c] as const))("whole line: %s", (_, c) => {
    expect(position(played(c), c.seat)).toEqual({ lesson: "position", tone: c.tone, text: c.text });
  });

  it("tells the side that learned a weakness the same thing about its use as the weakness's owner hears", () => {
    const c = WEAKNESSES[1] as Case;
    const state = played(c);
    expect(position(state, "buyer").text).toContain("they conceded less per offer ($0 against $100 before) and let the clock work for them");
    expect(debrief(state, "seller").find((l) => l.lesson === "discovery")?.text).toContain(
      "after learning their audit, you conceded less per offer ($0 against $100 before) and let the clock work for you",
    );
  });
});

/** The same words from the learner's side: what the owner hears of "they" the learner hears of "you". */
const SWAP: Record<string, string> = { they: "you", their: "your", them: "you", you: "them", your: "their" };

const SHIPPED = ["backup-appliance", "partner-reseller", "fleet-maintenance"].map((id) =>
  parseOrThrow(JSON.parse(readFileSync(new URL(`../../shared/scenarios/${id}.json`, import.meta.url), "utf8"))),
);

describe("debrief: strengths and weaknesses on the shipped scenarios (random play)", () => {
  it("reads as plain words, and agrees with the other side's questions lesson on every fact it learned by asking", () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SHIPPED), fc.string({ maxLength: 6 }), stepsArb(), (scenario, seed, steps) => {
        const game = playSteps(scenario, seed, steps).final;
        const over = game.phase === "finished" ? game : apply(game, END, T0).state;
        for (const seat of ["buyer", "seller"] as const) {
          const other = seat === "buyer" ? "seller" : "buyer";
          const line = position(over, seat);
          expect(line.text).not.toMatch(/undefined|NaN|Infinity|null|\{|\}|\[object/);
          const theirDiscovery = debrief(over, other).find((l) => l.lesson === "discovery")?.text ?? "";
          for (const m of line.text.matchAll(/They learned [^.]+? by asking "[^"]+" (?:and used it: |but )(.+?)\./g)) {
            const how = m[1] as string;
            expect(theirDiscovery).toContain(how.replace(/\b(they|their|them|you|your)\b/g, (w) => SWAP[w] as string));
            compared++;
          }
        }
      }),
      { numRuns: runs(60) },
    );
    expect(compared).toBeGreaterThan(0);
  });
});
