import { beforeAll, describe, expect, it } from "vitest";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { SCENARIOS } from "../../shared/scenarios/index.js";
import { findSecrets } from "./helpers/leaks.js";
import { useStage } from "./helpers/stage.js";
import {
  acceptStandingOffer,
  askQuestion,
  joinByInvite,
  makeOffer,
  openHeadToHead,
  sayReady,
  pageText,
  readWalkAway,
  saveNote,
  tableCode,
  waitForStatus,
  waitForSummary,
} from "./helpers/table.js";

/**
 * A price on the $250 grid, off the $500 grid (where budget caps fall), that equals no private
 * figure known so far; kept in `offered`, since it is public from then on.
 */
function safePrice(wanted: number, forbidden: ReadonlySet<number>, offered: Set<number>): number {
  let price = wanted;
  while (forbidden.has(price)) price += 500;
  offered.add(price);
  return price;
}

describe("an observer who joins mid-game", { timeout: 150_000 }, () => {
  const stage = useStage();
  let seller: Player;
  let buyer: Player;
  let observer: Player;

  beforeAll(async () => {
    [seller, buyer, observer] = await Promise.all([newPlayer(stage.browser), newPlayer(stage.browser), newPlayer(stage.browser)]);
  }, 120_000);

  it("sees the public table only — never a walk-away, in the page or on the wire — until the reveal", async () => {
    const invite = await openHeadToHead(seller.page, stage.server.baseUrl, { name: "Sam", role: "Seller" });
    await joinByInvite(buyer.page, invite, "Bea");
    await Promise.all([sayReady(seller.page), sayReady(buyer.page)]);
    await waitForStatus(seller.page, ["your_turn"]);
    await waitForStatus(buyer.page, ["their_turn"]);
    // Every walk-away either side has had (curve balls can move them) is a secret no price may equal.
    const forbidden = new Set<number>();
    const offered = new Set<number>();
    const noteWalkAways = async () => {
      const now = { seller: await readWalkAway(seller.page), buyer: await readWalkAway(buyer.page) };
      forbidden.add(now.seller).add(now.buyer);
      return now;
    };
    await noteWalkAways();
    const code = await tableCode(seller.page);

    await makeOffer(seller.page, { price: safePrice(24250, forbidden, offered), support: "business" }, "Our opening.");
    await waitForStatus(buyer.page, ["your_turn"]);
    await noteWalkAways();
    await makeOffer(buyer.page, { price: safePrice(18750, forbidden, offered), support: "premium", warranty: 36 });
    await waitForStatus(seller.page, ["your_turn"]);

    // The observer arrives mid-game; every frame it receives is kept from its first connection on.
    await observer.page.goto(`${stage.server.baseUrl}/watch/${code}`);
    await waitForStatus(observer.page, ["watching"]);
    expect(await observer.page.locator(".seat-label").innerText()).toBe("Watching (public view)");
    await waitForSummary(observer.page, "Bea (buyer) offers $");

    // More play in front of the observer: a private answer, a private note, new offers.
    await askQuestion(seller.page, "Has a budget been approved for this?");
    await waitForStatus(buyer.page, ["your_turn"]);
    const answer = await seller.page.locator(".answers .a").first().innerText();
    expect(answer).toContain("The board approved up to");
    await saveNote(buyer.page, "They asked about budget: they are probing my ceiling.");
    await noteWalkAways();
    await makeOffer(buyer.page, { price: safePrice(20250, forbidden, offered), support: "business", warranty: 24 }, "Moving up.");
    await waitForStatus(seller.page, ["your_turn"]);
    await noteWalkAways();
    const finalPrice = safePrice(21250, forbidden, offered);
    await makeOffer(seller.page, { price: finalPrice, support: "business", warranty: 24, delivery: 6 });
    await waitForSummary(observer.page, `Sam (seller) offers $${finalPrice.toLocaleString("en-US")}`);
    await waitForStatus(buyer.page, ["your_turn"]);
    await screenshot(observer.page, "observer-01-mid-game");

    const later = await noteWalkAways();
    // A curve ball can move a walk-away onto a price offered before it: that figure was public
    // first, and on the page it cannot be told from the offer, so it is not searched for.
    const secrets = {
      numbers: Object.fromEntries([...forbidden].filter((n) => !offered.has(n)).map((n) => [`walk-away ${n}`, n])),
      texts: {
        "seller brief": "You are the account manager at Brightline Systems",
        "buyer brief": "You are the IT manager of Northfield Clinics",
        "a private answer": answer,
        "a note": "probing my ceiling",
        "a pressure point": "The board approved at most",
      },
    };
    // The public story quotes round figures ("about $20,000") that a drawn walk-away can equal.
    const scenario = SCENARIOS["backup-appliance"]!;
    const publicTexts = [scenario.summary, scenario.story];
    const text = publicTexts.reduce((page, story) => page.replaceAll(story, ""), await pageText(observer.page));
    for (const [name, n] of Object.entries(secrets.numbers)) {
      expect(text, name).not.toContain(`$${n.toLocaleString("en-US")}`);
      expect(text, name).not.toMatch(new RegExp(`(?<![\\d,])${n}(?!\\d)`));
    }
    for (const [name, t] of Object.entries(secrets.texts)) expect(text, name).not.toContain(t);
    expect(await observer.page.locator("#make-offer, #notepad, [data-testid='my-walkaway']").count()).toBe(0);
    expect(observer.frames.length).toBeGreaterThan(5);
    expect(findSecrets(observer.frames, secrets, publicTexts)).toEqual([]);
    // The same searches do find what a player may see: they are not blind.
    const sellers = { ...secrets, numbers: { ...secrets.numbers, [`walk-away ${later.seller}`]: later.seller } };
    expect(findSecrets(seller.frames, sellers, publicTexts)).toEqual(expect.arrayContaining([`walk-away ${later.seller}`, "seller brief", "a private answer"]));
    expect(await pageText(buyer.page)).toContain("probing my ceiling");

    // At the end, the reveal shows both walk-aways to everyone at the table, observers included.
    await acceptStandingOffer(buyer.page);
    await waitForStatus(observer.page, ["finished"]);
    const reveal = observer.page.locator(".reveal");
    await reveal.waitFor();
    expect(await reveal.innerText()).toContain(`$${later.buyer.toLocaleString("en-US")}`);
    await screenshot(observer.page, "observer-02-reveal");
    expect(observer.errors).toEqual([]);
  });
});
