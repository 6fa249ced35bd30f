import fc from "fast-check";
import type { Scenario } from "../../../shared/engine/index.js";
import { parseOrThrow, type RawScenario } from "./fixture.js";

/*
 * Small valid scenarios: one price issue and up to two others, random valuations, walk-away
 * ranges around the price range (so some draws have a ZOPA and some do not), optional hot
 * buttons, questions and a deck with every effect kind. Small enough that analyzeDraw can
 * enumerate every package quickly.
 */

type Raw = Record<string, any>;

const drawn = (min: number, max: number): fc.Arbitrary<number | Raw> =>
  fc.oneof(
    fc.integer({ min, max }),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }), fc.integer({ min: 1, max: 3 })).map(([a, b, step]) => ({ min: Math.min(a, b), max: Math.max(a, b), step })),
  );

const priceArb = fc
  .record({ min: fc.integer({ min: 10, max: 40 }), steps: fc.integer({ min: 2, max: 8 }), step: fc.constantFrom(50, 100, 250) })
  .map(({ min, steps, step }) => ({ kind: "price", id: "price", label: "Price", min: min * 100, max: min * 100 + steps * step, step, unit: "USD" }));

const rangeArb = (id: string) =>
  fc
    .record({ min: fc.integer({ min: 0, max: 10 }), steps: fc.integer({ min: 1, max: 3 }), step: fc.integer({ min: 1, max: 6 }), buyerPrefers: fc.constantFrom("higher", "lower") })
    .map(({ min, steps, step, buyerPrefers }) => ({ kind: "range", id, label: `Range ${id}`, min, max: min + steps * step, step, unit: "units", buyerPrefers }));

const optionsArb = (id: string) =>
  fc.integer({ min: 2, max: 3 }).map((n) => ({ kind: "options", id, label: `Options ${id}`, options: Array.from({ length: n }, (_, k) => ({ id: `o${k}`, label: `Option ${k}` })) }));

const issuesArb = fc
  .tuple(priceArb, fc.array(fc.boolean(), { maxLength: 2 }))
  .chain(([price, kinds]) => fc.tuple(fc.constant(price), ...kinds.map((isRange, i) => (isRange ? rangeArb(`i${i}`) : optionsArb(`i${i}`)))));

const money = fc.integer({ min: -200, max: 1500 });

function valuesArb(issues: Raw[]): fc.Arbitrary<Raw> {
  const entries = issues
    .filter((i) => i.kind !== "price")
    .map((i) =>
      i.kind === "range"
        ? fc.record({ atMin: money, atMax: money }).map((v) => [i.id, v] as const)
        : fc.array(money, { minLength: i.options.length, maxLength: i.options.length }).map((vs) => [i.id, { byOption: Object.fromEntries(i.options.map((o: Raw, k: number) => [o.id, vs[k]])) }] as const),
    );
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs));
}

function roleArb(issues: Raw[], rounds: number): fc.Arbitrary<Raw> {
  const price = issues[0] as Raw;
  return fc
    .record({
      values: valuesArb(issues),
      low: fc.integer({ min: price.min - 400, max: price.max + 400 }),
      spread: fc.integer({ min: 0, max: 4 }),
      waStep: fc.constantFrom(1, 25, 100),
      deadline: fc.option(fc.record({ afterRound: drawn(1, rounds), costPerRound: drawn(0, 400) })),
      compliance: fc.option(fc.record({ byRound: drawn(1, rounds), penalty: drawn(0, 800) })),
      cap: fc.option(drawn(price.min, price.max)),
    })
    .map(({ values, low, spread, waStep, deadline, compliance, cap }) => {
      const hotButtons: Raw[] = [];
      if (deadline) hotButtons.push({ kind: "deadline", id: "dl", label: "Deadline", text: "After round {afterRound} each round costs {costPerRound}.", ...deadline });
      if (compliance) hotButtons.push({ kind: "compliance", id: "cp", label: "Compliance", text: "After round {byRound} you pay {penalty}.", ...compliance });
      if (cap !== null) hotButtons.push({ kind: "budgetCap", id: "cap", label: "Cap", text: "Price at most {max}.", issueId: "price", max: cap });
      return {
        brief: "A brief.",
        walkAway: { min: low, max: low + spread * waStep, step: waStep },
        values,
        hotButtons,
        strengths: [{ id: "alt", text: "You have alternatives.", tiedTo: { kind: "walkAway" } }],
      };
    });
}

/** The answer template for a fact, quoting only tokens the answering side has. */
function answerFor(fact: Raw | undefined): string {
  if (!fact) return "Nothing to say.";
  if (fact.kind === "walkAway") return "Not below {walkAway}.";
  if (fact.kind === "hotButton") return `About ${fact.id}: {${fact.id}.label}, {${fact.id}.text}`;
  return "It matters to us.";
}

