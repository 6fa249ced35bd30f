import { spawn } from "node:child_process";

const ROOT = new URL("../../../", import.meta.url).pathname;

export type Finished = { readonly code: number; readonly output: string };

/**
 * Run a command from the repository root in its own process group, with a deadline: on timeout
 * the whole group is killed (npm → tsx → node and everything they started), never just npm.
 */
export function runCommand(command: string, args: readonly string[], timeoutMs: number): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeoutMs} ms]`;
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}
