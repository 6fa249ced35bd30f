import { parseArgs } from "node:util";
import type { LoadKind } from "./parleyRun.js";

export type BenchArgs = {
  readonly quick: boolean;
  readonly tables: number;
  /** Length of each load window, after its warm-up. */
  readonly seconds: number;
  readonly loads: readonly LoadKind[];
  /** Write a CPU profile of the server for each load window into this folder. */
  readonly profileDir: string | null;
  readonly json: string | null;
  readonly keep: boolean;
};

export const BENCH_USAGE = `Usage: npm run bench:load [-- options]
  --quick          a short run (100 tables, short windows): under 60 s
  --tables N       tables in play (default 1000; --quick: 100); observers = N/10, facilitators = N/20
  --seconds S      measurement window of each load (default 30; --quick: 5)
  --only KIND      run one load: human | closed (default both)
  --profile DIR    write the server's CPU profile of each load window into DIR (human.cpuprofile, …)
  --json FILE      also write every figure as JSON to FILE
  --keep           keep the work folder (server log, load log) and print where it is`;

export function parseBenchArgs(argv: readonly string[]): { ok: true; args: BenchArgs } | { ok: false; error: string; help?: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: "boolean" },
        tables: { type: "string" },
        seconds: { type: "string" },
        only: { type: "string" },
        profile: { type: "string" },
        json: { type: "string" },
        keep: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    return { ok: false, error: (e as Error).message.split("\n")[0] as string };
  }
  if (values.help) return { ok: false, error: BENCH_USAGE, help: true };
  const quick = values.quick ?? false;
  const whole = (flag: string, text: string | undefined, fallback: number, max: number): number | string => {
    if (text === undefined) return fallback;
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    return Number.isSafeInteger(n) && n >= 1 && n <= max ? n : `--${flag} must be a whole number from 1 to ${max} (got "${text}")`;
  };
  const tables = whole("tables", values.tables, quick ? 100 : 1000, 5000);
  if (typeof tables === "string") return { ok: false, error: tables };
  const seconds = whole("seconds", values.seconds, quick ? 5 : 30, 600);
  if (typeof seconds === "string") return { ok: false, error: seconds };
  const only = values.only;
  if (only !== undefined && only !== "human" && only !== "closed") return { ok: false, error: `--only must be human or closed (got "${only}")` };
  return {
    ok: true,
    args: {
      quick,
      tables,
      seconds,
      loads: only ? [only] : ["human", "closed"],
      profileDir: values.profile ?? null,
      json: values.json ?? null,
      keep: values.keep ?? false,
    },
  };
}
