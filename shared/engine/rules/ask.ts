import type { ActionOf } from "../actions.js";
import { describeFact } from "../curveballs.js";
import { ruleError, type RuleError } from "../errors.js";
import { passTurn, type Step } from "../flow.js";
import { otherRole, withRole } from "../roles.js";
import { fillTemplate } from "../scenario.js";
import type { SidePrivate } from "../state.js";
import { formatMoney, formatValue } from "../terms.js";

/**
 * Ask one discovery question. The answer comes truthfully from the other side's brief, to the
 * asker alone; the asker's standing offer stays. Each question can be asked once.
 */
export function ask(step: Step, action: ActionOf<"ask">): RuleError | null {
  const s = step.state;
  const question = s.scenario.questions.find((q) => q.id === action.questionId);
  if (!question) return ruleError("rule/unknown_question", `There is no question "${action.questionId}" in this scenario.`);
  if (question.askedBy !== action.by) return ruleError("rule/not_your_question", "That question is for the other side to ask.");
  if (s.asked[action.by].includes(question.id)) return ruleError("rule/already_asked", "You have asked that already.");

  const answererRole = otherRole(action.by);
  const answerer = s.sides[answererRole];
  const answer = fillTemplate(question.answer, answerTokens(step, answerer));
  step.update({ asked: withRole(s.asked, action.by, [...s.asked[action.by], question.id]) });
  step.emit({ type: "question_asked", by: action.by, questionId: question.id, text: question.text, ...(action.message ? { message: action.message } : {}) });
  step.emit({ type: "question_answered", to: action.by, questionId: question.id, answer }, action.by);
  if (question.reveals) {
    const asker = step.state.sides[action.by];
    const learned = { fact: question.reveals, text: describeFact(s.scenario, answererRole, answerer, question.reveals), turn: s.turn, source: "answer" as const };
    step.update({ sides: withRole(step.state.sides, action.by, { ...asker, learned: [...asker.learned, learned] }) });
  }
  passTurn(step);
  return null;
}

/** The numbers an answer may quote: {walkAway} and {<hotButtonId>.<field>}, formatted for reading. */
function answerTokens(step: Step, side: SidePrivate): Record<string, string | number> {
  const { scenario } = step.state;
  const money = (n: number) => formatMoney(n, scenario.currency);
  const tokens: Record<string, string | number> = { walkAway: money(side.walkAway) };
  for (const h of side.hotButtons) {
    if (h.kind === "deadline") Object.assign(tokens, { [`${h.id}.afterRound`]: h.afterRound, [`${h.id}.costPerRound`]: money(h.costPerRound) });
    if (h.kind === "compliance") Object.assign(tokens, { [`${h.id}.byRound`]: h.byRound, [`${h.id}.penalty`]: money(h.penalty) });
    if (h.kind === "budgetCap") {
      const issue = scenario.issues.find((i) => i.id === h.issueId);
      tokens[`${h.id}.max`] = issue ? formatValue(issue, h.max, scenario.currency) : h.max;
    }
    tokens[`${h.id}.label`] = h.label;
    tokens[`${h.id}.text`] = h.text;
  }
  return tokens;
}
