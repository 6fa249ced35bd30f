import type { BotChoice } from "../../../shared/bots/profiles.js";
import { MAX_PREPARATION_SECONDS } from "../../../shared/engine/create.js";
import { MAX_TURN_SECONDS, MIN_TURN_SECONDS, type Deck, type OddSeat, type RoundSettings } from "../../../shared/protocol/workshop.js";
import { h } from "../ui/dom.js";

/*
 * The controls for a round's settings, as the trainer sets them when opening a workshop and
 * again before each round: besides the scenario, the rounds, turn time, reading time, deck and odd seat.
 */

const DECK_LABELS: Record<Deck, string> = {
  same: "Same draw at every table (compare like with like)",
  random: "Each table draws its own",
};
const ODD_LABELS: Record<OddSeat, string> = {
  bot: "Plays against a bot",
  observer: "Watches a table",
};
const BOT_LABELS: Record<BotChoice, string> = { easy: "Easy bot", firm: "Firm bot", tough: "Tough bot", tit_for_tat: "Tit-for-tat bot" };

export type RoundSettingsForm = {
  readonly rounds: HTMLInputElement;
  readonly turn: HTMLInputElement;
  /** Reading time before the first turn, in seconds; empty for none. */
  readonly reading: HTMLInputElement;
  readonly deck: HTMLSelectElement;
  readonly odd: HTMLSelectElement;
  readonly level: HTMLSelectElement;
  /** The settings as filled in, with `scenario`'s choice; an empty number means the scenario's own. */
  readonly read: () => RoundSettings;
  readonly fill: (settings: RoundSettings) => void;
};

/** The controls, their ids starting with `prefix` (e.g. "ws" gives ws-rounds, ws-turn…). */
export function roundSettingsForm(prefix: string, scenario: HTMLSelectElement): RoundSettingsForm {
  const rounds = h("input", { id: `${prefix}-rounds`, type: "number", min: 1, max: 50, placeholder: "scenario's own" });
  const turn = h("input", { id: `${prefix}-turn`, type: "number", min: MIN_TURN_SECONDS, max: MAX_TURN_SECONDS, placeholder: "scenario's own" });
  const reading = h("input", { id: `${prefix}-reading`, type: "number", min: 0, max: MAX_PREPARATION_SECONDS, step: 30, placeholder: "none" });
  const deck = select(`${prefix}-deck`, DECK_LABELS, "same");
  const odd = select(`${prefix}-odd`, ODD_LABELS, "bot");
  const level = select(`${prefix}-level`, BOT_LABELS, "firm");
  const whole = (input: HTMLInputElement) => (input.value.trim() === "" ? undefined : Number(input.value));
  return {
    rounds,
    turn,
    reading,
    deck,
    odd,
    level,
    read: () => {
      const r = whole(rounds);
      const t = whole(turn);
      const read = whole(reading);
      return {
        scenarioId: scenario.value,
        deck: deck.value as Deck,
        oddSeat: odd.value as OddSeat,
        botLevel: level.value as BotChoice,
        ...(r !== undefined ? { rounds: r } : {}),
        ...(t !== undefined ? { turnSeconds: t } : {}),
        ...(read !== undefined ? { readingSeconds: read } : {}),
      };
    },
    fill: (s) => {
      if ([...scenario.options].some((o) => o.value === s.scenarioId)) scenario.value = s.scenarioId;
      rounds.value = s.rounds === undefined ? "" : String(s.rounds);
      turn.value = s.turnSeconds === undefined ? "" : String(s.turnSeconds);
      reading.value = s.readingSeconds === undefined ? "" : String(s.readingSeconds);
      deck.value = s.deck;
      odd.value = s.oddSeat;
      level.value = s.botLevel;
    },
  };
}

function select<K extends string>(id: string, labels: Record<K, string>, value: K): HTMLSelectElement {
  const el = h("select", { id }, (Object.entries(labels) as [K, string][]).map(([k, label]) => h("option", { value: k }, label)));
  el.value = value;
  return el;
}
