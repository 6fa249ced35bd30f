import { describe, expect, it } from "vitest";
import { apply } from "../../shared/engine/index.js";
import { statusOf } from "../../client/src/view/status.js";
import { seatsOf } from "../../client/src/view/seats.js";
import { roundTrackOf } from "../../client/src/view/roundTrack.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { tableViewModel } from "../../client/src/view/tableViewModel.js";
import { clientView, contextFor, drawnFrom, modelAfter, newTable, ROOM, SEATS, T0 } from "./helpers/tables.js";

const awaySeller = SEATS.map((s) => (s.role === "seller" ? { ...s, connected: false, returnBy: T0 + 60_000 } : s));

describe("the status line", () => {
  it("tells the player whose turn it is, and what acting out of turn means", () => {
    const state = SCRIPTS.opening();
    expect(statusOf(clientView(state, "buyer"), contextFor())).toMatchObject({ kind: "your_turn", tone: "action" });
    const seller = statusOf(clientView(state, "seller"), contextFor());
    expect(seller.kind).toBe("their_turn");
    expect(seller.text).toBe("Bea (buyer) to act — listen; acting now counts as an interruption.");
  });

  it("waits for the other seat before the game starts, with no clock running", () => {
    // The engine's view has a turn clock from the table's creation; the room says the game has not begun.
    const room = { ...ROOM, started: false, seats: SEATS.map((s) => (s.role === "buyer" ? { ...s, taken: false, connected: false, name: "" } : s)) };
    const seller = drawnFrom(modelAfter([newTable()], "seller", room));
    expect(seller.view.turnEndsAt).not.toBeNull();
    expect(statusOf(seller.view, seller.ctx).kind).toBe("waiting_for_opponent");
    expect(tableViewModel(seller.view, seller.ctx).clock).toBeNull();
    const observer = drawnFrom(modelAfter([newTable()], "observer", room));
    expect(statusOf(observer.view, observer.ctx).text).toBe("Waiting for both players to sit down.");
    expect(tableViewModel(observer.view, observer.ctx).clock).toBeNull();
  });

  it("says when the opponent dropped, until when their seat is held", () => {
    const status = statusOf(clientView(SCRIPTS.opening(), "buyer"), contextFor({ seats: awaySeller }));
    expect(status).toMatchObject({ kind: "opponent_away", until: T0 + 60_000, tone: "warning" });
  });

  it("never reports a bot as disconnected", () => {
    const botSeats = SEATS.map((s) => (s.role === "seller" ? { ...s, connected: true, bot: true } : s));
    expect(statusOf(clientView(SCRIPTS.opening(), "buyer"), contextFor({ seats: botSeats })).kind).toBe("your_turn");
  });

  it("puts our own connection trouble before anything else", () => {
    const view = clientView(SCRIPTS.opening(), "buyer");
    expect(statusOf(view, contextFor({ link: "reconnecting" })).kind).toBe("reconnecting");
    expect(statusOf(view, contextFor({ link: "closed", closedReason: "The table was closed." })).text).toBe("The table was closed.");
    // A view that missed a change may be a move behind: it says so until the whole view is back.
    expect(statusOf(view, contextFor({ catchingUp: true }))).toMatchObject({ kind: "reconnecting", text: "Catching up with the table…" });
    expect(statusOf(view, contextFor({ catchingUp: true, link: "closed", closedReason: "Reload." })).text).toBe("Reload.");
  });

  it("shows a pause, and the outcome once finished", () => {
    const paused = apply(SCRIPTS.opening(), { type: "pause" }, T0 + 5000);
    if (!paused.ok) throw new Error(paused.error.message);
    expect(statusOf(clientView(paused.state, "buyer"), contextFor()).kind).toBe("paused");
    expect(statusOf(clientView(SCRIPTS.dealDone(), "seller"), contextFor()).text).toBe("Deal: Bea (buyer) accepted in round 4.");
    expect(statusOf(clientView(SCRIPTS.walkedAway(), "seller"), contextFor()).text).toBe("No deal: you walked away in round 3.");
  });
});

describe("the seats", () => {
  it("put the viewer at the near edge and mark who is to act", () => {
    const view = clientView(SCRIPTS.opening(), "seller");
    const { near, far } = seatsOf(view, contextFor({ seats: awaySeller }));
    expect(near).toMatchObject({ role: "seller", isYou: true, toAct: false, presence: "Disconnected" });
    expect(far).toMatchObject({ role: "buyer", name: "Bea", toAct: true, presence: "Online" });
  });

  it("show spectators the seller across the table", () => {
    const { near, far } = seatsOf(clientView(SCRIPTS.opening(), "observer"), contextFor());
    expect([near.role, far.role]).toEqual(["buyer", "seller"]);
    expect(near.isYou || far.isYou).toBe(false);
  });
});

describe("the round track", () => {
  it("marks the viewer's own pressure points, never the other side's", () => {
    const buyer = roundTrackOf(clientView(SCRIPTS.midGame(), "buyer"));
    expect(buyer.markers).toEqual([{ round: 5, label: "Privacy audit: last round to agree", kind: "compliance" }]);
    const seller = roundTrackOf(clientView(SCRIPTS.midGame(), "seller"));
    expect(seller.markers.map((m) => m.kind)).toEqual(["deadline"]);
    expect(roundTrackOf(clientView(SCRIPTS.midGame(), "observer")).markers).toEqual([]);
  });

  it("follows a curve ball that moves the deadline", () => {
    const track = roundTrackOf(clientView(SCRIPTS.withCards(), "observer"));
    expect(track.last).toBe(7);
    expect(track.rounds.filter((r) => r.state === "past").map((r) => r.round)).toEqual([1, 2]);
    expect(track.rounds.find((r) => r.state === "current")?.round).toBe(3);
    expect(track.caption).toBe("Round 3 of 7 — 4 more after this");
    expect(track.markers.filter((m) => m.kind === "card").map((m) => m.label)).toEqual(["A private card", "A private card", "The board meets early"]);
  });
});
