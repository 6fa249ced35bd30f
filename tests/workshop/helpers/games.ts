import { analyzeTable, apply, createTable, type Action, type TableState } from "../../../shared/engine/index.js";
import { SCENARIOS } from "../../../shared/scenarios/index.js";
import { summarizeGame, type GameMeta, type GamePlayer, type GameSummary } from "../../../shared/workshop/summary.js";

export const backup = SCENARIOS["backup-appliance"]!;
export const fleet = SCENARIOS["fleet-maintenance"]!;

// backup-appliance: the seller opens; price 14,000–26,000 in steps of 250.
export const terms = (price: number) => ({ price, support: "business", warranty: 24, delivery: 4, payment: "net30" });

/** Apply actions one second apart from t0; every one must be accepted. */
export function play(state: TableState, actions: readonly Action[], t0 = 1_000_000): TableState {
  let s = state;
  actions.forEach((action, i) => {
    const r = apply(s, action, t0 + (i + 1) * 1000);
    if (!r.ok) throw new Error(`${action.type} refused: ${r.error.message}`);
    s = r.state;
  });
  return s;
}

export function table(seed: string, scenario = backup, drawSeed?: string): TableState {
  return createTable(scenario, seed, { now: 1_000_000, ...(drawSeed ? { drawSeed } : {}) });
}

const person = (id: string, name: string): GamePlayer => ({ participantId: id, name, bot: false });
export const botPlayer: GamePlayer = { participantId: null, name: "Bot (easy)", bot: true };

export function meta(index: number, players: { buyer: GamePlayer; seller: GamePlayer } = { buyer: person(`b${index}`, `Buyer ${index}`), seller: person(`s${index}`, `Seller ${index}`) }): GameMeta {
  return { round: 1, code: `TBL00${index}`, index, deck: "same", players };
}

export function summary(state: TableState, index: number, players?: { buyer: GamePlayer; seller: GamePlayer }): GameSummary {
  return summarizeGame(state, analyzeTable(state), meta(index, players));
}

/** A seed of `scenario` whose draw has (or lacks) a zone of agreement. */
export function seedWhere(scenario: typeof backup, zopa: boolean): string {
  for (let i = 0; i < 500; i++) {
    const seed = `zopa-${zopa}-${i}`;
    if (analyzeTable(table(seed, scenario)).exists === zopa) return seed;
  }
  throw new Error(`no seed of ${scenario.id} with zopa=${zopa}`);
}
