import { Client, type Room } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withProtocol } from "../../shared/protocol/version.js";
import { BufferingClient } from "../../scripts/bench-load/earlyMessages.js";
import { openWorkshopTableOverWire } from "../../scripts/bench-load/workshopTable.js";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { useStage } from "./helpers/stage.js";
import { askQuestion, joinByInvite, makeOffer, pageText, saveNote, waitForStatus, waitForSummary } from "./helpers/table.js";

describe("curve balls, discovery and the notepad at a workshop's table", { timeout: 150_000 }, () => {
  const stage = useStage();
  let seller: Player;
  let buyer: Player;
  let facilitator: Room | null = null;

  beforeAll(async () => {
    [seller, buyer] = await Promise.all([newPlayer(stage.browser), newPlayer(stage.browser)]);
  }, 120_000);

  afterAll(async () => {
    await facilitator?.leave();
  });

  it("shows a private card to its side only, a public one to both, each side's own notes, and an answer to the asker and to the side it was given for", async () => {
    // Only a workshop's table has a facilitator: this one is a workshop round's.
    const ws = stage.server.baseUrl.replace("http", "ws");
    const table = await openWorkshopTableOverWire(stage.server.baseUrl, new BufferingClient(ws), "backup-appliance");
    const invite = (token: string | undefined) => `${stage.server.baseUrl}/t/${table.code}#seat=${token}`;
    await joinByInvite(seller.page, invite(table.seats.seller), "Sam");
    await joinByInvite(buyer.page, invite(table.seats.buyer), "Bea");
    await waitForStatus(seller.page, ["your_turn"]);

    await makeOffer(seller.page, { price: 24250 });
    await waitForStatus(buyer.page, ["your_turn"]);
    await askQuestion(buyer.page, "Is there a date you are working against?");
    const answer = buyer.page.locator(".answers li", { hasText: "Is there a date you are working against?" });
    await answer.waitFor();
    expect(await answer.innerText()).toMatch(/our quarter closes after round \d/);
    await saveNote(buyer.page, "Seller's quarter closes soon: hold on price.");
    await waitForStatus(seller.page, ["your_turn"]);

    // A facilitator throws one private card (the buyer's) and one public card into the table.
    facilitator = await new Client(ws).joinById(table.code, withProtocol({ facilitator: table.facilitatorSecret }));
    facilitator.onMessage("*", () => undefined);
    facilitator.send("curveball", { cardId: "competitor-quote" });
    facilitator.send("curveball", { cardId: "board-moves-up" });

    await waitForSummary(buyer.page, "curve ball — A competitor calls");
    await waitForSummary(buyer.page, "curve ball — The board meets early");
    await waitForSummary(seller.page, "curve ball — The board meets early");
    await waitForSummary(seller.page, "curve ball — Face-down card: Something happened on the buyer's side.");
    expect(await pageText(seller.page)).not.toContain("A competitor calls");
    expect(await pageText(seller.page)).not.toContain("hold on price");
    // The answer was given on the seller's behalf: the seller reads what the buyer was told.
    const givenForSeller = seller.page.locator(".answers li", { hasText: "Is there a date you are working against?" });
    expect(await givenForSeller.innerText()).toMatch(/Answered for you: “Honestly, yes: our quarter closes after round \d, and every round/);
    // The public card moved the deadline for both.
    for (const p of [seller, buyer]) await waitForSummary(p.page, "of 7");
    await screenshot(buyer.page, "cards-01-buyer-private-and-public");
    await screenshot(seller.page, "cards-02-seller-face-down");
    expect(seller.errors).toEqual([]);
    expect(buyer.errors).toEqual([]);
  });
});
