import { describe, expect, it } from "vitest";
import { runCommand } from "./helpers/runCommand.js";

/*
 * The view-path measurement checks, as it runs, that every client's copy of its view ends equal
 * to the engine's view for it: a wrong delta fails the run. Figures are printed, never judged here.
 */
describe("npm run bench:viewpath", () => {
  it("measures both paths over real bot games and every client's copy matches its view", async () => {
    const run = await runCommand("npm", ["run", "-s", "bench:viewpath", "--", "--games", "3"], 120_000);
    expect(run.code, run.output).toBe(0);
    for (const label of ["moves during a game", "the move that ends it", "bytes per action per viewer", "server CPU per action", "renders per action per viewer"])
      expect(run.output).toContain(label);
  }, 150_000);
});
