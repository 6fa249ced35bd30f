import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "./helpers/runCommand.js";

/* CI runs a one-minute soak: exit 0, no problem found, real play with drops, nothing left on the server. */

type SoakReport = {
  readonly series: readonly { actions: number; drops: number; reconnects: number; clientErrors: number }[];
  readonly after: { rooms: number; workshops: number; clients: number };
  readonly serverErrors: number;
  readonly uncaught: number;
  readonly problems: readonly string[];
};

const dir = mkdtempSync(join(tmpdir(), "parley-soak-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run soak -- --minutes 1", () => {
  it("plays through drops and reconnects, then drains to zero table rooms and clients, exiting 0", async () => {
    const json = join(dir, "soak.json");
    const run = await runCommand("npm", ["run", "-s", "soak", "--", "--minutes", "1", "--tables", "30", "--json", json], 170_000);
    expect(run.code, run.output).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as SoakReport;
    expect(report.problems).toEqual([]);
    expect(report.series).toHaveLength(1);
    expect(report.series[0]!.actions).toBeGreaterThan(0);
    expect(report.series[0]!.drops).toBeGreaterThan(0);
    expect(report.series[0]!.reconnects).toBeGreaterThan(0);
    // The workshops that gave tables their facilitator stay open, empty, by design.
    expect(report.after).toEqual({ rooms: 0, workshops: expect.any(Number), clients: 0, heapMiB: expect.any(Number), drainSeconds: expect.any(Number) });
    expect(report.serverErrors + report.uncaught).toBe(0);
  }, 200_000);
});
