import { MAX_TABLES } from "../../../protocol/workshop.js";
import { describePairingNote, pairingIssues, pairingProblems, proposePairing } from "../../pairing.js";
import type { Effect } from "../effects.js";
import type { CommandOf } from "../step.js";
import { done, refuse, type StepResult } from "../result.js";
import { members, nameOf, pairingOf, placeIn, runningRound, tableLabel, type RoundFacts, type WorkshopState } from "../state.js";

const STARTING = "A round is being started already.";

function pastPairings(state: WorkshopState) {
  return state.rounds.map(pairingOf);
}

function withRound(state: WorkshopState, round: RoundFacts): WorkshopState {
  return { ...state, rounds: state.rounds.map((r) => (r.number === round.number ? round : r)) };
}

export function propose(state: WorkshopState, command: CommandOf<"propose">): StepResult {
  const past = pastPairings(state);
  const pairing = proposePairing(command.online, past, command.oddSeat, command.seed);
  return done(state, { kind: "proposal", pairing, issues: pairingIssues(pairing, command.online, past) });
}

/** A new round: on record first, then its tables open one by one (table_opened) until tables_placed. */
export function startRound(state: WorkshopState, command: CommandOf<"start_round">): StepResult {
  if (state.opening) return refuse("workshop/bad_moment", STARTING);
  const running = runningRound(state);
  if (running) return refuse("workshop/bad_moment", `Round ${running.number} is still running: end it before starting the next.`);
  if (command.scenarioVersion === null) return refuse("workshop/unknown_scenario", `There is no scenario "${command.settings.scenarioId}".`);
  const problems = pairingProblems(command.pairing, new Set(members(state).map((p) => p.id)));
  if (problems.length > 0) return refuse("workshop/bad_pairing", problems.map((p) => describePairingNote(p, (id) => nameOf(state, id))).join(" "));
  const round: RoundFacts = {
    number: state.rounds.length + 1,
    settings: command.settings,
    scenarioVersion: command.scenarioVersion,
    drawSeed: command.drawSeed,
    startedAt: command.at,
    endedAt: null,
    tables: [],
    observers: [],
  };
  return done(
    { ...state, opening: { control: "start_round", round, observers: command.pairing.observers } },
    { kind: "store", write: { type: "start_round", round } },
    { kind: "open_tables", round: round.number, plans: command.pairing.tables },
  );
}

/** Late joiners (or people left out) are paired among themselves into the running round. */
export function seatWaiting(state: WorkshopState, command: CommandOf<"seat_waiting">): StepResult {
  const round = runningRound(state);
  if (!round) return refuse("workshop/bad_moment", "No round is running: waiting participants are paired when the next round starts.");
  if (state.opening) return refuse("workshop/bad_moment", STARTING);
  const waiting = command.online.filter((id) => placeIn(round, id) === null);
  if (waiting.length === 0) return refuse("workshop/bad_moment", "Nobody is waiting in the lobby.");
  if (round.tables.length + Math.ceil(waiting.length / 2) > MAX_TABLES) return refuse("workshop/bad_moment", `A round seats at most ${MAX_TABLES} tables.`);
  const extra = proposePairing(waiting, pastPairings(state), round.settings.oddSeat, command.seed);
  const offset = round.tables.length;
  const observers = extra.observers.map((o) => ({ participantId: o.participantId, table: o.table + offset }));
  return done({ ...state, opening: { control: "seat_waiting", offset, observers } }, { kind: "open_tables", round: round.number, plans: extra.tables });
}

/** Each table is on record with the round as soon as it exists: a rebuilt workshop finds it. */
export function tableOpened(state: WorkshopState, command: CommandOf<"table_opened">): StepResult {
  const { opening } = state;
  const round = opening?.control === "start_round" ? opening.round : runningRound(state);
  if (!opening || !round) return refuse("workshop/bad_moment", "No tables are being opened.");
  const seated: RoundFacts = { ...round, tables: [...round.tables, { code: command.code, index: round.tables.length, plan: command.plan, finished: false }] };
  const next: WorkshopState = opening.control === "start_round" ? { ...state, opening: { ...opening, round: seated } } : withRound(state, seated);
  return done(next, { kind: "store", write: { type: "seating", round: seated } });
}

/** Every table is open: the round (with who watches which) is the workshop's, and everyone learns where they sit. */
export function tablesPlaced(state: WorkshopState): StepResult {
  const { opening } = state;
  const round = opening?.control === "start_round" ? opening.round : runningRound(state);
  if (!opening || !round) return refuse("workshop/bad_moment", "No tables are being opened.");
  const placed: RoundFacts = { ...round, observers: [...round.observers, ...opening.observers] };
  const rounds = opening.control === "start_round" ? [...state.rounds, placed] : state.rounds.map((r) => (r.number === placed.number ? placed : r));
  const next: WorkshopState = { ...state, rounds, opening: null };
  const opened = opening.control === "start_round" ? placed.tables : placed.tables.slice(opening.offset);
  return done(
    next,
    { kind: "store", write: { type: "seating", round: placed } },
    { kind: "reply", control: opening.control, results: opened.map((t) => ({ table: t.code, label: tableLabel(next, t), ok: true, message: "Table opened." })) },
    { kind: "assignments" },
    { kind: "lobby" },
  );
}

/** Tables that did open stay on record with their round; a round that never got all its tables is not started. */
export function openingFailed(state: WorkshopState): StepResult {
  return done({ ...state, opening: null });
}

function closed(state: WorkshopState, round: RoundFacts, at: number): { state: WorkshopState; effects: Effect[] } {
  return {
    state: withRound(state, { ...round, endedAt: at }),
    effects: [{ kind: "store", write: { type: "end_round", round: round.number, at } }, { kind: "lobby" }, { kind: "results" }],
  };
}

/** The facilitator ends the round: every game still going is ended too. */
export function endRound(state: WorkshopState, command: CommandOf<"end_round">): StepResult {
  const round = runningRound(state);
  if (!round) return refuse("workshop/bad_moment", "No round is running.");
  const open = round.tables.filter((t) => !t.finished).map((t) => ({ code: t.code, label: tableLabel(state, t) }));
  const end = closed(state, round, command.at);
  return done(end.state, ...end.effects, { kind: "control_tables", control: "end_round", action: { type: "end" }, tables: open });
}

export function tableFinished(state: WorkshopState, command: CommandOf<"table_finished">): StepResult {
  const round = state.rounds.find((r) => r.tables.some((t) => t.code === command.code));
  if (!round) return done(state);
  return done(withRound(state, { ...round, tables: round.tables.map((t) => (t.code === command.code ? { ...t, finished: true } : t)) }));
}

/** A game's summary is ready: when every game of the running round is over, so is the round. */
export function gameSummarized(state: WorkshopState, command: CommandOf<"game_summarized">): StepResult {
  const round = state.rounds.find((r) => r.number === command.round);
  if (!round || round.endedAt !== null || !round.tables.every((t) => t.finished)) return done(state, { kind: "results" });
  const end = closed(state, round, command.at);
  return done(end.state, ...end.effects);
}
