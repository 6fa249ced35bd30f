import type { GameEvent } from "../events.js";
import type { BriefPoint, FactRef, Issue } from "../scenario.js";
import type { KnownFact } from "../state.js";
import { buyerward, formatValue } from "../terms.js";
import { penaltyAt, utility } from "../valuation.js";
import { type Context, good, info, issueById, plural, sameFact, type Verdict, useOf, warn, worthAccepting } from "./context.js";

/*
 * The debrief lesson "Strengths and weaknesses": rule two of the trainer's notes, know your
 * position. Only points of the brief tied to a fact (walk-away, hot button, an issue's value) can
 * be judged from the game; the others are counted as talking points. The line's tone is the worst
 * of its sentences: any warning makes it a warning, else any praise makes it good.
 */

export function positionLine(c: Context): Verdict {
  const brief = c.state.scenario.roles[c.seat];
  const points = [...brief.strengths, ...brief.weaknesses];
  if (points.length === 0) return info("Your brief listed no strengths or weaknesses.");
  const tied = (list: readonly BriefPoint[]) => list.flatMap((p) => (p.tiedTo ? [p.tiedTo] : []));
  const strengths = tied(brief.strengths).map((fact) => strengthVerdict(c, fact));
  const weaknesses = weaknessVerdicts(c, tied(brief.weaknesses));
  const judged = [...strengths, ...weaknesses];
  const untied = points.length - tied(points).length;
  if (judged.length === 0)
    return info("The strengths and weaknesses in your brief are talking points the game cannot score: ask yourself which of them you used.");
  const rest = untied > 0 ? ` ${plural(untied, "other point")} in your brief ${untied === 1 ? "is a talking point" : "are talking points"} the game cannot score.` : "";
  const tone = judged.some((j) => j.tone === "warn") ? "warn" : judged.some((j) => j.tone === "good") ? "good" : "info";
  return { tone, text: `${judged.map((j) => j.text).join(" ")}${rest}` };
}

/* ---- Strengths: did you use them? ---- */

function strengthVerdict(c: Context, fact: FactRef): Verdict {
  switch (fact.kind) {
    case "value":
      return tradedOn(c, issueById(c, fact.issueId));
    case "walkAway":
      return heldGround(c);
    case "hotButton":
      return pointedTo(c, fact);
  }
}

/** How far a value sits toward the other side, 0 at the reader's own favourite end. */
function towardThem(c: Context, issue: Issue, value: number | string): number {
  const t = buyerward(issue, value);
  return c.seat === "seller" ? t : 1 - t;
}

/**
 * A term that is cheap for you or dear to them is used by trading it: the deal gave it to them
 * while you came out ahead, or at least your offers moved it their way.
 */
function tradedOn(c: Context, issue: Issue): Verdict {
  const name = issue.label.toLowerCase();
  const show = (v: number | string) => formatValue(issue, v, c.state.scenario.currency);
  if (c.outcome.kind === "deal") {
    const given = c.outcome.terms[issue.id] as number | string;
    if (towardThem(c, issue, given) > 0) {
      const mine = c.score.surplus[c.seat];
      return mine > 0
        ? good(`The deal gave them ground on ${name} (${show(given)}), a strength of yours, and left you ${c.money(mine)} above your walk-away.`)
        : warn(`The deal gave them ground on ${name} (${show(given)}), a strength of yours, yet left you no better than your walk-away: a cheap term should buy you something.`);
    }
  }
  const mine = c.state.offers.filter((o) => o.by === c.seat);
  const furthest = mine.reduce<number | string | null>((best, o) => {
    const v = o.terms[issue.id] as number | string;
    return towardThem(c, issue, v) > (best === null ? 0 : towardThem(c, issue, best)) ? v : best;
  }, null);
  if (furthest !== null) return good(`You traded on ${name}, a strength of yours: your offers moved it toward them, as far as ${show(furthest)}.`);
  return info(`You never moved on ${name}, a strength of yours: a term that costs you little or is worth a lot to them is the cheapest thing to trade.`);
}

/** Good alternatives are used by not settling for less than them, and by keeping a fair share. */
function heldGround(c: Context): Verdict {
  const { outcome } = c;
  if (outcome.kind === "deal") {
    const mine = c.score.surplus[c.seat];
    if (mine < 0) return warn(`You settled ${c.money(-mine)} below your walk-away, although you had alternatives.`);
    if (c.score.joint <= 0) return good("You did not settle below your walk-away: your alternatives backed you.");
    // An even split of what the deal created is the fair share two sides with alternatives can expect.
    const share = Math.round((mine / c.score.joint) * 100);
    return share >= 50
      ? good(`Your alternatives backed you: you kept ${share}% of what the deal created.`)
      : info(`You kept ${share}% of what the deal created: with alternatives behind you, you could have held out for half.`);
  }
  const theirs = c.state.standing[c.other];
  const better = worthAccepting(c, c.seat, theirs, outcome.round) !== null;
  if (outcome.kind === "walkaway" && outcome.by === c.seat) {
    if (!c.analysis.exists) return good("You walked away where no deal was possible: your alternatives were the better choice.");
    if (better) return warn("You walked away from an offer that beat your walk-away: alternatives help only when the deal is worse.");
    return good("You walked away rather than take less than your walk-away: that is what alternatives are for.");
  }
  if (better) return info("Their last offer beat your walk-away, yet no deal came: alternatives help only when the deal is worse.");
  const mine = c.state.offers.filter((o) => o.by === c.seat);
  if (mine.length === 0) return info("You made no offer of your own, so your alternatives never came into play.");
  const worst = Math.min(0, ...mine.map((o) => utility(c.state.scenario, c.seat, c.state.sides[c.seat], o.terms)));
  return worst < 0
    ? warn(`You offered ${c.money(-worst)} worse than your walk-away, although you had alternatives.`)
    : good("You never offered worse than your walk-away: your alternatives backed you.");
}

