import type { PerRole, Role } from "./roles.js";
import type { Card, FactRef, IssueValue, Scenario } from "./scenario.js";
import type { GameEvent } from "./events.js";

/** A complete set of terms: a value for every issue (numbers for price and ranges, option ids otherwise). */
export type Package = Readonly<Record<string, number | string>>;

/** A hot button after the table's draw: every number is fixed. */
export type HotButton =
  | { readonly kind: "deadline"; readonly id: string; readonly label: string; readonly text: string; readonly afterRound: number; readonly costPerRound: number }
  | { readonly kind: "compliance"; readonly id: string; readonly label: string; readonly text: string; readonly byRound: number; readonly penalty: number }
  | { readonly kind: "budgetCap"; readonly id: string; readonly label: string; readonly text: string; readonly issueId: string; readonly max: number }
  | {
      readonly kind: "wants";
      readonly id: string;
      readonly label: string;
      readonly text: string;
      readonly issueId: string;
      /** The wanted option id, or number of a numeric issue. */
      readonly value: number | string;
      /** This side can neither offer nor accept terms without `value`. */
      readonly mustHave: boolean;
      /**
       * What a deal without `value` costs this side. It is already counted in the side's
       * `values` for the issue (create.ts), so every part that prices terms sees it; kept here
       * to be told in the brief and in a revealed fact.
       */
      readonly costIfMissing: number;
    };

/** A private fact about one side, as the other side may come to know it. */
export type KnownFact = { readonly fact: FactRef; readonly text: string; readonly turn: number; readonly source: "answer" | "card" };

export type Note = { readonly turn: number; readonly round: number; readonly at: number; readonly text: string };

/** Everything one side keeps to itself while the game runs. */
export type SidePrivate = {
  readonly walkAway: number;
  /** The net figure this side aims for, when its brief sets one (drawn like the walk-away). */
  readonly target?: number;
  /** Worth to the buyer or cost to the seller of each non-price issue; cards may change them. */
  readonly values: Readonly<Record<string, IssueValue>>;
  readonly hotButtons: readonly HotButton[];
  /** Facts this side has learned about the other side (answers, leaks). */
  readonly learned: readonly KnownFact[];
  readonly notes: readonly Note[];
};

export type Offer = {
  readonly by: Role;
  readonly terms: Package;
  readonly turn: number;
  readonly round: number;
  readonly at: number;
  readonly message?: string;
};

/**
 * What a ledger entry is, carried in its status so every copy of an entry (views, events, the
 * synced table state) keeps it without a field of its own:
 * - a CONCESSION (new ground given toward the other side) is "pending" until the other side's
 *   next offer settles it: "reciprocated" if that offer makes a new concession, else "unreciprocated";
 * - a "retraction" is a move back away from the other side;
 * - "restored" is ground given again that the side had taken back: no new concession, and it
 *   answers nothing.
 */
export type ConcessionStatus = "pending" | "reciprocated" | "unreciprocated" | "retraction" | "restored";

/** One side's move on one issue, compared with its previous offer (ledger.ts). */
export type Concession = {
  readonly turn: number;
  readonly by: Role;
  readonly issueId: string;
  /** Size of the move as a share of the issue's range (0..1]: public. */
  readonly share: number;
  /**
   * What the move is worth to the mover in money, private to the mover and the facilitator: what
   * it gives up for a concession or a restoring, what it takes back for a retraction.
   */
  readonly money: number;
  readonly status: ConcessionStatus;
};

export type DrawnCard = {
  readonly card: Card;
  readonly round: number;
  readonly turn: number;
  readonly thrownBy: "schedule" | "facilitator";
  /** The card text with its numbers filled in. */
  readonly text: string;
};

export type Outcome =
  | { readonly kind: "deal"; readonly terms: Package; readonly acceptedBy: Role; readonly round: number }
  | { readonly kind: "walkaway"; readonly by: Role; readonly round: number }
  | { readonly kind: "expired"; readonly round: number }
  | { readonly kind: "abandoned"; readonly by: Role; readonly round: number }
  | { readonly kind: "ended"; readonly round: number };

export type Score = {
  readonly surplus: PerRole<number>;
  readonly penalties: PerRole<number>;
  readonly joint: number;
  /** Joint surplus over the best joint surplus this draw allowed (see scoring.ts for the no-ZOPA case). */
  readonly efficiency: number;
};

/** "preparing": the seats are reading their briefs and no turn clock runs yet (rules/prepare.ts). */
export type Phase = "preparing" | "playing" | "paused" | "finished";

/**
 * The reading time before the first turn. While it lasts nobody can make a move; notes, cards
 * and the facilitator's controls work as in play. It ends when its time is up, when a
 * facilitator starts the clock, or when every seat that counts has said it is ready.
 */
export type Preparation = {
  /** Epoch ms at which reading time ends; null while paused (pausedRemainingMs holds what is left). */
  readonly endsAt: number | null;
  /**
   * The seats whose "ready" starts the clock early once all of them have said it, each with
   * whether it has. Empty where only the clock or a facilitator ends reading time (a workshop
   * round, where the class starts together; a bot's seat never counts).
   */
  readonly ready: Partial<PerRole<boolean>>;
};

export type TableState = {
  readonly scenario: Scenario;
  readonly seed: string;
  /** Seed of the draw (walk-aways, hot buttons, deck): shared by tables that play the same deck. */
  readonly drawSeed: string;
  readonly turnMs: number;
  readonly phase: Phase;
  /** 0-based count of turns taken; round = floor(turn / 2) + 1. */
  readonly turn: number;
  readonly toAct: Role;
  /** The last round: when it ends without a deal, the game ends without one. Cards may move it. */
  readonly lastRound: number;
  /** Epoch ms at which the current turn times out; null while preparing, paused or finished. */
  readonly turnEndsAt: number | null;
  /** While paused: how much of the turn (or of the reading time) was left. */
  readonly pausedRemainingMs: number | null;
  /** The reading time before the first turn; null once the turn clock has started, or when the table has none. */
  readonly preparation: Preparation | null;
  readonly sides: PerRole<SidePrivate>;
  readonly offers: readonly Offer[];
  readonly standing: PerRole<Offer | null>;
  readonly ledger: readonly Concession[];
  readonly asked: PerRole<readonly string[]>;
  readonly interruptions: PerRole<number>;
  readonly cards: readonly DrawnCard[];
  /** Card ids in the order the scheduled draws take them (shuffled from the seed). */
  readonly deckOrder: readonly string[];
  readonly rng: number;
  readonly outcome: Outcome | null;
  readonly score: Score | null;
  /** Every event so far, in order; viewFor filters it per viewer. */
  readonly timeline: readonly GameEvent[];
};

export function roundOf(turn: number): number {
  return Math.floor(turn / 2) + 1;
}

export function currentRound(state: TableState): number {
  return roundOf(state.turn);
}
