import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../shared/engine/index.js";
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
 * offer once it is within reach, so the game reaches an end well before the deadline.
 */
function playHuman(p: Player, role: Role): () => void {
  const seen = new Set<number>();
  return () => {
    const s = p.state;
    if (!s.started || s.phase !== "playing" || s.toAct !== role || seen.has(s.turn)) return;
    seen.add(s.turn);
    const step = Math.floor(s.turn / 2);
    const botOffer = Array.from({ length: s.offers.length }, (_, i) => s.offers[i]!)
      .reverse()
      .find((o) => o.by !== role);
    const botPrice = botOffer ? (JSON.parse(botOffer.termsJson) as { price: number }).price : null;
    const mine = role === "seller" ? 25000 - step * 750 : 16000 + step * 750;
    const closeEnough = botPrice !== null && (role === "seller" ? botPrice >= mine - 1500 : botPrice <= mine + 1500);
    if (closeEnough || step >= 5) p.send(botPrice !== null ? "accept" : "walk_away", {});
    else p.send("offer", { terms: { price: mine, support: "business", warranty: 24, delivery: 4, payment: "net30" } });
  };
}

describe("practice against a server-side bot", () => {
  for (const botRole of ["buyer", "seller"] as const) {
    const humanRole: Role = botRole === "buyer" ? "seller" : "buyer";
    it(`a ${botRole} bot plays a game to the end`, async () => {
      const table = await h.open({ scenarioId: "backup-appliance", bot: { role: botRole, level: "firm" } });
      expect(Object.keys(table.seats)).toEqual([humanRole]);
      const human = await h.join(table.code, { seat: table.seats[humanRole]! }, humanRole);
      await until("the game starts as soon as the human sits down", () => human.state.started);
      expect(human.state.seats.get(botRole)).toMatchObject({ bot: true, connected: true, taken: true, name: "Bot (firm)" });

      const move = playHuman(human, humanRole);
      human.room.onStateChange(move);
      move();
      await until("the game is over", () => human.state.outcome !== "", 10_000);
      const botMoves = human.events().filter((e) => "by" in e && e.by === botRole && ["offer_made", "question_asked", "walked_away"].includes(e.type));
      const botAccepted = human.events().some((e) => e.type === "deal" && e.acceptedBy === botRole);
      expect(botMoves.length > 0 || botAccepted).toBe(true);
      expect(human.last("reveal")).toBeDefined();
      expect(["deal", "walkaway", "expired"]).toContain(human.state.outcome);
      console.info(`${botRole} bot: ${human.state.outcome} after ${human.state.turn + 1} turns, bot moves: ${botMoves.map((e) => e.type).join(", ")}`);
    });
  }
});
