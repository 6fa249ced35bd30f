import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_NOTES_PER_SIDE } from "../../shared/engine/index.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import type { Player } from "./helpers/player.js";
import { until } from "./helpers/wait.js";

/*
 * A note is delivered once. Each used to resend the writer's whole notepad (and every
 * facilitator the side's private data), so traffic grew with the square of the notes: 178
 * notes cost their writer megabytes. Now each note reaches its writer as one note_taken
 * event, nothing reaches a facilitator until the end, and a reconnect gets the notepad once.
 */

const NOTES = 178;
/** A note as long as a chat message: 178 of them fit the notepad's character cap. */
const noteText = (i: number) => `Note ${String(i).padStart(3, "0")}: ${"they moved on support before price, ".repeat(8)}`.slice(0, 280);

let h: Harness;
beforeAll(async () => {
  // The message budget is not what this measures: let every note through.
  h = await bootServer({ MESSAGE_RATE: 1000, MESSAGE_BURST: 1000 });
});
afterAll(async () => {
  await h.stop();
});

const bytes = (p: Player) => p.client.frames.reduce((sum, f) => sum + f.byteLength, 0);
const notesHeard = (p: Player) => p.events().filter((e) => e.type === "note_taken").length;
const count = (p: Player, type: string) => p.client.received.filter((m) => m.type === type).length;

async function seated() {
  const table = await h.openFacilitated({ scenarioId: "backup-appliance" });
  const facilitator = await h.join(table.code, { facilitator: table.facilitatorSecret }, "facilitator");
  const seller = await h.join(table.code, { seat: table.seats.seller }, "seller");
  const buyer = await h.join(table.code, { seat: table.seats.buyer }, "buyer");
  await until("started", () => [facilitator, seller, buyer].every((p) => p.state.started));
  return { facilitator, seller, buyer };
}

describe("notes on the wire", () => {
  it(`${NOTES} notes cost their writer about one notepad, and a facilitator nothing during the game`, async () => {
    const { facilitator, buyer } = await seated();
    const before = { buyer: bytes(buyer), facilitator: bytes(facilitator) };
    // The first action after the start may resend private data once (the game's start rebuilt the
    // state): look at what reached whom from the second note on.
    buyer.send("note", { text: noteText(0) });
    await until("the first note heard", () => notesHeard(buyer) === 1);
    const views = { buyer: count(buyer, "view"), facilitator: count(facilitator, "view") };
    let written = noteText(0).length;
    for (let i = 1; i < NOTES; i++) {
      const text = noteText(i);
      written += text.length;
      buyer.send("note", { text });
    }
    await until(`all ${NOTES} notes heard`, () => notesHeard(buyer) === NOTES, 15_000);
    const sent = { buyer: bytes(buyer) - before.buyer, facilitator: bytes(facilitator) - before.facilitator };
    console.log(`${NOTES} notes of ${written / NOTES} characters (${written} in all): ${sent.buyer} bytes to the writer, ${sent.facilitator} to the facilitator`);

    expect(buyer.errorCount()).toBe(0);
    // Once each: the texts plus a small envelope per note (the note's event, its place in the
    // notepad, the change's number: about 200 bytes), never the notepad again.
    expect(sent.buyer).toBeLessThan(written + NOTES * 220);
    const resent = buyer.messages("view").slice(views.buyer).filter(({ delta }) => delta.sides?.buyer?.set || delta.sides?.buyer?.whole);
    expect(resent).toEqual([]);
    // The facilitator reads notes only after the game: during it, a note sends them nothing at all.
    expect(count(facilitator, "view")).toBe(views.facilitator);
    expect(notesHeard(facilitator)).toBe(0);
    // The assembled notepad is whole and in order.
    expect(buyer.events().flatMap((e) => (e.type === "note_taken" ? [e.text] : []))).toEqual(Array.from({ length: NOTES }, (_, i) => noteText(i).trim()));

    // A reconnect brings the notepad back once: each note as its event, the notepad as references to them.
    const beforeReturn = bytes(buyer);
    buyer.drop();
    await until("the table sees the buyer away", () => facilitator.state.seats.get("buyer")?.connected === false);
    await buyer.reconnect();
    await until("the history replayed", () => notesHeard(buyer) === NOTES);
    expect(buyer.view.sides.buyer?.notes?.map((n) => n.text)).toEqual(Array.from({ length: NOTES }, (_, i) => noteText(i).trim()));
    expect(bytes(buyer) - beforeReturn).toBeLessThan(2 * written);
  });

  it(`refuses a note past ${MAX_NOTES_PER_SIDE} with rule/notepad_full, and keeps the notes already taken`, async () => {
    const { seller, buyer } = await seated();
    for (let i = 0; i < MAX_NOTES_PER_SIDE; i++) seller.send("note", { text: `n${i}` });
    await until("the notepad is full", () => notesHeard(seller) === MAX_NOTES_PER_SIDE, 15_000);
    seller.send("note", { text: "one more" });
    const refusal = await seller.nextError(0);
    expect(refusal).toMatchObject({ code: "rule/notepad_full", request: "note" });
    expect(refusal.message).toContain(`${MAX_NOTES_PER_SIDE} notes`);
    expect(notesHeard(seller)).toBe(MAX_NOTES_PER_SIDE);
    // The other side's notepad is its own.
    buyer.send("note", { text: "mine" });
    await until("the buyer's note", () => notesHeard(buyer) === 1);
  });
});
