import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  apply,
  createTable,
  debrief,
  LESSONS,
  parseScenario,
  type Action,
  type DebriefLine,
  type HotButton,
  type LessonId,
  type Package,
  type Role,
  type Scenario,
  type TableState,
} from "../../shared/engine/index.js";

/*
 * Scripted games on fixtures/minimal.json with fixed walk-aways and no scheduled cards, so every
 * figure in a line can be checked by hand. Issues: price 1000..3000 (step 100), support
 * basic|premium, warranty 0..24 months (step 12). Buyer values premium 400, warranty 240 at 24;
 * seller costs premium 100, warranty 60 at 24: best terms premium + 24 months (joint +480).
 */

function scenario(): Scenario {
  const raw = JSON.parse(readFileSync(new URL("./fixtures/minimal.json", import.meta.url), "utf8"));
  raw.deck.chancePerRound = 0;
  raw.questions.push(
    { id: "seller-warranty", askedBy: "buyer", text: "What does a long warranty cost you?", answer: "Very little.", reveals: { kind: "value", issueId: "warranty" } },
    { id: "seller-weather", askedBy: "buyer", text: "How is the weather?", answer: "Fine, thanks." },
    { id: "buyer-floor", askedBy: "seller", text: "What is your limit?", answer: "We cannot go above {walkAway}.", reveals: { kind: "walkAway" } },
  );
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const SCENARIO = scenario();
const QUARTER: HotButton = { kind: "deadline", id: "quarter", label: "Quarter", text: "Your quarter closes after round 2.", afterRound: 2, costPerRound: 50 };

type Setup = { buyer?: number; seller?: number; rounds?: number; hot?: { buyer?: HotButton[]; seller?: HotButton[] } };

/** A table with chosen walk-aways (default: a ZOPA), room for long scripts and no hot buttons unless given. */
function table({ buyer = 2500, seller = 1500, rounds = 8, hot = {} }: Setup = {}): TableState {
  const t = createTable(SCENARIO, "debrief", { now: 0, rounds });
  return {
    ...t,
    sides: {
      buyer: { ...t.sides.buyer, walkAway: buyer, hotButtons: hot.buyer ?? [] },
      seller: { ...t.sides.seller, walkAway: seller, hotButtons: hot.seller ?? [] },
    },
  };
}

const T = (price: number, support = "basic", warranty = 0): Package => ({ price, support, warranty });
const offer = (by: Role, terms: Package): Action => ({ type: "offer", by, terms });
const ask = (by: Role, questionId: string): Action => ({ type: "ask", by, questionId });
const note = (by: Role, text: string): Action => ({ type: "note", by, text });

/** Apply actions that must all be accepted; a timeout fires at the turn's deadline. */
function play(state: TableState, actions: readonly Action[]): TableState {
  return actions.reduce((s, action) => {
    const result = apply(s, action, action.type === "timeout" ? (s.turnEndsAt ?? 0) : 1);
    if (!result.ok) throw new Error(`${action.type} refused: ${result.error.message}`);
    return result.state;
  }, state);
}

const END: Action = { type: "end" };

function line(state: TableState, seat: Role, lesson: LessonId): DebriefLine {
  const found = debrief(state, seat).find((l) => l.lesson === lesson);
  if (!found) throw new Error(`no ${lesson} line`);
  return found;
}

describe("debrief: shape", () => {
  it("refuses a game that is still running, since it quotes the other side's numbers", () => {
    expect(() => debrief(table(), "buyer")).toThrow(/only once the game is over/);
  });

  const endings: [string, TableState][] = [
    ["deal", play(table(), [offer("seller", T(2400)), { type: "accept", by: "buyer" }])],
    ["walkaway", play(table(), [offer("seller", T(2400)), { type: "walk_away", by: "buyer" }])],
    ["expired", play(table({ rounds: 1 }), [offer("seller", T(2400)), { type: "timeout" }])],
    ["abandoned", play(table(), [offer("seller", T(2400)), { type: "abandon", by: "seller" }])],
    ["ended", play(table(), [offer("seller", T(2400)), END])],
  ];

  it.each(endings)("gives one plain line per lesson, in order, to both seats after a %s", (kind, state) => {
    expect(state.outcome?.kind).toBe(kind);
    for (const seat of ["buyer", "seller"] as const) {
      const lines = debrief(state, seat);
      expect(lines.map((l) => l.lesson)).toEqual([...LESSONS]);
      for (const l of lines) {
        expect(["good", "warn", "info"]).toContain(l.tone);
        expect(l.text, `${seat} ${l.lesson}`).not.toMatch(/undefined|NaN|Infinity|null|\{|\}|\[object/);
        expect(l.text.length).toBeGreaterThan(20);
      }
    }
  });
});

describe("debrief: walk-away discipline", () => {
  it("praises a deal above the walk-away with its surplus, share and Nash point", () => {
    const state = play(table(), [offer("seller", T(2400)), { type: "accept", by: "buyer" }]);
    const buyer = line(state, "buyer", "walk-away");
    expect(buyer.tone).toBe("good");
    expect(buyer.text).toContain("You accepted their offer of $2,400 against your walk-away of $2,500: $100 better.");
    expect(buyer.text).toContain("Together you made $1,000 of the $1,480 the best deal could have made, and you kept 10 % of it.");
    expect(buyer.text).toMatch(/The Nash point .* would have given you \$\d/);
    expect(line(state, "seller", "walk-away").text).toContain("They accepted your offer of $2,400 against your walk-away of $1,500: $900 better.");
  });

  it("warns about accepting below the walk-away", () => {
    const state = play(table(), [offer("seller", T(2700)), { type: "accept", by: "buyer" }]);
    const buyer = line(state, "buyer", "walk-away");
    expect(buyer.tone).toBe("warn");
    expect(buyer.text).toContain("You accepted their offer of $2,700 against your walk-away of $2,500: $200 worse. No deal would have been better.");
  });

  it("counts late-deal penalties against the deal", () => {
    const audit: HotButton = { kind: "compliance", id: "audit", label: "Audit", text: "Audit after round 1.", byRound: 1, penalty: 300 };
    const state = play(table({ hot: { buyer: [audit] } }), [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2300)), { type: "accept", by: "buyer" }]);
    const buyer = line(state, "buyer", "walk-away");
    expect(buyer.tone).toBe("warn");
    expect(buyer.text).toContain("against your walk-away of $2,500: $200 better, less $300 of hot-button costs for closing in round 2: $100 worse in the end.");
  });

  it("approves walking away when there was no ZOPA, for the one who walked and the one left", () => {
    const state = play(table({ buyer: 1500, seller: 2500 }), [offer("seller", T(2900)), { type: "walk_away", by: "buyer" }]);
    const buyer = line(state, "buyer", "walk-away");
    expect(buyer).toEqual({
      lesson: "walk-away",
      tone: "good",
      text: "You walked away, and rightly: the walk-aways did not overlap (even on the best terms their floor was $2,660, your ceiling $2,140).",
    });
    const seller = line(state, "seller", "walk-away");
    expect(seller.tone).toBe("info");
    expect(seller.text).toContain("They walked away, which was the right call");
  });

  it("warns about walking away from an offer above the walk-away", () => {
    const state = play(table(), [offer("seller", T(2400)), { type: "walk_away", by: "buyer" }]);
    const buyer = line(state, "buyer", "walk-away");
    expect(buyer.tone).toBe("warn");
    expect(buyer.text).toContain("You walked away from their offer of $2,400, which was $100 better than your walk-away.");
    expect(line(state, "seller", "walk-away").text).toBe("They walked away from your offer of $2,400 although it left them $100 above their walk-away.");
  });

  it("explains a walk-away while a deal was possible but not yet offered", () => {
    const state = play(table(), [offer("seller", T(2900)), { type: "walk_away", by: "buyer" }]);
    const buyer = line(state, "buyer", "walk-away");
    expect(buyer.tone).toBe("info");
    expect(buyer.text).toContain(
      "Their last offer of $2,900 was $400 short of your walk-away, but on the best terms (support Premium, warranty 24 months) any price from $1,700 to $3,000 worked for both of you (the price range ends at $3,000; the walk-aways alone reached $3,140)",
    );
    expect(line(state, "seller", "walk-away").text).toContain("your last offer of $2,900 was $400 short of their walk-away");
  });

  it("does not count an offer the walker's budget cap forbade accepting", () => {
    const cap: HotButton = { kind: "budgetCap", id: "cap", label: "Budget", text: "At most $2,300.", issueId: "price", max: 2300 };
    const state = play(table({ hot: { buyer: [cap] } }), [offer("seller", T(2400)), { type: "walk_away", by: "buyer" }]);
    expect(line(state, "buyer", "walk-away").tone).toBe("info");
  });

  it("warns when time ran out on an acceptable offer, and approves it with no ZOPA", () => {
    const missed = play(table({ rounds: 1 }), [offer("seller", T(2400)), { type: "timeout" }]);
    expect(missed.outcome?.kind).toBe("expired");
    const buyer = line(missed, "buyer", "walk-away");
    expect(buyer.tone).toBe("warn");
    expect(buyer.text).toBe("Time ran out while their offer of $2,400 stood $100 better than your walk-away: accepting it would have beaten no deal.");
    const none = play(table({ buyer: 1500, seller: 2500, rounds: 1 }), [offer("seller", T(2900)), { type: "timeout" }]);
    expect(line(none, "buyer", "walk-away")).toMatchObject({ tone: "good", text: expect.stringContaining("Time ran out with no deal, and none was possible") });
  });

  it("names who ended or left the game", () => {
    const ended = play(table(), [offer("seller", T(2900)), END]);
    expect(line(ended, "buyer", "walk-away")).toMatchObject({ tone: "info", text: expect.stringContaining("The facilitator ended the game with no deal, although on the best terms (support Premium, warranty 24 months) any price from $1,700 to $3,000") });
    const left = play(table(), [offer("seller", T(2400)), { type: "abandon", by: "buyer" }]);
    expect(line(left, "buyer", "walk-away")).toMatchObject({ tone: "warn", text: expect.stringContaining("You left the table while their offer of $2,400") });
    expect(line(left, "seller", "walk-away")).toMatchObject({ tone: "info", text: expect.stringContaining("They left the table") });
  });
});

