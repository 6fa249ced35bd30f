import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/*
 * The Parley server's log file (pino JSON lines), read by the benchmark: where the server
 * listens, and how many errors and warnings it logged.
 */

export type LogCounts = { readonly errors: number; readonly warnings: number; readonly firstErrors: readonly string[] };

const CRASH = /\b(Error|Exception)\b|^\s+at /;

/** pino's numeric level is the first field of each line. */
const levelOf = (line: string) => Number(/^\{"level":(\d+)/.exec(line)?.[1] ?? 0);

/** Wait for the "Parley is listening" line and return its URL. */
export async function listeningUrl(logFile: string, deadline: number, stillRunning: () => boolean): Promise<string> {
  while (Date.now() < deadline) {
    if (existsSync(logFile)) {
      const url = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Parley is listening"/.exec(readFileSync(logFile, "utf8"))?.[1];
      if (url) return url;
    }
    if (!stillRunning()) throw new Error(`the server exited before listening (see ${logFile})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not start in time (see ${logFile})`);
}

export async function countLog(logFile: string): Promise<LogCounts> {
  let errors = 0;
  let warnings = 0;
  const firstErrors: string[] = [];
  if (!existsSync(logFile)) return { errors, warnings, firstErrors };
  const lines = createInterface({ input: createReadStream(logFile, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    const level = levelOf(line);
    // Besides pino's errors, anything on stderr that looks like a crash (Node prints those raw).
    if (level >= 50 || (level === 0 && CRASH.test(line))) {
      errors += 1;
      if (firstErrors.length < 5) firstErrors.push(line.slice(0, 500));
    } else if (level === 40) warnings += 1;
  }
  return { errors, warnings, firstErrors };
}
