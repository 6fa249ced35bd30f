import { describe, expect, it } from "vitest";
import { debrief, LESSONS } from "../../shared/engine/index.js";
import { debriefOf } from "../../client/src/view/debrief.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { clientView, contextFor } from "./helpers/tables.js";

describe("the debrief under the reveal", () => {
  it("shows a player their own lessons, titled in words, in the engine's order", () => {
    const state = SCRIPTS.dealDone();
    const ctx = contextFor({ debrief: { buyer: debrief(state, "buyer") } });
    const vm = debriefOf(clientView(state, "buyer"), ctx);
    expect(vm).toHaveLength(1);
    expect(vm[0]!.title).toBe("Your debrief");
    expect(vm[0]!.lines).toHaveLength(LESSONS.length);
    expect(vm[0]!.lines[0]!.lesson).toBe("Walk-away");
    expect(vm[0]!.lines.map((l) => l.text)).toEqual(debrief(state, "buyer").map((l) => l.text));
  });

  it("shows a facilitator both sides, and nothing before the game is over", () => {
    const state = SCRIPTS.dealDone();
    const both = { buyer: debrief(state, "buyer"), seller: debrief(state, "seller") };
    const vm = debriefOf(clientView(state, "facilitator"), contextFor({ debrief: both }));
    expect(vm.map((d) => d.title)).toEqual(["The buyer's debrief", "The seller's debrief"]);
    const running = SCRIPTS.midGame();
    expect(debriefOf(clientView(running, "buyer"), contextFor({ debrief: both }))).toEqual([]);
  });
});
