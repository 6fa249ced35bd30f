import type { GameEvent } from "../../../shared/engine/events.js";
import type { Role } from "../../../shared/engine/roles.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { outcomeLine, sideName } from "./labels.js";
import { priceOf } from "./terms.js";

/** One line of the table's running record: who did what, and the message they attached. */
export type TalkLineVM = {
  readonly key: string;
  readonly round: number;
  readonly who: Role | "table";
  readonly text: string;
  readonly message: string | null;
  readonly private: boolean;
  /** Who may read a private line: "only you" for its side, "buyer only" / "seller only" for a facilitator. */
  readonly privateTag: string | null;
  readonly tone: "move" | "info" | "alert";
};

export function talkOf(view: TableView, ctx: TableContext): TalkLineVM[] {
  return view.timeline.flatMap((e) => {
    const line = describe(e, view, ctx);
    if (!line) return [];
    const privateTag = e.audience === "all" ? null : e.audience === view.viewer ? "only you" : e.audience === "players" ? (view.viewer === "facilitator" ? "players only" : "between you two") : `${e.audience} only`;
    return [{ key: `ev-${e.seq}`, round: e.round, private: privateTag !== null, privateTag, message: null, ...line }];
  });
}

const READING_ENDED = {
  time: "Reading time is over: the clock is running.",
  facilitator: "The facilitator started the clock.",
  ready: "Everyone is ready: the clock is running.",
} as const;

/** "3 min", "90 s": how reading time is announced. */
function readingLength(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

type Described = Pick<TalkLineVM, "who" | "text" | "tone"> & { readonly message?: string | null };

function describe(e: GameEvent, view: TableView, ctx: TableContext): Described | null {
  const who = (role: Role) => sideName(role, view.viewer, ctx.seats);
  const message = (m: string | undefined) => (m ? m : null);
  switch (e.type) {
    case "offer_made":
      return { who: e.by, text: `${who(e.by)} offered ${priceOf(view.scenario, e.terms)}.`, tone: "move", message: message(e.message) };
    case "question_asked":
      return { who: e.by, text: `${who(e.by)} asked: “${e.text}”`, tone: "move", message: message(e.message) };
    case "question_answered":
      // The answered side reads what the table told the asker for it; a facilitator, whom it told.
      if (view.viewer === "facilitator") return { who: "table", text: `Answer to the ${e.to}: “${e.answer}”`, tone: "info" };
      return { who: "table", text: e.to === view.viewer ? `Answer: “${e.answer}”` : `Answered for you: “${e.answer}”`, tone: "info" };
    case "walked_away":
      return { who: e.by, text: `${who(e.by)} walked away.`, tone: "alert", message: message(e.message) };
    case "deal":
      return { who: e.acceptedBy, text: `${who(e.acceptedBy)} accepted at ${priceOf(view.scenario, e.terms)}.`, tone: "move", message: message(e.message) };
    case "turn_timed_out":
      return { who: e.by, text: `${who(e.by)} ran out of time: the turn passed.`, tone: "info" };
    case "round_started":
      return { who: "table", text: `Round ${e.round} of ${e.lastRound} begins.`, tone: "info" };
    case "card_drawn":
      return { who: "table", text: `Curve ball: ${e.card.title}. ${e.text}`, tone: "alert" };
    case "card_hidden":
      return { who: "table", text: `Something happened on the ${e.side}'s side (a private card).`, tone: "alert" };
    case "fact_revealed":
      return { who: "table", text: `You learned: ${e.text}`, tone: "info" };
    case "deadline_changed":
      return { who: "table", text: `The deadline moved: the last round is now round ${e.lastRound}.`, tone: "alert" };
    case "interruption":
      return { who: e.by, text: `${who(e.by)} tried to act out of turn (an interruption).`, tone: "info" };
    case "paused":
      return { who: "table", text: "The facilitator paused the game.", tone: "info" };
    case "resumed":
      return { who: "table", text: "The game resumed.", tone: "info" };
    case "time_added":
      return { who: "table", text: `The facilitator added ${e.seconds} s to the ${e.clock === "preparation" ? "reading time" : "turn"}.`, tone: "info" };
    case "preparation_started":
      return { who: "table", text: `Reading time: ${readingLength(e.seconds)} to read your brief before the first turn.`, tone: "info" };
    case "seat_ready":
      return { who: e.by, text: `${who(e.by)} ${e.by === view.viewer ? "are" : "is"} ready.`, tone: "info" };
    case "preparation_ended":
      return { who: "table", text: READING_ENDED[e.how], tone: "info" };
    case "game_over":
      return { who: "table", text: outcomeLine(e.outcome, view.viewer, ctx.seats), tone: "alert" };
    // Shown elsewhere: the ledger lists concessions, the notepad lists notes.
    case "concessions":
    case "note_taken":
      return null;
  }
}
