import type { ActionOf } from "../actions.js";
import { describeFact } from "../curveballs.js";
import { ruleError, type RuleError } from "../errors.js";
import { passTurn, type Step, withMessage } from "../flow.js";
import { otherRole, withRole } from "../roles.js";
import { fillTemplateBy, type Scenario } from "../scenario.js";
import type { HotButton, SidePrivate } from "../state.js";
import { formatMoney, formatValue } from "../terms.js";

/**
 * Ask one discovery question. The answer comes truthfully from the other side's brief, to the
 * two players (never to observers): the asker hears it, and the side it was given for reads what
 * the table said on its behalf (a bot's questions are answered for a person, who must know what
 * the bot now knows). Only the asker learns a fact from it. The asker's standing offer stays.
 * Each question can be asked once.
 */
export function ask(step: Step, action: ActionOf<"ask">): RuleError | null {
  const s = step.state;
  const question = s.scenario.questions.find((q) => q.id === action.questionId);
  if (!question) return ruleError("rule/unknown_question", `There is no question "${action.questionId}" in this scenario.`);
  if (question.askedBy !== action.by) return ruleError("rule/not_your_question", "That question is for the other side to ask.");
  if (s.asked[action.by].includes(question.id)) return ruleError("rule/already_asked", "You have asked that already.");

  const answererRole = otherRole(action.by);
  const answerer = s.sides[answererRole];
  const answer = fillTemplateBy(question.answer, (name) => answerToken(s.scenario, answerer, name));
  step.update({ asked: withRole(s.asked, action.by, [...s.asked[action.by], question.id]) });
  step.emit(withMessage({ type: "question_asked", by: action.by, questionId: question.id, text: question.text }, action.message));
  step.emit({ type: "question_answered", to: action.by, questionId: question.id, answer }, "players");
  if (question.reveals) {
    const asker = step.state.sides[action.by];
    const learned = { fact: question.reveals, text: describeFact(s.scenario, answererRole, answerer, question.reveals), turn: s.turn, source: "answer" as const };
    step.update({ sides: withRole(step.state.sides, action.by, { ...asker, learned: [...asker.learned, learned] }) });
  }
  passTurn(step);
  return null;
}

/**
 * The value of one placeholder an answer may quote: {walkAway} or {<hotButtonId>.<field>},
 * formatted for reading; undefined when the answerer has no such number. Where hot buttons share
 * an id (a card's bleed may take a scenario's), the last one that has the field is quoted.
 */
function answerToken(scenario: Scenario, side: SidePrivate, name: string): string | number | undefined {
  if (name === "walkAway") return formatMoney(side.walkAway, scenario.currency);
  const dot = name.indexOf(".");
  if (dot < 0) return undefined;
  const id = name.slice(0, dot);
  const field = name.slice(dot + 1);
  for (let i = side.hotButtons.length - 1; i >= 0; i--) {
    const h = side.hotButtons[i] as HotButton;
    if (h.id !== id) continue;
    if (field === "label") return h.label;
    if (field === "text") return h.text;
    if (h.kind === "deadline" && field === "afterRound") return h.afterRound;
    if (h.kind === "deadline" && field === "costPerRound") return formatMoney(h.costPerRound, scenario.currency);
    if (h.kind === "compliance" && field === "byRound") return h.byRound;
    if (h.kind === "compliance" && field === "penalty") return formatMoney(h.penalty, scenario.currency);
    if (h.kind === "wants" && field === "costIfMissing") return formatMoney(h.costIfMissing, scenario.currency);
    if (h.kind === "budgetCap" && field === "max") {
      const issue = scenario.issues.find((x) => x.id === h.issueId);
      return issue ? formatValue(issue, h.max, scenario.currency) : h.max;
    }
  }
  return undefined;
}
