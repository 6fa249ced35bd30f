import type { Role } from "../engine/index.js";
import type { CalibrationReport, CardFigures } from "./calibrate.js";

/*
 * Plain-words verdicts on a calibration report: what a trainer should change before class. Each
 * rule reads the report's figures against a named threshold; the thresholds are judgement calls
 * about what makes a useful practice case, written down so they can be argued with.
 */

export type VerdictLevel = "ok" | "warning" | "problem";
export type Verdict = { readonly level: VerdictLevel; readonly text: string };

/** At or above this deal rate nobody learns when to walk away: nearly every game is a formality. */
export const TOO_EASY_DEAL_RATE = 0.95;
/** Share of deals within the midpoint band above which "split the difference" is the whole game. */
export const MIDPOINT_CLUSTER = 0.5;
/** Some no-zone draws teach walking away; from here on they crowd out the bargaining. */
export const NO_ZONE_WARNING = 0.3;
/** From here on most tables have nothing to find: the ranges barely overlap. */
export const NO_ZONE_PROBLEM = 0.5;
/** Bots that miss this many deals that were there point to ranges too tight or pressure too strong. */
export const MISSED_DEALS_WARNING = 0.25;
export const MISSED_DEALS_PROBLEM = 0.4;
/**
 * One side walking away from this many of the draws that had a zone (and twice as often as the
 * other) means its brief is stacked against it. Walking away without a zone is right, so it is not counted.
 */
export const ONE_SIDED_WALKS_WARNING = 0.25;
export const ONE_SIDED_WALKS_PROBLEM = 0.4;
/** A side that takes this much of the joint surplus on average (bots of every level on both sides) has the easier brief. */
export const LOPSIDED_SPLIT = 0.7;
/** A card that costs this share of the deals it meets decides games on its own. */
export const CARD_DEAL_LOSS_WARNING = 0.25;
export const CARD_DEAL_LOSS_PROBLEM = 0.5;
/** Below this many games with (and without) a card, its comparison is noise. */
export const CARD_MIN_GAMES = 20;
/** A card never drawn in this many games is a schedule problem, not bad luck. */
export const CARD_NEVER_DRAWN_GAMES = 100;
/** Below this many games, shares move by several points from one seed to the next. */
export const SMALL_SAMPLE_GAMES = 100;

const pct = (share: number): string => `${Math.round(share * 100)} %`;
const sides = (role: Role): string => (role === "buyer" ? "buyers" : "sellers");
const other = (role: Role): Role => (role === "buyer" ? "seller" : "buyer");

/** Every verdict on a report, problems first; a single "ok" when nothing needs changing. */
export function verdicts(report: CalibrationReport): Verdict[] {
  const found = [...dealRate(report), ...noZone(report), ...missedDeals(report), ...walks(report), ...split(report), ...report.cards.flatMap((c) => card(report, c))];
  const order: Record<VerdictLevel, number> = { problem: 0, warning: 1, ok: 2 };
  const sorted = found.sort((a, b) => order[a.level] - order[b.level]);
  const balanced: Verdict[] = sorted.length === 0 ? [{ level: "ok", text: balancedText(report) }] : [];
  return [...sorted, ...balanced, ...sample(report)];
}

function dealRate(r: CalibrationReport): Verdict[] {
  const deal = r.outcomes.deal;
  if (deal < TOO_EASY_DEAL_RATE) {
    const near = r.zonePosition?.nearMidpoint ?? 0;
    return near >= MIDPOINT_CLUSTER
      ? [{ level: "warning", text: `Split the difference: ${pct(near)} of deals land at the midpoint of the zone. Give the sides different pressures so where a deal lands depends on how they negotiate.` }]
      : [];
  }
  if ((r.zonePosition?.nearMidpoint ?? 0) >= MIDPOINT_CLUSTER)
    return [{ level: "problem", text: `Too easy: ${pct(deal)} of games end in a deal, most at the midpoint. Widen the gap between the walk-away ranges or add a cap.` }];
  return [{ level: "warning", text: `Almost every game ends in a deal (${pct(deal)}): walking away is never the right call. Let the walk-away ranges miss each other on some draws if that is part of the lesson.` }];
}

