import { describe, expect, it } from "vitest";
import { newPlayer } from "./helpers/browser.js";
import { useStage } from "./helpers/stage.js";
import { makeOffer, sayReady, startPractice, waitForStatus, waitForSummary } from "./helpers/table.js";

/*
 * A window that misses one change of its table (a lost frame, say) must not draw on from a view
 * that is a move behind, nor leave its player stuck on "reload the page": it notices the gap by
 * the changes' numbers, fetches the whole view again over a new link, and plays on in its seat.
 */

/**
 * Runs in the page before its scripts: counts the table links opened and, once armed, drops the
 * first Colyseus room message "view" (protocol 13, then the msgpack string "view") that carries
 * a change, before the client sees it.
 */
function dropOneViewChange(): void {
  const state = { links: 0, armed: false, dropped: 0 };
  (window as unknown as { catchUp: typeof state }).catchUp = state;
  const header = [13, 0xa4, ...new TextEncoder().encode("view")];
  const change = [0xa6, ...new TextEncoder().encode("change")];
  const contains = (bytes: Uint8Array, part: readonly number[]) => bytes.some((_, i) => part.every((b, j) => bytes[i + j] === b));
  const isViewChange = (data: unknown) => {
    if (!(data instanceof ArrayBuffer)) return false;
    const bytes = new Uint8Array(data);
    return header.every((b, i) => bytes[i] === b) && contains(bytes, change);
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      state.links++;
    }
    override set onmessage(handler: ((event: MessageEvent) => void) | null) {
      super.onmessage = (event: MessageEvent) => {
        if (state.armed && isViewChange(event.data)) {
          state.armed = false;
          state.dropped++;
          return;
        }
        handler?.call(this, event);
      };
    }
    override get onmessage() {
      return super.onmessage;
    }
  };
}

describe("a window that misses a change of its table", { timeout: 120_000 }, () => {
  const stage = useStage();

  it("catches up on its own, in the same seat, and plays on", async () => {
    const { page, context, errors } = await newPlayer(stage.browser);
    try {
      await page.addInitScript(dropOneViewChange);
      const seen = () => page.evaluate(() => (window as unknown as { catchUp: { links: number; dropped: number } }).catchUp);
      await startPractice(page, stage.server.baseUrl, { name: "Robin", role: "Buyer", level: "Easy" });
      await sayReady(page);
      await waitForStatus(page, ["your_turn"], 30_000);
      expect(await seen()).toEqual({ links: 1, armed: false, dropped: 0 });

      // The change that shows the buyer's own offer never arrives; the bot's answer after it does.
      await page.evaluate(() => ((window as unknown as { catchUp: { armed: boolean } }).catchUp.armed = true));
      await makeOffer(page, { price: 17250 });
      await waitForSummary(page, "You offer $17,250", 30_000);
      await waitForStatus(page, ["your_turn"], 30_000);
      expect(await seen()).toEqual({ links: 2, armed: false, dropped: 1 });
      expect(await page.locator(".seat-label").innerText()).toBe("You are the buyer");

      // The seat still acts.
      await makeOffer(page, { price: 17750 });
      await waitForSummary(page, "You offer $17,750");
      expect(errors.filter((e) => !/WebSocket/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
