import { cached } from "./cached.js";
import { reaches, type GameEvent } from "./events.js";
import { ledgerBalance, type LedgerBalance } from "./ledger.js";
import { ROLES, VIEWERS, type PerRole, type Role, type Viewer } from "./roles.js";
import type { BriefPoint, Card, Issue, Scenario } from "./scenario.js";
import { analyzeTable, type DrawAnalysis } from "./scoring.js";
import { type PriceZone, zoneOn } from "./zone.js";
import {
  currentRound,
  type Concession,
  type HotButton,
  type KnownFact,
  type Note,
  type Offer,
  type Outcome,
  type Phase,
  type Preparation,
  type Score,
  type SidePrivate,
  type TableState,
} from "./state.js";

/*
 * "Who sees what" (GAME.md §6) as code. Whatever a client receives is built from viewFor, so a
 * value that is not in the view for a seat cannot reach that seat.
 */

/** The parts of a scenario every seat may read: no briefs, valuations or answers. */
export type PublicScenario = {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly story: string;
  readonly currency: string;
  readonly firstMover: Role;
  readonly issues: readonly Issue[];
  readonly questions: readonly { readonly id: string; readonly askedBy: Role; readonly text: string }[];
};

/** One side's private data as shown to whoever may see it. */
export type PrivateView = {
  readonly role: Role;
  readonly brief: string;
  readonly walkAway: number;
  /** The side's target, when its brief sets one. */
  readonly target?: number;
  readonly values: SidePrivate["values"];
  readonly hotButtons: readonly HotButton[];
  readonly strengths: readonly BriefPoint[];
  readonly weaknesses: readonly BriefPoint[];
  readonly learned: readonly KnownFact[];
  /** Present for the notepad's owner, and for facilitators once the game is over (seesNotes). */
  readonly notes?: readonly Note[];
};

/**
 * A side's private data without the notepad: what a sender sends as private data. Notes travel
 * once each, as the note_taken events of the timeline (the same audience: seesNotes), so a note
 * never makes anyone be sent the rest of the private data, or the whole notepad, again.
 */
export type PrivateData = Omit<PrivateView, "notes">;

export type CardView =
  | { readonly hidden: false; readonly id: string; readonly title: string; readonly text: string; readonly visibility: Card["visibility"]; readonly side: Role; readonly round: number }
  | { readonly hidden: true; readonly side: Role; readonly round: number };

/** The end-of-game reveal: the whole elephant, for everyone at the table. */
export type Reveal = {
  readonly walkAways: PerRole<number>;
  readonly analysis: DrawAnalysis;
  readonly outcome: Outcome;
  readonly score: Score;
  /** The zone on the deal's own terms (the price line a deal is drawn on); null without a deal. */
  readonly dealZone: PriceZone | null;
};

/** Concessions as a viewer sees them: the money value only on the viewer's own (facilitators: all). */
export type ConcessionView = Omit<Concession, "money"> & { readonly money?: number };

export type TableView = {
  readonly viewer: Viewer;
  readonly scenario: PublicScenario;
  readonly phase: Phase;
  readonly turn: number;
  readonly round: number;
  readonly lastRound: number;
  readonly toAct: Role;
  readonly turnEndsAt: number | null;
  readonly pausedRemainingMs: number | null;
  readonly turnMs: number;
  /** Reading time before the first turn, public to everyone (who has said "ready" included); null once the clock runs. */
  readonly preparation: Preparation | null;
  readonly offers: readonly Offer[];
  readonly standing: PerRole<Offer | null>;
  readonly ledger: readonly ConcessionView[];
  readonly balance: PerRole<LedgerBalance>;
  readonly interruptions: PerRole<number>;
  readonly asked: PerRole<readonly string[]>;
  readonly cards: readonly CardView[];
  /** Private data this viewer may see, by side: own side for a player; both for facilitators; both for players after the end. */
  readonly sides: Partial<PerRole<PrivateView>>;
  readonly timeline: readonly GameEvent[];
  readonly outcome: Outcome | null;
  readonly reveal: Reveal | null;
};

const publicScenarios = new WeakMap<Scenario, PublicScenario>();

export function publicScenario(scenario: Scenario): PublicScenario {
  return cached(publicScenarios, scenario, () => ({
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    story: scenario.story,
    currency: scenario.currency,
    firstMover: scenario.firstMover,
    issues: scenario.issues,
    questions: scenario.questions.map((q) => ({ id: q.id, askedBy: q.askedBy, text: q.text })),
  }));
}

