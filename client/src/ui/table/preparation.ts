import type { SeatIntent } from "../../net/connection.js";
import type { PreparationVM } from "../../view/preparation.js";
import { h } from "../dom.js";

/**
 * Reading time's "I'm ready" button under the status bar (which shows "Reading time: 2:41
 * left"), for a seat whose word can start the clock; hidden everywhere else.
 */
export function preparationBar(send: (intent: SeatIntent) => void) {
  const text = h("span", { class: "prep-text" });
  const button = h("button", { type: "button", class: "primary", id: "ready-button", onclick: () => send({ type: "ready", payload: {} }) }, "I'm ready");
  const el = h("div", { class: "prep-bar", hidden: true }, text, button);
  return {
    el,
    show(vm: PreparationVM | null) {
      el.hidden = vm === null;
      if (!vm) return;
      text.textContent = vm.text;
      button.hidden = !vm.canSayReady;
    },
  };
}
