import type { GameEvent } from "./events.js";
import { ledgerBalance } from "./ledger.js";
import { otherRole, type Role } from "./roles.js";
import type { Issue } from "./scenario.js";
import { analyzeTable, type DrawAnalysis } from "./scoring.js";
import type { Concession, KnownFact, Offer, Outcome, Package, Score, TableState } from "./state.js";
import { buyerward, formatMoney, formatValue, issueValues } from "./terms.js";
import { brokenCap, penaltyAt, utility } from "./valuation.js";

/*
 * The player's debrief (GAME.md §8): one line per lesson of the trainer's notes, each computed
 * from what happened at the table and written in plain words. Everything is judged against the
 * final numbers, the ones the end-of-game reveal shows both players.
 */

export const LESSONS = ["walk-away", "anchor", "discovery", "curve-balls", "reciprocity", "listening", "notes"] as const;
export type LessonId = (typeof LESSONS)[number];

export type DebriefTone = "good" | "warn" | "info";
export type DebriefLine = { readonly lesson: LessonId; readonly tone: DebriefTone; readonly text: string };

type Verdict = { readonly tone: DebriefTone; readonly text: string };

type Context = {
  readonly state: TableState;
  readonly seat: Role;
  readonly other: Role;
  readonly outcome: Outcome;
  readonly score: Score;
  readonly analysis: DrawAnalysis;
  readonly money: (amount: number) => string;
};

const LINES: { readonly [L in LessonId]: (c: Context) => Verdict } = {
  "walk-away": walkAwayLine,
  anchor: anchorLine,
  discovery: discoveryLine,
  "curve-balls": curveBallLine,
  reciprocity: reciprocityLine,
  listening: listeningLine,
  notes: notesLine,
};

/** One line per lesson, in LESSONS order, for `seat` once the game is over. */
export function debrief(state: TableState, seat: Role): DebriefLine[] {
  // The lines quote the other side's walk-away and valuations: they must not exist mid-game.
  if (state.phase !== "finished" || !state.outcome || !state.score) throw new Error("A debrief exists only once the game is over.");
  const c: Context = {
    state,
    seat,
    other: otherRole(seat),
    outcome: state.outcome,
    score: state.score,
    analysis: analyzeTable(state),
    money: (amount) => formatMoney(amount, state.scenario.currency),
  };
  return LESSONS.map((lesson) => ({ lesson, ...LINES[lesson](c) }));
}

const good = (text: string): Verdict => ({ tone: "good", text });
const warn = (text: string): Verdict => ({ tone: "warn", text });
const info = (text: string): Verdict => ({ tone: "info", text });

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const priceOf = (terms: Package) => terms.price as number;

/** How far a package clears `role`'s walk-away if struck in `round` (negative: short of it). */
function surplusAt(c: Context, role: Role, terms: Package, round: number): number {
  const side = c.state.sides[role];
  return utility(c.state.scenario, role, side, terms) - penaltyAt(side.hotButtons, round);
}

/** Whether `role` could have accepted `offer` in `round` and been better off than with no deal. */
function worthAccepting(c: Context, role: Role, offer: Offer | null, round: number): number | null {
  if (!offer || brokenCap(c.state.sides[role], offer.terms)) return null;
  const surplus = surplusAt(c, role, offer.terms, round);
  return surplus >= 0 ? surplus : null;
}

function termsText(c: Context, terms: Package): string {
  const { scenario } = c.state;
  return scenario.issues
    .filter((i) => i.kind !== "price")
    .map((i) => `${i.label.toLowerCase()} ${formatValue(i, terms[i.id] as number | string, scenario.currency)}`)
    .join(", ");
}

function zopaText(c: Context): string {
  const { zopa } = c.analysis;
  return `prices from ${c.money(zopa.low)} to ${c.money(zopa.high)} worked for both of you with ${termsText(c, zopa.terms)}`;
}

function limitsText(c: Context): string {
  return `your walk-away was ${c.money(c.state.sides[c.seat].walkAway)}, theirs ${c.money(c.state.sides[c.other].walkAway)}`;
}

