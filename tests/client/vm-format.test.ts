import { describe, expect, it } from "vitest";
import { draftFields, draftFromInputs, initialDraft, reviewDraft } from "../../client/src/view/offerDraft.js";
import { privatePanelsOf } from "../../client/src/view/privatePanel.js";
import { labService } from "../rules/helpers/labService.js";
import { clientView, newTable } from "./helpers/tables.js";

/* The offer builder and the brief on a case with a list price, targets, wants and listed values (tests/rules/fixtures/lab-service.json). */

const table = newTable(labService(), "format");

describe("the offer builder on the lab-service case", () => {
  const view = clientView(table, "buyer");

  it("names the list price in the price hint and lists exactly the listed contract lengths", () => {
    const fields = draftFields(view);
    expect(fields[0]).toMatchObject({ hint: "€40,000 – €70,000, in steps of €500; list price €64,000" });
    const term = fields.find((f) => f.issueId === "term");
    expect(term?.kind === "choice" && term.options).toEqual([
      { value: "6", label: "6 months" },
      { value: "12", label: "12 months" },
      { value: "24", label: "24 months" },
    ]);
    const response = fields.find((f) => f.issueId === "response");
    expect(response?.kind === "choice" && response.options.map((o) => o.value)).toEqual(["48-hours", "next-business-day", "4h"]);
  });

  it("refuses a contract length that is not listed", () => {
    const inputs = { price: "60000", response: "4h", term: "18", visits: "4", payment: "quarterly" };
    expect(draftFromInputs(view, inputs).problem).toBe("Contract length: one of 6, 12, 24.");
    expect(draftFromInputs(view, { ...inputs, term: "12" }).problem).toBeNull();
  });

  it("opens the buyer with its must-have, and warns before an offer without it", () => {
    expect(initialDraft(view, "buyer").response).toBe("4h");
    const review = reviewDraft(view, "buyer", { price: 60000, response: "48-hours", term: 12, visits: 4, payment: "quarterly" });
    expect(review.notes).toContain("Accreditation: the table will refuse this — it leaves out what you must have.");
  });
});

describe("the brief on the lab-service case", () => {
  it("shows each side its own target and the status of its wants", () => {
    const [buyer] = privatePanelsOf(clientView(table, "buyer"));
    expect(buyer?.target).toEqual({ amount: "€58,000", help: "The net cost you aim to pay at most: a good deal is at or below it." });
    expect(buyer?.hotButtons[0]?.status).toBe("You can neither offer nor accept terms without Response time “4-hour response”.");
    const [seller] = privatePanelsOf(clientView(table, "seller"));
    const cost = table.sides.seller.hotButtons[0];
    expect(cost?.kind === "wants" && seller?.hotButtons[0]?.status).toBe(
      `A deal without Contract length “24 months” costs you €${cost?.kind === "wants" ? cost.costIfMissing.toLocaleString("en-US") : ""} (counted in what the terms are worth to you).`,
    );
    expect(seller?.target?.amount).toBe(`€${table.sides.seller.target?.toLocaleString("en-US")}`);
  });
});
