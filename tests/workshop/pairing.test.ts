import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES } from "../../shared/engine/roles.js";
import {
  pairingIssues,
  pairingProblems,
  proposePairing,
  roleHistories,
  type OddSeatChoice,
  type Pairing,
} from "../../shared/workshop/pairing.js";

const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);

/** Every id placed anywhere in a pairing (seats and observers), bots left out. */
const placed = (p: Pairing) => [...p.tables.flatMap((t) => [t.buyer, t.seller]).filter((x): x is string => x !== null), ...p.observers.map((o) => o.participantId)];

const roleOf = (p: Pairing, id: string) => {
  for (const t of p.tables) for (const r of ROLES) if (t[r] === id) return r;
  return null;
};

/** `rounds` rounds of the same class, each pairing proposed from the ones before. */
function playRounds(n: number, rounds: number, odd: OddSeatChoice, seed: string): Pairing[] {
  const past: Pairing[] = [];
  for (let r = 0; r < rounds; r++) past.push(proposePairing(people(n), past, odd, `${seed}:${r}`));
  return past;
}

const arbClass = fc.record({ n: fc.integer({ min: 1, max: 25 }), odd: fc.constantFrom<OddSeatChoice>("bot", "observer"), seed: fc.string({ maxLength: 12 }) });

describe("proposePairing", () => {
  it("places everyone present exactly once, with at most one odd person out", () => {
    fc.assert(
      fc.property(arbClass, ({ n, odd, seed }) => {
        const p = proposePairing(people(n), [], odd, seed);
        expect(placed(p).sort()).toEqual(people(n).sort());
        expect(pairingProblems(p, new Set(people(n)))).toEqual([]);
        const botTables = p.tables.filter((t) => t.buyer === null || t.seller === null);
        expect(botTables.length + p.observers.length).toBe(n % 2);
        if (odd === "observer" && n > 1) expect(botTables).toHaveLength(0);
      }),
    );
  });

  it("alternates roles every round when everyone plays (bot for the odd person)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 21 }), fc.integer({ min: 2, max: 5 }), fc.string({ maxLength: 8 }), (n, rounds, seed) => {
        const history = playRounds(n, rounds, "bot", seed);
        for (const id of people(n)) {
          const roles = history.map((p) => roleOf(p, id));
          expect(roles.every((r) => r !== null)).toBe(true);
          for (let i = 1; i < roles.length; i++) expect(roles[i]).not.toBe(roles[i - 1]);
        }
      }),
    );
  });

  it("with an observer seat, whoever plays takes the other side from last time they played, and watching rotates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }).map((k) => 2 * k + 1), fc.string({ maxLength: 8 }), (n, seed) => {
        const history = playRounds(n, 4, "observer", seed);
        for (const id of people(n)) {
          const played = history.map((p) => roleOf(p, id)).filter((r) => r !== null);
          for (let i = 1; i < played.length; i++) expect(played[i]).not.toBe(played[i - 1]);
        }
        // Nobody watches a second time before everyone has watched once.
        const watchers = history.map((p) => p.observers[0]?.participantId).slice(0, n);
        expect(new Set(watchers).size).toBe(watchers.length);
      }),
    );
  });

  it("everyone has sat on both sides after two rounds", () => {
    for (const n of [2, 3, 6, 7, 30]) {
      const history = playRounds(n, 2, "bot", `both-${n}`);
      for (const id of people(n)) expect(new Set(history.map((p) => roleOf(p, id)))).toEqual(new Set(["buyer", "seller"]));
    }
  });

  it("avoids pairing people who already played each other when another pairing exists", () => {
    const history = playRounds(8, 2, "bot", "meet");
    const met = (p: Pairing) => p.tables.map((t) => [t.buyer, t.seller].sort().join("-"));
    const first = new Set(met(history[0]!));
    expect(met(history[1]!).filter((pair) => first.has(pair))).toEqual([]);
    expect(pairingIssues(history[1]!, people(8), [history[0]!]).filter((i) => i.kind === "met_before")).toEqual([]);
  });

  it("pairs round 2 fresh by default: everyone who played swaps sides and nobody meets last round's opponent (from 3 people)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 25 }), fc.constantFrom<OddSeatChoice>("bot", "observer"), fc.string({ maxLength: 8 }), (n, odd, seed) => {
        const [first, second] = playRounds(n, 2, odd, seed) as [Pairing, Pairing];
        // No note for the facilitator: nobody left out, on the same side again or meeting again.
        expect(pairingIssues(second, people(n), [first])).toEqual([]);
        const pairs = (p: Pairing) => p.tables.filter((t) => t.buyer !== null && t.seller !== null).map((t) => [t.buyer, t.seller].sort().join("-"));
        expect(pairs(second).filter((pair) => pairs(first).includes(pair))).toEqual([]);
      }),
    );
  });

  it("is deterministic for a seed and varies with it", () => {
    const a = proposePairing(people(12), [], "bot", "seed-a");
    expect(proposePairing(people(12), [], "bot", "seed-a")).toEqual(a);
    expect(proposePairing(people(12), [], "bot", "seed-b")).not.toEqual(a);
  });

  it("gives the lone participant a bot even when the odd seat is an observer's (there is no table to watch)", () => {
    const p = proposePairing(["solo"], [], "observer", "x");
    expect(p.observers).toEqual([]);
    expect(p.tables).toHaveLength(1);
    expect([p.tables[0]!.buyer, p.tables[0]!.seller]).toContain(null);
  });

  it("seats late joiners fairly: someone new fills whichever side the class needs", () => {
    const first = proposePairing(people(4), [], "bot", "late");
    const next = proposePairing([...people(4), "p5", "p6"], [first], "bot", "late2");
    for (const id of people(4)) expect(roleOf(next, id)).not.toBe(roleOf(first, id));
    expect(placed(next).sort()).toEqual([...people(4), "p5", "p6"].sort());
  });
});

