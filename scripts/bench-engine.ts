/*
 * npm run bench:engine [-- --seconds S]
 * Full bot-vs-bot games per second on one core (Node runs the games on one thread), for every
 * shipped scenario, and where the time goes: the same games replayed through the engine alone
 * (createTable + apply), then with viewFor added; the rest is the bots. Time is this process's
 * CPU time, not the wall clock, so other work on the box skews the figures far less; the three
 * measurements are interleaved in slices so drift spreads evenly over them.
 */
import { BOT_TACTICS, tacticProfile, type BotProfile } from "../shared/bots/index.js";
import { apply, createTable, viewFor, type Action, type Scenario } from "../shared/engine/index.js";
import { SCENARIOS } from "../shared/scenarios/index.js";
import { playGame } from "../shared/sim/play.js";
import { readFlags } from "./cli/flags.js";

const TARGET_GAMES_PER_SECOND = 10_000;
const START = 1_735_689_600_000;
const STEP_MS = 5_000;

function fail(message: string): never {
  process.stderr.write(`bench-engine: ${message}\n`);
  process.exit(2);
}

const flags = readFlags(process.argv.slice(2), { seconds: { type: "string" } });
if (!flags.ok) fail(flags.error);
const seconds = flags.values.seconds === undefined ? 2 : Number(flags.values.seconds);
if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) fail("--seconds must be a number from 0 to 600");

/** Every pairing of the four tactics in turn, so the figure is not one tactic's. */
const PAIRS: readonly { buyer: BotProfile; seller: BotProfile }[] = BOT_TACTICS.flatMap((b) =>
  BOT_TACTICS.map((s) => ({ buyer: tacticProfile(b, `bench:${b}`), seller: tacticProfile(s, `bench:${s}`) })),
);

type Played = { seed: string; actions: readonly Action[] };

/** CPU milliseconds this process has used (all its threads: the garbage collector's too). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Play full games from game number `first` for about `budgetMs` of CPU time. */
function playFor(scenario: Scenario, first: number, budgetMs: number, keep: Played[]) {
  let games = 0;
  let actions = 0;
  const t0 = cpuMs();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 50; i++, games++) {
      const n = first + games;
      const seed = `bench:${n}`;
      const game = playGame({ scenario, seed, ...(PAIRS[n % PAIRS.length] as (typeof PAIRS)[number]), startAt: START, stepMs: STEP_MS });
      actions += game.actions.length;
      keep.push({ seed, actions: game.actions });
    }
    elapsed = cpuMs() - t0;
  }
  return { games, actions, ms: elapsed };
}

/** Replay recorded games through the engine, optionally building each mover's view as a room would. */
function replay(scenario: Scenario, games: readonly Played[], withViews: boolean): number {
  const t0 = cpuMs();
  for (const g of games) {
    let now = START;
    let state = createTable(scenario, g.seed, { now });
    for (const action of g.actions) {
      if (withViews) viewFor(state, state.toAct);
      now += STEP_MS;
      const result = apply(state, action, now);
      if (!result.ok) throw new Error(`replay of ${g.seed} refused: ${result.error.message}`);
      state = result.state;
    }
  }
  return cpuMs() - t0;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(9);
const pct = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`.padStart(4);

process.stdout.write(`Engine benchmark: Node ${process.version}, one thread, ${seconds} CPU-s per scenario, all ${PAIRS.length} tactic pairings in turn\n`);
process.stdout.write(`${"scenario".padEnd(20)}${"games/s".padStart(9)}${"actions/s".padStart(11)}  ${"engine-only games/s".padStart(19)}${"actions/s".padStart(11)}   time: engine / views / bots\n`);
/** The measurement runs in this many interleaved slices. */
const SLICES = 10;
let slowest = Infinity;
// Every scenario is warmed up before any is measured. For the first ~1.5 CPU-s of play the JIT's
// background threads, whose CPU time counts here, take a third to two thirds of the process's
// time (/proc/self/task); warming only the scenario about to be measured left the first one
// measured at half the rate the same scenario showed when measured last.
for (const scenario of Object.values(SCENARIOS)) playFor(scenario, 0, Math.min(1_000, seconds * 500), []);
for (const scenario of Object.values(SCENARIOS)) {
  const total = { games: 0, actions: 0, fullMs: 0, engineMs: 0, viewsMs: 0 };
  for (let slice = 0; slice < SLICES; slice++) {
    const kept: Played[] = [];
    const full = playFor(scenario, total.games, (seconds * 1000) / SLICES, kept);
    total.games += full.games;
    total.actions += full.actions;
    total.fullMs += full.ms;
    total.engineMs += replay(scenario, kept, false);
    total.viewsMs += replay(scenario, kept, true);
  }
  const perSecond = (n: number, ms: number) => (n / ms) * 1000;
  const gps = perSecond(total.games, total.fullMs);
  slowest = Math.min(slowest, gps);
  process.stdout.write(
    `${scenario.id.padEnd(20)}${fmt(gps)}${fmt(perSecond(total.actions, total.fullMs)).padStart(11)}  ` +
      `${fmt(perSecond(total.games, total.engineMs)).padStart(19)}${fmt(perSecond(total.actions, total.engineMs)).padStart(11)}   ` +
      `${pct(total.engineMs, total.fullMs)} / ${pct(total.viewsMs - total.engineMs, total.fullMs)} / ${pct(total.fullMs - total.viewsMs, total.fullMs)}\n`,
  );
}
const verdict = slowest >= TARGET_GAMES_PER_SECOND ? "met" : "NOT met";
process.stdout.write(`target ${TARGET_GAMES_PER_SECOND.toLocaleString("en-US")} full games/s on one core: ${verdict} (slowest scenario ${Math.round(slowest).toLocaleString("en-US")} games/s)\n`);
