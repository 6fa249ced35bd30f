import { countdownAt, formatClock } from "../../view/countdown.js";
import type { TableVM } from "../../view/tableViewModel.js";
import { h, replaceChildren } from "../dom.js";

/**
 * The line under the top bar: what is happening and what to do, with the turn clock in words
 * (the canvas draws it as a ring; this is the one a screen reader and a projector can read).
 */
export function statusBar(actions: { readonly backToLobby: () => void }) {
  const text = h("span", { class: "status-text" });
  // The time and the words after it apart: a phone shows the time alone.
  const time = h("span", { class: "clock-time" });
  const tail = h("span", { class: "clock-tail" });
  const clock = h("span", { class: "status-clock", "aria-hidden": "true" }, time, tail);
  const setClock = (t: string, words: string) => {
    time.textContent = t;
    tail.textContent = words;
  };
  const extra = h("span", { class: "status-extra" });
  const el = h("div", { class: "status-bar", role: "status", "aria-live": "polite" }, text, clock, extra);
  let vm: TableVM | null = null;

  const tick = () => {
    if (!vm) return;
    const now = Date.now();
    const status = vm.status;
    if (status.until !== null) {
      setClock(formatClock(Math.max(0, status.until - (now + (vm.clock?.offsetMs ?? 0)))), " left");
      return;
    }
    if (!vm.clock || status.kind === "finished") {
      setClock("", "");
      return;
    }
    const c = countdownAt(vm.clock, now);
    setClock(c.text, c.paused ? " on the clock (paused)" : " left in this turn");
    clock.classList.toggle("urgent", c.urgent);
  };
  const timer = window.setInterval(tick, 250);

  return {
    el,
    show(next: TableVM) {
      vm = next;
      el.dataset.tone = next.status.tone;
      el.dataset.kind = next.status.kind;
      text.textContent = next.status.text;
      replaceChildren(
        extra,
        next.status.kind === "closed" ? h("button", { type: "button", class: "link", onclick: actions.backToLobby }, "Back to the lobby") : null,
      );
      tick();
    },
    /** Before the table's first view-model: joining, or why joining failed. */
    note(message: string, tone: "neutral" | "warning") {
      el.dataset.tone = tone;
      el.dataset.kind = tone === "warning" ? "closed" : "connecting";
      text.textContent = message;
    },
    destroy() {
      window.clearInterval(timer);
    },
  };
}
