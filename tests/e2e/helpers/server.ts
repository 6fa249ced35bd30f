import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./build.js";
import { freePort } from "../../helpers/freePort.js";

/** A real Parley server (server/main.ts) on a free loopback port, for one test file. */
export type RunningServer = {
  readonly baseUrl: string;
  readonly logs: () => string;
  /** kill -9 the server, then start it again on the same port with the same store. */
  readonly crashAndRestart: () => Promise<void>;
  readonly stop: () => Promise<void>;
};


export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  // A store of its own: test files run side by side, and none may rebuild another's workshops.
  const dataDir = mkdtempSync(join(tmpdir(), "parley-e2e-"));
  const output: string[] = [];
  const baseUrl = `http://127.0.0.1:${port}`;
  let child = await launch();

  /** One node process (tsx as a loader), in its own process group so stopping it ends all of it. */
  async function launch(): Promise<ChildProcess> {
    const started: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", BOT_THINK_MS: "400", DATA_DIR: dataDir, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    started.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    started.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`the server exited (${started.exitCode}):\n${output.join("")}`);
      const ok = await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return started;
      if (Date.now() > deadline) throw new Error(`the server did not come up:\n${output.join("")}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  async function halt(signal: NodeJS.Signals): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid, signal);
    const killed = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5000);
    await exited;
    clearTimeout(killed);
  }

  return {
    baseUrl,
    logs: () => output.join(""),
    crashAndRestart: async () => {
      await halt("SIGKILL");
      child = await launch();
    },
    stop: async () => {
      await halt("SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
