import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleServer } from "../recovery/helpers/serverProcess.js";
import { canMount, serverEnv, startAttempt, type Outcome } from "./helpers/startAttempt.js";

/*
 * The settings an operator gives the process win. Every file that @colyseus/tools would read
 * (/etc/environment over the process's own variables; .env.<NODE_ENV>, .env; .env.cloud over
 * them when COLYSEUS_CLOUD is set) names another data folder; the server must open the one
 * given in its environment, and say in one line which file it read.
 */

let bundle: { file: string; remove: () => void };
let dir: string;
beforeAll(async () => {
  bundle = await bundleServer();
  dir = mkdtempSync(join(tmpdir(), "parley-settings-"));
});
afterAll(() => {
  bundle?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** A working directory whose every settings file, and /etc/environment, name their own data folder. */
function decoyFiles(name: string): { cwd: string; etcEnvironment: string; folders: Record<string, string> } {
  const cwd = join(dir, name, "work");
  mkdirSync(cwd, { recursive: true });
  const folders: Record<string, string> = {};
  for (const file of [".env", ".env.production", ".env.development", ".env.cloud"]) {
    folders[file] = join(dir, name, `from${file}`);
    writeFileSync(join(cwd, file), `DATA_DIR=${folders[file]}\n`);
  }
  const etcEnvironment = join(dir, name, "etc-environment");
  folders["/etc/environment"] = join(dir, name, "from-etc-environment");
  writeFileSync(etcEnvironment, `DATA_DIR=${folders["/etc/environment"]}\n`);
  return { cwd, etcEnvironment, folders };
}

const listening = (outcome: Outcome) => outcome.logs.find((l) => l.msg === "Parley is listening");
const settingsLines = (outcome: Outcome) => outcome.logs.filter((l) => l.msg.startsWith("settings:"));

describe("settings given to the process win over files", () => {
  it.skipIf(!canMount)("DATA_DIR given on the command line is used, whatever /etc/environment and the .env files say", async () => {
    const { cwd, etcEnvironment, folders } = decoyFiles("given");
    const given = join(dir, "given", "given-data");
    const outcome = await startAttempt(bundle.file, {
      cwd,
      env: serverEnv({ DATA_DIR: given, NODE_ENV: "production", COLYSEUS_CLOUD: "1" }),
      mounts: { files: [[etcEnvironment, "/etc/environment"]] },
    });
    expect(outcome.listened, outcome.stderr).toBe(true);
    expect(listening(outcome)?.storage).toBe(join(given, "parley.sqlite"));
    expect(existsSync(join(given, "parley.sqlite"))).toBe(true);
    for (const [file, folder] of Object.entries(folders)) expect(existsSync(folder), `the data folder named in ${file}`).toBe(false);
    // One line says which file was read; it supplied nothing the environment had set.
    expect(settingsLines(outcome)).toHaveLength(1);
    expect(settingsLines(outcome)[0]).toMatchObject({ files: [join(cwd, ".env")], fromFile: [] });
    expect(outcome.otherOutput).toEqual([]);
    expect(outcome.exit).toBe(0);
  }, 60_000);

  it.skipIf(!canMount)("a setting the environment leaves unset comes from .env in the working directory, and the log says so", async () => {
    const { cwd, etcEnvironment, folders } = decoyFiles("unset");
    const outcome = await startAttempt(bundle.file, {
      cwd,
      env: serverEnv({ NODE_ENV: "production" }),
      mounts: { files: [[etcEnvironment, "/etc/environment"]] },
    });
    expect(outcome.listened, outcome.stderr).toBe(true);
    expect(listening(outcome)?.storage).toBe(join(folders[".env"]!, "parley.sqlite"));
    expect(settingsLines(outcome)).toHaveLength(1);
    expect(settingsLines(outcome)[0]).toMatchObject({ files: [join(cwd, ".env")], fromFile: ["DATA_DIR"] });
    expect(settingsLines(outcome)[0]!.msg).toContain("DATA_DIR");
  }, 60_000);

  it("without a .env file the log says the settings came from the environment only", async () => {
    const cwd = join(dir, "bare");
    mkdirSync(cwd, { recursive: true });
    const data = join(cwd, "data");
    const outcome = await startAttempt(bundle.file, { cwd, env: serverEnv({ DATA_DIR: data }) });
    expect(outcome.listened, outcome.stderr).toBe(true);
    expect(listening(outcome)?.storage).toBe(join(data, "parley.sqlite"));
    expect(settingsLines(outcome)).toHaveLength(1);
    expect(settingsLines(outcome)[0]).toMatchObject({ files: [], fromFile: [] });
    expect(outcome.otherOutput).toEqual([]);
  }, 60_000);

  it("the settings of .env.cloud never replace the environment's, even with COLYSEUS_CLOUD set", async () => {
    const { cwd, folders } = decoyFiles("cloud");
    const given = join(dir, "cloud", "given-data");
    const outcome = await startAttempt(bundle.file, { cwd, env: serverEnv({ DATA_DIR: given, COLYSEUS_CLOUD: "1" }) });
    expect(outcome.listened, outcome.stderr).toBe(true);
    expect(listening(outcome)?.storage).toBe(join(given, "parley.sqlite"));
    expect(existsSync(folders[".env.cloud"]!)).toBe(false);
  }, 60_000);
});