const NO_ZOPA = "no package could satisfy both of you";

// ---- Be willing to walk away --------------------------------------------------------------

function walkAwayLine(c: Context): Verdict {
  const { outcome } = c;
  switch (outcome.kind) {
    case "deal":
      return dealVerdict(c, outcome);
    case "walkaway":
      return outcome.by === c.seat ? myWalkAwayVerdict(c, outcome.round) : theirWalkAwayVerdict(c);
    case "expired":
      return noDealVerdict(c, "Time ran out", outcome.round, "warn");
    case "ended":
      return noDealVerdict(c, "The facilitator ended the game", outcome.round, "info");
    case "abandoned":
      return outcome.by === c.seat
        ? noDealVerdict(c, "You left the table", outcome.round, "warn")
        : noDealVerdict(c, "They left the table", outcome.round, "info");
  }
}

function dealVerdict(c: Context, deal: Extract<Outcome, { kind: "deal" }>): Verdict {
  const mine = c.score.surplus[c.seat];
  const penalty = c.score.penalties[c.seat];
  const price = c.money(priceOf(deal.terms));
  const opening = deal.acceptedBy === c.seat ? `You accepted their offer of ${price}` : `They accepted your offer of ${price}`;
  const late = penalty > 0 ? `, after ${c.money(penalty)} of hot-button penalties for closing in round ${deal.round}` : "";
  const limit = c.money(c.state.sides[c.seat].walkAway);
  if (mine < 0)
    return warn(`${opening}, which left you ${c.money(-mine)} worse off than your walk-away of ${limit}${late}: no deal would have been better. Be willing to walk away.`);
  const share =
    c.score.joint > 0
      ? ` The deal created ${c.money(c.score.joint)} of the ${c.money(c.analysis.bestJoint)} this draw allowed, and you kept ${Math.round((mine / c.score.joint) * 100)}% of it.`
      : "";
  const nash = c.analysis.nash ? ` The Nash point would have given you ${c.money(c.analysis.nash[c.seat])}.` : "";
  return good(`${opening}: ${c.money(mine)} better than your walk-away of ${limit}${late}.${share}${nash}`);
}

function myWalkAwayVerdict(c: Context, round: number): Verdict {
  if (!c.analysis.zopaExists) return good(`You walked away, and rightly: ${NO_ZOPA} (${limitsText(c)}).`);
  const theirs = c.state.standing[c.other];
  const gain = worthAccepting(c, c.seat, theirs, round);
  if (theirs && gain !== null)
    return warn(`You walked away from their offer of ${c.money(priceOf(theirs.terms))}, which was ${c.money(gain)} better than your walk-away. A deal above your limit beats no deal.`);
  const last = theirs ? `Their last offer was short of your walk-away, but` : `They had made no offer, but`;
  return info(`You walked away without a deal that worked for you. ${last} ${zopaText(c)}: trading on the other terms might have found it.`);
}

function theirWalkAwayVerdict(c: Context): Verdict {
  if (!c.analysis.zopaExists) return info(`They walked away, which was the right call: ${NO_ZOPA} (${limitsText(c)}).`);
  const mine = c.state.standing[c.seat];
  if (!mine) return info(`They walked away before you had made an offer, although ${zopaText(c)}.`);
  const theirGain = surplusAt(c, c.other, mine.terms, c.outcome.round);
  if (theirGain >= 0)
    return info(`They walked away from your offer of ${c.money(priceOf(mine.terms))} although it left them ${c.money(theirGain)} above their walk-away.`);
  return info(`They walked away: your last offer was ${c.money(-theirGain)} short of their walk-away, although ${zopaText(c)}.`);
}