function noZone(r: CalibrationReport): Verdict[] {
  const none = 1 - r.zoneShare;
  if (none >= NO_ZONE_PROBLEM) return [{ level: "problem", text: `No zone on ${pct(none)} of draws: the walk-away ranges barely overlap. Move them closer together.` }];
  if (none >= NO_ZONE_WARNING)
    return [{ level: "warning", text: `No zone on ${pct(none)} of draws: many tables can only walk away. Fine if walking away is the lesson; otherwise move the walk-away ranges closer.` }];
  return [];
}

function missedDeals(r: CalibrationReport): Verdict[] {
  if (r.dealRateWithZone === null) return [];
  const missed = 1 - r.dealRateWithZone;
  const text = `Deals are missed: ${pct(missed)} of the draws that had a zone ended without a deal. Check that the pressures and cards leave both sides room to agree.`;
  if (missed >= MISSED_DEALS_PROBLEM) return [{ level: "problem", text }];
  if (missed >= MISSED_DEALS_WARNING) return [{ level: "warning", text }];
  return [];
}

function walks(r: CalibrationReport): Verdict[] {
  const withZone = r.walkAwayWithZone;
  if (!withZone) return [];
  return (["buyer", "seller"] as const).flatMap((role): Verdict[] => {
    const mine = withZone[role];
    const theirs = withZone[other(role)];
    if (mine < ONE_SIDED_WALKS_WARNING || mine < 2 * theirs) return [];
    const text = `One-sided: on draws with a zone, ${sides(role)} walk away from ${pct(mine)} of games, ${sides(other(role))} from ${pct(theirs)}. The ${role}'s walk-away range or pressures leave it too little.`;
    return [{ level: mine >= ONE_SIDED_WALKS_PROBLEM ? "problem" : "warning", text }];
  });
}

function split(r: CalibrationReport): Verdict[] {
  const shares = r.surplusSplit;
  if (!shares) return [];
  return (["buyer", "seller"] as const).flatMap((role): Verdict[] =>
    shares[role] >= LOPSIDED_SPLIT
      ? [{ level: "warning", text: `Deals favour the ${role}: ${sides(role)} take ${pct(shares[role])} of the joint surplus on average. Check that the pressures and cards weigh on both sides.` }]
      : [],
  );
}

function card(r: CalibrationReport, c: CardFigures): Verdict[] {
  const name = `Card '${c.title}'`;
  if (c.withCard.games === 0)
    return r.games >= CARD_NEVER_DRAWN_GAMES ? [{ level: "warning", text: `${name} never came up in ${r.games} games: check the deck's first round, chance per round and card limit.` }] : [];
  if (c.withCard.games < CARD_MIN_GAMES || c.withoutCard.games < CARD_MIN_GAMES || c.withoutCard.dealRate === 0) return [];
  const loss = (c.withoutCard.dealRate - c.withCard.dealRate) / c.withoutCard.dealRate;
  if (loss < CARD_DEAL_LOSS_WARNING) return [];
  return [
    {
      level: loss >= CARD_DEAL_LOSS_PROBLEM ? "problem" : "warning",
      text: `${name} turns ${pct(loss)} of deals into no deal: ${pct(c.withCard.dealRate)} of games with it end in a deal, ${pct(c.withoutCard.dealRate)} without it.`,
    },
  ];
}

function balancedText(r: CalibrationReport): string {
  return `Balanced: ${pct(r.outcomes.deal)} of games end in a deal, ${pct(1 - r.zoneShare)} of draws have no zone, and deals spread across the zone. Ready for class.`;
}

function sample(r: CalibrationReport): Verdict[] {
  return r.games < SMALL_SAMPLE_GAMES ? [{ level: "warning", text: `Only ${r.games} games: these shares can move by several points. Run more games for a firmer reading.` }] : [];
}
