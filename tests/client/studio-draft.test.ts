import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/engine/scenario.js";
import { idFromLabel } from "../../shared/engine/scenarioNormalise.js";
import { getAt, insertAt, moveAt, removeAt, setAt, type Doc, type JsonObject } from "../../client/src/studio/document.js";
import {
  addCard,
  addHotButton,
  addIssue,
  addOption,
  addPoint,
  addQuestion,
  emptyDraft,
  MAX_VALUED_ONE_BY_ONE,
  numericValues,
  setValuation,
  removeIssue,
  removeOption,
  renameIssue,
  renameOption,
  setDrawnMode,
  setEffectKind,
  setFact,
  setHotButtonKind,
  setScale,
  setWantsIssue,
  setWantsStrength,
} from "../../client/src/studio/draft.js";

const problemPaths = (doc: Doc) => {
  const parsed = parseScenario(doc);
  return parsed.ok ? [] : parsed.error.map((p) => p.path);
};

/** Apply changes in order, as a trainer's clicks would. */
const steps = (doc: Doc, ...changes: ((d: Doc) => Doc)[]) => changes.reduce((d, change) => change(d), doc);

describe("the studio's document edits", () => {
  const doc: Doc = { a: { b: [1, 2, 3] }, c: "x" };
  it.each([
    ["sets a nested value", setAt(doc, ["a", "b", 1], 9), ["a", "b"], [1, 9, 3]],
    ["creates the objects on the way", setAt(doc, ["n", "m"], 1), ["n"], { m: 1 }],
    ["removes a key set to undefined", setAt(doc, ["c"], undefined), ["c"], undefined],
    ["inserts at the end of a list", insertAt(doc, ["a", "b"], 4), ["a", "b"], [1, 2, 3, 4]],
    ["inserts into a list that is not there yet", insertAt(doc, ["z"], 1), ["z"], [1]],
    ["removes from a list", removeAt(doc, ["a", "b"], 0), ["a", "b"], [2, 3]],
    ["moves an item down", moveAt(doc, ["a", "b"], 0, 2), ["a", "b"], [2, 3, 1]],
    ["moves an item up", moveAt(doc, ["a", "b"], 2, 1), ["a", "b"], [1, 3, 2]],
    ["does not move past the end", moveAt(doc, ["a", "b"], 2, 3), ["a", "b"], [1, 2, 3]],
  ] as const)("%s, leaving the old document as it was", (_name, next, path, expected) => {
    expect(getAt(next, path)).toEqual(expected);
    expect(doc).toEqual({ a: { b: [1, 2, 3] }, c: "x" });
  });
});

