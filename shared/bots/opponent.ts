import { otherRole, type Offer, type Role, type TableView } from "../engine/index.js";
import type { OtherSideFacts } from "./facts.js";
import { comboOf, type Axis, type PackageSpace } from "./space.js";

/*
 * The bot's guess of the other side's money (worth to a buyer, cost to a seller). Where a fact
 * told the exact figures they are used. Elsewhere the prior is that every issue matters to them
 * alike (the average of what the issues swing for the bot), rising from 0 at their least
 * favoured value toward their end of the issue, which is public. Under that prior the bot trades
 * away first what is cheap for it and holds what is dear, the usual advice. Issues they have held
 * at their own end more often than the others are guessed to matter more to them.
 */

export type OpponentModel = {
  /** Per axis, the exact money per value where a fact told it; where it is null or missing, the prior's weight applies. */
  readonly exact: readonly (Float64Array | null)[];
  /** Per axis, the prior's money at the other side's own end (0 at the other end, rising with toward). */
  readonly weights: Float64Array;
  readonly walkAway: number | null;
  readonly pressed: boolean;
};

/** How much more an issue the other side holds more stubbornly than average is guessed to be worth to them. */
const STUBBORN_WEIGHT = 1;

export function opponentModel(view: TableView, me: Role, space: PackageSpace, spreads: Float64Array, facts: OtherSideFacts): OpponentModel {
  const them = otherRole(me);
  const A = space.axes.length;
  // Per axis, the share of their offers that held it at their own end.
  const count = heldCount(view.offers, them, space);
  let heldSum = 0;
  for (let a = 0; a < A; a++) heldSum += count.offers === 0 ? 0 : (count.held[a] as number) / count.offers;
  const meanHeld = heldSum / Math.max(1, A);
  let spreadSum = 0;
  for (let a = 0; a < spreads.length; a++) spreadSum += spreads[a] as number;
  const unit = spreadSum / Math.max(1, spreads.length);
  const weights = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    const held = count.offers === 0 ? 0 : (count.held[a] as number) / count.offers;
    weights[a] = unit * (1 + STUBBORN_WEIGHT * (held - meanHeld));
  }
  const exact: (Float64Array | null)[] = [];
  if (facts.money.size > 0) for (let a = 0; a < A; a++) exact.push(facts.money.get(a) ?? null);
  return { exact, weights, walkAway: facts.walkAway, pressed: facts.pressed };
}

/** One side's offers among `source`: how many, and per axis how many held it at that side's own end. */
type HeldCount = { readonly space: PackageSpace; readonly by: Role; offers: number; readonly held: number[]; source: readonly Offer[] };

/* The last count per side: a bot's next view holds the same offers plus the newest, so only those are counted. */
const lastCounts: Record<Role, HeldCount | null> = { buyer: null, seller: null };

function heldCount(offers: readonly Offer[], by: Role, space: PackageSpace): HeldCount {
  const last = lastCounts[by];
  const count: HeldCount =
    last && last.space === space && startsWith(offers, last.source) ? last : { space, by, offers: 0, held: space.axes.map(() => 0), source: [] };
  const end = by === "buyer" ? 1 : 0;
  const A = space.axes.length;
  for (let i = count.source.length; i < offers.length; i++) {
    const o = offers[i] as Offer;
    if (o.by !== by) continue;
    count.offers++;
    const c = comboOf(space, o.terms);
    for (let a = 0; a < A; a++) {
      const axis = space.axes[a] as Axis;
      const at = c >= 0 ? (space.index[c * A + a] as number) : (axis.indexOf.get(o.terms[axis.issue.id] as number | string) ?? -1);
      if (axis.toward[at] === end) count.held[a] = (count.held[a] as number) + 1;
    }
  }
  count.source = offers;
  lastCounts[by] = count;
  return count;
}

function startsWith(offers: readonly Offer[], prefix: readonly Offer[]): boolean {
  if (prefix.length > offers.length) return false;
  for (let i = 0; i < prefix.length; i++) if (offers[i] !== prefix[i]) return false;
  return true;
}

/*
 * The other side's guessed money per combination, for the model last asked about: a bot's
 * utility range and its offer both scan it on the same move, and a table this size per move
 * would be most of what a bot allocates.
 */
const theirTable: { model: OpponentModel | null; money: number[] } = { model: null, money: [] };

/**
 * The most and the least the other side's guessed money comes to over all combinations: the sum
 * of each axis's most (least), added in the same order as the table, so it is the table's own
 * highest (lowest) figure.
 */
export function theirMoneyBounds(model: OpponentModel, space: PackageSpace): { readonly most: number; readonly least: number } {
  let most = 0;
  let least = 0;
  for (let a = 0; a < space.axes.length; a++) {
    const exact = model.exact[a] ?? null;
    const toward = (space.axes[a] as Axis).toward;
    const weight = model.weights[a] as number;
    let high = -Infinity;
    let low = Infinity;
    for (let i = 0; i < toward.length; i++) {
      const money = exact ? (exact[i] as number) : (toward[i] as number) * weight;
      if (money > high) high = money;
      if (money < low) low = money;
    }
    most += high;
    least += low;
  }
  return { most, least };
}

/**
 * The other side's guessed money for every combination. The array is reused for the next model
 * asked about: read it before asking about another.
 */
export function theirMoney(model: OpponentModel, space: PackageSpace): readonly number[] {
  if (theirTable.model === model) return theirTable.money;
  if (theirTable.money.length < space.size) theirTable.money = new Array<number>(space.size).fill(0);
  const out = theirTable.money;
  // Sums per combination as comboSumsInto adds them (the same figures as a per-combination loop),
  // with the prior's money per value (toward · weight) worked out as it is added.
  out[0] = 0;
  let filled = 1;
  for (let a = 0; a < space.axes.length; a++) {
    const exact = model.exact[a] ?? null;
    const toward = (space.axes[a] as Axis).toward;
    const weight = model.weights[a] as number;
    const n = toward.length;
    for (let j = filled - 1; j >= 0; j--) {
      const partial = out[j] as number;
      if (exact) for (let i = n - 1; i >= 0; i--) out[j * n + i] = partial + (exact[i] as number);
      else for (let i = n - 1; i >= 0; i--) out[j * n + i] = partial + (toward[i] as number) * weight;
    }
    filled *= n;
  }
  theirTable.model = model;
  return out;
}