function noDealVerdict(c: Context, reason: string, round: number, toneIfMissed: "warn" | "info"): Verdict {
  if (!c.analysis.zopaExists) return good(`${reason} with no deal, and none was possible: ${NO_ZOPA} (${limitsText(c)}).`);
  const theirs = c.state.standing[c.other];
  const gain = worthAccepting(c, c.seat, theirs, round);
  if (theirs && gain !== null) {
    const text = `${reason} while their offer of ${c.money(priceOf(theirs.terms))} stood ${c.money(gain)} better than your walk-away: accepting it would have beaten no deal.`;
    return toneIfMissed === "warn" ? warn(text) : info(text);
  }
  return info(`${reason} with no deal, although ${zopaText(c)}.`);
}

// ---- Opening anchor ------------------------------------------------------------------------

function anchorLine(c: Context): Verdict {
  const first = (role: Role) => c.state.offers.find((o) => o.by === role) ?? null;
  const mine = first(c.seat);
  const theirs = first(c.other);
  if (!mine) {
    const frame = theirs ? ` Their opening of ${c.money(priceOf(theirs.terms))} set the frame.` : "";
    return info(`You never put an offer of your own on the table.${frame} An early offer anchors the talks where you want them.`);
  }
  const price = c.money(priceOf(mine.terms));
  const opened = theirs && theirs.turn < mine.turn ? `You opened at ${price} after their opening of ${c.money(priceOf(theirs.terms))}` : `You opened first, at ${price}`;
  const forMe = utility(c.state.scenario, c.seat, c.state.sides[c.seat], mine.terms);
  const forThem = utility(c.state.scenario, c.other, c.state.sides[c.other], mine.terms);
  const zone = c.analysis.zopaExists
    ? ` On the best terms the zone of agreement ran from ${c.money(c.analysis.zopa.low)} to ${c.money(c.analysis.zopa.high)}.`
    : " There was no zone of agreement.";
  if (forMe < 0) return warn(`${opened}, already ${c.money(-forMe)} past your own walk-away: open on your side of your limit.${zone}`);
  if (forThem >= 0)
    return warn(`${opened}, inside what they could accept: it left them ${c.money(forThem)} above their walk-away, so they could have taken it at once. Opening beyond their limit leaves room to concede.${zone}`);
  return good(`${opened}: ${c.money(forMe)} better than your walk-away and ${c.money(-forThem)} beyond what they could accept, so you had room to concede.${zone}`);
}

// ---- Questions and what you did with the answers -------------------------------------------

