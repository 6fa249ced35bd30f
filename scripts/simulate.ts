/*
 * npm run simulate -- --scenario <id|path> --games N --buyer <bot> --seller <bot> [--seed S] [--json]
 * Plays N bot-vs-bot games of one scenario and prints what happened. The simulation itself is
 * pure (shared/sim); this file only reads flags, loads the scenario and prints.
 */
import cliProgress from "cli-progress";
import { formatReport } from "../shared/sim/report.js";
import { simulate } from "../shared/sim/simulate.js";
import { loadScenario } from "./cli/loadScenario.js";
import { parseSimArgs, SIM_USAGE } from "./cli/simArgs.js";

/** Below this many games a run takes well under a second: no progress bar. */
const PROGRESS_FROM = 2_000;

function fail(message: string): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(2);
}

const parsed = parseSimArgs(process.argv.slice(2));
if (!parsed.ok) fail(`${parsed.error} (try --help)`);
const args = parsed.args;
if (args.help) {
  process.stdout.write(`${SIM_USAGE}\n`);
  process.exit(0);
}
const loaded = loadScenario(args.scenario);
if (!loaded.ok) fail(loaded.error);

const bar =
  !args.json && process.stderr.isTTY && args.games >= PROGRESS_FROM
    ? new cliProgress.SingleBar({ stream: process.stderr, format: "simulating {bar} {percentage}% | {value}/{total} games | eta {eta}s", hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
bar?.start(args.games, 0);
const result = simulate(loaded.scenario, args, (done) => {
  if (done % 100 === 0 || done === args.games) bar?.update(done);
});
bar?.stop();
process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatReport(result)}\n`);
