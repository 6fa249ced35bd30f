import { Client, type Room } from "colyseus.js";
import { Draw } from "../../../shared/engine/rng.js";
import type { Offer, PrivateView, Reveal, Role, TableView } from "../../../shared/engine/index.js";
import type { ServerMessages } from "../../../shared/protocol/messages.js";
import type { PublicTable } from "../../../shared/protocol/publicTable.js";
import { withProtocol } from "../../../shared/protocol/version.js";
import { HeldView } from "../../helpers/heldView.js";

/** The engine's seeded generator, so each game's plan is random but reproducible from its seed. */
export function prng(seed: number): () => number {
  const draw = new Draw(seed >>> 0);
  return () => draw.float();
}

const SUPPORT = ["basic", "business", "premium"] as const;
const PAYMENT = ["upfront", "net30", "net90"] as const;

/** What the hidden draw of a side is: compared before and after every restart. */
export const drawOf = (view: PrivateView | undefined) => (view ? JSON.stringify({ walkAway: view.walkAway, values: view.values, hotButtons: view.hotButtons }) : "");

/** Offers as comparable text: their terms, as the store's log replays them. */
export const termsOf = (offers: readonly Offer[]): string[] => offers.map((o) => JSON.stringify(o.terms));

/**
 * One player of backup-appliance, driven by colyseus.js as a person's browser would be: joins
 * with the seat token, and whenever the connection drops (the server was killed) joins again
 * with the same token until it is back. It plays offers that converge, notes now and then, an
 * out-of-turn move now and then (an interruption), and accepts after `plan` turns.
 */
export class SeatPlayer {
  room: Room<PublicTable> | null = null;
  /** The game as the connection was sent it: a new one on each (re)join, whole first, then each change. */
  private held = new HeldView();
  /** The hidden side (walk-away, values, hot buttons) as last received; cards may change it during a game. */
  lastDraw = "";
  readonly errors: ServerMessages["error"][] = [];
  /** The table as this player found it on each (re)join: turn and offers. */
  readonly arrivals: { readonly turn: number; readonly offers: readonly string[] }[] = [];
  rejoins = 0;
  /** Close codes of every connection this player lost. */
  readonly closes: number[] = [];
  /** The hidden side sent on each (re)join, in order. */
  readonly greetings: string[] = [];
  reveal: Reveal | null = null;
  /** The table as this player last saw it, kept once the game is over and the player has left. */
  final: { readonly outcome: string; readonly offers: readonly string[] } | null = null;
  private stopped = false;
  private sentForTurn = -1;
  private mayAccept = true;
  private readonly random: () => number;

  constructor(
    readonly code: string,
    readonly role: Role,
    private readonly token: string,
    /** Where to join (and join again): a function, so a test can send players to another process. */
    private readonly endpoint: () => string,
    private readonly plan: number,
    seed: number,
    /** Off: the player only sits there (rejoining when dropped) until the test says play(). */
    private autoplay = true,
  ) {
    this.random = prng(seed);
  }

  /** Start or stop making moves (a person stepping away from the keyboard and back). */
  play(on: boolean): void {
    this.autoplay = on;
    this.maybeMove();
  }

  /** The synced room state: code, whether the game began, the seats. */
  get state(): PublicTable | undefined {
    return this.room?.state;
  }

  /** The game as this player last held it (kept once it has left); null on a rejoin until the whole view has arrived. */
  get view(): TableView | null {
    return this.held.view;
  }

  get live(): boolean {
    return this.room !== null && this.room.connection.isOpen && this.state?.code === this.code;
  }

  get finished(): boolean {
    return this.final !== null;
  }