describe("debrief: opening anchor", () => {
  it("notes a side that never made an offer", () => {
    const state = play(table(), [offer("seller", T(2900)), { type: "walk_away", by: "buyer" }]);
    expect(line(state, "buyer", "anchor")).toEqual({
      lesson: "anchor",
      tone: "info",
      text: "You never put an offer of your own on the table. Their opening of $2,900 set the frame. An early offer anchors the talks where you want them.",
    });
  });

  it("praises an opening beyond what the other side could accept", () => {
    const state = play(table(), [offer("seller", T(2900)), offer("buyer", T(1400)), END]);
    const seller = line(state, "seller", "anchor");
    expect(seller.tone).toBe("good");
    expect(seller.text).toBe(
      "You opened first, at $2,900: $1,400 better than your walk-away and $400 beyond what they could accept, so you had room to concede. On the best terms (support Premium, warranty 24 months) any price from $1,700 to $3,000 worked for both of you (the price range ends at $3,000; the walk-aways alone reached $3,140).",
    );
    expect(line(state, "buyer", "anchor").text).toContain("You opened at $1,400 after their opening of $2,900: $1,100 better than your walk-away and $100 beyond");
  });

  it("warns about an opening the other side could take at once", () => {
    const state = play(table(), [offer("seller", T(2400)), END]);
    expect(line(state, "seller", "anchor")).toMatchObject({ tone: "warn", text: expect.stringContaining("inside what they could accept: it left them $100 above their walk-away") });
  });

  it("warns about an opening already past one's own walk-away, and says when there was no ZOPA", () => {
    const state = play(table({ buyer: 1500, seller: 2500 }), [offer("seller", T(2400)), END]);
    const seller = line(state, "seller", "anchor");
    expect(seller.tone).toBe("warn");
    expect(seller.text).toContain("already $100 past your own walk-away");
    expect(seller.text).toContain("There was no zone of agreement: the walk-aways did not overlap (even on the best terms your floor was $2,660, their ceiling $2,140).");
  });
});

