import { describe, expect, it } from "vitest";
import { tacticProfile, type BotTactic } from "../../shared/bots/index.js";
import { concededShare } from "../../shared/bots/tactics.js";
import { createTable, otherRole, priceIssue, type Role, type Scenario, type TableState } from "../../shared/engine/index.js";
import { applied, moveOf, strikeRound, T0, trueNet } from "./helpers/moves.js";
import { calm, SHIPPED } from "./helpers/scenarios.js";
import { scriptedOffer } from "./helpers/scripted.js";

/*
 * The concession curve: the bot's own net utility of each of its offers, round by round, as a
 * share of what it gave up by the end. Measured against scripted opponents on calm variants of
 * the scenarios (no hot buttons, cards or questions), so only the tactic shapes the curve.
 */

const ROUNDS = 10;

/** The bot's utility per round of its offers against an opponent that moves `opponentStep` price steps a turn. */
function curve(scenario: Scenario, role: Role, tactic: BotTactic, seed: string, opponentStep: number): number[] {
  const profile = tacticProfile(tactic, seed);
  let state: TableState = createTable(scenario, seed, { now: T0 });
  const utilities: number[] = [];
  let now = T0;
  while (state.phase === "playing") {
    now += 1000;
    if (state.toAct === role) {
      const action = moveOf(state, role, profile);
      if (!action) throw new Error("no move");
      if (action.type === "offer") utilities.push(trueNet(state, role, action.terms, strikeRound(state)));
      state = applied(state, action, now);
    } else {
      state = applied(state, { type: "offer", by: otherRole(role), terms: scriptedOffer(state, otherRole(role), opponentStep) }, now);
    }
  }
  return utilities;
}

/** Share of the whole concession made by the middle of the curve. */
function concededByMiddle(utilities: readonly number[]): number {
  const first = utilities[0] as number;
  const last = utilities[utilities.length - 1] as number;
  const middle = utilities[Math.floor((utilities.length - 1) / 2)] as number;
  return first === last ? 0 : (first - middle) / (first - last);
}

describe("time-dependent tactics (Faratin, Sierra & Jennings 1998)", () => {
  it("α(t) runs from k to 1: boulware below linear below conceder in between", () => {
    for (const round of [2, 3, 4, 5]) {
      const at = (t: BotTactic) => concededShare(tacticProfile(t, "x"), round, 6, false);
      expect(at("boulware")).toBeLessThan(at("linear"));
      expect(at("linear")).toBeLessThan(at("conceder"));
    }
    for (const t of ["boulware", "linear", "conceder"] as const) {
      expect(concededShare(tacticProfile(t, "x"), 6, 6, false)).toBe(1);
      expect(concededShare(tacticProfile(t, "x"), 1, 6, false)).toBe(tacticProfile(t, "x").k);
    }
  });

  it("knowing the other side is pressed, a bot concedes more slowly", () => {
    const linear = tacticProfile("linear", "x");
    expect(concededShare(linear, 3, 6, true)).toBeLessThan(concededShare(linear, 3, 6, false));
  });

  for (const scenario of SHIPPED) {
    for (const role of ["buyer", "seller"] as const) {
      it(`${scenario.id}, ${role}: boulware concedes later than linear, linear later than conceder; none takes back what it gave`, () => {
        const calmScenario = calm(scenario, { rounds: ROUNDS, questions: false });
        const priceStep = priceIssue(scenario).step;
        for (const seed of ["c1", "c2", "c3"]) {
          const curves = {
            boulware: curve(calmScenario, role, "boulware", seed, 0),
            linear: curve(calmScenario, role, "linear", seed, 0),
            conceder: curve(calmScenario, role, "conceder", seed, 0),
          };
          for (const [tactic, utilities] of Object.entries(curves)) {
            expect(utilities.length, tactic).toBeGreaterThanOrEqual(ROUNDS - 1);
            // Each offer asks no more than the last, up to rounding to the price grid.
            for (let i = 1; i < utilities.length; i++) expect(utilities[i] as number, tactic).toBeLessThanOrEqual((utilities[i - 1] as number) + priceStep);
            // Against a wall the last offer is at the walk-away: the first mover's in the last round, the second mover's in the round before.
            expect(utilities[utilities.length - 1] as number, tactic).toBeLessThan(priceStep);
          }
          const boulware = concededByMiddle(curves.boulware);
          const linear = concededByMiddle(curves.linear);
          const conceder = concededByMiddle(curves.conceder);
          expect(boulware).toBeLessThan(linear);
          expect(linear).toBeLessThan(conceder);
          expect(boulware).toBeLessThan(0.25);
          expect(conceder).toBeGreaterThan(0.75);
        }
      });
    }
  }
});

describe("the last offer at the walk-away", () => {
  for (const scenario of SHIPPED) {
    it(`${scenario.id}: holds for the first and the second mover, whichever side moves first`, () => {
      for (const firstMover of ["seller", "buyer"] as const) {
        const calmScenario = { ...calm(scenario, { rounds: ROUNDS, questions: false }), firstMover };
        for (const role of ["buyer", "seller"] as const) {
          const utilities = curve(calmScenario, role, "linear", "l", 0);
          // The first mover offers in all ROUNDS rounds; the second mover's final turn only accepts or walks.
          expect(utilities.length, `${role}, ${firstMover} first`).toBe(role === firstMover ? ROUNDS : ROUNDS - 1);
          expect(utilities.at(-1) as number, `${role}, ${firstMover} first`).toBeLessThan(priceIssue(scenario).step);
          expect(utilities.at(-2) as number, `${role}, ${firstMover} first`).toBeGreaterThan(priceIssue(scenario).step);
        }
      }
    });
  }
});

describe("relative tit-for-tat (Faratin, Sierra & Jennings 1998)", () => {
  for (const scenario of SHIPPED) {
    for (const role of ["buyer", "seller"] as const) {
      it(`${scenario.id}, ${role}: holds against a wall to the end; mirrors a side that concedes, more for one that concedes more`, () => {
        const calmScenario = calm(scenario, { rounds: ROUNDS, questions: false });
        const step = priceIssue(scenario).step;
        const wall = curve(calmScenario, role, "tit_for_tat", "t", 0);
        // It cooperates first (one step of its curve while the other side has only opened), then gives nothing more.
        const held = role === scenario.firstMover ? 1 : 0;
        for (let i = held + 1; i < wall.length; i++) expect(wall[i], `offer ${i}`).toBe(wall[held]);
        const slow = curve(calmScenario, role, "tit_for_tat", "t", 1);
        const fast = curve(calmScenario, role, "tit_for_tat", "t", 3);
        const middle = Math.floor(ROUNDS / 2) - 1;
        expect(fast[middle] as number).toBeLessThan(slow[middle] as number);
        expect(slow[middle] as number).toBeLessThan(wall[middle] as number);
        // Against a side that concedes every turn it concedes every turn too, and ends at its walk-away.
        for (let i = held + 1; i < fast.length; i++) expect(fast[i] as number, `offer ${i}`).toBeLessThan(fast[i - 1] as number);
        expect(fast.at(-1) as number).toBeLessThan(step);
      });
    }
  }
});