export function viewFor(state: TableState, viewer: Viewer): TableView {
  const finished = state.phase === "finished";
  return {
    viewer,
    scenario: publicScenario(state.scenario),
    phase: state.phase,
    turn: state.turn,
    round: currentRound(state),
    lastRound: state.lastRound,
    toAct: state.toAct,
    turnEndsAt: state.turnEndsAt,
    pausedRemainingMs: state.pausedRemainingMs,
    turnMs: state.turnMs,
    preparation: state.preparation,
    offers: state.offers,
    standing: state.standing,
    ledger: state.ledger.map((c) => redactConcession(c, viewer === "facilitator" || viewer === c.by)),
    balance: ledgerBalance(state.ledger),
    interruptions: state.interruptions,
    asked: state.asked,
    cards: cardsFor(state, viewer),
    sides: sidesFor(state, viewer),
    timeline: timelineFor(state, viewer),
    outcome: state.outcome,
    reveal: finished && state.outcome && state.score ? revealOf(state) : null,
  };
}

function redactConcession(c: Concession, seesMoney: boolean): ConcessionView {
  return seesMoney ? c : cached(concessionsWithoutMoney, c, withoutMoney);
}

/*
 * What a viewer is shown of an entry (a concession, a card, an event) is built once per entry and
 * kept while the entry lives: entries are immutable, so the same entry gives the same object in
 * every later view. A sender comparing two views then finds the unchanged part by reference.
 */
const concessionsWithoutMoney = new WeakMap<Concession, ConcessionView>();
const cardViews = new Map<Viewer, WeakMap<TableState["cards"][number], CardView>>(VIEWERS.map((v) => [v, new WeakMap()]));
const redactedEvents = new Map<Viewer, WeakMap<GameEvent, GameEvent>>(VIEWERS.map((v) => [v, new WeakMap()]));

/** A concession without its money, fields in the engine's order: an object rest copy costs several times more, on every view. */
function withoutMoney(c: Omit<Concession, "money">): Omit<Concession, "money"> {
  return { turn: c.turn, by: c.by, issueId: c.issueId, share: c.share, status: c.status };
}

/** Whether `viewer` may read `role`'s notepad: its owner always, facilitators once the game is over. */
export function seesNotes(viewer: Viewer, role: Role, finished: boolean): boolean {
  return viewer === role || (viewer === "facilitator" && finished);
}

/** Whether `viewer` may see `role`'s private data: own side; both for facilitators, and for players after the end. */
function seesSide(viewer: Viewer, role: Role, finished: boolean): boolean {
  return viewer === role || viewer === "facilitator" || (finished && viewer !== "observer");
}

function sidesFor(state: TableState, viewer: Viewer): Partial<PerRole<PrivateView>> {
  const finished = state.phase === "finished";
  const out: { buyer?: PrivateView; seller?: PrivateView } = {};
  for (const role of ROLES) {
    if (!seesSide(viewer, role, finished)) continue;
    out[role] = seesNotes(viewer, role, finished) ? withNotes(state, role) : privateData(state, role);
  }
  return out;
}

/**
 * The private data `viewer` may see, by side, without notepads (PrivateData): what the server
 * sends. A side's object keeps its identity while nothing but its notepad changes, so a sender
 * resends private data only when something else did, judging by reference.
 */
export function privateDataFor(state: TableState, viewer: Viewer): Partial<PerRole<PrivateData>> {
  const finished = state.phase === "finished";
  const out: { buyer?: PrivateData; seller?: PrivateData } = {};
  for (const role of ROLES) if (seesSide(viewer, role, finished)) out[role] = privateData(state, role);
  return out;
}

/*
 * Private views are memoised, so unchanged private data keeps its identity and a sender can tell
 * what changed by reference instead of serialising it. Side states are immutable (a change makes
 * a new one). With notes, one view per side state. Without, one view per set of inputs: a note
 * makes a new side state that shares every other part with the old one by reference, so the
 * view last built from the same `learned` list is reused when all its other inputs are the same.
 */
const notedViews = new WeakMap<SidePrivate, PrivateView>();
const dataViews = new WeakMap<SidePrivate, PrivateView>();
const dataViewsByLearned = new WeakMap<SidePrivate["learned"], PrivateView>();

function withNotes(state: TableState, role: Role): PrivateView {
  return cached(notedViews, state.sides[role], (side) => buildPrivateView(state, role, side, true));
}

