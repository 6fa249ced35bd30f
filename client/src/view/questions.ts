import type { Role } from "../../../shared/engine/roles.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { sideName } from "./labels.js";

export type QuestionVM = {
  readonly id: string;
  readonly text: string;
  readonly asked: boolean;
  /** The answer this viewer received (only ever its own questions' answers). */
  readonly answer: string | null;
};

export type QuestionsVM = {
  /** Questions the viewer may ask (players only). */
  readonly mine: readonly QuestionVM[];
  /**
   * Questions already asked at the table, as everyone saw them; to a player, the other side's
   * questions come with the answer the table gave them on this player's behalf.
   */
  readonly askedAtTable: readonly {
    readonly key: string;
    readonly byName: string;
    readonly by: Role;
    readonly text: string;
    readonly round: number;
    /** Asked by this viewer (both sides may have a question worded alike: tell them apart by who asked). */
    readonly byYou: boolean;
    readonly answeredForYou: string | null;
  }[];
};

export function questionsOf(view: TableView, ctx: TableContext): QuestionsVM {
  const me = view.viewer === "buyer" || view.viewer === "seller" ? view.viewer : null;
  const answers = new Map<string, string>();
  const givenForMe = new Map<string, string>();
  for (const e of view.timeline) {
    if (e.type !== "question_answered" || !me) continue;
    (e.to === me ? answers : givenForMe).set(e.questionId, e.answer);
  }
  const mine = me
    ? view.scenario.questions
        .filter((q) => q.askedBy === me)
        .map((q) => ({ id: q.id, text: q.text, asked: view.asked[me].includes(q.id), answer: answers.get(q.id) ?? null }))
    : [];
  const askedAtTable = view.timeline.flatMap((e) =>
    e.type === "question_asked"
      ? [{ key: `q-${e.seq}`, by: e.by, byName: sideName(e.by, view.viewer, ctx.seats), text: e.text, round: e.round, byYou: e.by === me, answeredForYou: e.by === me ? null : (givenForMe.get(e.questionId) ?? null) }]
      : [],
  );
  return { mine, askedAtTable };
}
