import { describe, expect, it } from "vitest";
import { profileByName, type BotName } from "../../shared/bots/index.js";
import { gameSeed, simulate } from "../../shared/sim/simulate.js";
import { playGame } from "../../shared/sim/play.js";
import { labService } from "../rules/helpers/labService.js";

/*
 * Bots on the lab-service case, which uses every field of the format: a must-have, a want with a
 * cost, listed values, options by label, relative cards. Full games through the simulator.
 */
const scenario = labService();
const PAIRS: readonly (readonly [BotName, BotName])[] = [
  ["firm", "firm"],
  ["tough", "conceder"],
  ["tit_for_tat", "boulware"],
];

describe("bots on the lab-service case", () => {
  it.each(PAIRS)("%s buyer against %s seller: every game ends, most in a deal", (buyer, seller) => {
    const { summary } = simulate(scenario, { games: 40, buyer, seller, seed: "format" });
    expect(summary.games).toBe(40);
    expect(summary.dealRate).toBeGreaterThan(0.5);
  });

  it("never signs without the buyer's must-have, and offers only the listed contract lengths", () => {
    for (let i = 0; i < 30; i++) {
      const seed = gameSeed("must-have", i);
      const game = playGame({ scenario, seed, buyer: profileByName("firm", `${seed}:b`), seller: profileByName("tough", `${seed}:s`) });
      for (const offer of game.final.offers) expect([6, 12, 24]).toContain(offer.terms.term);
      for (const offer of game.final.offers.filter((o) => o.by === "buyer")) expect(offer.terms.response).toBe("4h");
      if (game.final.outcome?.kind === "deal") expect(game.final.outcome.terms.response).toBe("4h");
    }
  });
});