function factFor(pick: number, answerer: Raw, issues: Raw[]): Raw | undefined {
  const options: Raw[] = [{ kind: "walkAway" }, ...answerer.hotButtons.map((h: Raw) => ({ kind: "hotButton", id: h.id }))];
  for (const i of issues) if (i.kind !== "price") options.push({ kind: "value", issueId: i.id });
  return pick % (options.length + 1) === options.length ? undefined : options[pick % (options.length + 1)];
}

type CardSpec = { kind: number; side: "buyer" | "seller"; pub: boolean; n: number; pick: number };

function cardFrom(spec: CardSpec, k: number, roles: Raw, issues: Raw[]): Raw {
  const base = { id: `c${k}`, title: `Card ${k}`, side: spec.side, visibility: spec.pub ? "public" : "private" };
  const others = issues.filter((i) => i.kind !== "price");
  switch (spec.kind % 5) {
    case 0:
      return { ...base, text: "Walk-away moves by {by}.", effect: { kind: "shiftWalkAway", by: spec.n % 2 === 0 ? spec.n : -spec.n } };
    case 1:
      return { ...base, visibility: "public", text: "Deadline moves by {by}.", effect: { kind: "changeDeadline", by: spec.n % 2 === 0 ? 1 + (spec.n % 3) : -1 - (spec.n % 3) } };
    case 2: {
      const issue = others[spec.pick % Math.max(1, others.length)];
      if (issue) {
        const value = issue.kind === "range" ? { atMin: spec.n, atMax: spec.pick % 700 } : { byOption: Object.fromEntries(issue.options.map((o: Raw, j: number) => [o.id, (spec.n * (j + 1)) % 900])) };
        return { ...base, text: "A value changes.", effect: { kind: "changeValue", issueId: issue.id, value } };
      }
      return { ...base, text: "Money bleeds: {amount}.", effect: { kind: "perRoundCost", amount: 1 + spec.n } };
    }
    case 3:
      return { ...base, text: "Money bleeds: {amount}.", effect: { kind: "perRoundCost", amount: 1 + spec.n } };
    default: {
      const owner = roles[spec.side === "buyer" ? "seller" : "buyer"];
      return { ...base, text: "A leak.", effect: { kind: "reveal", fact: factFor(spec.pick, owner, issues) ?? { kind: "walkAway" } } };
    }
  }
}

export const rawScenarioArb: fc.Arbitrary<RawScenario> = fc
  .record({ issues: issuesArb, rounds: fc.integer({ min: 1, max: 6 }) })
  .chain(({ issues, rounds }) =>
    fc.record({
      issues: fc.constant(issues as Raw[]),
      rounds: fc.constant(rounds),
      turnSeconds: fc.integer({ min: 10, max: 120 }),
      firstMover: fc.constantFrom("buyer", "seller"),
      buyer: roleArb(issues as Raw[], rounds),
      seller: roleArb(issues as Raw[], rounds),
      questions: fc.array(fc.record({ askedBy: fc.constantFrom("buyer", "seller"), pick: fc.nat() }), { maxLength: 4 }),
      cards: fc.array(
        fc.record({ kind: fc.nat(), side: fc.constantFrom("buyer" as const, "seller" as const), pub: fc.boolean(), n: fc.integer({ min: 1, max: 500 }), pick: fc.nat() }),
        { maxLength: 5 },
      ),
      firstRound: fc.integer({ min: 1, max: rounds }),
      chance: fc.constantFrom(0, 0.25, 0.5, 1),
      maxPick: fc.nat(),
    }),
  )
  .map((g) => {
    const roles = { buyer: g.buyer, seller: g.seller };
    const questions = g.questions.map((q, k) => {
      const answerer = roles[q.askedBy === "buyer" ? "seller" : "buyer"];
      const reveals = factFor(q.pick, answerer, g.issues);
      return { id: `q${k}`, askedBy: q.askedBy, text: `Question ${k}?`, answer: answerFor(reveals), ...(reveals ? { reveals } : {}) };
    });
    const cards = g.cards.map((c, k) => cardFrom(c, k, roles, g.issues));
    return {
      id: "random",
      title: "Random",
      summary: "A generated scenario.",
      story: "Generated.",
      currency: "USD",
      firstMover: g.firstMover,
      rounds: g.rounds,
      turnSeconds: g.turnSeconds,
      issues: g.issues,
      roles,
      questions,
      deck: { firstRound: g.firstRound, chancePerRound: g.chance, maxCards: g.maxPick % (cards.length + 1), cards },
    };
  });

export const scenarioArb: fc.Arbitrary<Scenario> = rawScenarioArb.map(parseOrThrow);
