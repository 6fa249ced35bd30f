import { describe, expect, it } from "vitest";
import { apply, isAction, type Action } from "../../shared/engine/index.js";
import { newTable, T0 } from "./helpers/play.js";

describe("malformed actions (a bug at the edge) are refused, never thrown", () => {
  const malformed: [string, unknown][] = [
    ["no action", undefined],
    ["a string", "offer"],
    ["an unknown type", { type: "bribe", by: "buyer" }],
    ["a seat that is not a side", { type: "walk_away", by: "facilitator" }],
    ["no seat", { type: "accept" }],
    ["a seat named like a prototype key", { type: "note", by: "__proto__", text: "hi" }],
    ["a message that is not text", { type: "walk_away", by: "seller", message: null }],
    ["a question id that is not text", { type: "ask", by: "seller", questionId: 3 }],
    ["a card id that is not text", { type: "curveball", cardId: { id: "leak" } }],
  ];
  it.each(malformed)("%s: rule/bad_action, nothing changes, no interruption counted", (_label, action) => {
    const start = newTable();
    expect(isAction(action)).toBe(false);
    const result = apply(start, action as Action, T0);
    expect(result).toMatchObject({ ok: false, error: { code: "rule/bad_action" }, events: [] });
    expect(result.state).toBe(start);
  });

  it.each([Number.NaN, Infinity])("a clock reading of %s is refused before it can poison the timer", (now) => {
    const start = newTable();
    const result = apply(start, { type: "timeout" }, now);
    expect(result).toMatchObject({ ok: false, error: { code: "rule/bad_action" } });
    expect(result.state).toBe(start);
  });

  it("an option value that is not text is bad terms with a readable message", () => {
    const start = newTable();
    const result = apply(start, { type: "offer", by: "seller", terms: { price: 2000, support: Object.create(null), warranty: 0, delivery: 6 } }, T0);
    expect(result).toMatchObject({ ok: false, error: { code: "rule/bad_terms", message: "Support: pick one of the options" } });
  });
});
