import { profileByName, type BotName } from "../bots/index.js";
import type { Scenario } from "../engine/index.js";
import { playGame } from "./play.js";
import { recordGame, type GameRecord } from "./record.js";
import { summarize, type SimSummary } from "./summary.js";

export type SimOptions = {
  readonly games: number;
  readonly buyer: BotName;
  readonly seller: BotName;
  /** Same seed, same games, same numbers. */
  readonly seed: string;
};

export type SimResult = {
  readonly scenario: { readonly id: string; readonly title: string; readonly currency: string };
  readonly buyer: BotName;
  readonly seller: BotName;
  readonly seed: string;
  readonly summary: SimSummary;
};

/** The seed of game i of a run: tables and bots all derive from it. */
export const gameSeed = (seed: string, i: number): string => `${seed}:${i}`;

export function simulateOne(scenario: Scenario, options: SimOptions, i: number): GameRecord {
  const seed = gameSeed(options.seed, i);
  const game = playGame({
    scenario,
    seed,
    buyer: profileByName(options.buyer, `${seed}:buyer`),
    seller: profileByName(options.seller, `${seed}:seller`),
  });
  return recordGame(seed, game);
}

/** Play a run of games; `onGame` hears after each one (the CLI draws its progress bar from it). */
export function simulate(scenario: Scenario, options: SimOptions, onGame?: (done: number) => void): SimResult {
  const records: GameRecord[] = [];
  for (let i = 0; i < options.games; i++) {
    records.push(simulateOne(scenario, options, i));
    onGame?.(i + 1);
  }
  return {
    scenario: { id: scenario.id, title: scenario.title, currency: scenario.currency },
    buyer: options.buyer,
    seller: options.seller,
    seed: options.seed,
    summary: summarize(records),
  };
}
