import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { FloorResult } from "../../scripts/bench-load/floorRun.js";
import type { ParleyResult } from "../../scripts/bench-load/parleyRun.js";
import { runCommand } from "./helpers/runCommand.js";

/*
 * CI runs the quick benchmark and fails on errors, never on timings (these machines are
 * shared and noisy): exit 0, zero errors, every phase did real work, nothing left behind.
 */

const dir = mkdtempSync(join(tmpdir(), "parley-bench-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run bench:load -- --quick", () => {
  it("runs every phase and exits 0 with zero errors", async () => {
    const json = join(dir, "bench.json");
    const run = await runCommand("npm", ["run", "-s", "bench:load", "--", "--quick", "--json", json], 150_000);
    expect(run.code, run.output).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as { floor: FloorResult; parley: ParleyResult; errors: number };
    expect(report.errors).toBe(0);
    expect(report.floor.messagesPerSecond).toBeGreaterThan(0);
    expect(report.parley.idle.tables).toBe(100);
    expect(report.parley.loads.map((l) => l.kind)).toEqual(["human", "closed"]);
    for (const load of report.parley.loads) {
      expect(load.actions, load.kind).toBeGreaterThan(0);
      expect(load.latency.opponent.count, load.kind).toBeGreaterThan(0);
    }
    expect(report.parley.after.clients).toBe(0);
    expect(run.output).toContain("target");
  }, 180_000);
});
