import type { KnownFact } from "../state.js";
import { type Context, good, info, issueById, plural, useOf, type Verdict, warn } from "./context.js";

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
  const judged = facts.map((f) => ({ fact: f, use: useOf(c, c.seat, f) }));
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
