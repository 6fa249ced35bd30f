import { buyerward, issueMoney, issueValues, limitAllows, type HotButton, type Issue, type IssueValue, type Package, type PriceIssue, type Issues } from "../engine/index.js";

/*
 * Every package a bot could offer, precomputed once per scenario: each combination of the
 * non-price terms is an integer, and price is set per combination in closed form (utility is
 * linear in price). A scenario has few combinations, so a bot can scan them all on each move.
 */

export type TermIssue = Exclude<Issue, PriceIssue>;

export type Axis = {
  readonly issue: TermIssue;
  readonly values: readonly (number | string)[];
  /** Position of each value between the seller's end (0) and the buyer's end (1). */
  readonly toward: Float64Array;
  readonly indexOf: ReadonlyMap<number | string, number>;
};

export type PackageSpace = {
  readonly price: PriceIssue;
  readonly axes: readonly Axis[];
  readonly size: number;
  /** Value index of combination c on axis a, at c · axes.length + a. */
  readonly index: Uint16Array;
};

const spaces = new WeakMap<readonly Issue[], PackageSpace>();

export function packageSpace(issues: readonly Issue[]): PackageSpace {
  let space = spaces.get(issues);
  if (!space) {
    space = buildSpace(issues);
    spaces.set(issues, space);
  }
  return space;
}

function buildSpace(issues: readonly Issue[]): PackageSpace {
  const price = issues.find((i): i is PriceIssue => i.kind === "price");
  if (!price) throw new Error("scenario has no price issue (parseScenario refuses such files)");
  const axes: Axis[] = issues
    .filter((i): i is TermIssue => i.kind !== "price")
    .map((issue) => {
      const values = issueValues(issue);
      return {
        issue,
        values,
        toward: Float64Array.from(values, (v) => buyerward(issue, v)),
        indexOf: new Map(values.map((v, i) => [v, i])),
      };
    });
  const size = axes.reduce((n, a) => n * a.values.length, 1);
  const index = new Uint16Array(size * axes.length);
  for (let c = 0; c < size; c++) {
    let rest = c;
    for (let a = axes.length - 1; a >= 0; a--) {
      const n = (axes[a] as Axis).values.length;
      index[c * axes.length + a] = rest % n;
      rest = Math.floor(rest / n);
    }
  }
  return { price, axes, size, index };
}

/** The combination a package's non-price terms form, or -1 when a value is not in the space. */
export function comboOf(space: PackageSpace, terms: Package): number {
  let c = 0;
  for (const axis of space.axes) {
    const value = terms[axis.issue.id];
    const i = value === undefined ? undefined : axis.indexOf.get(value);
    if (i === undefined) return -1;
    c = c * axis.values.length + i;
  }
  return c;
}

export function packageOf(space: PackageSpace, combo: number, price: number): Package {
  const terms: Record<string, number | string> = { price };
  const A = space.axes.length;
  for (let a = 0; a < A; a++) {
    const axis = space.axes[a] as Axis;
    terms[axis.issue.id] = axis.values[space.index[combo * A + a] as number] as number | string;
  }
  return terms;
}

/**
 * Sum over the axes of a per-value table, for every combination, written into `out`. Added axis
 * by axis in the same order as a per-combination loop would (so the figures are identical), but
 * sharing the partial sums of the leading axes: about size · 1.5 additions instead of
 * size · axes. Combinations are numbered with the last axis fastest, so the table of the first
 * a + 1 axes is built in place from that of the first a, from the back.
 */
export function comboSumsInto(space: PackageSpace, perAxis: readonly ArrayLike<number>[], out: number[] | Float64Array): void {
  out[0] = 0;
  let filled = 1;
  for (let a = 0; a < space.axes.length; a++) {
    const values = perAxis[a] as ArrayLike<number>;
    const n = values.length;
    for (let j = filled - 1; j >= 0; j--) {
      const partial = out[j] as number;
      for (let i = n - 1; i >= 0; i--) out[j * n + i] = partial + (values[i] as number);
    }
    filled *= n;
  }
}