function privateData(state: TableState, role: Role): PrivateView {
  const side = state.sides[role];
  let view = dataViews.get(side);
  if (view) return view;
  const brief = state.scenario.roles[role];
  const last = dataViewsByLearned.get(side.learned);
  const same =
    last !== undefined &&
    last.role === role &&
    last.walkAway === side.walkAway &&
    last.target === side.target &&
    last.values === side.values &&
    last.hotButtons === side.hotButtons &&
    last.brief === brief.brief &&
    last.strengths === brief.strengths &&
    last.weaknesses === brief.weaknesses;
  view = same ? last : buildPrivateView(state, role, side, false);
  dataViews.set(side, view);
  dataViewsByLearned.set(side.learned, view);
  return view;
}

function buildPrivateView(state: TableState, role: Role, side: SidePrivate, notes: boolean): PrivateView {
  const brief = state.scenario.roles[role];
  const view: Mutable<PrivateView> = {
    role,
    brief: brief.brief,
    walkAway: side.walkAway,
    values: side.values,
    hotButtons: side.hotButtons,
    strengths: brief.strengths,
    weaknesses: brief.weaknesses,
    learned: side.learned,
  };
  if (side.target !== undefined) view.target = side.target;
  if (notes) view.notes = side.notes;
  return view;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function cardsFor(state: TableState, viewer: Viewer): CardView[] {
  const built = cardViews.get(viewer)!;
  return state.cards.map((drawn) => cached(built, drawn, () => cardView(drawn, viewer)));
}

function cardView({ card, round, text }: TableState["cards"][number], viewer: Viewer): CardView {
  const seen = card.visibility === "public" || viewer === "facilitator" || viewer === card.side;
  return seen
    ? { hidden: false, id: card.id, title: card.title, text, visibility: card.visibility, side: card.side, round }
    : { hidden: true, side: card.side, round };
}

export function canSee(event: GameEvent, viewer: Viewer, finished: boolean): boolean {
  if (event.type === "note_taken") return seesNotes(viewer, event.by, finished);
  return reaches(event.audience, viewer);
}

/**
 * The last timeline filtered for each viewer, by whether the game was over (which shows
 * facilitators the notes). A timeline only grows, so the next state's is mostly the same event
 * objects: only the events after them are filtered. Whether they are the same is checked, event
 * by event, so any other timeline is filtered from the start.
 */
type Filtered = { source: readonly GameEvent[]; events: GameEvent[] };
const lastFiltered = new Map<Viewer, { playing: Filtered | null; finished: Filtered | null }>(VIEWERS.map((v) => [v, { playing: null, finished: null }]));

/** The events a viewer may see, with other sides' concession money and card effects removed. */
export function timelineFor(state: TableState, viewer: Viewer): GameEvent[] {
  const finished = state.phase === "finished";
  const { timeline } = state;
  const slots = lastFiltered.get(viewer);
  const last = finished ? slots?.finished : slots?.playing;
  const kept: Filtered = last && startsWith(timeline, last.source) ? last : { source: [], events: [] };
  for (let i = kept.source.length; i < timeline.length; i++) {
    const e = timeline[i] as GameEvent;
    if (canSee(e, viewer, finished)) kept.events.push(redactEvent(e, viewer));
  }
  kept.source = timeline;
  if (slots && finished) slots.finished = kept;
  else if (slots) slots.playing = kept;
  return kept.events.slice();
}

function startsWith(timeline: readonly GameEvent[], prefix: readonly GameEvent[]): boolean {
  if (prefix.length > timeline.length) return false;
  for (let i = 0; i < prefix.length; i++) if (timeline[i] !== prefix[i]) return false;
  return true;
}

export function redactEvent(event: GameEvent, viewer: Viewer): GameEvent {
  if (viewer === "facilitator") return event;
  return cached(redactedEvents.get(viewer)!, event, () => redacted(event, viewer));
}

function redacted(event: GameEvent, viewer: Viewer): GameEvent {
  if (event.type === "concessions" && viewer !== event.by)
    return { ...event, entries: event.entries.map(withoutMoney) };
  // A public card's text is for everyone; its effect data (a new valuation, say) is its side's secret.
  if (event.type === "card_drawn" && viewer !== event.card.side) {
    const { effect: _hidden, ...card } = event.card;
    return { ...event, card };
  }
  return event;
}

function revealOf(state: TableState): Reveal {
  return {
    walkAways: { buyer: state.sides.buyer.walkAway, seller: state.sides.seller.walkAway },
    analysis: analyzeTable(state),
    outcome: state.outcome as Outcome,
    score: state.score as Score,
    dealZone: state.outcome?.kind === "deal" ? zoneOn(state.scenario, state.sides, state.outcome.terms) : null,
  };
}
