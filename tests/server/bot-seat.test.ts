import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botMove, tacticProfile, type BotChoice, type BotTactic } from "../../shared/bots/index.js";
import { apply, type Action, type Role } from "../../shared/engine/index.js";
import { initialState } from "../../server/persistence/replay.js";
import { viewOf } from "../../server/room/views.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import type { Player } from "./helpers/player.js";
import { until } from "./helpers/wait.js";

let h: Harness;
beforeAll(async () => {
  h = await bootServer({ BOT_THINK_MS: 0 });
});
afterAll(async () => {
  await h.stop();
});

/**
 * A plain human strategy: open far, concede a fixed step each turn, accept the bot's standing
 * offer once it is within reach, walk away after five rounds, so the game ends well before the deadline.
 */
function playHuman(p: Player, role: Role): () => void {
  const seen = new Set<number>();
  return () => {
    const s = p.view;
    if (!p.state.started || s.phase !== "playing" || s.toAct !== role || seen.has(s.turn)) return;
    seen.add(s.turn);
    const step = Math.floor(s.turn / 2);
    const botOffer = s.offers.findLast((o) => o.by !== role);
    const botPrice = botOffer ? Number(botOffer.terms.price) : null;
    const mine = role === "seller" ? 25000 - step * 750 : 16000 + step * 750;
    const closeEnough = botPrice !== null && (role === "seller" ? botPrice >= mine - 1500 : botPrice <= mine + 1500);
    // Out of patience the human walks rather than accept an offer it may not be allowed to sign (a budget cap).
    if (closeEnough) p.send("accept", {});
    else if (step >= 5) p.send("walk_away", {});
    else p.send("offer", { terms: { price: mine, support: "business", warranty: 24, delivery: 4, payment: "net30" } });
  };
}

/**
 * The bot's moves as the store logged them, each next to what the named tactic would have played
 * from the same view (the engine and the bots are pure, so a replay of the log shows both).
 */
async function botMovesAgainst(code: string, botRole: Role, tactic: BotTactic): Promise<{ played: Action[]; expected: (Action | null)[] }> {
  let stored = await h.running.services.store.loadTable(code);
  const started = Date.now();
  while (stored?.status !== "finished" && Date.now() - started < 5000) stored = await h.running.services.store.loadTable(code);
  if (!stored || stored.status !== "finished") throw new Error(`table ${code} was not stored as finished`);
  const profile = tacticProfile(tactic, `${stored.seed}:bot`);
  const played: Action[] = [];
  const expected: (Action | null)[] = [];
  let state = initialState(stored, (await h.running.services.scenarios.resolve(stored.scenarioId, stored.scenarioVersion))!.scenario);
  for (const entry of stored.log) {
    if ("by" in entry.action && entry.action.by === botRole) {
      played.push(entry.action);
      expected.push(botMove(viewOf(state, botRole), profile));
    }
    const result = apply(state, entry.action, entry.at);
    if (!result.ok) throw new Error(`the log does not replay: ${result.error.code}`);
    state = result.state;
  }
  return { played, expected };
}

describe("practice against a server-side bot", () => {
  const bots: readonly { level: BotChoice; tactic: BotTactic; name: string }[] = [
    { level: "firm", tactic: "linear", name: "Bot (firm)" },
    { level: "tit_for_tat", tactic: "tit_for_tat", name: "Bot (tit-for-tat)" },
  ];
  for (const { level, tactic, name } of bots)
    for (const botRole of ["buyer", "seller"] as const) {
      const humanRole: Role = botRole === "buyer" ? "seller" : "buyer";
      it(`a ${level} ${botRole} bot plays a game to the end, as ${tactic} would`, async () => {
        const table = await h.open({ scenarioId: "backup-appliance", bot: { role: botRole, level } });
        expect(Object.keys(table.seats)).toEqual([humanRole]);
        const human = await h.join(table.code, { seat: table.seats[humanRole]! }, humanRole);
        await until("the game starts as soon as the human sits down", () => human.state.started);
        expect(human.state.seats.get(botRole)).toMatchObject({ bot: true, connected: true, taken: true, name });

        const move = playHuman(human, humanRole);
        human.room.onStateChange(move);
        human.client.listeners.push(move);
        move();
        await until("the game is over", () => human.view.outcome !== null, 10_000);
        const botMoves = human.events().filter((e) => "by" in e && e.by === botRole && ["offer_made", "question_asked", "walked_away"].includes(e.type));
        const botAccepted = human.events().some((e) => e.type === "deal" && e.acceptedBy === botRole);
        expect(botMoves.length > 0 || botAccepted).toBe(true);
        expect(human.view.reveal).not.toBeNull();
        expect(["deal", "walkaway", "expired"]).toContain(human.view.outcome?.kind);

        const { played, expected } = await botMovesAgainst(table.code, botRole, tactic);
        expect(played.length).toBeGreaterThan(0);
        expect(played).toEqual(expected);
        console.info(`${level} ${botRole} bot: ${human.view.outcome?.kind} after ${human.view.turn + 1} turns, bot moves: ${botMoves.map((e) => e.type).join(", ")}`);
      });
    }
});
