import { describe, expect, it } from "vitest";
import { debrief, viewFor, VIEWERS, type TableState } from "../../shared/engine/index.js";
import { diffView } from "../../shared/protocol/viewDelta.js";
import { CATCH_UP_WINDOW_MS, emptyModel, inputOf, OUT_OF_STEP, reduceModel, type ClientModel } from "../../client/src/model/clientModel.js";
import { dealDoneSteps, SCRIPTS } from "./helpers/scripts.js";
import { modelAfter, modelFor, T0, wire } from "./helpers/tables.js";

/** The buyer's view message from `before` (null: the whole view) to `after`, numbered `seq`. */
const viewInput = (before: TableState | null, after: TableState, at: number, seq = 1) => {
  const delta = diffView(before && viewFor(before, "buyer"), viewFor(after, "buyer"));
  if (!delta) throw new Error("the states should differ for the buyer");
  return inputOf("view", wire({ delta, seq }), at);
};

describe("the client's view of the game", () => {
  // A scene draws only the model's view: after every change it must be exactly the engine's
  // view for this viewer, or the screen would show something the rules did not say.
  const game = dealDoneSteps();
  for (const viewer of VIEWERS) {
    it(`stays the engine's view for the ${viewer}, change after change, from the empty table to the deal`, () => {
      for (let i = 0; i < game.length; i++) expect(modelAfter(game.slice(0, i + 1), viewer).view).toEqual(wire(viewFor(game[i]!, viewer)));
    });
  }

  it("is there only once the whole view has come", () => {
    const welcomed = modelAfter([], "buyer");
    expect(welcomed.view).toBeNull();
    expect(modelFor(SCRIPTS.opening(), "buyer").view?.offers).toHaveLength(1);
  });

  it("shows the money of a concession to the side that made it, and to nobody else", () => {
    const watched = dealDoneSteps().slice(0, 4);
    const moneyOf = (viewer: "buyer" | "seller" | "observer") => modelAfter(watched, viewer).view!.ledger.filter((c) => c.by === "seller").map((c) => c.money);
    expect(moneyOf("seller").length).toBeGreaterThan(0);
    expect(moneyOf("seller").every((m) => typeof m === "number")).toBe(true);
    expect(moneyOf("buyer").every((m) => m === undefined)).toBe(true);
    expect(moneyOf("observer").every((m) => m === undefined)).toBe(true);
  });

  it("puts a note on its writer's notepad only, and on the facilitator's once the game is over", () => {
    const game = dealDoneSteps();
    const noted = game.findIndex((s) => s.sides.buyer.notes.length > 0);
    const during = game.slice(0, noted + 1);
    const notes = (states: readonly TableState[], viewer: "buyer" | "seller" | "facilitator") => modelAfter(states, viewer).view!.sides.buyer?.notes?.map((n) => n.text);
    expect(notes(during, "buyer")).toEqual(["Their quarter closes soon: hold firm on price."]);
    expect(notes(during, "seller")).toBeUndefined();
    expect(notes(during, "facilitator")).toBeUndefined();
    expect(notes(game, "facilitator")).toEqual(["Their quarter closes soon: hold firm on price."]);
    expect(notes(game, "seller")).toBeUndefined();
  });

  it("sets aside a change that does not fit the view it holds, until the whole view comes again", () => {
    const [first, second, third] = dealDoneSteps();
    const lost = reduceModel(reduceModel(emptyModel, { kind: "link", link: "live" }), viewInput(first!, second!, T0));
    expect(lost.view).toBeNull();
    expect(lost.catchingUp).toBe(true);
    expect(lost.link).toBe("live");
    // Later changes are not taken either; the whole view a renewed link brings is.
    expect(reduceModel(lost, viewInput(second!, third!, T0, 2))).toBe(lost);
    const back = reduceModel(lost, viewInput(null, second!, T0 + 1000, 1));
    expect(back.view).toEqual(wire(viewFor(second!, "buyer")));
    expect(back.catchingUp).toBe(false);
    expect(reduceModel(back, viewInput(second!, third!, T0 + 2000, 2)).view).toEqual(wire(viewFor(third!, "buyer")));
  });

  it("notices a missed change by its number, even where the next one would apply", () => {
    const game = dealDoneSteps();
    const held = reduceModel(emptyModel, viewInput(null, game[1]!, T0, 4));
    // Change 5 (game[1] to game[2]) never came; change 6 is a later state's.
    const skipped = reduceModel(held, viewInput(game[2]!, game[3]!, T0 + 10, 6));
    expect(skipped.catchingUp).toBe(true);
    expect(skipped.view).toBe(held.view);
    expect(reduceModel(held, viewInput(game[1]!, game[2]!, T0 + 10, 5)).view).toEqual(wire(viewFor(game[2]!, "buyer")));
  });

  it("gives up and says to reload when a change misses again soon after catching up", () => {
    const [first, second, third] = dealDoneSteps();
    const caughtUp = reduceModel(reduceModel(emptyModel, viewInput(first!, second!, T0)), viewInput(null, first!, T0 + 500, 7));
    const again = reduceModel(caughtUp, viewInput(first!, second!, T0 + CATCH_UP_WINDOW_MS - 1, 9));
    expect(again.link).toBe("closed");
    expect(again.closedReason).toBe(OUT_OF_STEP);
    expect(again.view).toEqual(caughtUp.view);
    // Much later, a miss is a new one: the window catches up again.
    const later = reduceModel(caughtUp, viewInput(second!, third!, T0 + CATCH_UP_WINDOW_MS, 9));
    expect(later.catchingUp).toBe(true);
    expect(later.link).not.toBe("closed");
  });

  it("keeps the debrief the game's last move brought, for the seats it was sent", () => {
    const game = dealDoneSteps();
    const lines = { buyer: debrief(game.at(-1)!, "buyer") };
    const model = modelAfter(game, "buyer", undefined, lines);
    expect(model.debrief).toEqual(wire(lines));
    expect(modelAfter(game, "buyer").debrief).toEqual({});
  });
});

