import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { configSchema } from "./config.js";
import { reasonOf, StartupError } from "./startupError.js";

/*
 * Where the settings come from. The environment the process was given always wins; a `.env`
 * file in the working directory may fill in settings it leaves unset (empty counts as unset,
 * as everywhere). Nothing else is read: not /etc/environment, not .env.<NODE_ENV>, not a file
 * beside the code. @colyseus/tools reads all of those as soon as it is imported, /etc/environment
 * over the process's own variables, which is why the server never imports it at run time.
 */

export const SETTINGS_FILE = ".env";

const SETTING_NAMES: ReadonlySet<string> = new Set(Object.keys(configSchema.shape));

export type Settings = {
  /** The environment, plus what the file filled in. */
  readonly values: Readonly<Record<string, string | undefined>>;
  /** The file read (absolute path) and the settings it supplied; null when there is none. */
  readonly file: { readonly path: string; readonly supplied: readonly string[] } | null;
};

export function readSettings(environment: Readonly<Record<string, string | undefined>>, workingDir: string): Settings {
  const path = join(workingDir, SETTINGS_FILE);
  const fromFile = readSettingsFile(path);
  if (fromFile === null) return { values: environment, file: null };
  const isGiven = (name: string) => (environment[name] ?? "").trim() !== "";
  const supplied = Object.keys(fromFile).filter((name) => SETTING_NAMES.has(name) && !isGiven(name));
  const values = { ...environment, ...Object.fromEntries(supplied.map((name) => [name, fromFile[name]])) };
  return { values, file: { path, supplied } };
}

function readSettingsFile(path: string): Record<string, string | undefined> | null {
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT") return null;
    if (code === "EISDIR") throw new StartupError(`${path} is a folder, not a settings file`);
    throw new StartupError(`${path} cannot be read (${reasonOf(error) ?? String(error)})`);
  }
  return parseEnv(content);
}
