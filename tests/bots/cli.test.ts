import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../scripts/cli/loadScenario.js";
import { parseSimArgs } from "../../scripts/cli/simArgs.js";

/* The simulator's command line: every refusal through its parser, and the real thing spawned. */

const ROOT = resolve(import.meta.dirname, "../..");
/** Spawning tsx costs about a CPU-second a run; a loaded two-core box needs room. */
const SPAWN_TIMEOUT = 90_000;

type Run = { code: number | null; stdout: string; stderr: string };

function simulate(...args: string[]): Promise<Run> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/simulate.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", failed);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), "parley-sim-"));
const broken = join(dir, "broken.json");
writeFileSync(broken, JSON.stringify({ id: "Not An Id", title: "x" }));
const notJson = join(dir, "not.json");
writeFileSync(notJson, "{ this is not json");

describe("simulator flags", () => {
  const refused: [string, string[], RegExp][] = [
    ["an unknown flag", ["--scenario", "backup-appliance", "--bogus"], /bogus/],
    ["a stray argument", ["--scenario", "backup-appliance", "extra"], /extra/],
    ["no scenario", ["--games", "5"], /--scenario is required/],
    ["a count that is not a number", ["--scenario", "x", "--games", "ten"], /--games must be a whole number/],
    ["zero games", ["--scenario", "x", "--games", "0"], /--games must be a whole number/],
    ["a fractional count", ["--scenario", "x", "--games", "2.5"], /--games must be a whole number/],
    ["an unknown buyer bot", ["--scenario", "x", "--buyer", "genius"], /--buyer must be one of easy, firm, tough, boulware/],
    ["an unknown seller bot", ["--scenario", "x", "--seller", "genius"], /--seller must be one of/],
    ["an empty seed", ["--scenario", "x", "--seed", ""], /--seed must be 1 to 200 characters/],
  ];
  for (const [what, argv, message] of refused)
    it(`refuses ${what} with one line`, () => {
      const parsed = parseSimArgs(argv);
      if (parsed.ok) throw new Error(`accepted ${argv.join(" ")}`);
      expect(parsed.error).toMatch(message);
      expect(parsed.error).not.toContain("\n");
    });

  it("defaults to 1000 games between two firm bots, seed parley", () => {
    expect(parseSimArgs(["--scenario", "backup-appliance"])).toEqual({
      ok: true,
      args: { help: false, scenario: "backup-appliance", games: 1000, buyer: "firm", seller: "firm", seed: "parley", json: false },
    });
    expect(parseSimArgs(["--help"])).toEqual({ ok: true, args: { help: true } });
  });

  const unloadable: [string, string, RegExp][] = [
    ["an unknown scenario id", "moon-base", /unknown scenario "moon-base" \(shipped: backup-appliance, partner-reseller, fleet-maintenance/],
    ["a missing file", join(dir, "missing.json"), /cannot read scenario .*missing\.json: no such file/],
  ];
  for (const [what, arg, message] of unloadable)
    it(`refuses ${what} with one line`, () => {
      const loaded = loadScenario(arg);
      if (loaded.ok) throw new Error(`loaded ${arg}`);
      expect(loaded.error).toMatch(message);
      expect(loaded.error).not.toContain("\n");
    });

  it("refuses a file that is not JSON with the parser's reason", () => {
    const loaded = loadScenario(notJson);
    if (loaded.ok) throw new Error("loaded a file that is not JSON");
    expect(loaded.error).toMatch(/^invalid scenario .*not\.json:\n\(root\): is not valid JSON \(/);
  });

  it("refuses an invalid file with every problem, one a line", () => {
    const loaded = loadScenario(broken);
    if (loaded.ok) throw new Error(`loaded ${broken}`);
    const [head, ...lines] = loaded.error.split("\n");
    expect(head).toMatch(/^invalid scenario .*broken\.json:$/);
    expect(lines).toContain("id: must be 1–40 characters: lower-case letters, digits, _ or -, starting with a letter or digit");
    for (const field of ["summary", "story", "currency", "rounds", "turnSeconds", "issues", "roles", "deck"]) expect(lines).toContain(`${field}: is required`);
    expect(lines).toHaveLength(9);
  });

  it("loads a shipped scenario by id or by path", () => {
    const byId = loadScenario("fleet-maintenance");
    const byPath = loadScenario(join(ROOT, "shared/scenarios/fleet-maintenance.json"));
    expect(byId.ok && byPath.ok && byPath.scenario).toEqual(byId.ok && byId.scenario);
  });
});

describe("npm run simulate, spawned", () => {
  it(
    "exits 2 with one line on stderr and nothing on stdout for bad flags or an unknown scenario, and a line a problem for a bad file",
    async () => {
      const runs = await Promise.all([
        simulate("--scenario", "backup-appliance", "--games", "ten"),
        simulate("--scenario", "moon-base"),
        simulate("--scenario", broken),
      ]);
      for (const run of runs) {
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        expect(run.stderr).toMatch(/^simulate: /);
      }
      for (const run of runs.slice(0, 2)) expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(runs[2]?.stderr.trimEnd().split("\n")).toHaveLength(10);
      expect(runs[1]?.stderr).toContain('unknown scenario "moon-base"');
    },
    SPAWN_TIMEOUT,
  );

  it(
    "prints machine-readable results only with --json, identical for the same seed",
    async () => {
      const args = ["--scenario", "backup-appliance", "--games", "40", "--buyer", "tough", "--seller", "conceder", "--seed", "cli", "--json"];
      const [a, b] = await Promise.all([simulate(...args), simulate(...args)]);
      expect(a.code).toBe(0);
      expect(a.stderr).toBe("");
      expect(a.stdout).toBe(b.stdout);
      expect(JSON.parse(a.stdout)).toMatchObject({ scenario: { id: "backup-appliance" }, buyer: "tough", seller: "conceder", seed: "cli", summary: { games: 40 } });
    },
    SPAWN_TIMEOUT,
  );
});
