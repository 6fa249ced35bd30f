import { describe, expect, it } from "vitest";
import { privateDataFor, viewFor } from "../../shared/engine/index.js";
import { act, newTable, offer, pkg } from "./helpers/play.js";

/* Senders (the server) resend a seat's private data only when it changed, judged by reference. */
describe("private views keep their identity while a side is unchanged", () => {
  it("an offer leaves both private views as they were; a note renews only its writer's", () => {
    const start = newTable();
    const afterOffer = act(start, offer("seller", pkg({ price: 2900 })));
    expect(viewFor(afterOffer, "seller").sides.seller).toBe(viewFor(start, "seller").sides.seller);
    expect(viewFor(afterOffer, "facilitator").sides.buyer).toBe(viewFor(start, "facilitator").sides.buyer);

    const afterNote = act(afterOffer, { type: "note", by: "buyer", text: "they moved on price first" });
    expect(viewFor(afterNote, "buyer").sides.buyer).not.toBe(viewFor(afterOffer, "buyer").sides.buyer);
    expect(viewFor(afterNote, "buyer").sides.buyer?.notes).toHaveLength(1);
    expect(viewFor(afterNote, "seller").sides.seller).toBe(viewFor(afterOffer, "seller").sides.seller);
  });

  it("the same side seen with and without notes are two different views", () => {
    const s = act(newTable(), { type: "note", by: "seller", text: "open high" });
    expect(viewFor(s, "seller").sides.seller?.notes).toHaveLength(1);
    expect(viewFor(s, "facilitator").sides.seller?.notes).toBeUndefined();
  });
});

/* The server sends private data without notepads (notes travel once, as note_taken events). */
describe("private data keeps its identity through notes", () => {
  it("a note leaves both sides' private data as they were, for the writer and for facilitators", () => {
    const start = act(newTable(), offer("seller", pkg({ price: 2900 })));
    const noted = act(act(start, { type: "note", by: "buyer", text: "they moved first" }), { type: "note", by: "buyer", text: "and again" });
    for (const viewer of ["buyer", "facilitator"] as const) {
      expect(privateDataFor(noted, viewer).buyer).toBe(privateDataFor(start, viewer).buyer);
      expect(privateDataFor(noted, viewer).buyer).not.toHaveProperty("notes");
    }
    // The engine's own view still shows the writer their notepad.
    expect(viewFor(noted, "buyer").sides.buyer?.notes?.map((n) => n.text)).toEqual(["they moved first", "and again"]);
  });

  it("anything else that changes a side gives it new private data", () => {
    const start = newTable();
    const asked = act(act(start, offer("seller", pkg({ price: 2900 }))), { type: "ask", by: "buyer", questionId: start.scenario.questions.find((q) => q.askedBy === "buyer")!.id });
    expect(privateDataFor(asked, "buyer").buyer).not.toBe(privateDataFor(start, "buyer").buyer);
    expect(privateDataFor(asked, "buyer").buyer?.learned.length).toBeGreaterThan(0);
  });
});
