import { botMove, type BotProfile } from "../bots/index.js";
import { apply, createTable, viewFor, type Action, type Role, type Scenario, type TableState } from "../engine/index.js";

/*
 * One bot-vs-bot game, played through the engine exactly as a room would: each bot sees only
 * viewFor(state, its role). Time is synthetic: every action comes `stepMs` after the last.
 */

export type GameSetup = {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly buyer: BotProfile;
  readonly seller: BotProfile;
  /** Epoch ms of the first turn; any fixed number keeps a game reproducible. */
  readonly startAt?: number;
  readonly stepMs?: number;
};

export type PlayedGame = { readonly initial: TableState; readonly final: TableState; readonly actions: readonly Action[] };

/** Called before each action is applied, with the state the acting bot saw its view of. */
export type MoveObserver = (before: TableState, action: Action) => void;

/** 2025-01-01T00:00:00Z. */
const DEFAULT_START = 1_735_689_600_000;
const DEFAULT_STEP_MS = 5_000;
/** Far above any scenario's turn limit (50 rounds): reaching it means a bot or the engine loops. */
const MAX_ACTIONS = 1_000;

export function playGame(setup: GameSetup, observe?: MoveObserver): PlayedGame {
  const stepMs = setup.stepMs ?? DEFAULT_STEP_MS;
  let now = setup.startAt ?? DEFAULT_START;
  const initial = createTable(setup.scenario, setup.seed, { now });
  const profiles: Record<Role, BotProfile> = { buyer: setup.buyer, seller: setup.seller };
  const actions: Action[] = [];
  let state = initial;
  while (state.phase === "playing") {
    if (actions.length >= MAX_ACTIONS) throw new Error(`game ${setup.seed}: no end after ${MAX_ACTIONS} actions`);
    const role = state.toAct;
    const action = botMove(viewFor(state, role), profiles[role]);
    if (!action) throw new Error(`game ${setup.seed}: the ${role} bot made no move on its turn`);
    observe?.(state, action);
    now += stepMs;
    const result = apply(state, action, now);
    if (!result.ok) throw new Error(`game ${setup.seed}: the engine refused the ${role} bot's ${action.type}: ${result.error.message}`);
    state = result.state;
    actions.push(action);
  }
  return { initial, final: state, actions };
}
