/*
 * npm run calibrate -- --scenario <id|path> [--games N] [--seed S] [--json]
 * Plays a scenario many times between bots and says whether it is balanced enough for class.
 * The calibration is pure (shared/sim/calibrate.ts); this file reads flags, loads and prints.
 */
import cliProgress from "cli-progress";
import { calibrate } from "../shared/sim/calibrate.js";
import { formatCalibration } from "../shared/sim/calibrationText.js";
import { verdicts } from "../shared/sim/verdict.js";
import { CALIBRATE_USAGE, parseCalibrateArgs } from "./cli/calibrateArgs.js";
import { loadScenario } from "./cli/loadScenario.js";

/** Below this many games a run takes a few seconds: no progress bar. */
const PROGRESS_FROM = 1_000;

function fail(message: string): never {
  process.stderr.write(`calibrate: ${message}\n`);
  process.exit(2);
}

const parsed = parseCalibrateArgs(process.argv.slice(2));
if (!parsed.ok) fail(`${parsed.error} (try --help)`);
const args = parsed.args;
if (args.help) {
  process.stdout.write(`${CALIBRATE_USAGE}\n`);
  process.exit(0);
}
const loaded = loadScenario(args.scenario);
if (!loaded.ok) fail(loaded.error);

const bar =
  !args.json && process.stderr.isTTY && args.games >= PROGRESS_FROM
    ? new cliProgress.SingleBar({ stream: process.stderr, format: "calibrating {bar} {percentage}% | {value}/{total} games | eta {eta}s", hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
bar?.start(args.games, 0);
const report = calibrate(loaded.scenario, {
  games: args.games,
  seed: args.seed,
  onProgress: (done, total) => {
    if (done % 50 === 0 || done === total) bar?.update(done);
  },
});
bar?.stop();
const found = verdicts(report);
process.stdout.write(args.json ? `${JSON.stringify({ report, verdicts: found }, null, 2)}\n` : `${formatCalibration(report, found)}\n`);
