/*
 * Who a bot is: a tactic from the negotiation literature plus a few knobs. A player or a
 * facilitator picks a level (easy, firm, tough) or tit-for-tat; the simulator and tests may pick
 * any tactic directly.
 */

/** The difficulty a facilitator understands: how slowly the bot gives ground. */
export const BOT_LEVELS = ["easy", "firm", "tough"] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** Faratin, Sierra & Jennings (1998): three time-dependent curves and relative tit-for-tat. */
export const BOT_TACTICS = ["boulware", "linear", "conceder", "tit_for_tat"] as const;
export type BotTactic = (typeof BOT_TACTICS)[number];

/**
 * What a player (practice table) or a facilitator (workshop bot seats) can pick: the three levels,
 * plus tit-for-tat, the one tactic a trainer names on its own (it answers how you play rather
 * than following a clock, so it is not a difficulty).
 */
export const BOT_CHOICES = [...BOT_LEVELS, "tit_for_tat"] as const;
export type BotChoice = (typeof BOT_CHOICES)[number];

/** Every name a bot can be asked for by: a level or a tactic. */
export const BOT_NAMES = [...BOT_LEVELS, ...BOT_TACTICS] as const;
export type BotName = (typeof BOT_NAMES)[number];

export type BotProfile = {
  readonly tactic: BotTactic;
  /** Shape of the concession curve: below 1 holds out (boulware), 1 is linear, above 1 gives in early (conceder). */
  readonly beta: number;
  /** Share of the utility range given up with the opening offer (Faratin's k, 0..1). */
  readonly k: number;
  /** Chance, on a turn where a question makes sense, that the bot asks one instead of offering. */
  readonly curiosity: number;
  /** Every random choice of the bot is derived from this seed and the turn number. */
  readonly seed: string;
};

const TACTIC_SHAPES: Record<BotTactic, Pick<BotProfile, "beta" | "k" | "curiosity">> = {
  boulware: { beta: 0.25, k: 0, curiosity: 0.5 },
  linear: { beta: 1, k: 0, curiosity: 0.35 },
  conceder: { beta: 4, k: 0.05, curiosity: 0.2 },
  // Tit-for-tat mirrors the other side (tactics.ts); its curve gives only its first, cooperative
  // counter-offer while the other side has not moved yet: one linear step.
  tit_for_tat: { beta: 1, k: 0, curiosity: 0.35 },
};

const CHOICE_TACTICS: Record<BotChoice, BotTactic> = { easy: "conceder", firm: "linear", tough: "boulware", tit_for_tat: "tit_for_tat" };

export function tacticProfile(tactic: BotTactic, seed: string): BotProfile {
  return { tactic, ...TACTIC_SHAPES[tactic], seed };
}

export function botProfile(choice: BotChoice, seed: string): BotProfile {
  return tacticProfile(CHOICE_TACTICS[choice], seed);
}

export function isBotName(name: string): name is BotName {
  return (BOT_NAMES as readonly string[]).includes(name);
}

export function profileByName(name: BotName, seed: string): BotProfile {
  return (BOT_LEVELS as readonly string[]).includes(name) ? botProfile(name as BotLevel, seed) : tacticProfile(name as BotTactic, seed);
}