describe("pairingProblems and pairingIssues", () => {
  const eligible = new Set(["a", "b", "c", "d"]);

  it("refuses a pairing that places someone twice, an unknown person, two bots or a missing table", () => {
    const problems = pairingProblems(
      { tables: [{ buyer: "a", seller: "a" }, { buyer: null, seller: null }, { buyer: "zed", seller: "b" }], observers: [{ participantId: "c", table: 7 }] },
      eligible,
    );
    expect(problems).toEqual([
      { kind: "twice", participantId: "a" },
      { kind: "two_bots", table: 1 },
      { kind: "unknown_participant", participantId: "zed" },
      { kind: "bad_observed_table", participantId: "c", table: 7 },
    ]);
    expect(pairingProblems({ tables: [], observers: [] }, eligible)).toEqual([{ kind: "empty" }]);
    expect(pairingProblems({ tables: [{ buyer: "a", seller: null }], observers: [] }, eligible)).toEqual([]);
  });

  it("flags who is left out and who plays the same side again, without refusing", () => {
    const past: Pairing[] = [{ tables: [{ buyer: "a", seller: "b" }], observers: [] }];
    const issues = pairingIssues({ tables: [{ buyer: "a", seller: "c" }], observers: [] }, ["a", "b", "c", "d"], past);
    expect(issues).toEqual([
      { kind: "left_out", participantId: "b" },
      { kind: "left_out", participantId: "d" },
      { kind: "same_role_again", participantId: "a", role: "buyer" },
    ]);
  });

  it("keeps each person's history from past pairings", () => {
    const h = roleHistories([
      { tables: [{ buyer: "a", seller: "b" }, { buyer: "c", seller: null }], observers: [] },
      { tables: [{ buyer: "b", seller: "a" }], observers: [{ participantId: "c", table: 0 }] },
    ]);
    expect(h.get("a")).toMatchObject({ buyer: 1, seller: 1, last: "seller", odd: 0 });
    expect(h.get("c")).toMatchObject({ buyer: 1, seller: 0, last: "buyer", odd: 2 });
    expect([...h.get("a")!.opponents]).toEqual(["b"]);
  });
});
