import type { Role } from "../../../../shared/engine/roles.js";
import { h } from "../dom.js";

/** While the other seat is empty: the link to send the colleague, with a copy button. */
export function invitePanel(url: string, role: Role): HTMLElement {
  const field = h("input", { id: "invite-link", readonly: true, value: url, "aria-label": "Invite link" });
  const copied = h("span", { class: "hint", "aria-live": "polite" });
  const copy = h("button", { type: "button", class: "primary" }, "Copy link");
  copy.addEventListener("click", () => {
    field.select();
    navigator.clipboard?.writeText(url).then(
      () => (copied.textContent = "Copied."),
      () => (copied.textContent = "Select the link and copy it with Ctrl+C."),
    );
  });
  return h(
    "div",
    { class: "invite" },
    h("h2", {}, `Invite a colleague to play the ${role}`),
    h("p", {}, "Send them this link. The clock starts as soon as they sit down."),
    h("div", { class: "invite-row" }, field, copy),
    copied,
  );
}