function discoveryLine(c: Context): Verdict {
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

function issueById(c: Context, id: string): Issue {
  const issue = c.state.scenario.issues.find((i) => i.id === id);
  if (!issue) throw new Error(`issue "${id}" is not in the scenario`);
  return issue;
}

/** Whether the offers after a fact was learned show it was put to work, and how (in words). */
function useOf(c: Context, known: KnownFact): { used: boolean; how: string } {
  const before = c.state.offers.filter((o) => o.by === c.seat && o.turn < known.turn);
  const after = c.state.offers.filter((o) => o.by === c.seat && o.turn > known.turn);
  const { fact } = known;
  const walkedAway = c.outcome.kind === "walkaway" && c.outcome.by === c.seat;
  if (fact.kind === "walkAway" && walkedAway && !c.analysis.zopaExists) return { used: true, how: "you walked away from a table where no deal was possible" };
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

/** Money `role` gave up with the offer made on `turn` (the private figure of the ledger). */
function concededAt(c: Context, turn: number, role: Role = c.seat): number {
  return c.state.ledger.filter((l) => l.by === role && l.turn === turn).reduce((sum, l) => sum + l.money, 0);
}

/** Average money `role` gave up per offer among `offers` (0 for none). */
function concessionRate(c: Context, role: Role, offers: readonly Offer[]): number {
  return offers.length === 0 ? 0 : offers.reduce((sum, o) => sum + concededAt(c, o.turn, role), 0) / offers.length;
}

// ---- Curve balls ---------------------------------------------------------------------------

function curveBallLine(c: Context): Verdict {
  const seen = c.state.timeline.filter(
    (e): e is Extract<GameEvent, { type: "card_drawn" | "card_hidden" }> =>
      (e.type === "card_drawn" || e.type === "card_hidden") && (e.audience === "all" || e.audience === c.seat),
  );
  if (seen.length === 0) return info("No curve ball came up in this game.");
  let flinched = false;
  const parts = seen.map((e) => {
    const name = e.type === "card_drawn" ? `"${e.card.title}" (round ${e.round})` : `a private card on their side (round ${e.round})`;
    const answer = nextMove(c, e.seq);
    const landedOnMe = e.type === "card_drawn" && (e.card.side === c.seat || e.card.visibility === "public");
    if (landedOnMe && answer.conceded !== null && isFlinch(c, e.seq, answer.conceded)) flinched = true;
    return `${name}: ${answer.text}`;
  });
  const lesson = flinched ? " A big concession right after a surprise is a flinch: take the pitch, then act." : "";
  const text = `${plural(seen.length, "curve ball")} reached you. ${capitalise(parts.join("; "))}.${lesson}`;
  return flinched ? warn(text) : good(text);
}

/** What `seat` did next after the event numbered `seq`. */
function nextMove(c: Context, seq: number): { text: string; conceded: number | null } {
  for (const e of c.state.timeline.slice(seq + 1)) {
    switch (e.type) {
      case "offer_made": {
        if (e.by !== c.seat) continue;
        const conceded = concededAt(c, e.turn);
        return conceded > 0
          ? { text: `your next offer gave up ${c.money(conceded)}`, conceded }
          : { text: "your next offer held your position", conceded: 0 };
      }
      case "question_asked":
        if (e.by === c.seat) return { text: "you asked a question first", conceded: null };
        continue;
      case "deal":
        return { text: e.acceptedBy === c.seat ? "you accepted their offer" : "they accepted your offer", conceded: null };
      case "walked_away":
        return { text: e.by === c.seat ? "you walked away" : "they walked away", conceded: null };
      case "turn_timed_out":
        if (e.by === c.seat) return { text: "your turn ran out", conceded: null };
        continue;
      case "game_over":
        return { text: "the game ended before you moved", conceded: null };
      default:
        continue;
    }
  }
  return { text: "the game ended before you moved", conceded: null };
}

/**
 * A concession well above what `seat` had been giving per counter-offer before the card. An
 * opening offer concedes nothing by definition, so it is no baseline.
 */
function isFlinch(c: Context, cardSeq: number, conceded: number): boolean {
  if (conceded <= 0) return false;
  const earlier = c.state.timeline.filter((e) => e.seq < cardSeq && e.type === "offer_made" && e.by === c.seat).slice(1);
  if (earlier.length === 0) return false;
  const average = earlier.reduce((sum, e) => sum + concededAt(c, e.turn), 0) / earlier.length;
  return conceded > 2 * average;
}

// ---- Reciprocity ---------------------------------------------------------------------------

function reciprocityLine(c: Context): Verdict {
  const by = (role: Role) => c.state.ledger.filter((l) => l.by === role);
  const mine = by(c.seat);
  const theirs = by(c.other);
  if (mine.length === 0 && theirs.length === 0) return info("Neither side conceded anything: the first positions never moved.");
  const sum = (list: readonly Concession[]) => list.reduce((total, l) => total + l.money, 0);
  const balance = ledgerBalance(c.state.ledger)[c.seat];
  const given = `You made ${plural(mine.length, "concession")} worth ${c.money(sum(mine))} to you; they made ${theirs.length}, worth ${c.money(sum(theirs))} to them.`;
  const again = gaveAgainUnanswered(c);
  if (again > 0)
    return warn(`${given} ${plural(again, "time")} you gave again after they had answered your last concession with nothing. If you give something up, expect something back.`);
  if (mine.length > 0 && theirs.length === 0) return warn(`${given} None of yours was answered. If you give something up, expect something back.`);
  const open = balance.unreciprocated > 0 ? ` ${plural(balance.unreciprocated, "concession")} of yours went unanswered, but you did not chase them with more.` : "";
  if (sum(mine) > 2 * sum(theirs))
    return info(`${given}${open} They answered your moves, but with less than half as much: watch the exchange rate, not just the count.`);
  return good(`${given}${open} You traded rather than gave.`);
}

/** Offers of `seat` that conceded while `seat`'s previous concession had just gone unanswered. */
function gaveAgainUnanswered(c: Context): number {
  const turns = [...new Set(c.state.ledger.filter((l) => l.by === c.seat).map((l) => l.turn))].sort((a, b) => a - b);
  let count = 0;
  for (let i = 1; i < turns.length; i++) {
    const previous = c.state.ledger.filter((l) => l.by === c.seat && l.turn === turns[i - 1]);
    if (previous.some((l) => l.status === "unreciprocated")) count++;
  }
  return count;
}

// ---- Listening -----------------------------------------------------------------------------

function listeningLine(c: Context): Verdict {
  const mine = c.state.interruptions[c.seat];
  const theirs = c.state.interruptions[c.other];
  const them = theirs > 0 ? ` They acted out of turn ${plural(theirs, "time")}.` : "";
  if (mine === 0) return good(`You never acted out of turn: you let them finish every move.${them}`);
  const attempts = new Map<string, number>();
  for (const e of c.state.timeline) if (e.type === "interruption" && e.by === c.seat) attempts.set(e.attempted, (attempts.get(e.attempted) ?? 0) + 1);
  const what = [...attempts].map(([type, n]) => `${plural(n, ATTEMPT_WORDS[type] ?? type)}`).join(", ");
  return warn(`You tried to act out of turn ${plural(mine, "time")} (${what}). Wait for their move, and listen to it.${them}`);
}

const ATTEMPT_WORDS: Readonly<Record<string, string>> = { offer: "offer", accept: "acceptance", ask: "question", walk_away: "walk-away" };

// ---- Notes ---------------------------------------------------------------------------------

const NOTES_LISTED = 4;

function notesLine(c: Context): Verdict {
  const taken = c.state.timeline.filter((e) => e.type === "note_taken" && e.by === c.seat);
  if (taken.length === 0)
    return warn("You took no notes. Writing down what they say, above all their answers and the curve balls, gives you a record to use in the game and to review now.");
  const when = taken.slice(0, NOTES_LISTED).map((note) => {
    const before = precedingEvent(c, note.seq);
    return `round ${note.round}${before ? `, after ${before}` : ""}`;
  });
  const more = taken.length > NOTES_LISTED ? `, and ${taken.length - NOTES_LISTED} more` : "";
  return good(`You took ${plural(taken.length, "note")}: ${when.join("; ")}${more}. Read them beside the timeline: what did you notice, and what did you do with it?`);
}

/** The nearest earlier event `seat` saw, in words (notes and bookkeeping such as a new round are skipped). */
function precedingEvent(c: Context, seq: number): string | null {
  for (let i = seq - 1; i >= 0; i--) {
    const e = c.state.timeline[i];
    if (!e || (e.audience !== "all" && e.audience !== c.seat)) continue;
    const words = eventWords(c, e);
    if (words) return words;
  }
  return null;
}

function eventWords(c: Context, e: GameEvent): string | null {
  const whose = (role: Role) => (role === c.seat ? "your" : "their");
  switch (e.type) {
    case "offer_made":
      return `${whose(e.by)} offer of ${c.money(priceOf(e.terms))}`;
    case "question_asked":
      return `${whose(e.by)} question "${e.text}"`;
    case "question_answered":
      return `the answer to your question "${c.state.scenario.questions.find((q) => q.id === e.questionId)?.text ?? e.questionId}"`;
    case "card_drawn":
      return `the curve ball "${e.card.title}"`;
    case "card_hidden":
      return "a private card on their side";
    case "fact_revealed":
      return "a leak about their position";
    case "deadline_changed":
      return `the deadline moving to round ${e.lastRound}`;
    case "turn_timed_out":
      return `${whose(e.by)} turn running out`;
    case "paused":
    case "resumed":
    case "time_added":
      return "a word from the facilitator";
    case "round_started":
    case "concessions":
    case "note_taken":
    case "interruption":
    case "walked_away":
    case "deal":
    case "game_over":
      return null;
  }
}
