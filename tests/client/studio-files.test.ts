import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { caseFileName, caseFileText, readCaseFile } from "../../client/src/studio/caseFile.js";
import { EditKeys } from "../../client/src/studio/editKeys.js";
import { printBriefOf } from "../../client/src/studio/printBrief.js";
import { scenarioFile } from "./helpers/tables.js";

const SHIPPED = ["backup-appliance", "partner-reseller", "fleet-maintenance"];

describe("a case file", () => {
  it.each(SHIPPED)("%s goes in and out of the studio unchanged", (name) => {
    const text = readFileSync(new URL(`../../shared/scenarios/${name}.json`, import.meta.url), "utf8");
    const read = readCaseFile(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(JSON.parse(caseFileText(read.doc))).toEqual(JSON.parse(text));
    expect(caseFileName(read.doc)).toBe(`${name}.json`);
  });

  it.each([
    ["text that is not JSON", "title: my case", "This is not a JSON file"],
    ["a list", "[1, 2]", "not a case"],
    ["null", "null", "not a case"],
    ["a string", '"case"', "not a case"],
    ["a file over 256 KiB", JSON.stringify({ id: "big", story: "x".repeat(256 * 1024) }), "larger than 256 KiB"],
  ])("refuses %s with a message that says nothing changed", (_what, text, words) => {
    const read = readCaseFile(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toContain(words);
    expect(read.message).toContain("Nothing was changed.");
  });

  it("loads an object with problems, to be fixed in the studio", () => {
    expect(readCaseFile('{"id": "Bad Id", "rounds": "six"}')).toEqual({ ok: true, doc: { id: "Bad Id", rounds: "six" } });
  });

  it.each([
    [{ id: "office-move" }, "office-move.json"],
    [{ id: "" }, "case.json"],
    [{ id: "../../etc/passwd" }, "case.json"],
    [{}, "case.json"],
  ])("is named by its id: %j → %s", (doc, name) => {
    expect(caseFileName(doc)).toBe(name);
  });
});

describe("edit keys in this browser", () => {
  const memory = (initial: string | null = null) => {
    let stored = initial;
    return { getItem: () => stored, setItem: (_k: string, v: string) => void (stored = v) };
  };

  it("keeps one key per case id", () => {
    const keys = new EditKeys(memory());
    keys.set("office-move", "k1");
    keys.set("fleet", "k2");
    keys.set("office-move", "k3");
    expect(keys.get("office-move")).toBe("k3");
    expect(keys.get("fleet")).toBe("k2");
    expect(keys.get("other")).toBeNull();
    expect(keys.keys().sort()).toEqual(["k2", "k3"]);
  });

  it.each(["not json", "[1]", '{"a": 5}'])("reads storage it did not write (%j) as no keys", (stored) => {
    expect(new EditKeys(memory(stored)).keys()).toEqual([]);
  });
});

describe("a role's brief on paper", () => {
  it("prints the walk-away as the range a table draws from, and each figure of a pressure point the same way", () => {
    const p = printBriefOf(scenarioFile("fleet-maintenance"), "buyer");
    expect(p.walkAway).toBe("Your walk-away is drawn between £176,000 and £204,000 (in steps of £2,000). Your trainer may give you one figure.");
    expect(p.hotButtons).toEqual([
      {
        label: "Old contract runs out",
        text: "The current contract runs out after round between 4 and 6. A deal struck later than that leaves a gap of spot repairs costing you between £4,000 and £8,000.",
      },
    ]);
    expect(p.values).toContain("Loan vehicles on standby — worth to you: £0 at 0 vehicles, £12,000 at 4 vehicles");
    expect(p.values).toContain("Breakdown response — worth to you: Within 48 hours £0, Next working day £9,000, Same day (4 hours for critical vehicles) £15,000");
    expect(p.strengths).toHaveLength(2);
    expect(p.weaknesses).toHaveLength(2);
  });

  it("says what the seller's terms cost, and a fixed walk-away as one figure", () => {
    const s = scenarioFile("fleet-maintenance");
    const fixed = { ...s, roles: { ...s.roles, seller: { ...s.roles.seller, walkAway: { min: 190000, max: 190000, step: 1 } } } };
    const p = printBriefOf(fixed, "seller");
    expect(p.walkAway).toBe("Your walk-away: £190,000.");
    expect(p.values[0]).toMatch(/^Breakdown response — costs you: /);
    expect(p.heading).toBe("Confidential — the seller's brief");
  });

  it("prints a budget cap in its issue's own terms", () => {
    const p = printBriefOf(scenarioFile("backup-appliance"), "buyer");
    const cap = p.hotButtons.find((h) => h.label === "Board approval");
    expect(cap?.text).toMatch(/\$\d/);
    expect(cap?.text).not.toContain("{");
  });
});
