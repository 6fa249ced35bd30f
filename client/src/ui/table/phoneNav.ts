import type { TableVM } from "../../view/tableViewModel.js";
import { h } from "../dom.js";

/** What a narrow screen shows under the status line: one of the table's parts at a time. */
export type Pane = "table" | "move" | "reveal" | "brief" | "talk" | "ledger" | "notes";

export type PhoneMoves = {
  /** Open the offer builder or the question list. */
  readonly open: (which: "offer" | "ask") => void;
  /** Which half of the move panel is showing. */
  readonly current: () => "offer" | "ask";
  readonly submitOffer: () => void;
  readonly accept: () => void;
  readonly walkAway: () => void;
};

/**
 * The table on a phone (and any screen too narrow for three columns; the stylesheet shows these
 * there only): tabs for the parts that sit side by side on a laptop, and an action bar at the
 * bottom of the screen, where a thumb reaches, for the four moves. The first button opens the offer
 * builder, and sends the offer once the builder is open.
 */
export function phoneNav(select: (pane: Pane) => void, moves: () => PhoneMoves | null) {
  const labels: Record<Pane, string> = { table: "Table", move: "Move", reveal: "Debrief", brief: "Brief", talk: "Talk", ledger: "Ledger", notes: "Notes" };
  const tabs = new Map<Pane, HTMLButtonElement>();
  for (const pane of Object.keys(labels) as Pane[]) {
    const tab = h("button", { type: "button", role: "tab", id: `pane-tab-${pane}`, "aria-selected": "false", tabindex: -1 }, labels[pane]);
    tab.addEventListener("click", () => select(pane));
    tabs.set(pane, tab);
  }
  const tablist = h("div", { class: "pane-tabs", role: "tablist", "aria-label": "Parts of the table" }, [...tabs.values()]);
  tablist.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const shown = [...tabs.entries()].filter(([, t]) => !t.hidden);
    const at = shown.findIndex(([, t]) => t.getAttribute("aria-selected") === "true");
    const next = shown[(at + (event.key === "ArrowRight" ? 1 : shown.length - 1)) % shown.length];
    if (!next) return;
    select(next[0]);
    next[1].focus();
  });

  const offer = h("button", { type: "button", class: "primary", id: "bar-offer" }, "Offer");
  const ask = h("button", { type: "button", id: "bar-ask" }, "Question");
  const acceptPrice = h("span", { class: "bar-sub" });
  const accept = h("button", { type: "button", class: "accept", id: "bar-accept" }, h("span", {}, "Accept"), acceptPrice);
  const walk = h("button", { type: "button", class: "danger-outline", id: "bar-walk" }, "Walk away");
  const bar = h("nav", { class: "action-bar", "aria-label": "Your moves", hidden: true }, offer, ask, accept, walk);
  // Whatever docks on top of the bar (the workshop's bar) follows its height, which the buttons' text sets.
  const height = new ResizeObserver(() => document.documentElement.style.setProperty("--action-bar-height", `${bar.offsetHeight}px`));
  height.observe(bar);
  let pane: Pane = "table";

  const sending = () => pane === "move" && moves()?.current() === "offer";
  const refreshOffer = () => {
    offer.textContent = sending() ? "Send offer" : "Offer";
    ask.setAttribute("aria-pressed", String(pane === "move" && moves()?.current() === "ask"));
  };
  offer.addEventListener("click", () => {
    const m = moves();
    if (!m) return;
    if (sending()) return m.submitOffer();
    m.open("offer");
    select("move");
  });
  ask.addEventListener("click", () => {
    moves()?.open("ask");
    select("move");
  });
  accept.addEventListener("click", () => moves()?.accept());
  walk.addEventListener("click", () => moves()?.walkAway());

  return {
    tabs: tablist,
    bar,
    /** Mark `current` as the pane on show. */
    mark(current: Pane) {
      pane = current;
      for (const [p, tab] of tabs) {
        const on = p === current;
        tab.setAttribute("aria-selected", String(on));
        tab.tabIndex = on ? 0 : -1;
      }
      refreshOffer();
    },
    /** The tabs this viewer has now, and the moves they may make. */
    show(vm: TableVM, seated: boolean) {
      const playing = vm.actions?.playing ?? false;
      const has: Record<Pane, boolean> = {
        table: true,
        move: playing,
        reveal: vm.reveal !== null,
        brief: true,
        talk: true,
        ledger: true,
        notes: seated,
      };
      for (const [p, tab] of tabs) tab.hidden = !has[p];
      (tabs.get("brief") as HTMLButtonElement).textContent = vm.header.spectator ? "Story" : "Brief";
      bar.hidden = !playing;
      const a = vm.actions;
      if (a) {
        accept.disabled = !a.accept.available;
        acceptPrice.textContent = a.accept.available ? a.accept.price : "";
      }
      refreshOffer();
    },
    refresh: refreshOffer,
    /** Whether `pane` has no tab for this viewer now (a move after the game, say). */
    hidden: (pane: Pane) => tabs.get(pane)?.hidden ?? true,
    /** The table screen is gone: stop following the bar's height. */
    dispose: () => height.disconnect(),
  };
}
