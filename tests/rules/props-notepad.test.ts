import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apply, MAX_NOTE_LENGTH, MAX_NOTEPAD_CHARS, MAX_NOTES_PER_SIDE, type Role } from "../../shared/engine/index.js";
import { newTable, T0 } from "./helpers/play.js";

/*
 * The notepad's caps: a side never holds more than MAX_NOTES_PER_SIDE notes or
 * MAX_NOTEPAD_CHARS characters; a note is refused with rule/notepad_full exactly when taking it
 * would go past either, and a refusal changes nothing. One side's notepad never limits the other's.
 */

const chars = (notes: readonly { text: string }[]) => notes.reduce((n, x) => n + x.text.length, 0);

describe("notepad caps (property)", () => {
  it("holds every side within the caps and refuses exactly the notes that would pass them", () => {
    const note = fc.record({
      by: fc.constantFrom<Role>("buyer", "seller"),
      // Mostly long notes, so the character cap is met within a few hundred notes; some short ones for the count cap.
      length: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1000, max: MAX_NOTE_LENGTH })),
    });
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 400 }), (notes) => {
        let state = newTable();
        notes.forEach(({ by, length }, i) => {
          const side = state.sides[by];
          const wouldPass = side.notes.length >= MAX_NOTES_PER_SIDE || chars(side.notes) + length > MAX_NOTEPAD_CHARS;
          const result = apply(state, { type: "note", by, text: "x".repeat(length) }, T0 + i);
          if (wouldPass) {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error.code).toBe("rule/notepad_full");
            expect(result.state).toBe(state);
          } else {
            expect(result.ok).toBe(true);
            state = result.state;
          }
          for (const role of ["buyer", "seller"] as const) {
            expect(state.sides[role].notes.length).toBeLessThanOrEqual(MAX_NOTES_PER_SIDE);
            expect(chars(state.sides[role].notes)).toBeLessThanOrEqual(MAX_NOTEPAD_CHARS);
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it("says in the refusal what is full: the count, or the characters left", () => {
    let state = newTable();
    for (let i = 0; i < MAX_NOTES_PER_SIDE; i++) {
      const r = apply(state, { type: "note", by: "seller", text: "ok" }, T0 + i);
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    const full = apply(state, { type: "note", by: "seller", text: "one more" }, T0 + 1000);
    expect(full.ok ? null : full.error).toEqual({
      code: "rule/notepad_full",
      message: `Your notepad is full: it holds ${MAX_NOTES_PER_SIDE} notes. Keep playing — the notes you have are kept for your debrief.`,
    });

    let long = newTable();
    for (let i = 0; i < MAX_NOTEPAD_CHARS / MAX_NOTE_LENGTH; i++) {
      const r = apply(long, { type: "note", by: "buyer", text: "y".repeat(MAX_NOTE_LENGTH - (i === 0 ? 10 : 0)) }, T0 + i);
      if (!r.ok) throw new Error(r.error.message);
      long = r.state;
    }
    const over = apply(long, { type: "note", by: "buyer", text: "z".repeat(11) }, T0 + 1000);
    expect(over.ok ? null : over.error.message).toBe("Your notepad is nearly full: 10 of its 50,000 characters are left, and this note has 11. Shorten it.");
  });
});
