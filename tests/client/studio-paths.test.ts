import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/engine/scenario.js";
import { emptyDraft } from "../../client/src/studio/draft.js";
import { setAt } from "../../client/src/studio/document.js";
import { fieldId, parsePath, pathText, placeProblem } from "../../client/src/studio/paths.js";
import { typedValue } from "../../client/src/studio/typed.js";
import { parseRoute } from "../../client/src/app/routes.js";

describe("document paths", () => {
  it.each([
    ["id", ["id"]],
    ["issues[2].options[0].id", ["issues", 2, "options", 0, "id"]],
    ["roles.buyer.values.same-day.byOption.next_day", ["roles", "buyer", "values", "same-day", "byOption", "next_day"]],
    ["deck.cards[10].effect.fact", ["deck", "cards", 10, "effect", "fact"]],
  ])("reads %j as the keys parseScenario names it by, and writes it back", (text, keys) => {
    expect(parsePath(text)).toEqual(keys);
    expect(pathText(keys)).toBe(text);
  });

  it("reads a key quoted in brackets, as the format names a label with spaces", () => {
    expect(parsePath('roles.buyer.values.response.byOption["48 hours"]')).toEqual(["roles", "buyer", "values", "response", "byOption", "48 hours"]);
    expect(parsePath('a["say \\"hi\\"."].b')).toEqual(["a", 'say "hi".', "b"]);
  });

  it("gives every path an element id without white space", () => {
    expect(fieldId("roles.buyer.values.a b.byOption.x")).toBe("f-roles.buyer.values.a_b.byOption.x");
  });
});

describe("where a problem is shown", () => {
  const fields = new Set(["title", "issues[1].min", "issues[1].max", "roles.buyer.walkAway.max", "roles.buyer.values.crew.atMin"]);
  const sections = new Set(["issues", "issues[1]", "roles.buyer", "roles.buyer.values.crew", "roles.buyer.walkAway", "deck"]);
  it.each([
    ["title", { kind: "field", path: "title" }],
    ["roles.buyer.walkAway.max", { kind: "field", path: "roles.buyer.walkAway.max" }],
    // A problem inside a field's value (a drawn range) stays beside that field.
    ["issues[1].min.step", { kind: "field", path: "issues[1].min" }],
    // No field for the path: the nearest section that holds it.
    ["issues[1].buyerPrefers", { kind: "section", path: "issues[1]" }],
    ["roles.buyer.values.crew", { kind: "section", path: "roles.buyer.values.crew" }],
    ["roles.buyer.values.crew.byOption.x", { kind: "section", path: "roles.buyer.values.crew" }],
    ["roles.buyer.target", { kind: "section", path: "roles.buyer" }],
    ["issues[7].id", { kind: "section", path: "issues" }],
    ["deck.cards[0].effect.by", { kind: "section", path: "deck" }],
    // Nothing in the form holds it: the summary at the top.
    ["questions[0].answer", { kind: "top" }],
    ["", { kind: "top" }],
  ] as const)("%j → %j", (path, place) => {
    expect(placeProblem(path, fields, sections)).toEqual(place);
  });

  it("places every problem of the empty draft beside a field the form draws", () => {
    const drawn = new Set(["id", "title", "summary", "story", "issues[0].min", "issues[0].max", "roles.buyer.brief", "roles.seller.brief", ...["buyer", "seller"].flatMap((r) => [`roles.${r}.walkAway.min`, `roles.${r}.walkAway.max`])]);
    const parsed = parseScenario(emptyDraft());
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    for (const p of parsed.error) expect(placeProblem(p.path, drawn, new Set()), p.path).toEqual({ kind: "field", path: p.path });
  });

  it("places a walk-away typed the wrong way round beside its upper end", () => {
    const backwards = setAt(emptyDraft(), ["roles", "buyer", "walkAway"], { min: 70000, max: 60000, step: 1000 });
    const parsed = parseScenario(backwards);
    const paths = parsed.ok ? [] : parsed.error.map((p) => p.path);
    expect(paths).toContain("roles.buyer.walkAway.max");
  });
});

describe("what a typed text becomes in the document", () => {
  it.each([
    ["number", "12000", 12000],
    ["number", "12,000", 12000],
    ["number", " -3 000 ", -3000],
    ["number", "0.35", 0.35],
    ["number", "", undefined],
    ["number", "6k", "6k"],
    ["text", "  kept as typed ", "  kept as typed "],
    ["numberList", "6, 12, 24", [6, 12, 24]],
    ["numberList", "6,12;24", [6, 12, 24]],
    ["numberList", "6, twelve", [6, "twelve"]],
    ["numberList", "", []],
  ] as const)("%s %j → %j", (kind, text, value) => {
    expect(typedValue(kind, text)).toEqual(value);
  });

  it("lets the schema name a figure that is not one", () => {
    const parsed = parseScenario(setAt(emptyDraft(), ["rounds"], typedValue("number", "six") ?? null));
    expect(parsed.ok ? [] : parsed.error.filter((p) => p.path === "rounds").map((p) => p.message)).toEqual([expect.stringContaining("not text")]);
  });
});

describe("the studio's addresses", () => {
  it.each([
    ["/studio", { kind: "studio", start: "new", scenarioId: null }],
    ["/studio/copy/fleet-maintenance", { kind: "studio", start: "copy", scenarioId: "fleet-maintenance" }],
    ["/studio/edit/office-move", { kind: "studio", start: "edit", scenarioId: "office-move" }],
    ["/studio/delete/office-move", { kind: "landing" }],
    ["/studio/copy", { kind: "landing" }],
  ] as const)("%s", (pathname, route) => {
    expect(parseRoute(pathname, "")).toEqual(route);
  });
});
