import type { Scenario } from "../../../shared/engine/index.js";
import { fixtureJson, parseOrThrow } from "./fixture.js";

/*
 * The fixture with every private value replaced by a sentinel that cannot turn up by chance:
 * odd five- and six-digit numbers (prices move in thousands, times in whole seconds) and marked
 * texts. Every private text carries its owner ("-buyer" / "-seller") so a leak names itself.
 */
export function sentinelScenario(): Scenario {
  const raw = fixtureJson();
  raw.issues[0] = { kind: "price", id: "price", label: "Price", min: 100000, max: 200000, step: 1000, unit: "USD" };
  const { buyer, seller } = raw.roles;
  buyer.brief = "BRIEF-SECRET-buyer";
  seller.brief = "BRIEF-SECRET-seller";
  buyer.walkAway = { min: 123457, max: 123457 };
  seller.walkAway = { min: 98713, max: 98713 };
  buyer.values = { support: { byOption: { basic: 0, premium: 31337 } }, warranty: { atMin: 0, atMax: 27183 }, delivery: { atMin: 16183, atMax: 0 } };
  seller.values = { support: { byOption: { basic: 0, premium: 14159 } }, warranty: { atMin: 0, atMax: 26535 }, delivery: { atMin: 35897, atMax: 0 } };
  buyer.hotButtons = [
    { kind: "compliance", id: "audit", label: "AUDIT-LABEL-buyer", text: "AUDIT-SECRET-buyer after {byRound}, costs {penalty}.", byRound: 3, penalty: 42437 },
    { kind: "budgetCap", id: "cap", label: "CAP-LABEL-buyer", text: "CAP-SECRET-buyer at most {max}.", issueId: "price", max: 187771 },
  ];
  seller.hotButtons = [
    { kind: "deadline", id: "quarter", label: "QUARTER-LABEL-seller", text: "QUARTER-SECRET-seller after {afterRound}, {costPerRound} a round.", afterRound: 2, costPerRound: 61511 },
  ];
  buyer.strengths = [{ id: "others", text: "STRENGTH-SECRET-buyer", tiedTo: { kind: "walkAway" } }];
  buyer.weaknesses = [{ id: "hurry", text: "WEAKNESS-SECRET-buyer", tiedTo: { kind: "hotButton", id: "audit" } }];
  seller.strengths = [{ id: "cheap", text: "STRENGTH-SECRET-seller", tiedTo: { kind: "value", issueId: "warranty" } }];
  seller.weaknesses = [{ id: "crew", text: "WEAKNESS-SECRET-seller" }];
  // An answer comes from the answering side's brief: it is that side's secret until asked.
  raw.questions = [
    { id: "seller-date", askedBy: "buyer", text: "Is there a date?", answer: "ANSWER[seller-date] {quarter.costPerRound} after {quarter.afterRound}.", reveals: { kind: "hotButton", id: "quarter" } },
    { id: "seller-floor", askedBy: "buyer", text: "What is your floor?", answer: "ANSWER[seller-floor] {walkAway}.", reveals: { kind: "walkAway" } },
    { id: "seller-support", askedBy: "buyer", text: "What does support cost you?", answer: "ANSWER[seller-support]", reveals: { kind: "value", issueId: "support" } },
    { id: "seller-chat", askedBy: "buyer", text: "How is business?", answer: "ANSWER[seller-chat]" },
    { id: "buyer-budget", askedBy: "seller", text: "Is there a budget?", answer: "ANSWER[buyer-budget] {cap.max}.", reveals: { kind: "hotButton", id: "cap" } },
    { id: "buyer-floor", askedBy: "seller", text: "What is your ceiling?", answer: "ANSWER[buyer-floor] {walkAway}.", reveals: { kind: "walkAway" } },
    { id: "buyer-chat", askedBy: "seller", text: "How is the weather?", answer: "ANSWER[buyer-chat]" },
  ];
  // Private cards carry the side they land on in title and text; public ones are public by design.
  raw.deck = {
    firstRound: 1,
    chancePerRound: 0.5,
    maxCards: 3,
    cards: [
      { id: "b-shift", title: "CARDTITLE[b-shift]", text: "CARD[b-shift] by {by}.", visibility: "private", side: "buyer", effect: { kind: "shiftWalkAway", by: -1009 } },
      { id: "s-shift", title: "CARDTITLE[s-shift]", text: "CARD[s-shift] by {by}.", visibility: "private", side: "seller", effect: { kind: "shiftWalkAway", by: 1013 } },
      { id: "b-value", title: "CARDTITLE[b-value]", text: "CARD[b-value].", visibility: "private", side: "buyer", effect: { kind: "changeValue", issueId: "warranty", value: { atMin: 0, atMax: 45677 } } },
      { id: "s-bleed", title: "CARDTITLE[s-bleed]", text: "CARD[s-bleed] {amount}.", visibility: "private", side: "seller", effect: { kind: "perRoundCost", amount: 7919 } },
      { id: "b-leak", title: "CARDTITLE[b-leak]", text: "CARD[b-leak].", visibility: "private", side: "buyer", effect: { kind: "reveal", fact: { kind: "walkAway" } } },
      { id: "s-leak", title: "CARDTITLE[s-leak]", text: "CARD[s-leak].", visibility: "private", side: "seller", effect: { kind: "reveal", fact: { kind: "hotButton", id: "audit" } } },
      { id: "deadline", title: "Deadline moves", text: "The talks gain {by} rounds.", visibility: "public", side: "buyer", effect: { kind: "changeDeadline", by: 2 } },
      { id: "pub-bleed", title: "Public bleed", text: "The buyer now loses {amount} a round.", visibility: "public", side: "buyer", effect: { kind: "perRoundCost", amount: 300 } },
      // Public: both sides read that the seller's delivery costs changed, but not by how much.
      { id: "pub-value", title: "Crew shortage", text: "The seller's install crew is short-staffed.", visibility: "public", side: "seller", effect: { kind: "changeValue", issueId: "delivery", value: { atMin: 52361, atMax: 0 } } },
    ],
  };
  return parseOrThrow(raw);
}
