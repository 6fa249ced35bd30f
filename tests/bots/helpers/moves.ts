import {
  apply,
  brokenCap,
  currentRound,
  otherRole,
  penaltyAt,
  roundOf,
  utility,
  viewFor,
  type Action,
  type Package,
  type Role,
  type TableState,
} from "../../../shared/engine/index.js";
import { botMove, type BotProfile } from "../../../shared/bots/index.js";

export const T0 = 1_735_689_600_000;

/** A side's true net utility (the referee's figures) for a package agreed in `round`. */
export function trueNet(state: TableState, role: Role, terms: Package, round: number): number {
  const side = state.sides[role];
  return utility(state.scenario, role, side, terms) - penaltyAt(side.hotButtons, round);
}

/** The round in which an offer made now could be accepted, and the one in which an accept now strikes the deal. */
export const strikeRound = (state: TableState): number => roundOf(state.turn + 1);
export const dealRound = (state: TableState): number => currentRound(state);

/** The bot's move on `state`, from its own seat's view. */
export function moveOf(state: TableState, role: Role, profile: BotProfile): Action | null {
  return botMove(viewFor(state, role), profile);
}

export function applied(state: TableState, action: Action, now = T0 + 1000): TableState {
  const result = apply(state, action, now);
  if (!result.ok) throw new Error(`refused ${action.type}: ${result.error.message}`);
  return result.state;
}

/** The package on the table the acting side would be accepting. */
export function standingFor(state: TableState, role: Role): Package | null {
  return state.standing[otherRole(role)]?.terms ?? null;
}

export { brokenCap };
