import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/engine/index.js";
import { parseCalibrateArgs } from "../../scripts/cli/calibrateArgs.js";
import { loadScenario } from "../../scripts/cli/loadScenario.js";

/* npm run calibrate: its flags through the parser, and the real thing spawned. */

const ROOT = resolve(import.meta.dirname, "../..");
/** Spawning tsx costs about a CPU-second a run; a loaded two-core box needs room. */
const SPAWN_TIMEOUT = 90_000;

type Run = { code: number | null; stdout: string; stderr: string };

function calibrateCli(...args: string[]): Promise<Run> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/calibrate.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", failed);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), "parley-calibrate-"));
/** A draft with several mistakes at once: a trainer should see them all in one run. */
const draft = { id: "Not An Id", title: "", rounds: 0 };
const broken = join(dir, "broken.json");
writeFileSync(broken, JSON.stringify(draft));

describe("calibrate flags", () => {
  it("defaults to 500 games, seed parley", () => {
    expect(parseCalibrateArgs(["--scenario", "fleet-maintenance"])).toEqual({ ok: true, args: { help: false, scenario: "fleet-maintenance", games: 500, seed: "parley", json: false } });
  });

  const refused: [string, string[], RegExp][] = [
    ["no scenario", ["--games", "5"], /--scenario is required/],
    ["zero games", ["--scenario", "x", "--games", "0"], /--games must be a whole number from 1 to 1,000,000/],
    ["an empty seed", ["--scenario", "x", "--seed", ""], /--seed must be 1 to 200 characters/],
    ["a bot flag (calibration picks its own bots)", ["--scenario", "x", "--buyer", "tough"], /buyer/],
  ];
  for (const [what, argv, message] of refused)
    it(`refuses ${what}`, () => {
      const parsed = parseCalibrateArgs(argv);
      if (parsed.ok) throw new Error(`accepted ${argv.join(" ")}`);
      expect(parsed.error).toMatch(message);
    });

  it("hands back every problem of an invalid file", () => {
    const loaded = loadScenario(broken);
    const parsed = parseScenario(draft);
    if (loaded.ok || parsed.ok) throw new Error("the draft loaded");
    expect(parsed.error.length).toBeGreaterThan(2);
    for (const problem of parsed.error) expect(loaded.error).toContain(`${problem.path || "(root)"}: ${problem.message}`);
  });
});

describe("npm run calibrate, spawned", () => {
  it(
    "lists every problem of a bad file and exits 2; prints figures and verdicts for a good one",
    async () => {
      const [bad, good] = await Promise.all([calibrateCli("--scenario", broken), calibrateCli("--scenario", "backup-appliance", "--games", "30", "--seed", "cli")]);
      expect(bad.code).toBe(2);
      expect(bad.stdout).toBe("");
      const parsed = parseScenario(draft);
      if (parsed.ok) throw new Error("the draft parsed");
      for (const p of parsed.error) expect(bad.stderr).toContain(`${p.path || "(root)"}: ${p.message}`);

      expect(good.code).toBe(0);
      expect(good.stdout).toContain("backup-appliance");
      expect(good.stdout).toMatch(/Draws with a zone\s+\d+\.\d %/);
      expect(good.stdout).toContain("all 9 pairings");
      expect(good.stdout).toMatch(/Verdict\n {2}(OK|WARNING|PROBLEM) /);
      expect(good.stdout).toContain("Only 30 games");
    },
    SPAWN_TIMEOUT,
  );
});