describe("the studio's draft", () => {
  it("starts with the price issue and both roles, asking only for what the trainer must write", () => {
    expect(problemPaths(emptyDraft()).sort()).toEqual(
      [
        "id",
        "title",
        "summary",
        "story",
        "issues[0].min",
        "issues[0].max",
        "roles.buyer.brief",
        "roles.buyer.walkAway.min",
        "roles.buyer.walkAway.max",
        "roles.seller.brief",
        "roles.seller.walkAway.min",
        "roles.seller.walkAway.max",
      ].sort(),
    );
  });

  it("becomes a valid case with the studio's own buttons and a few typed fields", () => {
    const typed = steps(
      emptyDraft(),
      (d) => setAt(d, ["id"], "office-move"),
      (d) => setAt(d, ["title"], "The office move"),
      (d) => setAt(d, ["summary"], "A move."),
      (d) => setAt(d, ["story"], "An agency moves."),
      (d) => setAt(d, ["issues", 0, "min"], 40000),
      (d) => setAt(d, ["issues", 0, "max"], 80000),
      (d) => addIssue(d, "range"),
      (d) => renameIssue(d, 1, "storage"),
      (d) => setAt(d, ["issues", 1, "label"], "Storage"),
      (d) => setAt(d, ["issues", 1, "unit"], "months"),
      (d) => addIssue(d, "options"),
      (d) => renameIssue(d, 2, "weekend"),
      (d) => setAt(d, ["issues", 2, "label"], "Weekend"),
      (d) => renameOption(d, 2, 0, "any"),
      (d) => setAt(d, ["issues", 2, "options", 0, "label"], "Any"),
      (d) => renameOption(d, 2, 1, "chosen"),
      (d) => setAt(d, ["issues", 2, "options", 1, "label"], "Chosen"),
      ...(["buyer", "seller"] as const).map((role) => (d: Doc) =>
        steps(
          d,
          (x) => setAt(x, ["roles", role, "brief"], "Your brief."),
          (x) => setAt(x, ["roles", role, "walkAway"], { min: 50000, max: 60000, step: 1000 }),
          (x) => setAt(x, ["roles", role, "values", "storage"], { atMin: 0, atMax: 1000 }),
          (x) => setAt(x, ["roles", role, "values", "weekend"], { byOption: { any: 0, chosen: 2000 } }),
          (x) => addPoint(x, role, "strengths"),
          (x) => setAt(x, ["roles", role, "strengths", 0, "text"], "A strength."),
          (x) => addHotButton(x, role, "deadline"),
          (x) => setAt(x, ["roles", role, "hotButtons", 0, "label"], "Deadline"),
          (x) => setAt(x, ["roles", role, "hotButtons", 0, "text"], "After round {afterRound}, {costPerRound} a round."),
        ),
      ),
      addQuestion,
      (d) => setAt(d, ["questions", 0, "text"], "Why?"),
      (d) => setAt(d, ["questions", 0, "answer"], "Because of {walkAway}."),
      (d) => setFact(d, ["questions", 0, "reveals"], "walkAway"),
      addCard,
      (d) => setAt(d, ["deck", "cards", 0, "title"], "News"),
      (d) => setAt(d, ["deck", "cards", 0, "text"], "Your walk-away moves by {by}."),
      (d) => setAt(d, ["deck", "maxCards"], 1),
    );
    expect(parseScenario(typed)).toMatchObject({ ok: true });
  });

  it("moves an issue's valuations, caps and cards with its id as the trainer types it", () => {
    const before = steps(
      emptyDraft(),
      (d) => addIssue(d, "range"),
      (d) => setAt(d, ["issues", 1, "id"], "crew"),
      (d) => setAt(d, ["roles", "buyer", "values", "crew"], { atMin: 0, atMax: 5 }),
      (d) => addHotButton(d, "buyer", "wants"),
      (d) => setWantsIssue(d, "buyer", 0, "crew"),
      addCard,
      (d) => setEffectKind(d, 0, "shiftValue"),
      (d) => setAt(d, ["deck", "cards", 0, "effect", "issueId"], "crew"),
    );
    const after = renameIssue(before, 1, "movers");
    expect(getAt(after, ["roles", "buyer", "values"])).toEqual({ movers: { atMin: 0, atMax: 5 } });
    expect(getAt(after, ["roles", "buyer", "hotButtons", 0, "issueId"])).toBe("movers");
    expect(getAt(after, ["deck", "cards", 0, "effect", "issueId"])).toBe("movers");
  });

  it("does not hand one issue's valuations to another while two share an id", () => {
    const two = steps(
      emptyDraft(),
      (d) => addIssue(d, "range"),
      (d) => addIssue(d, "range"),
      (d) => setAt(d, ["issues", 1, "id"], "crew"),
      (d) => setAt(d, ["roles", "buyer", "values", "crew"], { atMin: 0, atMax: 5 }),
      (d) => setAt(d, ["issues", 2, "id"], "crew"),
    );
    // Typing on in the second issue's id must leave the first issue's valuation where it is.
    expect(getAt(renameIssue(two, 2, "crews"), ["roles", "buyer", "values"])).toEqual({ crew: { atMin: 0, atMax: 5 } });
    // And the first issue moving onto an id in use moves nothing either.
    expect(getAt(renameIssue(two, 1, "crew2"), ["roles", "buyer", "values"])).toEqual({ crew: { atMin: 0, atMax: 5 } });
  });

  it("renames and removes options with both sides' values of them", () => {
    const base = steps(
      emptyDraft(),
      (d) => addIssue(d, "options"),
      (d) => renameIssue(d, 1, "cover"),
      (d) => renameOption(d, 1, 0, "basic"),
      (d) => renameOption(d, 1, 1, "full"),
      (d) => setAt(d, ["roles", "seller", "values", "cover"], { byOption: { basic: 0, full: 900 } }),
    );
    const renamed = renameOption(base, 1, 1, "complete");
    expect(getAt(renamed, ["roles", "seller", "values", "cover", "byOption"])).toEqual({ basic: 0, complete: 900 });
    const removed = removeOption(renamed, 1, 0);
    expect(getAt(removed, ["issues", 1, "options"])).toEqual([{ id: "complete", label: "" }]);
    expect(getAt(removed, ["roles", "seller", "values", "cover", "byOption"])).toEqual({ complete: 900 });
    expect(getAt(addOption(removed, 1), ["issues", 1, "options", 1])).toEqual({ id: "", label: "" });
    const gone = removeIssue(removed, 1);
    expect(getAt(gone, ["issues"])).toHaveLength(1);
    expect(getAt(gone, ["roles", "seller", "values"])).toEqual({});
  });

  it.each([
    ["48 hours", "48-hours"],
    ["Next business day", "next-business-day"],
    ["  Same day (4 h)!", "same-day-4-h"],
    ["Prêt à démarrer", "pret-a-demarrer"],
  ])("makes the id of a plain option label %j: %j", (label, id) => {
    expect(idFromLabel(label)).toBe(id);
  });

  it("switches a numeric issue between min/max/step and a list of values, keeping its ends", () => {
    const ranged = steps(emptyDraft(), (d) => addIssue(d, "range"), (d) => setAt(d, ["issues", 1, "min"], 6), (d) => setAt(d, ["issues", 1, "max"], 24));
    const listed = setScale(ranged, 1, "listed");
    expect(getAt(listed, ["issues", 1, "values"])).toEqual([6, 24]);
    expect(getAt(listed, ["issues", 1, "min"])).toBeUndefined();
    const back = setScale(setAt(listed, ["issues", 1, "values"], [6, 12, 24]), 1, "spaced");
    expect([getAt(back, ["issues", 1, "min"]), getAt(back, ["issues", 1, "max"]), getAt(back, ["issues", 1, "values"])]).toEqual([6, 24, undefined]);
  });

  it("lets a side value a numeric issue value by value, one field per value the issue can take", () => {
    const d = steps(emptyDraft(), (x) => addIssue(x, "range"), (x) => renameIssue(x, 1, "months"), (x) => setScale(x, 1, "listed"), (x) => setAt(x, ["issues", 1, "values"], [6, 12, 24]));
    expect(numericValues(getAt(d, ["issues", 1]) as JsonObject)).toEqual([6, 12, 24]);
    const byValue = setValuation(d, "buyer", 1, "value");
    expect(getAt(byValue, ["roles", "buyer", "values", "months"])).toEqual({ byValue: { "6": 0, "12": 0, "24": 0 } });
    expect(getAt(setValuation(byValue, "buyer", 1, "ends"), ["roles", "buyer", "values", "months"])).toEqual({ atMin: 0, atMax: 0 });
    // A range of a million steps is not counted out: only as far as one-by-one valuing goes.
    expect(numericValues({ min: 0, max: 1_000_000, step: 1 })).toHaveLength(MAX_VALUED_ONE_BY_ONE + 1);
    expect(numericValues({ min: "a", max: 10, step: 1 })).toEqual([]);
  });

  it("keeps a hot button's words when its kind changes, and gives each kind its own figures", () => {
    const d = steps(emptyDraft(), (x) => addHotButton(x, "seller", "deadline"), (x) => setAt(x, ["roles", "seller", "hotButtons", 0, "label"], "Quarter close"));
    const cap = setHotButtonKind(d, "seller", 0, "budgetCap");
    expect(getAt(cap, ["roles", "seller", "hotButtons", 0])).toMatchObject({ kind: "budgetCap", id: "pressure-1", label: "Quarter close", issueId: "price" });
    expect(getAt(cap, ["roles", "seller", "hotButtons", 0, "afterRound"])).toBeUndefined();
    const wants = setWantsStrength(setHotButtonKind(cap, "seller", 0, "wants"), "seller", 0, "costIfMissing");
    expect(getAt(wants, ["roles", "seller", "hotButtons", 0])).toMatchObject({ kind: "wants", costIfMissing: 0 });
    expect(getAt(wants, ["roles", "seller", "hotButtons", 0, "mustHave"])).toBeUndefined();
    expect(getAt(addHotButton(wants, "seller", "compliance"), ["roles", "seller", "hotButtons", 1, "id"])).toBe("pressure-2");
  });

  it.each([
    ["fixed", { min: 3, max: 5, step: 1 }, 3],
    ["range", 4, { min: 4, max: 4, step: 1 }],
  ] as const)("turns a drawn figure into %s", (mode, before, after) => {
    const d = setAt(emptyDraft(), ["x"], before);
    expect(getAt(setDrawnMode(d, ["x"], mode), ["x"])).toEqual(after);
  });

  it("makes a card public when it changes the deadline, which both sides see", () => {
    const d = steps(emptyDraft(), addCard, (x) => setEffectKind(x, 0, "changeDeadline"));
    expect(getAt(d, ["deck", "cards", 0])).toMatchObject({ visibility: "public", effect: { kind: "changeDeadline", by: -1 } });
  });
});
