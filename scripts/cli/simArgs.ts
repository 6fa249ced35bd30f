import { BOT_NAMES, isBotName, type BotName } from "../../shared/bots/index.js";
import { readFlags, seedFlag, wholeNumberFlag } from "./flags.js";

export type SimArgs =
  | { readonly help: true }
  | { readonly help: false; readonly scenario: string; readonly games: number; readonly buyer: BotName; readonly seller: BotName; readonly seed: string; readonly json: boolean };

export const SIM_USAGE = `Usage: npm run simulate -- --scenario <id|path> [--games N] [--buyer BOT] [--seller BOT] [--seed S] [--json]
  --scenario  a shipped scenario id or a path to a scenario .json file
  --games     how many games to play (default 1000)
  --buyer     ${BOT_NAMES.join(" | ")} (default firm)
  --seller    the same choices (default firm)
  --seed      same seed, same games, same numbers (default "parley")
  --json      print the results as JSON only`;

const MAX_GAMES = 10_000_000;

/** The simulator's command line, or a one-line reason it is wrong. */
export function parseSimArgs(argv: readonly string[]): { ok: true; args: SimArgs } | { ok: false; error: string } {
  const flags = readFlags(argv, {
    scenario: { type: "string" },
    games: { type: "string" },
    buyer: { type: "string" },
    seller: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (!flags.ok) return flags;
  const { values } = flags;
  if (values.help) return { ok: true, args: { help: true } };
  if (!values.scenario) return { ok: false, error: "--scenario is required (a shipped id or a path to a .json file)" };
  const games = wholeNumberFlag("games", values.games, { min: 1, max: MAX_GAMES, fallback: 1000 });
  if (typeof games === "string") return { ok: false, error: games };
  const bot = (flag: "buyer" | "seller"): BotName | string => values[flag] ?? "firm";
  for (const flag of ["buyer", "seller"] as const) {
    const name = bot(flag);
    if (!isBotName(name)) return { ok: false, error: `--${flag} must be one of ${BOT_NAMES.join(", ")} (got "${name}")` };
  }
  const seeded = seedFlag(values.seed);
  if (typeof seeded === "string") return { ok: false, error: seeded };
  const { seed } = seeded;
  return {
    ok: true,
    args: { help: false, scenario: values.scenario, games, buyer: bot("buyer") as BotName, seller: bot("seller") as BotName, seed, json: values.json ?? false },
  };
}
