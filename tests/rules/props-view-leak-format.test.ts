import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { viewFor, type Scenario } from "../../shared/engine/index.js";
import { openingArb, stepsArb } from "./helpers/actionArb.js";
import { parseOrThrow } from "./helpers/fixture.js";
import { labServiceJson } from "./helpers/labService.js";
import { leaksIn, missingForFacilitator } from "./helpers/leak.js";
import { playSteps } from "./helpers/runner.js";
import { runs } from "./helpers/runs.js";

/*
 * The lab-service case (targets, wants, relative cards, listed values, options by label) with
 * every private number an odd one no price can be (prices move in 500s) and every private text
 * marked with its owner, so the leak scanner can tell a leak from a coincidence.
 */
function sentinelLabService(): Scenario {
  const raw = labServiceJson();
  const { buyer, seller } = raw.roles;
  buyer.brief = "BRIEF-SECRET-buyer";
  seller.brief = "BRIEF-SECRET-seller";
  buyer.walkAway = { min: 67003, max: 67003 };
  seller.walkAway = { min: 45007, max: 45007 };
  buyer.target = 58013;
  seller.target = { min: 61027, max: 61027 };
  buyer.values = {
    response: { byOption: { "48 hours": 0, "Next business day": 3011, "4h": 7013 } },
    term: { byValue: { "6": 2017, "12": 1019, "24": 0 } },
    visits: { atMin: 0, atMax: 2521 },
    payment: { byOption: { "annually-in-advance": 0, quarterly: 1031, "monthly-in-arrears": 1237 } },
  };
  seller.values = {
    response: { byOption: { "48-hours": 0, "next-business-day": 2039, "4h": 5041 } },
    term: { atMin: 3049, atMax: 0 },
    visits: { byValue: { "2": 0, "4": 1251, "6": 3061 } },
    payment: { byOption: { "Annually in advance": 0, Quarterly: 1063, "Monthly in arrears": 1571 } },
  };
  buyer.hotButtons[0] = { ...buyer.hotButtons[0], label: "ACCREDITATION-LABEL-buyer", text: "ACCREDITATION-SECRET-buyer" };
  buyer.hotButtons[1] = { ...buyer.hotButtons[1], label: "BUDGET-LABEL-buyer", text: "BUDGET-SECRET-buyer {max}.", max: 66011 };
  seller.hotButtons[0] = { ...seller.hotButtons[0], label: "QUARTER-LABEL-seller", text: "QUARTER-SECRET-seller {costIfMissing}.", costIfMissing: 3517 };
  for (const [role, side] of [["buyer", buyer], ["seller", seller]] as const)
    for (const list of ["strengths", "weaknesses"]) for (const p of side[list]) p.text = `POINT-SECRET-${p.id}-${role}`;
  for (const q of raw.questions) q.answer = `ANSWER[${q.id}] ${q.answer}`;
  for (const c of raw.deck.cards) {
    c.title = `CARDTITLE[${c.id}]`;
    c.text = `CARD[${c.id}] ${c.text}`;
  }
  raw.deck.cards[0].effect.by = 2003;
  raw.deck.cards[3].effect.by = -1509;
  raw.deck.cards[2].effect.value = { byValue: { "6": 2531, "12": 1543, "24": 0 } };
  raw.deck.chancePerRound = 0.7;
  return parseOrThrow(raw);
}

const scenario = sentinelLabService();

describe("viewFor leaks no target, want or relative card (lab-service sentinels × seeds × random play)", () => {
  it("players and observers never see the other side's secrets while the game runs; facilitators see them all", () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), stepsArb(30), openingArb, (drawSeed, steps, opening) => {
        const game = playSteps(scenario, "leak", steps, drawSeed, opening);
        const states = [game.initial, ...game.played.filter((p) => p.result.state !== p.before).map((p) => p.result.state)];
        for (const state of states) {
          if (state.phase === "finished") {
            expect(leaksIn(viewFor(state, "observer"), state, "observer", true)).toEqual([]);
            continue;
          }
          checked++;
          for (const viewer of ["buyer", "seller", "observer"] as const) expect(leaksIn(viewFor(state, viewer), state, viewer), viewer).toEqual([]);
          expect(missingForFacilitator(viewFor(state, "facilitator"), state)).toEqual([]);
        }
      }),
      { numRuns: runs(50) },
    );
    expect(checked).toBeGreaterThan(200);
  });
});
