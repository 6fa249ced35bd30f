import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { LogLine } from "../../recovery/helpers/serverProcess.js";

/*
 * One start of the built server as an operator would run it: an environment of our choosing
 * (nothing inherited from the test), a working directory, and optionally files mounted over
 * system paths (/etc/environment) or folders made read-only, in a mount namespace of the
 * process's own so nothing outside it sees them. It either listens (then it is stopped with
 * SIGTERM) or exits; either way the test gets its exit code, stdout's log lines and stderr.
 */

const root = resolve(fileURLToPath(new URL("../../..", import.meta.url)));

export type Mounts = {
  /** [file, over]: `file` appears at the path `over`, for this process only. */
  readonly files?: ReadonlyArray<readonly [string, string]>;
  /** Folders this process sees as a read-only file system. */
  readonly readOnly?: readonly string[];
};

export type Attempt = {
  readonly env: Readonly<Record<string, string>>;
  readonly cwd?: string;
  readonly mounts?: Mounts;
  /** Wait this long for "Parley is listening" or an exit. */
  readonly timeoutMs?: number;
};

export type Outcome = {
  /** Whether it got as far as listening. */
  readonly listened: boolean;
  readonly exit: number | null;
  readonly logs: readonly LogLine[];
  /** stdout lines that are not JSON log lines. */
  readonly otherOutput: readonly string[];
  readonly stderr: string;
};

/** Whether this machine lets a process mount over files in a namespace of its own (root, unshare). */
export const canMount: boolean =
  spawnSync("unshare", ["--mount", "--propagation", "private", "sh", "-c", "mount --bind /dev/null /dev/null"], { stdio: "ignore" }).status === 0;

const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

function command(bundle: string, mounts: Mounts | undefined): [string, string[]] {
  if (mounts === undefined) return [process.execPath, [bundle]];
  const steps = [
    ...(mounts.files ?? []).map(([file, over]) => `mount --bind ${quoted(file)} ${quoted(over)}`),
    ...(mounts.readOnly ?? []).flatMap((dir) => [`mount --bind ${quoted(dir)} ${quoted(dir)}`, `mount -o remount,bind,ro ${quoted(dir)}`]),
    `exec ${quoted(process.execPath)} ${quoted(bundle)}`,
  ];
  return ["unshare", ["--mount", "--propagation", "private", "sh", "-c", steps.join(" && ")]];
}

export async function startAttempt(bundle: string, attempt: Attempt): Promise<Outcome> {
  const [file, args] = command(bundle, attempt.mounts);
  const child = spawn(file, args, { cwd: attempt.cwd ?? root, env: { ...attempt.env }, stdio: ["ignore", "pipe", "pipe"] });
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const deadline = Date.now() + (attempt.timeoutMs ?? 30_000);
  let listened = false;
  while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
    if (stdout.includes('"msg":"Parley is listening"')) {
      listened = true;
      child.kill("SIGTERM");
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!listened && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  const [exit] = await exited;
  const lines = stdout.split("\n").filter((line) => line !== "");
  const logs: LogLine[] = [];
  const otherOutput: string[] = [];
  for (const line of lines) {
    try {
      logs.push(JSON.parse(line) as LogLine);
    } catch {
      otherOutput.push(line);
    }
  }
  return { listened, exit, logs, otherOutput, stderr };
}

/** A minimal environment for the server: nothing from the test's own. */
export function serverEnv(settings: Readonly<Record<string, string>>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", CLIENT_DIST: "no-client-build", ...settings };
}