describe("debrief: questions and what you did with them", () => {
  it("warns a side that asked nothing, counting what the answers would have revealed", () => {
    const state = play(table(), [offer("seller", T(2900)), END]);
    expect(line(state, "buyer", "discovery")).toEqual({
      lesson: "discovery",
      tone: "warn",
      text: "You asked none of your 3 questions; 2 answers would have told you something private about their position. Listening costs a turn and pays in knowledge.",
    });
  });

  it("credits moving on an issue after learning what it means to them", () => {
    const state = play(table(), [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2800)), ask("buyer", "seller-warranty"), offer("seller", T(2700)), offer("buyer", T(1900, "basic", 24)), END]);
    expect(line(state, "buyer", "discovery")).toEqual({
      lesson: "discovery",
      tone: "good",
      text: "You asked 1 of your 3 questions and learned 1 private fact: after learning what warranty means to them, your offers moved on warranty.",
    });
  });

  it("warns when a learned value never changed an offer, or no offer followed", () => {
    const still = play(table(), [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2800)), ask("buyer", "seller-warranty"), offer("seller", T(2700)), offer("buyer", T(1900)), END]);
    expect(line(still, "buyer", "discovery")).toMatchObject({ tone: "warn", text: expect.stringContaining("you learned what warranty means to them but your offers never moved on warranty") });
    const silent = play(table(), [offer("seller", T(2900)), ask("buyer", "seller-warranty"), END]);
    expect(line(silent, "buyer", "discovery").text).toContain("but made no offer afterwards");
  });

  it("credits slowing concessions after learning their deadline, and warns about speeding up", () => {
    const opening = [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2800)), offer("buyer", T(2200)), offer("seller", T(2700)), ask("buyer", "seller-date"), offer("seller", T(2600))];
    const slower = play(table({ hot: { seller: [QUARTER] } }), [...opening, offer("buyer", T(2300)), END]);
    expect(line(slower, "buyer", "discovery")).toMatchObject({
      tone: "good",
      text: expect.stringContaining("after learning their quarter, you conceded less per offer ($100 against $400 before)"),
    });
    const faster = play(table({ hot: { seller: [QUARTER] } }), [...opening, offer("buyer", T(2700)), END]);
    expect(line(faster, "buyer", "discovery")).toMatchObject({ tone: "warn", text: expect.stringContaining("you conceded more per offer afterwards ($500 against $400 before)") });
  });

  it("judges the pace against theirs when the deadline was learned before any counter-offer", () => {
    const early = [offer("seller", T(2900)), ask("buyer", "seller-date"), offer("seller", T(2700)), offer("buyer", T(1800)), offer("seller", T(2500)), offer("buyer", T(1900)), END];
    expect(line(play(table({ hot: { seller: [QUARTER] } }), early), "buyer", "discovery").text).toContain("you conceded less per offer ($100 against $200 from them)");
  });

  it("credits staying within a learned budget cap and offering inside a learned walk-away", () => {
    const cap: HotButton = { kind: "budgetCap", id: "cap", label: "Budget", text: "At most $2,800.", issueId: "price", max: 2800 };
    const capped = play(table({ hot: { buyer: [cap] } }), [ask("seller", "buyer-budget"), offer("buyer", T(1800)), offer("seller", T(2800)), END]);
    expect(line(capped, "seller", "discovery").text).toContain("after learning their budget, your offers stayed within their limit of $2,800");
    const floor = play(table(), [ask("seller", "buyer-floor"), offer("buyer", T(1800)), offer("seller", T(2500)), END]);
    expect(line(floor, "seller", "discovery")).toMatchObject({ tone: "good", text: expect.stringContaining("after learning their walk-away, you made an offer inside their limit") });
  });

  it("warns about offers past a learned cap or never inside a learned walk-away, and credits walking from no ZOPA", () => {
    const cap: HotButton = { kind: "budgetCap", id: "cap", label: "Budget", text: "At most $2,800.", issueId: "price", max: 2800 };
    const over = play(table({ hot: { buyer: [cap] } }), [ask("seller", "buyer-budget"), offer("buyer", T(1800)), offer("seller", T(2900)), END]);
    expect(line(over, "seller", "discovery")).toMatchObject({ tone: "warn", text: expect.stringContaining("you still offered above their limit of $2,800") });
    const beyond = play(table(), [ask("seller", "buyer-floor"), offer("buyer", T(1800)), offer("seller", T(2900)), END]);
    expect(line(beyond, "seller", "discovery").text).toContain("none of your later offers came inside their limit");
    const hopeless = play(table({ buyer: 1500, seller: 2500 }), [ask("seller", "buyer-floor"), offer("buyer", T(1400)), { type: "walk_away", by: "seller" }]);
    expect(line(hopeless, "seller", "discovery")).toMatchObject({
      tone: "good",
      text: expect.stringContaining("after learning their walk-away, you walked away from a table where no deal was possible"),
    });
  });

  it("is neutral when the answers revealed nothing private", () => {
    const state = play(table(), [offer("seller", T(2900)), ask("buyer", "seller-weather"), END]);
    expect(line(state, "buyer", "discovery")).toMatchObject({ tone: "info", text: "You asked 1 of your 3 questions, but none of the answers gave away a private fact." });
  });
});

