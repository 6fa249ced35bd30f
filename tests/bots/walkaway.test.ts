import { describe, expect, it } from "vitest";
import { BOT_NAMES, profileByName } from "../../shared/bots/index.js";
import type { Action, TableState } from "../../shared/engine/index.js";
import { playGame } from "../../shared/sim/play.js";
import { brokenCap, dealRound, standingFor, strikeRound, trueNet } from "./helpers/moves.js";
import { SHIPPED } from "./helpers/scenarios.js";

/*
 * The one promise every bot keeps: it never puts its name to a package below its walk-away, net
 * of the penalties it will pay in the round the deal would be struck, and never above its caps.
 * Checked on every move of every bot against every bot, with the referee's true figures.
 */

const GAMES_PER_PAIRING = 14;

type Tally = { games: number; offers: number; accepts: number; walkAways: number; questions: number; finalTurns: number };

function checkMove(before: TableState, action: Action, tally: Tally): void {
  const role = before.toAct;
  const side = before.sides[role];
  const finalTurn = before.turn + 1 >= before.lastRound * 2;
  const standing = standingFor(before, role);
  const standingOk = standing !== null && brokenCap(side, standing) === null && trueNet(before, role, standing, dealRound(before)) >= 0;
  switch (action.type) {
    case "offer":
      tally.offers++;
      expect(brokenCap(side, action.terms)).toBeNull();
      expect(trueNet(before, role, action.terms, strikeRound(before))).toBeGreaterThanOrEqual(0);
      break;
    case "accept":
      tally.accepts++;
      expect(standingOk).toBe(true);
      break;
    case "walk_away":
      tally.walkAways++;
      // Walking away from a package that clears the walk-away is only right if a better one is coming, never on the last turn.
      if (finalTurn) expect(standingOk).toBe(false);
      break;
    case "ask":
      tally.questions++;
      // The standing offer stays on the table: it must still clear the walk-away if accepted next turn.
      {
        const mine = before.standing[role];
        if (mine) expect(trueNet(before, role, mine.terms, strikeRound(before))).toBeGreaterThanOrEqual(0);
      }
      break;
    default:
      throw new Error(`a bot made a ${action.type} move`);
  }
  if (finalTurn) {
    tally.finalTurns++;
    expect(action.type).toBe(standingOk ? "accept" : "walk_away");
  }
}

describe("every bot respects its walk-away", () => {
  for (const scenario of SHIPPED) {
    it(`${scenario.id}: every bot against every bot, ${GAMES_PER_PAIRING} seeded games a pairing`, () => {
      const tally: Tally = { games: 0, offers: 0, accepts: 0, walkAways: 0, questions: 0, finalTurns: 0 };
      for (const buyer of BOT_NAMES)
        for (const seller of BOT_NAMES)
          for (let i = 0; i < GAMES_PER_PAIRING; i++) {
            const seed = `walk:${buyer}:${seller}:${i}`;
            const game = playGame(
              { scenario, seed, buyer: profileByName(buyer, `${seed}:b`), seller: profileByName(seller, `${seed}:s`) },
              (before, action) => checkMove(before, action, tally),
            );
            tally.games++;
            const outcome = game.final.outcome;
            expect(outcome?.kind === "deal" || outcome?.kind === "walkaway").toBe(true);
            if (outcome?.kind === "deal") expect(game.final.score?.surplus[outcome.acceptedBy]).toBeGreaterThanOrEqual(0);
          }
      expect(tally.games).toBe(BOT_NAMES.length ** 2 * GAMES_PER_PAIRING);
      // The checks above ran on many real decisions of each kind.
      expect(tally.offers).toBeGreaterThan(tally.games * 3);
      expect(tally.accepts).toBeGreaterThan(tally.games / 3);
      expect(tally.questions).toBeGreaterThan(tally.games / 2);
      expect(tally.walkAways).toBeGreaterThan(0);
    });
  }
});
