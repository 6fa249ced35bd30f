import { isRole, perRole, type PerRole, type Role } from "./roles.js";
import { Draw, seedFrom } from "./rng.js";
import { fillTemplate, type Drawn, type HotButtonSpec, type Scenario } from "./scenario.js";
import { formatMoney, formatValue } from "./terms.js";
import type { HotButton, SidePrivate, TableState } from "./state.js";
import { beginRound, Step } from "./flow.js";
import { valuesWithWants } from "./valuation.js";

export type TableOptions = {
  /** Epoch ms when play starts: the first turn's timer counts from here. */
  readonly now: number;
  /** Give several tables the same walk-aways, hot buttons and deck by giving them the same draw seed. */
  readonly drawSeed?: string;
  readonly rounds?: number;
  readonly turnSeconds?: number;
  /** Reading time before the first turn's clock starts (whole seconds); none when absent or 0. */
  readonly preparationSeconds?: number;
  /** The seats whose "ready" may start the clock before reading time is up (all of them must say it). */
  readonly readySeats?: readonly Role[];
};

/** The most rounds a table may be given (as many as a scenario may set). */
export const MAX_ROUNDS = 50;
/** The longest reading time a table may be given: a long brief read twice, with margin. */
export const MAX_PREPARATION_SECONDS = 1800;

/** Why these options cannot start a table, or null when they can. */
export function tableOptionsProblem(options: TableOptions): string | null {
  if (!Number.isFinite(options.now)) return "now must be a time in epoch ms";
  const { rounds, turnSeconds } = options;
  if (rounds !== undefined && (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS)) return `rounds must be a whole number from 1 to ${MAX_ROUNDS}`;
  if (turnSeconds !== undefined && !(Number.isFinite(turnSeconds) && turnSeconds > 0)) return "turnSeconds must be a positive number";
  const { preparationSeconds: prep, readySeats } = options;
  if (prep !== undefined && (!Number.isInteger(prep) || prep < 0 || prep > MAX_PREPARATION_SECONDS))
    return `preparationSeconds must be a whole number from 0 to ${MAX_PREPARATION_SECONDS}`;
  if (readySeats !== undefined && !(Array.isArray(readySeats) && readySeats.every(isRole))) return 'readySeats must list "buyer" and "seller" only';
  return null;
}

/**
 * A new table: the draw is made from the seed, the first mover is to act in round 1. Options are
 * validated by the caller at its edge; options that would make a game without end (no rounds, a
 * NaN deadline) are a programming error and throw.
 */
export function createTable(scenario: Scenario, seed: string, options: TableOptions): TableState {
  const problem = tableOptionsProblem(options);
  if (problem) throw new RangeError(`createTable: ${problem}`);
  const drawSeed = options.drawSeed ?? seed;
  const draw = new Draw(seedFrom(drawSeed));
  const sides = perRole<SidePrivate>((role) => drawSide(scenario, role, draw));
  const deckOrder = draw.shuffle(scenario.deck.cards.map((c) => c.id));
  // Whole milliseconds: 1.1 s must not become 1100.0000000000002 ms on every timer.
  const turnMs = Math.max(1, Math.round((options.turnSeconds ?? scenario.turnSeconds) * 1000));
  const preparationMs = (options.preparationSeconds ?? 0) * 1000;
  const preparation = preparationMs > 0 ? { endsAt: options.now + preparationMs, ready: readyMarks(options.readySeats ?? []) } : null;
  const initial: TableState = {
    scenario,
    seed,
    drawSeed,
    turnMs,
    phase: preparation ? "preparing" : "playing",
    turn: 0,
    toAct: scenario.firstMover,
    lastRound: options.rounds ?? scenario.rounds,
    turnEndsAt: preparation ? null : options.now + turnMs,
    pausedRemainingMs: null,
    preparation,
    sides,
    offers: [],
    standing: { buyer: null, seller: null },
    ledger: [],
    asked: { buyer: [], seller: [] },
    interruptions: { buyer: 0, seller: 0 },
    cards: [],
    deckOrder,
    rng: draw.state,
    outcome: null,
    score: null,
    timeline: [],
  };
  const step = new Step(initial, options.now);
  // With reading time, round 1 begins when it ends (rules/prepare.ts).
  if (preparation) step.emit({ type: "preparation_started", endsAt: preparation.endsAt, seconds: preparationMs / 1000 });
  else beginRound(step);
  return step.result();
}

function readyMarks(seats: readonly Role[]): Partial<PerRole<boolean>> {
  const marks: { buyer?: boolean; seller?: boolean } = {};
  for (const role of seats) marks[role] = false;
  return marks;
}

function drawSide(scenario: Scenario, role: Role, draw: Draw): SidePrivate {
  const brief = scenario.roles[role];
  const walkAway = draw.int(brief.walkAway.min, brief.walkAway.max, brief.walkAway.step);
  const hotButtons = brief.hotButtons.map((h) => drawHotButton(scenario, h, draw));
  // Drawn last and only when set, so a scenario without targets draws exactly as before.
  const target = brief.target === undefined ? undefined : pick(brief.target, draw);
  return {
    walkAway,
    ...(target === undefined ? {} : { target }),
    values: valuesWithWants(scenario, role, brief.values, hotButtons),
    hotButtons,
    learned: [],
    notes: [],
  };
}

const pick = (value: Drawn, draw: Draw): number => (typeof value === "number" ? value : draw.int(value.min, value.max, value.step));

function drawHotButton(scenario: Scenario, spec: HotButtonSpec, draw: Draw): HotButton {
  switch (spec.kind) {
    case "deadline": {
      const afterRound = pick(spec.afterRound, draw);
      const costPerRound = pick(spec.costPerRound, draw);
      const text = fillTemplate(spec.text, { afterRound, costPerRound: formatMoney(costPerRound, scenario.currency) });
      return { kind: "deadline", id: spec.id, label: spec.label, text, afterRound, costPerRound };
    }
    case "compliance": {
      const byRound = pick(spec.byRound, draw);
      const penalty = pick(spec.penalty, draw);
      const text = fillTemplate(spec.text, { byRound, penalty: formatMoney(penalty, scenario.currency) });
      return { kind: "compliance", id: spec.id, label: spec.label, text, byRound, penalty };
    }
    case "budgetCap": {
      const max = pick(spec.max, draw);
      const issue = scenario.issues.find((i) => i.id === spec.issueId);
      const text = fillTemplate(spec.text, { max: issue ? formatValue(issue, max, scenario.currency) : max });
      return { kind: "budgetCap", id: spec.id, label: spec.label, text, issueId: spec.issueId, max };
    }
    case "wants": {
      const costIfMissing = spec.costIfMissing === undefined ? 0 : pick(spec.costIfMissing, draw);
      const text = fillTemplate(spec.text, { costIfMissing: formatMoney(costIfMissing, scenario.currency) });
      // parseScenario guarantees the one that fits the issue is given.
      const value = spec.optionId ?? (spec.value as number);
      return { kind: "wants", id: spec.id, label: spec.label, text, issueId: spec.issueId, value, mustHave: spec.mustHave === true, costIfMissing };
    }
  }
}