describe("debrief: curve balls", () => {
  it("says so when no card came up", () => {
    const state = play(table(), [offer("seller", T(2900)), END]);
    expect(line(state, "buyer", "curve-balls")).toEqual({ lesson: "curve-balls", tone: "info", text: "No curve ball came up in this game." });
  });

  it("describes the next move after each card, and hides the other side's private card", () => {
    const state = play(table(), [offer("seller", T(2900)), offer("buyer", T(1800)), { type: "curveball", cardId: "competitor" }, offer("seller", T(2800)), offer("buyer", T(1800)), END]);
    expect(line(state, "buyer", "curve-balls")).toEqual({
      lesson: "curve-balls",
      tone: "good",
      text: '1 curve ball reached you. "A competitor calls" (round 2): your next offer held your position.',
    });
    expect(line(state, "seller", "curve-balls").text).toBe("1 curve ball reached you. A private card on their side (round 2): your next offer gave up $100.");
  });

  it("flags a flinch: a concession far above the usual right after a card", () => {
    const state = play(table(), [
      offer("seller", T(2900)),
      offer("buyer", T(1800)),
      offer("seller", T(2800)),
      offer("buyer", T(1900)),
      { type: "curveball", cardId: "board-early" },
      offer("seller", T(2700)),
      offer("buyer", T(2400)),
      END,
    ]);
    const buyer = line(state, "buyer", "curve-balls");
    expect(buyer.tone).toBe("warn");
    expect(buyer.text).toContain('"Board meets early" (round 3): your next offer gave up $500');
    expect(buyer.text).toContain("flinch");
    expect(line(state, "seller", "curve-balls")).toMatchObject({ tone: "good", text: expect.stringContaining("your next offer gave up $100") });
  });

  it("reads a move back after a card as taking back, never as holding or giving", () => {
    const state = play(table(), [
      offer("seller", T(2900)),
      offer("buyer", T(1800)),
      offer("seller", T(2800)),
      offer("buyer", T(1900)),
      { type: "curveball", cardId: "board-early" },
      offer("seller", T(2700)),
      offer("buyer", T(1700)),
      { type: "curveball", cardId: "competitor" },
      offer("seller", T(2600)),
      offer("buyer", T(1700)),
      END,
    ]);
    const buyer = line(state, "buyer", "curve-balls");
    expect(buyer.text).toContain('"Board meets early" (round 3): your next offer took back $200');
    expect(buyer.text).toContain('"A competitor calls" (round 4): your next offer held your position');
    expect(buyer.tone).toBe("good");
  });

  it("reports a game that ended before the player answered the card", () => {
    const state = play(table(), [offer("seller", T(2900)), { type: "curveball", cardId: "competitor" }, END]);
    expect(line(state, "buyer", "curve-balls").text).toContain("the game ended before you moved");
  });
});

