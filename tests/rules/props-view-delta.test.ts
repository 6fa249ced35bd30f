import { pack, unpack } from "@colyseus/msgpackr";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VIEWERS, viewFor, type TableState, type TableView } from "../../shared/engine/index.js";
import { applyViewDelta, diffView, type ViewDelta } from "../../shared/protocol/viewDelta.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { openingArb, stepsArb } from "./helpers/actionArb.js";
import { act, newTable, offer, pkg } from "./helpers/play.js";
import { playSteps } from "./helpers/runner.js";
import { runs } from "./helpers/runs.js";
import { sentinelScenario } from "./helpers/sentinels.js";

/** A delta as the client receives it: through the wire's own encoding. */
const overTheWire = (delta: ViewDelta): ViewDelta => unpack(pack(delta)) as ViewDelta;

/** Every state a game passed through, the first included. */
function statesOf(initial: TableState, played: readonly { readonly before: TableState; readonly result: { readonly state: TableState } }[]): TableState[] {
  return [initial, ...played.filter((p) => p.result.state !== p.before).map((p) => p.result.state)];
}

const scenarios = [sentinelScenario(), ...Object.values(SCENARIOS)];

describe("a view kept by deltas is the engine's view, whatever the play", () => {
  it("each viewer's copy, changed only by the deltas it was sent, equals viewFor after every state of random games", () => {
    let compared = 0;
    let ended = 0;
    fc.assert(
      fc.property(fc.constantFrom(...scenarios), fc.string({ maxLength: 6 }), stepsArb(30), openingArb, (scenario, drawSeed, steps, opening) => {
        const game = playSteps(scenario, "delta", steps, drawSeed, opening);
        const states = statesOf(game.initial, game.played);
        for (const viewer of VIEWERS) {
          let sent: TableView | null = null;
          let held: TableView | null = null;
          for (const state of states) {
            const view = viewFor(state, viewer);
            const delta = diffView(sent, view);
            if (delta) held = applyViewDelta(held, overTheWire(delta));
            else expect(view).toEqual(sent);
            expect(held).toEqual(unpack(pack(view)));
            sent = view;
            compared++;
            if (state.phase === "finished") ended++;
          }
        }
      }),
      { numRuns: runs(80) },
    );
    expect(compared).toBeGreaterThan(1500);
    expect(ended).toBeGreaterThan(40);
  });
});

describe("a delta carries what changed and nothing else", () => {
  const start = newTable();
  const afterOffer = act(start, offer("seller", pkg({ price: 2900 }), "Our list price, with the install."));
  const timesIn = (delta: unknown, text: string) => JSON.stringify(delta).split(text).length - 1;

  it("nothing changed: no delta", () => {
    expect(diffView(viewFor(start, "buyer"), viewFor(start, "buyer"))).toBeNull();
  });

  it("an offer adds one offer and its events, its words once; nobody's private data is sent again", () => {
    for (const viewer of VIEWERS) {
      const delta = diffView(viewFor(start, viewer), viewFor(afterOffer, viewer));
      if (delta?.kind !== "change") throw new Error(`${viewer}: expected a change`);
      const made = afterOffer.timeline.find((e) => e.type === "offer_made")!;
      expect(delta.lists?.offers).toEqual({ from: 0, items: [{ event: made.seq }] });
      expect(delta.standing).toEqual({ buyer: null, seller: 0 });
      expect(timesIn(delta, "Our list price, with the install.")).toBe(1);
      expect(delta.lists?.timeline?.from).toBe(viewFor(start, viewer).timeline.length);
      expect(delta.sides).toBeUndefined();
      expect(delta.set?.scenario).toBeUndefined();
    }
  });

  it("a note reaches its writer once, as a new note and its event, and changes nothing for the others", () => {
    const noted = act(afterOffer, { type: "note", by: "buyer", text: "they moved on price first" });
    const delta = diffView(viewFor(afterOffer, "buyer"), viewFor(noted, "buyer"));
    if (delta?.kind !== "change") throw new Error("expected a change");
    const taken = noted.timeline.find((e) => e.type === "note_taken")!;
    expect(delta.sides).toEqual({ buyer: { notes: { from: 0, items: [{ event: taken.seq }] } } });
    expect(timesIn(delta, "they moved on price first")).toBe(1);
    expect(delta.set).toBeUndefined();
    for (const viewer of ["seller", "observer", "facilitator"] as const) expect(diffView(viewFor(afterOffer, viewer), viewFor(noted, viewer)), viewer).toBeNull();
  });

  it("a whole view carries each note and each offer's words once", () => {
    const noted = act(act(afterOffer, { type: "note", by: "seller", text: "open high, concede slowly" }), { type: "note", by: "seller", text: "ask about their quarter-end" });
    const whole = diffView(null, viewFor(noted, "seller"))!;
    expect(whole.kind).toBe("whole");
    for (const words of ["open high, concede slowly", "ask about their quarter-end", "Our list price, with the install."]) expect(timesIn(whole, words), words).toBe(1);
    expect(applyViewDelta(null, overTheWire(whole))).toEqual(unpack(pack(viewFor(noted, "seller"))));
  });

  it("a change cannot be applied before the whole view", () => {
    const delta = diffView(viewFor(start, "buyer"), viewFor(afterOffer, "buyer"))!;
    expect(() => applyViewDelta(null, delta)).toThrow(/before the whole view/);
  });
});
