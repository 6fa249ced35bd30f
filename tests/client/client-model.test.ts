import { describe, expect, it } from "vitest";
import { viewFor } from "../../shared/engine/index.js";
import { emptyModel, reduceModel, type ClientModel } from "../../client/src/model/clientModel.js";
import { snapshotTable } from "../../client/src/model/snapshot.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { publicTableOf, T0 } from "./helpers/tables.js";

const eventsOf = (viewer: "buyer" | "observer") => viewFor(SCRIPTS.midGame(), viewer).timeline;

describe("reduceModel", () => {
  it("replaces the history on a replay and appends only unseen events otherwise", () => {
    const all = eventsOf("buyer");
    let model = reduceModel(emptyModel, { kind: "events", message: { events: all.slice(0, 3), replay: true } });
    model = reduceModel(model, { kind: "events", message: { events: all.slice(1, 5), replay: false } });
    expect(model.events.map((e) => e.seq)).toEqual(all.slice(0, 5).map((e) => e.seq));
    const before = model.events;
    model = reduceModel(model, { kind: "events", message: { events: all.slice(2, 4), replay: false } });
    expect(model.events).toBe(before);
    model = reduceModel(model, { kind: "events", message: { events: all.slice(0, 2), replay: true } });
    expect(model.events.map((e) => e.seq)).toEqual(all.slice(0, 2).map((e) => e.seq));
  });

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
    const opening = snapshotTable(publicTableOf(SCRIPTS.opening()));
    const next = snapshotTable(publicTableOf(SCRIPTS.midGame()));
    const joined = (at: number): ClientModel => reduceModel(emptyModel, { kind: "state", table: opening, at });

    it("is not guessed from a turn already running when we join", () => {
      expect(joined(T0 + 999_999).clockOffsetMs).toBe(0);
    });

    it("is measured when a turn starts while we watch", () => {
      const turnStart = next.turnEndsAt - next.turnMs;
      const model = reduceModel(joined(turnStart), { kind: "state", table: next, at: turnStart - 30_000 });
      expect(model.clockOffsetMs).toBe(30_000);
    });

    it("ignores differences that are only network latency", () => {
      const turnStart = next.turnEndsAt - next.turnMs;
      const model = reduceModel(joined(turnStart), { kind: "state", table: next, at: turnStart + 300 });
      expect(model.clockOffsetMs).toBe(0);
    });
  });
});