/**
 * A table of numbers reused call after call for scratch work that ends with the call: the bots'
 * per-move tables would otherwise be most of what they allocate. Grown when a bigger space comes.
 */
export class Scratch {
  private data: number[] = [];

  /** At least `size` numbers; what the last user left in them is garbage. */
  get(size: number): number[] {
    if (this.data.length < size) this.data = new Array<number>(size).fill(0);
    return this.data;
  }
}

/** One side's money (worth to the buyer, cost to the seller) for each value of each axis. */
function axisMoney(space: PackageSpace, scenario: Issues, values: Readonly<Record<string, IssueValue>>): Float64Array[] {
  return space.axes.map((axis) => {
    const valuation = values[axis.issue.id];
    return Float64Array.from(axis.values, (v) => (valuation ? issueMoney(scenario, axis.issue.id, valuation, v) : 0));
  });
}

export type MoneyTable = {
  readonly perAxis: readonly Float64Array[];
  readonly combos: Float64Array;
  /** Per axis, the largest minus the smallest money: what the issue can swing. */
  readonly spreads: Float64Array;
};

const moneyTables = new WeakMap<PackageSpace, { byValues: WeakMap<object, MoneyTable>; byMoney: Map<string, MoneyTable> }>();
/** Distinct money tables kept per space: far more than any scenario's sides and cards make. */
const MAX_MONEY_TABLES = 256;

/**
 * A side's money per axis value and per combination. Cached on the valuation object, which the
 * engine shares between tables and views and replaces only when a card changes a value; a new
 * valuation object with the same money (the same card at another table) gets the same table,
 * so what is cached on the table (allowedMoney) carries over.
 */
export function sideMoney(space: PackageSpace, scenario: Issues, values: Readonly<Record<string, IssueValue>>): MoneyTable {
  let cache = moneyTables.get(space);
  if (!cache) {
    cache = { byValues: new WeakMap(), byMoney: new Map() };
    moneyTables.set(space, cache);
  }
  let table = cache.byValues.get(values);
  if (!table) {
    const perAxis = axisMoney(space, scenario, values);
    const key = perAxis.map((m) => m.join(",")).join("|");
    table = cache.byMoney.get(key);
    if (!table) {
      const spreads = Float64Array.from(perAxis, (m) => Math.max(...m) - Math.min(...m));
      const combos = new Float64Array(space.size);
      comboSumsInto(space, perAxis, combos);
      table = { perAxis, combos, spreads };
      if (cache.byMoney.size >= MAX_MONEY_TABLES) cache.byMoney.clear();
      cache.byMoney.set(key, table);
      // Only the first valuation object with this money is remembered by identity: it is the
      // scenario's own, or a card's first; later copies (one per table) are found by their money.
      cache.byValues.set(values, table);
    }
  }
  return table;
}

/**
 * A side's allowed combinations by their money: the cheapest and the dearest, and the groups of
 * combinations with equal money (a bot's price and net for a target are the same across a group,
 * so it works them out once per group). Groups come in ascending order of money and list their
 * combinations in ascending order.
 */
export type AllowedMoney = {
  /** The allowed combinations with the least and the most money, -1 when none is allowed. */
  readonly cheapest: number;
  readonly dearest: number;
  /** Money of each group. */
  readonly money: Float64Array;
  /** Group g holds members[start[g]] up to (not including) members[start[g + 1]]. */
  readonly start: Int32Array;
  readonly members: Int32Array;
};

const allowedMoneyCache = new WeakMap<MoneyTable, WeakMap<Int32Array, AllowedMoney>>();

