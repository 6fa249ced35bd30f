import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../../..", import.meta.url)));

/** One JSON log line of the server (pino). */
export type LogLine = { readonly msg: string; readonly time: number } & Readonly<Record<string, unknown>>;

/**
 * The server as a process of its own, built once per test file into one ESM file (esbuild,
 * packages left in node_modules): a cold start takes a fraction of tsx's, which matters when a
 * test restarts it twenty times. It is the same code `npm start` runs.
 */
export async function bundleServer(): Promise<{ file: string; remove: () => void }> {
  const dir = join(root, "node_modules", ".cache", "parley-tests");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `server-${process.pid}-${Date.now()}.mjs`);
  const build = spawn(join(root, "node_modules", ".bin", "esbuild"), [
    join(root, "server", "main.ts"),
    "--bundle",
    "--platform=node",
    "--format=esm",
    "--packages=external",
    `--outfile=${file}`,
    "--log-level=warning",
  ], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  const [code] = (await once(build, "exit")) as [number | null];
  if (code !== 0) throw new Error(`esbuild failed (${code})`);
  return { file, remove: () => rmSync(file, { force: true }) };
}


export class ServerProcess {
  readonly logs: LogLine[] = [];
  private exited: Promise<[number | null, NodeJS.Signals | null]>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    /** When the process was spawned (ms). */
    readonly spawnedAt: number,
  ) {
    this.exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        this.logs.push(JSON.parse(line) as LogLine);
      } catch {
        // Not a log line (a notice of a dependency): ignored.
      }
    });
  }

  /** Spawn `node bundle` with these settings on 127.0.0.1:port and wait until it listens. */
  static async start(bundle: string, port: number, env: Record<string, string>): Promise<ServerProcess> {
    const child = spawn(process.execPath, [bundle], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "debug", CLIENT_DIST: "no-client-build", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const server = new ServerProcess(child, port, Date.now());
    await server.waitForLog("Parley is listening", 30_000);
    return server;
  }

  get endpoint(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get http(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  async waitForLog(msg: string, timeoutMs = 10_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs.find((l) => l.msg === msg);
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`server exited (${this.child.exitCode ?? this.child.signalCode}) before logging "${msg}"`);
      if (Date.now() > deadline) throw new Error(`server did not log "${msg}" within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** kill -9: no handler runs, nothing is flushed or released. */
  async kill9(): Promise<void> {
    this.child.kill("SIGKILL");
    await this.exited;
  }

  /** SIGTERM, then the exit code (0 after a clean drain). */
  async terminate(timeoutMs = 15_000): Promise<number | null> {
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), timeoutMs);
    const [code] = await this.exited;
    clearTimeout(timer);
    return code;
  }

  /** Freeze the process (SIGSTOP) as a long pause or a lost network would, then let it go on (SIGCONT). */
  pause(): void {
    this.child.kill("SIGSTOP");
  }

  resume(): void {
    this.child.kill("SIGCONT");
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

/** POST /api/tables on a running server. */
export async function openTableOver(http: string, scenarioId: string): Promise<{ code: string; seats: { buyer: string; seller: string } }> {
  const res = await fetch(`${http}/api/tables`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId }) });
  if (res.status !== 201) throw new Error(`POST /api/tables: ${res.status} ${await res.text()}`);
  return (await res.json()) as { code: string; seats: { buyer: string; seller: string } };
}
