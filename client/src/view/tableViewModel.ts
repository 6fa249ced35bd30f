import type { TableView } from "../../../shared/engine/view.js";
import { actionsOf, type ActionsVM } from "./actions.js";
import type { TableContext } from "./context.js";
import type { ClockVM } from "./countdown.js";
import { curveCardsOf, type CurveCardVM } from "./curveCards.js";
import { debriefOf, type DebriefVM } from "./debrief.js";
import { gaugeOf, type GaugeVM } from "./gauge.js";
import { roleLabel } from "./labels.js";
import { ledgerOf, type LedgerVM } from "./ledger.js";
import { offerCardsOf, priceGapOf, type OfferCardVM } from "./offerCards.js";
import { preparationOf, type PreparationVM } from "./preparation.js";
import { privatePanelsOf, type PrivatePanelVM } from "./privatePanel.js";
import { questionsOf, type QuestionsVM } from "./questions.js";
import { refusalOf, type RefusalVM } from "./refusal.js";
import { revealOf, type RevealVM } from "./reveal.js";
import { roundTrackOf, type RoundTrackVM } from "./roundTrack.js";
import { seatsOf, type SeatVM } from "./seats.js";
import { statusOf, type StatusVM } from "./status.js";
import { talkOf, type TalkLineVM } from "./talk.js";

/** Everything the table scene and its panels draw, derived from the TableView alone. */
export type TableVM = {
  readonly header: { readonly title: string; readonly code: string; readonly seatLabel: string; readonly spectator: boolean; readonly currency: string };
  readonly status: StatusVM;
  readonly seats: { readonly near: SeatVM; readonly far: SeatVM };
  readonly clock: ClockVM | null;
  readonly rounds: RoundTrackVM;
  readonly offers: readonly OfferCardVM[];
  readonly priceGap: string | null;
  readonly gauge: GaugeVM | null;
  readonly ledger: LedgerVM;
  readonly cards: readonly CurveCardVM[];
  readonly talk: readonly TalkLineVM[];
  readonly privatePanels: readonly PrivatePanelVM[];
  readonly questions: QuestionsVM;
  readonly actions: ActionsVM | null;
  /** The "I'm ready" control during reading time; null where it has no say. */
  readonly preparation: PreparationVM | null;
  readonly reveal: RevealVM | null;
  readonly debrief: DebriefVM;
  readonly refusal: RefusalVM | null;
};

export function tableViewModel(view: TableView, ctx: TableContext): TableVM {
  const spectator = view.viewer !== "buyer" && view.viewer !== "seller";
  return {
    header: {
      title: view.scenario.title,
      code: ctx.code,
      seatLabel: spectator ? (view.viewer === "facilitator" ? "Facilitator view" : "Watching (public view)") : `You are the ${roleLabel(view.viewer as "buyer" | "seller").toLowerCase()}`,
      spectator,
      currency: view.scenario.currency,
    },
    status: statusOf(view, ctx),
    seats: seatsOf(view, ctx),
    clock:
      // No turn clock runs while the table reads its briefs.
      view.phase === "finished" || !ctx.started || view.preparation !== null
        ? null
        : { actor: view.toAct, endsAt: view.turnEndsAt, pausedRemainingMs: view.pausedRemainingMs, turnMs: view.turnMs, offsetMs: ctx.clockOffsetMs },
    rounds: roundTrackOf(view),
    offers: offerCardsOf(view, ctx),
    priceGap: priceGapOf(view),
    gauge: gaugeOf(view, ctx.draft),
    ledger: ledgerOf(view, ctx),
    cards: curveCardsOf(view, ctx),
    talk: talkOf(view, ctx),
    privatePanels: privatePanelsOf(view),
    questions: questionsOf(view, ctx),
    actions: actionsOf(view),
    preparation: preparationOf(view, ctx),
    reveal: revealOf(view, ctx),
    debrief: debriefOf(view, ctx),
    refusal: refusalOf(ctx.refusal, view),
  };
}
