import { describe, expect, it } from "vitest";
import { BOT_LEVELS, BOT_NAMES, BOT_TACTICS, botMove, botProfile, profileByName, tacticProfile, type BotProfile } from "../../shared/bots/index.js";
import { createTable, currentRound, describeFact, priceIssue, viewFor, type Action, type Package, type Scenario, type TableState, type TableView } from "../../shared/engine/index.js";
import { playGame } from "../../shared/sim/play.js";
import { applied, moveOf, T0, trueNet } from "./helpers/moves.js";
import { calm, shipped, SHIPPED } from "./helpers/scenarios.js";
import { endPackage } from "./helpers/scripted.js";

const backup = shipped("backup-appliance");
const quiet = (p: BotProfile): BotProfile => ({ ...p, curiosity: 0 });

describe("profiles", () => {
  it("levels a facilitator understands map onto the tactics, firmest last", () => {
    expect(BOT_LEVELS).toEqual(["easy", "firm", "tough"]);
    expect(BOT_TACTICS).toEqual(["boulware", "linear", "conceder", "tit_for_tat"]);
    const betas = BOT_LEVELS.map((l) => botProfile(l, "s").beta);
    expect(betas[0]).toBeGreaterThan(betas[1] as number);
    expect(betas[1]).toBeGreaterThan(betas[2] as number);
    expect(botProfile("tough", "s")).toEqual(tacticProfile("boulware", "s"));
    for (const name of BOT_NAMES) expect(profileByName(name, "s").seed).toBe("s");
  });
});

