import type { Role } from "../roles.js";
import type { Issue } from "../scenario.js";
import type { KnownFact } from "../state.js";
import { buyerward, formatValue, issueValues } from "../terms.js";
import { utility } from "../valuation.js";
import { concessionRate, type Context, good, info, issueById, plural, type Verdict, warn } from "./context.js";

/* The debrief lesson "Questions and what you did with the answers". */

export function discoveryLine(c: Context): Verdict {
  const available = c.state.scenario.questions.filter((q) => q.askedBy === c.seat);
  const asked = c.state.asked[c.seat];
  if (asked.length === 0) {
    const revealing = available.filter((q) => q.reveals).length;
    return warn(`You asked none of your ${plural(available.length, "question")}; ${plural(revealing, "answer")} would have told you something private about their position. Listening costs a turn and pays in knowledge.`);
  }
  const facts = c.state.sides[c.seat].learned.filter((f) => f.source === "answer");
  const head = `You asked ${asked.length} of your ${plural(available.length, "question")}`;
  if (facts.length === 0) return info(`${head}, but none of the answers gave away a private fact.`);
  const judged = facts.map((f) => ({ fact: f, use: useOf(c, f) }));
  const used = judged.filter((j) => j.use.used);
  const unused = judged.filter((j) => !j.use.used);
  const parts = [
    ...used.map((j) => `after learning ${factName(c, j.fact)}, ${j.use.how}`),
    ...unused.map((j) => `you learned ${factName(c, j.fact)} but ${j.use.how}`),
  ];
  const text = `${head} and learned ${plural(facts.length, "private fact")}: ${parts.join("; ")}.`;
  return unused.length === 0 ? good(text) : warn(text);
}

function factName(c: Context, known: KnownFact): string {
  const { fact } = known;
  switch (fact.kind) {
    case "walkAway":
      return "their walk-away";
    case "hotButton": {
      const hot = c.state.sides[c.other].hotButtons.find((h) => h.id === fact.id);
      return hot ? `their ${hot.label.toLowerCase()}` : "one of their pressures";
    }
    case "value":
      return `what ${issueById(c, fact.issueId).label.toLowerCase()} means to them`;
  }
}

/** Whether the offers after a fact was learned show it was put to work, and how (in words). */
function useOf(c: Context, known: KnownFact): { used: boolean; how: string } {
  const before = c.state.offers.filter((o) => o.by === c.seat && o.turn < known.turn);
  const after = c.state.offers.filter((o) => o.by === c.seat && o.turn > known.turn);
  const { fact } = known;
  const walkedAway = c.outcome.kind === "walkaway" && c.outcome.by === c.seat;
  if (fact.kind === "walkAway" && walkedAway && !c.analysis.exists) return { used: true, how: "you walked away from a table where no deal was possible" };
  if (after.length === 0) return { used: false, how: "made no offer afterwards" };
  switch (fact.kind) {
    case "value": {
      const issue = issueById(c, fact.issueId);
      const baseline = before.at(-1)?.terms[issue.id] ?? favouriteEnd(issue, c.seat);
      const moved = after.some((o) => o.terms[issue.id] !== baseline);
      return moved
        ? { used: true, how: `your offers moved on ${issue.label.toLowerCase()}` }
        : { used: false, how: `your offers never moved on ${issue.label.toLowerCase()}` };
    }
    case "hotButton": {
      const hot = c.state.sides[c.other].hotButtons.find((h) => h.id === fact.id);
      if (hot?.kind === "budgetCap") {
        const issue = issueById(c, hot.issueId);
        const limit = formatValue(issue, hot.max, c.state.scenario.currency);
        const within = after.every((o) => (o.terms[issue.id] as number) <= hot.max);
        return within ? { used: true, how: `your offers stayed within their limit of ${limit}` } : { used: false, how: `you still offered above their limit of ${limit}` };
      }
      // Openings concede nothing by definition, so only counter-offers set a pace.
      const counters = new Set(c.state.offers.filter((o) => o.by === c.seat).slice(1));
      const mineBefore = before.filter((o) => counters.has(o));
      const now = concessionRate(c, c.seat, after.filter((o) => counters.has(o)));
      const [was, against] =
        mineBefore.length > 0
          ? [concessionRate(c, c.seat, mineBefore), "before"]
          : [concessionRate(c, c.other, c.state.offers.filter((o) => o.by === c.other).slice(1)), "from them"];
      return now <= was
        ? { used: true, how: `you conceded less per offer (${c.money(now)} against ${c.money(was)} ${against}) and let the clock work for you` }
        : { used: false, how: `you conceded more per offer afterwards (${c.money(now)} against ${c.money(was)} ${against})` };
    }
    case "walkAway": {
      const reachable = after.some((o) => utility(c.state.scenario, c.other, c.state.sides[c.other], o.terms) >= 0);
      return reachable
        ? { used: true, how: "you made an offer inside their limit" }
        : { used: false, how: "none of your later offers came inside their limit" };
    }
  }
}

/** The value of an issue a side would ask for before any trading. */
function favouriteEnd(issue: Issue, role: Role): number | string {
  const values = issueValues(issue);
  const target = role === "buyer" ? 1 : 0;
  return values.find((v) => buyerward(issue, v) === target) ?? (values[0] as number | string);
}