  /** Join, trying again until `deadline` while the server is down or the table is being resumed. */
  async join(deadline = Date.now() + 30_000): Promise<void> {
    let lastError: unknown = null;
    while (!this.stopped && Date.now() < deadline) {
      try {
        const room = await new Client(this.endpoint()).joinById<PublicTable>(this.code, withProtocol({ seat: this.token }));
        if (this.stopped) return void (await room.leave(true).catch(() => undefined));
        this.attach(room);
        return;
      } catch (error) {
        lastError = error;
        await sleep(50);
      }
    }
    if (!this.stopped) throw new Error(`${this.role} of ${this.code} could not join: ${String(lastError)}`);
  }

  /** Leave for good; a join still under way leaves as soon as it lands. */
  async leave(): Promise<void> {
    this.stopped = true;
    await this.room?.leave(true).catch(() => undefined);
  }

  private attach(room: Room<PublicTable>): void {
    this.room = room;
    this.sentForTurn = -1;
    const held = (this.held = new HeldView());
    room.onMessage("view", (m: ServerMessages["view"]) => {
      const before = held.view;
      held.take(m);
      const view = held.view!;
      if (before === null) {
        // The whole view, on this (re)join: where the table was, and the hidden side it was sent.
        this.arrivals.push({ turn: view.turn, offers: termsOf(view.offers) });
        this.greetings.push(drawOf(view.sides[this.role]));
      }
      this.lastDraw = drawOf(view.sides[this.role]);
      if (view.reveal && !this.final) {
        // The game is over: like a person closing the tab once they have read the reveal.
        this.reveal = view.reveal;
        this.final = { outcome: view.reveal.outcome.kind, offers: termsOf(view.offers) };
        return void this.leave();
      }
      this.maybeMove();
    });
    room.onMessage("error", (m: ServerMessages["error"]) => {
      this.errors.push(m);
      // A refused move of our own turn (e.g. accepting above a budget cap): make another one.
      if (m.code === "rule/not_your_turn" || (m.request !== "offer" && m.request !== "accept")) return;
      if (m.request === "accept") this.mayAccept = false;
      this.sentForTurn = -1;
      this.maybeMove();
    });
    room.onMessage("*", () => undefined);
    // The start (state.started) may come after the view it needs.
    room.onStateChange(() => this.maybeMove());
    room.onLeave((code) => {
      if (this.room !== room) return;
      this.closes.push(code);
      this.room = null;
      if (this.stopped || code === 4000) return;
      this.rejoins += 1;
      void this.join().catch(() => undefined);
    });
  }

  private maybeMove(): void {
    const room = this.room;
    const held = this.held;
    const s = held.view;
    if (!this.autoplay || !room || !room.state?.started || !s || s.phase !== "playing") return;
    if (s.toAct !== this.role) {
      if (this.random() < 0.04) room.send("offer", { terms: this.terms(s.turn) });
      return;
    }
    if (this.sentForTurn === s.turn) return;
    this.sentForTurn = s.turn;
    const turn = s.turn;
    // A person takes a moment; the server may be killed in between.
    setTimeout(() => {
      const now = held.view!;
      if (this.room !== room || now.turn !== turn) return;
      // Paused (or stopped) while thinking: decide again when play goes on.
      if (now.phase !== "playing" || !this.autoplay) return void (this.sentForTurn = -1);
      if (this.random() < 0.15) room.send("note", { text: `turn ${turn}: thinking` });
      const theirs = now.offers.some((o) => o.by !== this.role);
      if (this.mayAccept && turn >= this.plan && theirs) room.send("accept", {});
      else room.send("offer", { terms: this.terms(turn) });
    }, 30 + Math.floor(this.random() * 120));
  }

  private terms(turn: number) {
    const step = Math.min(turn, 12) * 500;
    const price = this.role === "seller" ? 26000 - step : 14000 + step;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(this.random() * list.length)]!;
    return { price, support: pick(SUPPORT), warranty: pick([12, 24, 36]), delivery: pick([2, 4, 8]), payment: pick(PAYMENT) };
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Poll until `predicate` holds; fail with `what` after `timeoutMs`. */
export async function until(what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await sleep(10);
  }
}
