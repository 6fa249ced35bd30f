import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.js";
import { ensureClientBuilt } from "./build.js";
import { startServer, type RunningServer } from "./server.js";

export type Stage = { readonly server: RunningServer; readonly browser: Browser };

/**
 * What every browser test stands on: the built client served by a real server on a free port,
 * and one Chromium. Call it at the top of a describe; its fields are there from the first test on.
 * Vitest runs after-hooks in reverse, so a file's own clean-up runs before the stage comes down.
 */
export function useStage(env: Record<string, string> = {}): Stage {
  const stage: { server?: RunningServer; browser?: Browser } = {};
  beforeAll(async () => {
    await ensureClientBuilt();
    [stage.server, stage.browser] = await Promise.all([startServer(env), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await stage.browser?.close();
    await stage.server?.stop();
  });
  return {
    get server() {
      if (!stage.server) throw new Error("the stage is not up yet: use it inside a hook or a test");
      return stage.server;
    },
    get browser() {
      if (!stage.browser) throw new Error("the stage is not up yet: use it inside a hook or a test");
      return stage.browser;
    },
  };
}
