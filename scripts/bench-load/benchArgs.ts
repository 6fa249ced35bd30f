import { readFlags, wholeNumberFlag } from "../cli/flags.js";
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
  --only KIND      run one load: human | closed | day (default human and closed)
  --day            also run a workshop day's pace (think 5–20 s a move) after the others, in a 60-s window
                   (--quick: 20 s); the issue's figure is for 2,000 tables (--tables 2000)
  --profile DIR    write the server's CPU profile of each window into DIR (open, idle, human, … .cpuprofile;
                   scripts/bench-load/profileTop.ts FILE lists the top entries)
  --json FILE      also write every figure as JSON to FILE
  --keep           keep the work folder (server log, load log) and print where it is`;

export function parseBenchArgs(argv: readonly string[]): { ok: true; args: BenchArgs } | { ok: false; error: string; help?: boolean } {
  const flags = readFlags(argv, {
    quick: { type: "boolean" },
    tables: { type: "string" },
    seconds: { type: "string" },
    only: { type: "string" },
    profile: { type: "string" },
    json: { type: "string" },
    keep: { type: "boolean" },
    day: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (!flags.ok) return flags;
  const { values } = flags;
  if (values.help) return { ok: false, error: BENCH_USAGE, help: true };
  const quick = values.quick ?? false;
  const tables = wholeNumberFlag("tables", values.tables, { min: 1, max: 5000, fallback: quick ? 100 : 1000 });
  if (typeof tables === "string") return { ok: false, error: tables };
  const seconds = wholeNumberFlag("seconds", values.seconds, { min: 1, max: 600, fallback: quick ? 5 : 30 });
  if (typeof seconds === "string") return { ok: false, error: seconds };
  const only = values.only;
  if (only !== undefined && only !== "human" && only !== "closed" && only !== "day") return { ok: false, error: `--only must be human, closed or day (got "${only}")` };
  const loads: LoadKind[] = only ? [only] : ["human", "closed", ...(values.day ? (["day"] as const) : [])];
  return {
    ok: true,
    args: {
      quick,
      tables,
      seconds,
      loads,
      profileDir: values.profile ?? null,
      json: values.json ?? null,
      keep: values.keep ?? false,
    },
  };
}
