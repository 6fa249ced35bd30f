import type { RefusalVM } from "../../view/refusal.js";
import { h, replaceChildren } from "../dom.js";

const SHOW_MS = 7000;

/** Why the table refused the last attempt: shown until dismissed or for a few seconds. */
export function refusalToast(onDismiss: () => void) {
  const el = h("div", { class: "toast", role: "alert", hidden: true });
  let shownKey: number | null = null;
  let timer = 0;
  const hide = () => {
    el.hidden = true;
    shownKey = null;
    onDismiss();
  };
  return {
    el,
    show(refusal: RefusalVM | null) {
      if (!refusal) {
        el.hidden = true;
        shownKey = null;
        return;
      }
      if (refusal.key === shownKey) return;
      shownKey = refusal.key;
      replaceChildren(
        el,
        h("div", { class: "toast-body" }, h("strong", {}, refusal.title), h("p", {}, refusal.message), refusal.hint ? h("p", { class: "hint" }, refusal.hint) : null),
        h("button", { type: "button", class: "icon", "aria-label": "Dismiss", onclick: hide }, "×"),
      );
      el.hidden = false;
      window.clearTimeout(timer);
      timer = window.setTimeout(hide, SHOW_MS);
    },
  };
}
