import { parseScenario, type ScenarioProblem } from "../../../shared/engine/scenario.js";
import { calibrate, type CalibrationReport } from "../../../shared/sim/calibrate.js";
import { verdicts, type Verdict } from "../../../shared/sim/verdict.js";

/*
 * What the calibration worker does with one request, apart from the worker itself so it runs
 * (and is tested) in node too: parse the draft as the server would, play it, report.
 */

/** The studio's bounds on a run: a few seconds at the low end, under a minute on a slow laptop at the top. */
export const CALIBRATION_GAMES = { min: 20, max: 2_000, initial: 200 } as const;

/** One seed for every run: the same draft gives the same figures, so a change in them comes from an edit. */
export const STUDIO_SEED = "studio";

export type CalibrateRequest = { readonly document: unknown; readonly games: number };

export type CalibrateMessage =
  | { readonly kind: "progress"; readonly done: number; readonly total: number }
  | { readonly kind: "report"; readonly report: CalibrationReport; readonly verdicts: readonly Verdict[] }
  /** The draft is not a valid scenario: every problem, as the scenario check lists them. */
  | { readonly kind: "invalid"; readonly problems: readonly ScenarioProblem[] }
  /** The draft parsed but a game could not be played through (a bug to report, not the trainer's mistake). */
  | { readonly kind: "failed"; readonly message: string };

/** A games count inside the studio's bounds, whatever was typed. */
export function boundedGames(games: number): number {
  if (!Number.isFinite(games)) return CALIBRATION_GAMES.initial;
  return Math.min(CALIBRATION_GAMES.max, Math.max(CALIBRATION_GAMES.min, Math.round(games)));
}

/** About a hundred progress messages a run: enough for a smooth bar, few enough not to flood the page. */
const PROGRESS_STEPS = 100;

export function runCalibration(request: CalibrateRequest, post: (message: CalibrateMessage) => void): void {
  const parsed = parseScenario(request.document);
  if (!parsed.ok) return post({ kind: "invalid", problems: parsed.error });
  const games = boundedGames(request.games);
  const every = Math.max(1, Math.floor(games / PROGRESS_STEPS));
  let report: CalibrationReport;
  try {
    report = calibrate(parsed.value, {
      games,
      seed: STUDIO_SEED,
      onProgress: (done, total) => {
        if (done % every === 0 || done === total) post({ kind: "progress", done, total });
      },
    });
  } catch (e) {
    return post({ kind: "failed", message: (e as Error).message });
  }
  post({ kind: "report", report, verdicts: verdicts(report) });
}