describe("reduceModel", () => {
  it("keeps a refusal until it is dismissed, stamped with when it came", () => {
    const refused = reduceModel(emptyModel, {
      kind: "error",
      message: { code: "rule/not_your_turn", message: "It is the other side's turn: wait for their move.", request: "offer" },
      at: 42,
    });
    expect(refused.refusal).toEqual({ code: "rule/not_your_turn", message: "It is the other side's turn: wait for their move.", request: "offer", at: 42 });
    expect(reduceModel(refused, { kind: "dismiss_refusal" }).refusal).toBeNull();
  });

  it("records why the link closed only while it is closed", () => {
    const closed = reduceModel(emptyModel, { kind: "link", link: "closed", reason: "The table was closed." });
    expect(closed.closedReason).toBe("The table was closed.");
    expect(reduceModel(closed, { kind: "link", link: "reconnecting" }).closedReason).toBeNull();
  });

  describe("clock skew", () => {
    const opening = SCRIPTS.opening();
    const next = SCRIPTS.midGame();
    const turnStart = next.turnEndsAt! - next.turnMs;
    const joined = (at: number): ClientModel => reduceModel(emptyModel, viewInput(null, opening, at, 0));

    it("is not guessed from a turn already running when we join", () => {
      expect(joined(T0 + 999_999).clockOffsetMs).toBe(0);
    });

    it("is measured when a turn starts while we watch", () => {
      const model = reduceModel(joined(turnStart), viewInput(opening, next, turnStart - 30_000));
      expect(model.clockOffsetMs).toBe(30_000);
    });

    it("ignores differences that are only network latency", () => {
      const model = reduceModel(joined(turnStart), viewInput(opening, next, turnStart + 300));
      expect(model.clockOffsetMs).toBe(0);
    });

    it("is not guessed from a reconnect's whole view either, whatever turn it shows", () => {
      const model = reduceModel(joined(turnStart), viewInput(null, next, turnStart - 30_000));
      expect(model.clockOffsetMs).toBe(0);
    });
  });
});
