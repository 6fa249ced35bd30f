import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPlayer, screenshot, type Player } from "./helpers/browser.js";
import { ROOT } from "./helpers/build.js";
import { startRelay, type Relay } from "./helpers/proxy.js";
import { useStage } from "./helpers/stage.js";
import { makeOffer, sayReady, startPractice, tableCode, waitForStatus, waitForSummary } from "./helpers/table.js";

describe("a player who reloads or loses the network mid-game", { timeout: 150_000 }, () => {
  const stage = useStage({ RECONNECT_SECONDS: "45" });
  let relay: Relay;
  let player: Player;

  beforeAll(async () => {
    // The browser reaches the server through a relay the test can cut, like a network drop.
    relay = await startRelay(new URL(stage.server.baseUrl));
    player = await newPlayer(stage.browser);
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
  });

  it("keeps the same seat through a reload and a network drop", async () => {
    const { page } = player;
    await startPractice(page, relay.baseUrl, { name: "Robin", role: "Buyer", level: "Tough" });
    await sayReady(page);
    // The bot sells and opens; then the buyer counters.
    await waitForStatus(page, ["your_turn"], 30_000);
    await makeOffer(page, { price: 17250, support: "premium" }, "Premium support matters to us.");
    await waitForSummary(page, "You offer $17,250");
    await waitForStatus(page, ["your_turn"], 30_000);
    const code = await tableCode(page);
    const stored = await page.evaluate((c) => sessionStorage.getItem(`parley:seat:${c}`), code);
    expect(JSON.parse(stored ?? "{}")).toMatchObject({ name: "Robin", role: "buyer", reconnectionToken: expect.stringContaining(":") });

    // A reload: the tab's session storage brings it back to the same seat.
    const reloadStarted = Date.now();
    await page.reload();
    await waitForStatus(page, ["your_turn"]);
    await page.locator(".game-host canvas").waitFor();
    const reloadMs = Date.now() - reloadStarted;
    expect(await page.locator(".seat-label").innerText()).toBe("You are the buyer");
    await waitForSummary(page, "You offer $17,250");
    expect(await page.locator("#talk-log").innerText()).toContain("Premium support matters to us.");
    await screenshot(page, "reload-01-after-reload");

    // Navigating to the table's address from elsewhere, as a bookmark would: time to an interactive table.
    await page.goto("about:blank");
    const navigationStarted = Date.now();
    await page.goto(`${relay.baseUrl}/t/${code}`);
    await waitForStatus(page, ["your_turn"]);
    await page.locator(".game-host canvas").waitFor();
    await page.locator("#make-offer:not([disabled])").waitFor();
    const interactiveMs = Date.now() - navigationStarted;

    // The seat still acts: another offer goes through and the bot answers it.
    await makeOffer(page, { price: 17750, support: "premium" });
    await waitForSummary(page, "You offer $17,750");
    await waitForStatus(page, ["your_turn"], 30_000);

    // A network drop: the client reconnects on its own and the seat is still ours.
    relay.cut();
    await waitForStatus(page, ["reconnecting"]);
    await screenshot(page, "reload-02-reconnecting");
    relay.restore();
    await waitForStatus(page, ["your_turn"], 30_000);
    await waitForSummary(page, "You offer $17,750");
    await makeOffer(page, { price: 18250, support: "premium" });
    await waitForSummary(page, "You offer $18,250");
    expect(player.errors.filter((e) => !/WebSocket|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);

    writeFileSync(path.join(ROOT, "test-artifacts/e2e-timings.json"), `${JSON.stringify({ reloadToInteractiveMs: reloadMs, navigationToInteractiveMs: interactiveMs }, null, 2)}\n`);
  });
});
