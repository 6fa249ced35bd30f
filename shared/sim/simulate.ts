import { profileByName, type BotName } from "../bots/index.js";
import type { Scenario } from "../engine/index.js";
import { playGame, type PlayedGame } from "./play.js";
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

/** Who sits in each seat of a simulated game. */
export type Pairing = { readonly buyer: BotName; readonly seller: BotName };

/** Game i of a run seeded `runSeed`, between these bots: the one game loop the simulator and calibration share. */
export function playSimGame(scenario: Scenario, bots: Pairing, runSeed: string, i: number): { readonly seed: string; readonly game: PlayedGame } {
  const seed = gameSeed(runSeed, i);
  const game = playGame({
    scenario,
    seed,
    buyer: profileByName(bots.buyer, `${seed}:buyer`),
    seller: profileByName(bots.seller, `${seed}:seller`),
  });
  return { seed, game };
}

export function simulateOne(scenario: Scenario, options: SimOptions, i: number): GameRecord {
  const { seed, game } = playSimGame(scenario, options, options.seed, i);
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
