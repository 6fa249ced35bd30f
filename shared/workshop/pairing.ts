import { otherRole, ROLES, type Role } from "../engine/roles.js";
import { Draw, seedFrom } from "../engine/rng.js";

/*
 * Who sits with whom in a workshop round. Roles alternate: whoever played the buyer last time
 * plays the seller now, so over two rounds everyone has sat on both sides. With an odd class
 * one person is left over: they get a bot opponent or watch a table, and that duty rotates.
 * Everything is a pure function of the class, its history and a seed.
 */

/** One table: a participant id in each seat, or null for a bot (never both). */
export type TablePlan = { readonly buyer: string | null; readonly seller: string | null };
export type ObserverPlan = { readonly participantId: string; readonly table: number };
export type Pairing = { readonly tables: readonly TablePlan[]; readonly observers: readonly ObserverPlan[] };

export type OddSeatChoice = "bot" | "observer";

/** What the pairing knows of one person's past rounds. */
export type RoleHistory = {
  readonly buyer: number;
  readonly seller: number;
  /** The role they played most recently (rounds spent watching do not count), or null. */
  readonly last: Role | null;
  /** Rounds in which they were the odd one out (a bot opponent or watching). */
  readonly odd: number;
  readonly opponents: ReadonlySet<string>;
};

const EMPTY: RoleHistory = { buyer: 0, seller: 0, last: null, odd: 0, opponents: new Set() };

/** Each participant's history from the pairings of past rounds, oldest first. */
export function roleHistories(rounds: readonly Pairing[]): Map<string, RoleHistory> {
  const out = new Map<string, { buyer: number; seller: number; last: Role | null; odd: number; opponents: Set<string> }>();
  const of = (id: string) => {
    let h = out.get(id);
    if (!h) out.set(id, (h = { buyer: 0, seller: 0, last: null, odd: 0, opponents: new Set() }));
    return h;
  };
  for (const round of rounds) {
    for (const table of round.tables)
      for (const role of ROLES) {
        const id = table[role];
        if (id === null) continue;
        const h = of(id);
        h[role] += 1;
        h.last = role;
        const opponent = table[otherRole(role)];
        if (opponent === null) h.odd += 1;
        else h.opponents.add(opponent);
      }
    for (const o of round.observers) of(o.participantId).odd += 1;
  }
  return out;
}

export function historyOf(histories: ReadonlyMap<string, RoleHistory>, id: string): RoleHistory {
  return histories.get(id) ?? EMPTY;
}

/** The role a person should play next: the other side from last time, or null if they never played. */
export function wantedRole(h: RoleHistory): Role | null {
  return h.last === null ? null : otherRole(h.last);
}

/**
 * A random pairing of `people` (participant ids present for this round, in any order). Roles
 * alternate wherever the class allows; the odd person out is chosen so that alternation still
 * holds for everyone else, then as the one who was odd least often.
 */
