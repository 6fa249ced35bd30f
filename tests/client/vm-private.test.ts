import { describe, expect, it } from "vitest";
import { privatePanelsOf } from "../../client/src/view/privatePanel.js";
import { questionsOf } from "../../client/src/view/questions.js";
import { SCRIPTS } from "./helpers/scripts.js";
import { clientView, contextFor, timeOutTo } from "./helpers/tables.js";

describe("the private brief panel", () => {
  it("shows a player their own brief, walk-away and pressure points only", () => {
    const state = SCRIPTS.midGame();
    const panels = privatePanelsOf(clientView(state, "buyer"));
    expect(panels).toHaveLength(1);
    const p = panels[0]!;
    expect(p.role).toBe("buyer");
    expect(p.title).toBe("Your brief — Buyer");
    expect(p.walkAway).toBe("$20,250");
    expect(p.hotButtons.map((h) => [h.label, h.status, h.urgent])).toEqual([
      ["Privacy audit", "3 rounds left (this one included) to avoid $2,250.", false],
      ["Board approval", "You can neither offer nor accept above $23,500.", false],
    ]);
    expect(p.strengths).toHaveLength(2);
    expect(p.weaknesses[0]).toContain("audit date");
  });

  it("updates the reminders as rounds pass", () => {
    const audit = (round: number) => privatePanelsOf(clientView(timeOutTo(SCRIPTS.midGame(), round), "buyer"))[0]!.hotButtons[0]!;
    expect(audit(5)).toMatchObject({ status: "Agree this round to avoid the $2,250 penalty.", urgent: true });
    expect(audit(6)).toMatchObject({ status: "Missed: a deal now carries the $2,250 penalty.", urgent: true });
    const quarter = privatePanelsOf(clientView(timeOutTo(SCRIPTS.midGame(), 7), "seller"))[0]!.hotButtons[0]!;
    expect(quarter.label).toBe("Quarter close");
    expect(quarter.urgent).toBe(true);
  });

  it("lists facts learned and the notepad", () => {
    const p = privatePanelsOf(clientView(SCRIPTS.withCards(), "buyer"))[0]!;
    expect(p.learned.map((l) => l.source)).toEqual(["From an answer"]);
    expect(p.learned[0]!.text).toMatch(/^The seller has a deadline \(Quarter close\): every round after round \d/);
    expect(p.notes).toEqual([{ key: "note-0", round: 3, text: "Their quarter closes soon: hold firm on price." }]);
  });

  it("is empty for an observer and shows both sides to a facilitator", () => {
    expect(privatePanelsOf(clientView(SCRIPTS.midGame(), "observer"))).toEqual([]);
    expect(privatePanelsOf(clientView(SCRIPTS.midGame(), "facilitator")).map((p) => p.title)).toEqual(["Seller's brief", "Buyer's brief"]);
  });
});

describe("discovery questions", () => {
  it("offer a player their own questions, with the answers they got", () => {
    const q = questionsOf(clientView(SCRIPTS.midGame(), "buyer"), contextFor());
    expect(q.mine.map((m) => [m.id, m.asked])).toEqual([
      ["seller-date", true],
      ["seller-support-cost", false],
      ["seller-install", false],
    ]);
    expect(q.mine[0]!.answer).toMatch(/^Honestly, yes: our quarter closes after round \d, and every round after that costs us about \$\d{3}\.$/);
    expect(q.mine.slice(1).every((m) => m.answer === null)).toBe(true);
  });

  it("show everyone which questions were asked; the answered side reads what was said for it, observers never", () => {
    for (const viewer of ["seller", "observer"] as const) {
      const q = questionsOf(clientView(SCRIPTS.midGame(), viewer), contextFor());
      expect(q.askedAtTable.map((a) => [a.by, a.text])).toEqual([["buyer", "Is there a date you are working against?"]]);
      expect(q.mine.every((m) => m.answer === null)).toBe(true);
    }
    const buyer = questionsOf(clientView(SCRIPTS.midGame(), "buyer"), contextFor());
    const seller = questionsOf(clientView(SCRIPTS.midGame(), "seller"), contextFor());
    expect(seller.askedAtTable[0]!.answeredForYou).toBe(buyer.mine[0]!.answer);
    expect(seller.askedAtTable[0]!.answeredForYou).toMatch(/^Honestly, yes: our quarter closes/);
    expect(buyer.askedAtTable[0]!.answeredForYou).toBeNull();
    // Both sides have a question worded "Is there a date…": who asked tells them apart.
    expect([buyer.askedAtTable[0]!.byYou, seller.askedAtTable[0]!.byYou]).toEqual([true, false]);
    expect(questionsOf(clientView(SCRIPTS.midGame(), "observer"), contextFor()).askedAtTable[0]!.answeredForYou).toBeNull();
    expect(questionsOf(clientView(SCRIPTS.midGame(), "observer"), contextFor()).mine).toEqual([]);
  });
});
