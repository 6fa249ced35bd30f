import { readFlags, seedFlag, wholeNumberFlag } from "./flags.js";

export type CalibrateArgs = { readonly help: true } | { readonly help: false; readonly scenario: string; readonly games: number; readonly seed: string; readonly json: boolean };

export const CALIBRATE_USAGE = `Usage: npm run calibrate -- --scenario <id|path> [--games N] [--seed S] [--json]
  --scenario  a shipped scenario id or a path to a scenario .json file
  --games     how many bot-vs-bot games to play (default 500)
  --seed      same seed, same games, same figures (default "parley")
  --json      print the report and verdicts as JSON only`;

/** A calibration of a million games already takes well over an hour. */
const MAX_GAMES = 1_000_000;

/** The calibration command line, or a one-line reason it is wrong. */
export function parseCalibrateArgs(argv: readonly string[]): { ok: true; args: CalibrateArgs } | { ok: false; error: string } {
  const flags = readFlags(argv, {
    scenario: { type: "string" },
    games: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (!flags.ok) return flags;
  const { values } = flags;
  if (values.help) return { ok: true, args: { help: true } };
  if (!values.scenario) return { ok: false, error: "--scenario is required (a shipped id or a path to a .json file)" };
  const games = wholeNumberFlag("games", values.games, { min: 1, max: MAX_GAMES, fallback: 500 });
  if (typeof games === "string") return { ok: false, error: games };
  const seeded = seedFlag(values.seed);
  if (typeof seeded === "string") return { ok: false, error: seeded };
  const { seed } = seeded;
  return { ok: true, args: { help: false, scenario: values.scenario, games, seed, json: values.json ?? false } };
}