export function proposePairing(people: readonly string[], past: readonly Pairing[], odd: OddSeatChoice, seed: string): Pairing {
  const draw = new Draw(seedFrom(seed));
  const histories = roleHistories(past);
  const h = (id: string) => historyOf(histories, id);
  // Shuffle first: every later tie is then broken at random.
  let pool = draw.shuffle([...new Set(people)]);
  let oddOne: string | null = null;
  if (pool.length % 2 === 1) {
    const key = (id: string) => [violationsWithout(pool, id, h), h(id).odd] as const;
    oddOne = pool.reduce((best, id) => (compareKeys(key(id), key(best)) < 0 ? id : best));
    pool = pool.filter((id) => id !== oddOne);
  }
  const { buyers, sellers } = assignRoles(pool, h);
  const tables: TablePlan[] = matchOpponents(buyers, sellers, h, draw);
  const observers: ObserverPlan[] = [];
  if (oddOne !== null) {
    // Watching needs a table to watch: alone in the class, the odd one plays a bot either way.
    if (odd === "observer" && tables.length > 0) observers.push({ participantId: oddOne, table: Math.floor(draw.float() * tables.length) });
    else {
      const role = wantedRole(h(oddOne)) ?? (draw.float() < 0.5 ? "buyer" : "seller");
      tables.push(role === "buyer" ? { buyer: oddOne, seller: null } : { buyer: null, seller: oddOne });
    }
  }
  return { tables, observers };
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** How many people could not get the role they want if `id` sat out. */
function violationsWithout(pool: readonly string[], id: string, h: (id: string) => RoleHistory): number {
  const rest = pool.filter((p) => p !== id);
  const half = rest.length / 2;
  const want = { buyer: 0, seller: 0 };
  for (const p of rest) {
    const role = wantedRole(h(p));
    if (role) want[role] += 1;
  }
  return Math.max(0, want.buyer - half) + Math.max(0, want.seller - half);
}

/** Split an even pool in half: everyone gets the role they want where the counts allow. */
function assignRoles(pool: readonly string[], h: (id: string) => RoleHistory): { buyers: string[]; sellers: string[] } {
  const half = pool.length / 2;
  // Most eager buyers first: wanting to buy, then having sold more than bought. Stable sort keeps the shuffle's order for ties.
  const eagerness = (id: string) => {
    const hist = h(id);
    const want = wantedRole(hist);
    return (want === "buyer" ? 1000 : want === "seller" ? -1000 : 0) + (hist.seller - hist.buyer);
  };
  const ranked = [...pool].sort((a, b) => eagerness(b) - eagerness(a));
  return { buyers: ranked.slice(0, half), sellers: ranked.slice(half) };
}

/** Pair each buyer with a seller, avoiding people who have met before where possible. */
function matchOpponents(buyers: readonly string[], sellers: readonly string[], h: (id: string) => RoleHistory, draw: Draw): TablePlan[] {
  const open = draw.shuffle(sellers);
  const tables: { buyer: string; seller: string }[] = [];
  for (const buyer of buyers) {
    const met = h(buyer).opponents;
    const index = open.findIndex((s) => !met.has(s));
    const [seller] = open.splice(index >= 0 ? index : 0, 1);
    tables.push({ buyer, seller: seller as string });
  }
  // Repair pass: a repeat meeting is swapped with another table's seller when that removes it without adding one.
  const repeats = (t: { buyer: string; seller: string }) => (h(t.buyer).opponents.has(t.seller) ? 1 : 0);
  for (const a of tables) {
    if (!repeats(a)) continue;
    for (const b of tables) {
      if (a === b) continue;
      const before = repeats(a) + repeats(b);
      const after = (h(a.buyer).opponents.has(b.seller) ? 1 : 0) + (h(b.buyer).opponents.has(a.seller) ? 1 : 0);
      if (after < before) {
        [a.seller, b.seller] = [b.seller, a.seller];
        break;
      }
    }
  }
  return tables;
}

/** A reason a pairing cannot be started: it would break the workshop, not merely a habit. */
export type PairingProblem =
  | { readonly kind: "unknown_participant"; readonly participantId: string }
  | { readonly kind: "twice"; readonly participantId: string }
  | { readonly kind: "two_bots"; readonly table: number }
  | { readonly kind: "bad_observed_table"; readonly participantId: string; readonly table: number }
  | { readonly kind: "empty" };

/** Something a facilitator may do on purpose but should know about. */
export type PairingIssue =
  | { readonly kind: "left_out"; readonly participantId: string }
  | { readonly kind: "same_role_again"; readonly participantId: string; readonly role: Role }
  | { readonly kind: "met_before"; readonly table: number };

/** Problems that make `pairing` impossible with these eligible participants; empty when it can start. */
export function pairingProblems(pairing: Pairing, eligible: ReadonlySet<string>): PairingProblem[] {
  const problems: PairingProblem[] = [];
  const seen = new Set<string>();
  const place = (id: string) => {
    if (!eligible.has(id)) problems.push({ kind: "unknown_participant", participantId: id });
    else if (seen.has(id)) problems.push({ kind: "twice", participantId: id });
    seen.add(id);
  };
  if (pairing.tables.length === 0) problems.push({ kind: "empty" });
  pairing.tables.forEach((t, i) => {
    if (t.buyer === null && t.seller === null) problems.push({ kind: "two_bots", table: i });
    for (const role of ROLES) {
      const id = t[role];
      if (id !== null) place(id);
    }
  });
  for (const o of pairing.observers) {
    place(o.participantId);
    if (o.table >= pairing.tables.length) problems.push({ kind: "bad_observed_table", participantId: o.participantId, table: o.table });
  }
  return problems;
}

/** What a facilitator should see before starting: who is left out, who plays the same side again, who meets again. */
export function pairingIssues(pairing: Pairing, present: readonly string[], past: readonly Pairing[]): PairingIssue[] {
  const histories = roleHistories(past);
  const placed = new Set([...pairing.tables.flatMap((t) => [t.buyer, t.seller]), ...pairing.observers.map((o) => o.participantId)]);
  const issues: PairingIssue[] = present.filter((id) => !placed.has(id)).map((participantId) => ({ kind: "left_out", participantId }));
  pairing.tables.forEach((t, table) => {
    for (const role of ROLES) {
      const id = t[role];
      if (id !== null && historyOf(histories, id).last === role) issues.push({ kind: "same_role_again", participantId: id, role });
    }
    if (t.buyer !== null && t.seller !== null && historyOf(histories, t.buyer).opponents.has(t.seller)) issues.push({ kind: "met_before", table });
  });
  return issues;
}

/** A problem or issue in plain words, with names instead of ids. */
export function describePairingNote(note: PairingProblem | PairingIssue, name: (id: string) => string): string {
  switch (note.kind) {
    case "unknown_participant":
      return `${name(note.participantId)} is not in the workshop (or has left it).`;
    case "twice":
      return `${name(note.participantId)} is placed twice.`;
    case "two_bots":
      return `Table ${note.table + 1} has a bot in both seats: put a person in one.`;
    case "bad_observed_table":
      return `${name(note.participantId)} is to watch table ${note.table + 1}, which does not exist.`;
    case "empty":
      return "The pairing has no table.";
    case "left_out":
      return `${name(note.participantId)} is not placed: they will wait in the lobby.`;
    case "same_role_again":
      return `${name(note.participantId)} plays the ${note.role} again.`;
    case "met_before":
      return `Table ${note.table + 1} pairs two people who have already played each other.`;
  }
}
