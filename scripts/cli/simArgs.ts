import { parseArgs } from "node:util";
import { BOT_NAMES, isBotName, type BotName } from "../../shared/bots/index.js";

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
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: "string" },
        games: { type: "string" },
        buyer: { type: "string" },
        seller: { type: "string" },
        seed: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    return { ok: false, error: (e as Error).message.split("\n")[0] as string };
  }
  if (values.help) return { ok: true, args: { help: true } };
  if (!values.scenario) return { ok: false, error: "--scenario is required (a shipped id or a path to a .json file)" };
  const gamesText = values.games ?? "1000";
  const games = /^\d+$/.test(gamesText) ? Number(gamesText) : NaN;
  if (!Number.isSafeInteger(games) || games < 1 || games > MAX_GAMES)
    return { ok: false, error: `--games must be a whole number from 1 to ${MAX_GAMES.toLocaleString("en-US")} (got "${gamesText}")` };
  const bot = (flag: "buyer" | "seller"): BotName | string => values[flag] ?? "firm";
  for (const flag of ["buyer", "seller"] as const) {
    const name = bot(flag);
    if (!isBotName(name)) return { ok: false, error: `--${flag} must be one of ${BOT_NAMES.join(", ")} (got "${name}")` };
  }
  const seed = values.seed ?? "parley";
  if (seed.length === 0 || seed.length > 200) return { ok: false, error: "--seed must be 1 to 200 characters" };
  return {
    ok: true,
    args: { help: false, scenario: values.scenario, games, buyer: bot("buyer") as BotName, seller: bot("seller") as BotName, seed, json: values.json ?? false },
  };
}
