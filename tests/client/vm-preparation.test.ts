import { describe, expect, it } from "vitest";
import { createTable, type Role, type TableState } from "../../shared/engine/index.js";
import { statusOf } from "../../client/src/view/status.js";
import { preparationOf } from "../../client/src/view/preparation.js";
import { tableViewModel } from "../../client/src/view/tableViewModel.js";
import { talkOf } from "../../client/src/view/talk.js";
import { reduceModel } from "../../client/src/model/clientModel.js";
import { backupAppliance, clientView, contextFor, drawnFrom, modelAfter, play, ROOM, T0 } from "./helpers/tables.js";

/* Reading time as the table screen shows it: the status line's countdown, "I'm ready", the record. */

const reading = (readySeats: readonly Role[] = ["buyer", "seller"]): TableState =>
  createTable(backupAppliance(), "client-tests", { now: T0, preparationSeconds: 120, readySeats });

describe("reading time on the table screen", () => {
  it("counts down to the end of reading time in the status line, for seats and watchers alike, with no turn clock", () => {
    for (const viewer of ["buyer", "seller", "observer", "facilitator"] as const) {
      const view = clientView(reading(), viewer);
      expect(statusOf(view, contextFor())).toEqual({ kind: "reading", text: "Reading time:", tone: "neutral", until: T0 + 120_000 });
      expect(tableViewModel(view, contextFor()).clock).toBeNull();
    }
  });

  it("shows no reading time before the game starts, and the full reading time from the start", () => {
    const waiting = { ...ROOM, started: false };
    const before = drawnFrom(modelAfter([reading()], "buyer", waiting));
    expect(before.view.preparation?.endsAt).toBe(T0 + 120_000);
    expect(statusOf(before.view, before.ctx).kind).toBe("waiting_for_opponent");
    expect(tableViewModel(before.view, before.ctx)).toMatchObject({ clock: null, preparation: null });
    // Both seats filled a minute later: the server starts the table's clocks afresh and says the game has begun.
    const startedAt = T0 + 60_000;
    const begun = createTable(backupAppliance(), "client-tests", { now: startedAt, preparationSeconds: 120, readySeats: ["buyer", "seller"] });
    const after = drawnFrom(reduceModel(modelAfter([reading(), begun], "buyer", waiting), { kind: "room", room: ROOM }));
    expect(statusOf(after.view, after.ctx)).toEqual({ kind: "reading", text: "Reading time:", tone: "neutral", until: startedAt + 120_000 });
    expect(preparationOf(after.view, after.ctx)?.canSayReady).toBe(true);
    expect(tableViewModel(after.view, after.ctx).clock).toBeNull();
  });

  it.each([
    ["a seat that has not said it", reading(), "buyer", { canSayReady: true, text: "Done reading? The clock starts once both of you are ready." }],
    ["the one human seat against a bot", reading(["buyer"]), "buyer", { canSayReady: true, text: "Done reading? The clock starts when you are ready." }],
    ["a seat that is ready, the other still reading", play(reading(), [{ type: "ready", by: "buyer" }]), "buyer", { canSayReady: false, text: "You are ready. Waiting for Sam (seller) to finish reading." }],
    ["the other seat, once the first is ready", play(reading(), [{ type: "ready", by: "buyer" }]), "seller", { canSayReady: true, text: "Bea (buyer) is ready: the clock starts when you are." }],
  ] as const)("offers I'm ready to %s", (_, state, viewer, expected) => {
    expect(preparationOf(clientView(state, viewer), contextFor())).toEqual(expected);
  });

  it.each([
    ["a workshop seat (the facilitator starts the clock)", reading([]), "buyer"],
    ["an observer", reading(), "observer"],
    ["a facilitator", reading(), "facilitator"],
    ["anyone once the clock runs", play(reading(), [{ type: "start_now" }]), "seller"],
  ] as const)("offers nothing to %s", (_, state, viewer) => {
    expect(preparationOf(clientView(state, viewer), contextFor())).toBeNull();
  });

  it("puts reading time, who is ready and how it ended on the record", () => {
    const state = play(reading(), [
      { type: "add_time", seconds: 60 },
      { type: "ready", by: "seller" },
      { type: "ready", by: "buyer" },
    ]);
    const lines = talkOf(clientView(state, "buyer"), contextFor()).map((l) => l.text);
    expect(lines).toEqual([
      "Reading time: 2 min to read your brief before the first turn.",
      "The facilitator added 60 s to the reading time.",
      "Sam (seller) is ready.",
      "You are ready.",
      "Everyone is ready: the clock is running.",
      "Round 1 of 8 begins.",
    ]);
  });
});

describe("the seats while reading", () => {
  it("mark nobody as to act until the clock runs", () => {
    const toAct = (state: TableState) => {
      const { near, far } = tableViewModel(clientView(state, "buyer"), contextFor()).seats;
      return [near.toAct, far.toAct];
    };
    expect(toAct(reading())).toEqual([false, false]);
    // The seller opens backup-appliance: the far seat, for the buyer.
    expect(toAct(play(reading(), [{ type: "start_now" }]))).toEqual([false, true]);
  });
});