describe("debrief: reciprocity", () => {
  it("is neutral when nobody moved", () => {
    const state = play(table(), [offer("seller", T(2400)), { type: "accept", by: "buyer" }]);
    expect(line(state, "seller", "reciprocity")).toEqual({ lesson: "reciprocity", tone: "info", text: "Neither side conceded anything: the first positions never moved." });
  });

  // Seller's view throughout; openings $2,900 and $1,800: $1,100 apart for both sides.
  const cases: [string, Action[], "good" | "warn" | "info", string][] = [
    [
      "traded concessions: money and share of the distance between the openings",
      [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2800)), offer("buyer", T(1900)), offer("seller", T(2700)), END],
      "good",
      "You made 2 concessions, giving up $200 net, 18% of the distance between the two openings; they made 1 concession, giving up $100 net, 9% of the distance between the two openings. You traded rather than gave.",
    ],
    [
      "no concession of one's own is never called trading",
      [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2900)), offer("buyer", T(1900)), offer("seller", T(2900)), END],
      "info",
      "You made no concession; they made 1 concession, giving up $100 net, 9% of the distance between the two openings. You gave nothing back for theirs: holding firm can pay, but a side that gets nothing back stops giving.",
    ],
    [
      "a move back is named a retraction, and giving that ground again is no new concession",
      [
        offer("seller", T(2900)),
        offer("buyer", T(1800)),
        offer("seller", T(2700)),
        offer("buyer", T(1900)),
        offer("seller", T(2900)),
        offer("buyer", T(2000)),
        offer("seller", T(2800)),
        END,
      ],
      "warn",
      "You made 1 concession and 1 retraction (you moved back on price), giving up $100 net, 9% of the distance between the two openings; they made 2 concessions, giving up $200 net, 18% of the distance between the two openings. Taking back ground you gave tells the other side your offers do not hold: if you must, trade it back for something.",
    ],
    [
      "above 100 % only past the other side's opening, and then it says so",
      [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(1700)), { type: "accept", by: "buyer" }],
      "warn",
      "You made 1 concession, giving up $1,200 net, 109% of the distance between the two openings: more than all of it, because your last offer gave more than their opening asked for; they made no concession. None of yours was answered with one of theirs. If you give something up, expect something back.",
    ],
    [
      "giving again after a concession went unanswered",
      [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2800)), offer("buyer", T(1800)), offer("seller", T(2700)), END],
      "warn",
      "You made 2 concessions, giving up $200 net, 18% of the distance between the two openings; they made no concession. 1 time you gave again after they had answered your last concession with nothing. If you give something up, expect something back.",
    ],
    [
      "answered, but with much less: the exchange rate",
      [offer("seller", T(2900)), offer("buyer", T(1800)), offer("seller", T(2600)), offer("buyer", T(1900)), offer("seller", T(2300)), offer("buyer", T(2000)), END],
      "info",
      "You made 2 concessions, giving up $600 net, 55% of the distance between the two openings; they made 2 concessions, giving up $200 net, 18% of the distance between the two openings. They answered your moves, but with less than half as much: watch the exchange rate, not just the count.",
    ],
  ];
  it.each(cases)("%s", (_label, actions, tone, text) => {
    expect(line(play(table(), actions), "seller", "reciprocity")).toEqual({ lesson: "reciprocity", tone, text });
  });

  it("no reciprocity line says both that one gave nothing and that one traded, nor shows a share above 100 % without saying why", () => {
    for (const [, actions] of cases)
      for (const seat of ["buyer", "seller"] as const) {
        const text = line(play(table(), actions), seat, "reciprocity").text;
        if (/You made (no|0) concession/.test(text)) expect(text).not.toMatch(/traded/);
        for (const [, share] of text.matchAll(/(\d+)% of the distance/g)) if (Number(share) > 100) expect(text).toContain("more than all of it");
      }
  });
});