/**
 * A pressure of your own listed as a strength (a budget the board will not move, a date that
 * forces a decision) works only when the other side knows of it, and when the deal respects it.
 */
function pointedTo(c: Context, fact: Extract<FactRef, { kind: "hotButton" }>): Verdict {
  const hot = c.state.sides[c.seat].hotButtons.find((h) => h.id === fact.id);
  const name = hot ? pressureName(hot.label) : "your pressure point";
  if (!learnedBy(c, fact) && !mentioned(c, fact)) return info(`They never learned of ${name}: a limit helps you only when they know of it.`);
  if (c.outcome.kind === "deal" && hot && penaltyAt([hot], c.outcome.round) > 0) return warn(`They knew of ${name}, yet the deal came after it.`);
  if (c.outcome.kind === "deal" && hot?.kind === "wants" && c.outcome.terms[hot.issueId] !== hot.value) return warn(`They knew of ${name}, yet the deal left it out.`);
  return good(c.outcome.kind === "deal" ? `They knew of ${name}, and the deal kept to it.` : `They knew of ${name}, so they knew where you stood.`);
}

/* ---- Weaknesses: did the other side learn them, and use them? ---- */

function weaknessVerdicts(c: Context, facts: readonly FactRef[]): Verdict[] {
  const kept: string[] = [];
  const out: Verdict[] = [];
  for (const fact of facts) {
    const name = factName(c, fact);
    const known = learnedBy(c, fact);
    if (known) {
      const how = known.source === "answer" ? `by asking "${questionAt(c, known.turn)}"` : "from a leak";
      const use = useOf(c, c.other, known);
      out.push(use.used ? warn(`They learned ${name} ${how} and used it: ${use.how}.`) : info(`They learned ${name} ${how} but ${use.how}.`));
    } else if (mentioned(c, fact)) out.push(warn(`You gave away ${name} yourself, in a message to them.`));
    else kept.push(name);
  }
  if (kept.length > 0) out.push(good(`You kept ${listed(kept)} to yourself.`));
  return out;
}

function factName(c: Context, fact: FactRef): string {
  switch (fact.kind) {
    case "walkAway":
      return "your walk-away";
    case "hotButton": {
      const hot = c.state.sides[c.seat].hotButtons.find((h) => h.id === fact.id);
      return hot ? pressureName(hot.label) : "one of your pressure points";
    }
    case "value":
      return `what ${issueById(c, fact.issueId).label.toLowerCase()} means to you`;
  }
}

/** What the other side learned of this fact about the reader, first time only. */
function learnedBy(c: Context, fact: FactRef): KnownFact | undefined {
  return c.state.sides[c.other].learned.find((k) => sameFact(k.fact, fact));
}

function questionAt(c: Context, turn: number): string {
  const asked = c.state.timeline.find((e): e is Extract<GameEvent, { type: "question_asked" }> => e.type === "question_asked" && e.by === c.other && e.turn === turn);
  return asked?.text ?? "a question";
}

/**
 * Whether the reader's own messages to the other side named the fact: a walk-away or a budget cap
 * by its figure, a hot button by its name. Free text cannot tell how much an issue is worth, so a
 * value is never counted as given away in words.
 */
function mentioned(c: Context, fact: FactRef): boolean {
  const messages = ownMessages(c);
  if (messages.length === 0) return false;
  const figures = new Set(messages.flatMap((m) => (m.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, "")))));
  switch (fact.kind) {
    case "walkAway":
      return figures.has(c.state.sides[c.seat].walkAway);
    case "hotButton": {
      const hot = c.state.sides[c.seat].hotButtons.find((h) => h.id === fact.id);
      if (!hot) return false;
      const label = hot.label.toLowerCase();
      return messages.some((m) => m.toLowerCase().includes(label)) || (hot.kind === "budgetCap" && figures.has(hot.max));
    }
    case "value":
      return false;
  }
}

function ownMessages(c: Context): string[] {
  const out: string[] = [];
  for (const e of c.state.timeline) {
    const mine = e.type === "deal" ? e.acceptedBy === c.seat : "by" in e && e.by === c.seat;
    if (mine && "message" in e && typeof e.message === "string") out.push(e.message);
  }
  return out;
}

/** Hot buttons are "pressure points" on the player's screen, and their labels are titles, not nouns. */
const pressureName = (label: string) => `your pressure point "${label}"`;

function listed(names: readonly string[]): string {
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