/** Cached per money table and caps: both stay the same for a side move after move. */
export function allowedMoney(table: MoneyTable, allowed: Int32Array): AllowedMoney {
  let byAllowed = allowedMoneyCache.get(table);
  if (!byAllowed) {
    byAllowed = new WeakMap();
    allowedMoneyCache.set(table, byAllowed);
  }
  let found = byAllowed.get(allowed);
  if (!found) {
    found = groupByMoney(table, allowed);
    byAllowed.set(allowed, found);
  }
  return found;
}

function groupByMoney(table: MoneyTable, allowed: Int32Array): AllowedMoney {
  let cheapest = -1;
  let dearest = -1;
  const groups = new Map<number, number[]>();
  for (const c of allowed) {
    const money = table.combos[c] as number;
    if (cheapest < 0 || money < (table.combos[cheapest] as number)) cheapest = c;
    if (dearest < 0 || money > (table.combos[dearest] as number)) dearest = c;
    const group = groups.get(money);
    if (group) group.push(c);
    else groups.set(money, [c]);
  }
  const sorted = [...groups.entries()].sort((a, b) => a[0] - b[0]);
  const start = new Int32Array(sorted.length + 1);
  sorted.forEach(([, list], g) => (start[g + 1] = (start[g] as number) + list.length));
  return { cheapest, dearest, money: Float64Array.from(sorted, ([money]) => money), start, members: Int32Array.from(sorted.flatMap(([, list]) => list)) };
}

/** Snap a price onto the issue's grid, rounding toward `favour` ("up" for a seller, "down" for a buyer). */
export function snapPrice(price: PriceIssue, amount: number, favour: "up" | "down", ceiling: number): number {
  const steps = (amount - price.min) / price.step;
  const snapped = price.min + (favour === "up" ? Math.ceil(steps - 1e-9) : Math.floor(steps + 1e-9)) * price.step;
  return Math.min(Math.max(snapped, price.min), ceiling);
}

/** The highest price a side's caps let it sign, on the grid; below the range's minimum when a cap leaves no price at all. */
export function priceCeiling(space: PackageSpace, hotButtons: readonly HotButton[]): number {
  const { price } = space;
  let ceiling = price.max;
  for (const h of hotButtons) if (h.kind === "budgetCap" && h.issueId === price.id) ceiling = Math.min(ceiling, h.max);
  return ceiling >= price.max ? price.max : price.min + Math.floor((ceiling - price.min) / price.step) * price.step;
}

const allowedCache = new WeakMap<PackageSpace, Map<string, Int32Array>>();

/** Combinations within the limits a side has on non-price issues (caps, must-haves), in ascending order; cached on what the limits are. */
export function allowedCombos(space: PackageSpace, hotButtons: readonly HotButton[]): Int32Array {
  let key = "";
  const caps: { a: number; limit: HotButton }[] = [];
  for (const h of hotButtons) {
    if (h.kind !== "budgetCap" && !(h.kind === "wants" && h.mustHave)) continue;
    const a = space.axes.findIndex((axis) => axis.issue.id === h.issueId);
    if (a < 0) continue;
    caps.push({ a, limit: h });
    key += `${key === "" ? "" : ","}${a}${h.kind === "budgetCap" ? `<=${h.max}` : `=${h.value}`}`;
  }
  let bySpace = allowedCache.get(space);
  if (!bySpace) {
    bySpace = new Map();
    allowedCache.set(space, bySpace);
  }
  let allowed = bySpace.get(key);
  if (!allowed) {
    allowed = Int32Array.from(combosWithin(space, caps));
    bySpace.set(key, allowed);
  }
  return allowed;
}

function combosWithin(space: PackageSpace, caps: readonly { a: number; limit: HotButton }[]): number[] {
  const A = space.axes.length;
  const out: number[] = [];
  for (let c = 0; c < space.size; c++) {
    const within = caps.every(({ a, limit }) => {
      const value = (space.axes[a] as PackageSpace["axes"][number]).values[space.index[c * A + a] as number];
      return value === undefined || limitAllows(limit, value);
    });
    if (within) out.push(c);
  }
  return out;
}
