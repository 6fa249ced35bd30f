import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

/*
 * The e2e tests run against the built client, as users get it. They build it once: when any
 * client or shared source is newer than client/dist/index.html. Test files run in parallel
 * workers, so the build is guarded by a lock directory (mkdir is atomic); a lock older than a
 * few minutes is a crashed run's and is broken.
 */

export const ROOT = path.resolve(import.meta.dirname, "../../..");
const DIST_INDEX = path.join(ROOT, "client/dist/index.html");
const LOCK = path.join(ROOT, "test-artifacts/.client-build.lock");
const SOURCES = ["client/src", "client/index.html", "client/vite.config.ts", "client/public", "shared"];
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(p: string): number {
  const stat = statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((latest, name) => Math.max(latest, newestMtime(path.join(p, name))), stat.mtimeMs);
}

function isStale(): boolean {
  const built = statSync(DIST_INDEX, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

function tryLock(): boolean {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

export async function ensureClientBuilt(): Promise<void> {
  for (;;) {
    if (!isStale()) return;
    if (tryLock()) {
      try {
        if (isStale()) await promisify(execFile)(path.join(ROOT, "node_modules/.bin/vite"), ["build", "--config", "client/vite.config.ts", "--logLevel", "warn"], { cwd: ROOT });
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
