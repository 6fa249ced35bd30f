import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { closeSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/*
 * Request/reply over the Node IPC channel between the orchestrator and its child processes
 * (floor server, load generators, the Parley server's probe). A child exposes plain async
 * methods; the parent calls them by name and waits, with a deadline on every call.
 */

// `any` parameters, so a method map can be declared with its real parameter types.
export type Methods = Record<string, (params: any) => unknown>;

type Request = { readonly rpc: number; readonly method: string; readonly params: unknown };
type Reply = { readonly rpc: number; readonly ok: true; readonly result: unknown } | { readonly rpc: number; readonly ok: false; readonly error: string };

const isRequest = (m: unknown): m is Request => typeof m === "object" && m !== null && typeof (m as Request).rpc === "number" && typeof (m as Request).method === "string";
const isReply = (m: unknown): m is Reply => typeof m === "object" && m !== null && typeof (m as Reply).rpc === "number" && typeof (m as Reply).ok === "boolean";

/** In a child: answer the parent's calls. Does nothing when the process has no IPC channel. */
export function serveRpc(methods: Methods): boolean {
  const send = process.send?.bind(process);
  if (!send) return false;
  process.on("message", (message: unknown) => {
    if (!isRequest(message)) return;
    const method = Object.hasOwn(methods, message.method) ? methods[message.method] : undefined;
    const reply = (r: Reply) => send(r);
    if (!method) return reply({ rpc: message.rpc, ok: false, error: `no method "${message.method}"` });
    Promise.resolve()
      .then(() => method(message.params))
      .then(
        (result) => reply({ rpc: message.rpc, ok: true, result: result ?? null }),
        (error: unknown) => reply({ rpc: message.rpc, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
      );
  });
  return true;
}

export type ChildSpec = {
  /** What the child runs, with its arguments: a .ts file (through tsx) or a built .js file (plain node). */
  readonly script: string;
  readonly args?: readonly string[];
  /** Node flags before the script, e.g. --expose-gc, --cpu-prof. */
  readonly nodeFlags?: readonly string[];
  /** Modules to preload with --import (after tsx, when the script needs it). */
  readonly preload?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Where the child's stdout and stderr go: "inherit" shows them; a path appends them to that
   * file directly (the child writes the file itself: no pipe through this process, so a busy
   * parent can never block a child's synchronous log writes).
   */
  readonly output: "inherit" | string;
};

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** A child process with an IPC channel, called like an object of async methods. */
export class RpcChild<M extends Methods> {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exitCode: number | null = null;
  readonly exited: Promise<number>;

  private constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    process.on("message", (message: unknown) => {
      if (!isReply(message)) return;
      const entry = this.waiting.get(message.rpc);
      if (!entry) return;
      this.waiting.delete(message.rpc);
      if (message.ok) entry.resolve(message.result);
      else entry.reject(new Error(`${name}: ${message.error}`));
    });
    this.exited = once(process, "exit").then(([code, signal]) => {
      this.exitCode = typeof code === "number" ? code : signal ? 128 : 1;
      for (const entry of this.waiting.values()) entry.reject(new Error(`${name} exited (${code ?? signal}) during a call`));
      this.waiting.clear();
      return this.exitCode;
    });
  }

  static start<M extends Methods>(name: string, spec: ChildSpec): RpcChild<M> {
    const loader = spec.script.endsWith(".ts") ? [tsxLoader] : [];
    const preload = [...loader, ...(spec.preload ?? []).map((p) => pathToFileURL(p).href)].flatMap((url) => ["--import", url]);
    const fd = spec.output === "inherit" ? null : openSync(spec.output, "a");
    const out = fd ?? "inherit";
    const child = spawn(process.execPath, [...(spec.nodeFlags ?? []), ...preload, spec.script, ...(spec.args ?? [])], {
      stdio: ["ignore", out, out, "ipc"],
      env: spec.env ?? process.env,
    });
    if (fd !== null) closeSync(fd);
    return new RpcChild<M>(name, child);
  }

  call<K extends keyof M & string>(method: K, params: Parameters<M[K]>[0], timeoutMs = 60_000): Promise<Awaited<ReturnType<M[K]>>> {
    if (this.exitCode !== null) return Promise.reject(new Error(`${this.name} has exited (${this.exitCode})`));
    const rpc = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(rpc);
        reject(new Error(`${this.name}.${method} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(rpc, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as Awaited<ReturnType<M[K]>>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.process.send({ rpc, method, params } satisfies Request);
    });
  }

  get running(): boolean {
    return this.exitCode === null;
  }

  /** Ask politely (SIGTERM), then insist (SIGKILL) after `graceMs`; resolves with the exit code. */
  async stop(graceMs = 10_000): Promise<number> {
    if (this.exitCode !== null) return this.exitCode;
    this.process.kill("SIGTERM");
    const timer = setTimeout(() => this.process.kill("SIGKILL"), graceMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
