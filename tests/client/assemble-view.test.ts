import { describe, expect, it } from "vitest";
import { viewFor, VIEWERS } from "../../shared/engine/index.js";
import { assembleView } from "../../client/src/model/assembleView.js";
import { emptyModel, reduceModel } from "../../client/src/model/clientModel.js";
import { snapshotTable } from "../../client/src/model/snapshot.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { modelFor, publicTableOf, T0, wire } from "./helpers/tables.js";

describe("the client's TableView", () => {
  // The client rebuilds the view from public state + its own messages; it must come out exactly
  // as the engine's viewFor for that viewer, or a scene would draw something the rules did not say.
  for (const [name, make] of Object.entries(SCRIPTS)) {
    for (const viewer of VIEWERS) {
      it(`equals the engine's view for the ${viewer} (${name})`, () => {
        const state = make();
        const assembled = assembleView(modelFor(state, viewer));
        expect(assembled).toEqual(wire(viewFor(state, viewer)));
      });
    }
  }

  it("is not available before both the welcome and the first state have arrived", () => {
    const state = SCRIPTS.opening();
    const withState = reduceModel(emptyModel, { kind: "state", table: snapshotTable(publicTableOf(state)), at: T0 });
    expect(assembleView(withState)).toBeNull();
    expect(assembleView(modelFor(state, "buyer"))).not.toBeNull();
  });

  it("drops an offer whose terms are not a package instead of drawing garbage", () => {
    const state = SCRIPTS.midGame();
    const table = publicTableOf(state);
    const offers = Array.from(table.offers);
    offers[0] = { ...offers[0]!, termsJson: "{not json" };
    offers[1] = { ...offers[1]!, termsJson: JSON.stringify({ price: [1, 2] }) };
    const model = reduceModel(modelFor(state, "observer"), { kind: "state", table: snapshotTable({ ...table, offers }), at: T0 });
    const view = assembleView(model)!;
    expect(view.offers.map((o) => o.turn)).toEqual([2]);
  });

  it("shows a private card face down until its side's own card event pairs with it", () => {
    const state = SCRIPTS.withCards();
    const buyer = modelFor(state, "buyer");
    const withoutEvents = reduceModel(buyer, { kind: "events", message: { events: [], replay: true } });
    const cards = assembleView(withoutEvents)!.cards;
    expect(cards.filter((c) => c.hidden)).toHaveLength(2);
    const paired = assembleView(buyer)!.cards;
    expect(paired.find((c) => !c.hidden && c.side === "buyer" && c.visibility === "private")).toMatchObject({ title: "A competitor calls" });
    expect(paired.filter((c) => c.hidden).map((c) => c.side)).toEqual(["seller"]);
  });
});
