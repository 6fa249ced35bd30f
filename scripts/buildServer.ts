/*
 * npm run build:server — the server as one ES module per entry in dist/, run by plain `node`.
 * Production (`npm start`, the benchmark) runs this build rather than the sources through tsx:
 * tsx compiles every module at start and wraps every named function and class in a keepNames
 * helper, which was measurable per action. Packages stay in node_modules (not bundled), so a
 * built entry and the sources share one copy of each package when both are loaded.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const DIST = join(ROOT, "dist");

/** What `npm start` runs: dist/server/main.js. */
export const SERVER_ENTRY = { "server/main": "server/main.ts" } as const;

/** Bundle each entry (output name → source, relative to the repository) to dist/<name>.js; returns the built paths. */
export async function buildServer(entries: Readonly<Record<string, string>> = SERVER_ENTRY): Promise<Record<string, string>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir: DIST,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // tsconfig.json's legacy decorators and useDefineForClassFields: false, which Schema 3 needs.
    tsconfig: "tsconfig.json",
    sourcemap: "linked",
    write: false,
    logLevel: "warning",
  });
  // Written aside, then renamed: a server starting (or a second build) never reads a half-written file.
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const aside = `${file.path}.${process.pid}.tmp`;
    writeFileSync(aside, file.contents);
    renameSync(aside, file.path);
  }
  return Object.fromEntries(Object.keys(entries).map((name) => [name, join(DIST, `${name}.js`)]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await buildServer();
  process.stdout.write(`built ${Object.values(built).join(", ")}\n`);
}