describe("debrief: listening", () => {
  it("counts one's own interruptions by kind and mentions the other side's", () => {
    const start = play(table(), [offer("seller", T(2900))]);
    const interrupted = [offer("seller", T(2800)), { type: "accept", by: "seller" } as Action].reduce((s, a) => {
      const result = apply(s, a, 1);
      expect(result.ok).toBe(false);
      return result.state;
    }, start);
    const state = play(interrupted, [END]);
    expect(line(state, "seller", "listening")).toEqual({
      lesson: "listening",
      tone: "warn",
      text: "You tried to act out of turn 2 times (1 offer, 1 acceptance). Wait for their move, and listen to it.",
    });
    expect(line(state, "buyer", "listening")).toEqual({
      lesson: "listening",
      tone: "good",
      text: "You never acted out of turn: you let them finish every move. They acted out of turn 2 times.",
    });
  });
});

describe("debrief: notes", () => {
  it("warns a side that took no notes", () => {
    const state = play(table(), [offer("seller", T(2900)), END]);
    expect(line(state, "buyer", "notes").tone).toBe("warn");
  });

  it("places each note beside what had just happened, listing four and counting the rest", () => {
    const state = play(table(), [
      offer("seller", T(2900)),
      note("buyer", "They opened high."),
      ask("buyer", "seller-warranty"),
      note("buyer", "Warranty is cheap for them."),
      { type: "curveball", cardId: "bleed" },
      note("buyer", "Something happened on their side."),
      note("seller", "My own note is not theirs."),
      offer("seller", T(2800)),
      note("buyer", "They moved."),
      note("buyer", "Fifth note."),
      END,
    ]);
    expect(line(state, "buyer", "notes")).toEqual({
      lesson: "notes",
      tone: "good",
      text:
        'You took 5 notes: round 1, after their offer of $2,900; round 2, after the answer to your question "What does a long warranty cost you?"; ' +
        "round 2, after a private card on their side; round 2, after their offer of $2,800, and 1 more. Read them beside the timeline: what did you notice, and what did you do with it?",
    });
    expect(line(state, "seller", "notes").text).toContain("You took 1 note: round 2, after the curve ball \"Money bleeds\".");
  });
});