describe("botMove", () => {
  const table = createTable(backup, "moves", { now: T0 });
  const profile = botProfile("firm", "moves");

  it("moves only on its own turn, while the game runs, from a seat", () => {
    expect(table.toAct).toBe("seller");
    expect(botMove(viewFor(table, "buyer"), profile)).toBeNull();
    expect(botMove(viewFor(table, "observer"), profile)).toBeNull();
    expect(botMove(viewFor(table, "facilitator"), profile)).toBeNull();
    expect(botMove(viewFor(table, "seller"), profile)).not.toBeNull();
    const paused = applied(table, { type: "pause" });
    expect(botMove(viewFor(paused, "seller"), profile)).toBeNull();
    const over = applied(table, { type: "walk_away", by: "seller" });
    expect(botMove(viewFor(over, "buyer"), profile)).toBeNull();
    expect(botMove(viewFor(over, "seller"), profile)).toBeNull();
  });

  it("is a pure function of the view and the profile: the same move again, and for a deep copy of the view", () => {
    let state: TableState = table;
    for (let turn = 0; turn < 10 && state.phase === "playing"; turn++) {
      const view = viewFor(state, state.toAct);
      const move = botMove(view, profile);
      expect(botMove(structuredClone(view) as TableView, profile)).toEqual(move);
      expect(botMove(view, profile)).toEqual(move);
      state = applied(state, move as Action, T0 + (turn + 1) * 1000);
    }
  });

  it("accepts an offer at least as good as its own next one", () => {
    const price = priceIssue(backup);
    const opened = applied(table, { type: "offer", by: "seller", terms: endPackage(backup, "seller", price.max) });
    // The buyer is offered everything it wants at the lowest price.
    const generous = applied(applied(opened, { type: "offer", by: "buyer", terms: endPackage(backup, "buyer", price.min) }), {
      type: "offer",
      by: "seller",
      terms: endPackage(backup, "buyer", price.min),
    });
    expect(moveOf(generous, "buyer", profile)).toEqual({ type: "accept", by: "buyer" });
  });

  it("on the last turn takes a package above its walk-away and walks away from one below it", () => {
    const oneRound = calm(backup, { rounds: 1 });
    const start = createTable(oneRound, "last", { now: T0 });
    const price = priceIssue(oneRound);
    const walkAway = start.sides.buyer.walkAway;
    const belowWalkAway = price.min + (Math.floor((walkAway - price.min) / price.step) - 1) * price.step;
    const cheap = applied(start, { type: "offer", by: "seller", terms: endPackage(oneRound, "seller", belowWalkAway) });
    expect(moveOf(cheap, "buyer", profile)).toEqual({ type: "accept", by: "buyer" });
    const dear = applied(start, { type: "offer", by: "seller", terms: endPackage(oneRound, "seller", price.max) });
    expect(moveOf(dear, "buyer", profile)).toEqual({ type: "walk_away", by: "buyer" });
    // Nothing on the table at the end is no deal too.
    const asked = applied(start, { type: "ask", by: "seller", questionId: "buyer-budget" });
    expect(moveOf(asked, "buyer", profile)).toEqual({ type: "walk_away", by: "buyer" });
  });

  it("walks away at once when no package can beat its alternative", () => {
    const hopeless: TableState = { ...table, sides: { ...table.sides, seller: { ...table.sides.seller, walkAway: priceIssue(backup).max + 1 } } };
    expect(moveOf(hopeless, "seller", profile)).toEqual({ type: "walk_away", by: "seller" });
  });

  it("asks discovery questions in some games, not all, and only in the first half of the game", () => {
    let gamesAsking = 0;
    const games = 60;
    for (let i = 0; i < games; i++) {
      let asked = false;
      playGame({ scenario: backup, seed: `ask:${i}`, buyer: botProfile("firm", `ask:${i}:b`), seller: botProfile("firm", `ask:${i}:s`) }, (before, action) => {
        if (action.type !== "ask") return;
        asked = true;
        expect(currentRound(before)).toBeLessThanOrEqual(Math.floor(before.lastRound / 2));
      });
      if (asked) gamesAsking++;
    }
    expect(gamesAsking).toBeGreaterThan(games / 4);
    expect(gamesAsking).toBeLessThan(games);
    expect(botMove(viewFor(table, "seller"), { ...profile, curiosity: 1 })?.type).toBe("ask");
    expect(botMove(viewFor(table, "seller"), quiet(profile))?.type).toBe("offer");
  });

  it("uses what it learned: knowing the buyer's walk-away, a seller opens nearer to what the buyer can pay", () => {
    const view = viewFor(table, "seller");
    const own = view.sides.seller!;
    const learned = { fact: { kind: "walkAway" as const }, text: describeFact(backup, "buyer", table.sides.buyer, { kind: "walkAway" }), turn: 0, source: "answer" as const };
    const informed: TableView = { ...view, sides: { seller: { ...own, learned: [learned] } } };
    const blind = botMove(view, quiet(profile));
    const told = botMove(informed, quiet(profile));
    if (blind?.type !== "offer" || told?.type !== "offer") throw new Error("expected two offers");
    const seller = (terms: Package) => trueNet(table, "seller", terms, 1);
    const buyer = (terms: Package) => trueNet(table, "buyer", terms, 1);
    expect(seller(told.terms)).toBeLessThan(seller(blind.terms));
    expect(buyer(told.terms)).toBeGreaterThan(buyer(blind.terms));
    expect(buyer(blind.terms)).toBeLessThan(0);
    expect(buyer(told.terms)).toBeGreaterThanOrEqual(0);
  });

  it("never offers above its own budget cap", () => {
    for (const scenario of SHIPPED) {
      for (let i = 0; i < 30; i++) {
        const state = createTable(scenario, `cap:${i}`, { now: T0 });
        const opened = applied(state, { type: "offer", by: "seller", terms: endPackage(scenario, "seller", priceIssue(scenario).max) });
        const move = moveOf(opened, "buyer", quiet(botProfile("easy", `cap:${i}`)));
        const cap = state.sides.buyer.hotButtons.find((h) => h.kind === "budgetCap");
        if (move?.type === "offer" && cap?.kind === "budgetCap") expect(move.terms[cap.issueId] as number).toBeLessThanOrEqual(cap.max);
      }
    }
  });

  it("respects a cap on any numeric issue, and with no price under its cap it can only walk away", () => {
    const capped: Scenario = {
      ...backup,
      roles: {
        ...backup.roles,
        buyer: {
          ...backup.roles.buyer,
          hotButtons: [...backup.roles.buyer.hotButtons, { kind: "budgetCap", id: "short-warranty", label: "Warranty cap", text: "At most {max}.", issueId: "warranty", max: 24 }],
        },
      },
    };
    for (let i = 0; i < 40; i++) {
      // The engine refuses any offer or accept over a cap, so a game that ends is a game that kept to them.
      const game = playGame({ scenario: capped, seed: `wcap:${i}`, buyer: botProfile("easy", `wcap:${i}`), seller: botProfile("tough", `wcap:${i}`) });
      for (const o of game.final.offers.filter((o) => o.by === "buyer")) expect(o.terms.warranty as number).toBeLessThanOrEqual(24);
    }
    const price = priceIssue(backup);
    const broke: TableState = {
      ...table,
      sides: { ...table.sides, buyer: { ...table.sides.buyer, hotButtons: [{ kind: "budgetCap", id: "broke", label: "No money", text: "none", issueId: "price", max: price.min - 1 }] } },
    };
    const opened = applied(broke, { type: "offer", by: "seller", terms: endPackage(backup, "seller", price.max) });
    expect(moveOf(opened, "buyer", profile)).toEqual({ type: "walk_away", by: "buyer" });
  });
});
