import type { Route } from "../app/routes.js";
import { consolePath, workshopPath } from "../app/routes.js";
import { h } from "../ui/dom.js";
import type { WorkshopModel } from "./model.js";
import { activeWorkshop, workshopSession, type WorkshopSession } from "./session.js";
import type { WorkshopStore } from "./store.js";
import "./workshop.css";

/*
 * While a browser is part of a workshop and looks at a table, a small bar keeps the workshop in
 * reach: the facilitator's latest message (announced large when it arrives), and the way back
 * to the lobby or the console — with a nudge once this person's debrief is ready.
 */

const ANNOUNCE_MS = 9000;

let bar: HTMLElement | null = null;
let announce: HTMLElement | null = null;
let off: (() => void) | null = null;

export function showWorkshopBar(route: Route, navigate: (path: string) => void, workshops: WorkshopStore): void {
  off?.();
  off = null;
  bar?.remove();
  announce?.remove();
  bar = announce = null;
  const atTable = route.kind === "table" || route.kind === "watch" || route.kind === "facilitate";
  const session = atTable ? (activeWorkshop() ?? resume(workshops)) : null;
  if (!session) return;

  const message = h("span", { class: "msg" });
  const back = h("button", { type: "button", class: "primary", id: "back-to-workshop" });
  const el = h("div", { class: "ws-bar", role: "region", "aria-label": "Workshop" }, h("strong", {}, session.code), message, back);
  const facilitator = session.kind === "facilitator";
  back.textContent = facilitator ? "Back to the console" : "Back to the workshop";
  back.addEventListener("click", () => navigate(facilitator ? consolePath(session.code) : workshopPath(session.code)));
  document.body.appendChild(el);
  bar = el;

  let seen = session.current.broadcasts.length;
  let lastAt = session.current.broadcasts.at(-1)?.at ?? 0;
  off = session.subscribe((m: WorkshopModel) => {
    const latest = m.broadcasts.at(-1);
    const ready = !facilitator && m.result !== null && m.assignment?.round === m.result.round;
    message.textContent = ready ? "Your debrief is ready." : (latest?.text ?? (m.link === "live" ? "" : "Reconnecting to the workshop…"));
    el.classList.toggle("flash", ready);
    if (latest && (m.broadcasts.length > seen || latest.at > lastAt)) {
      seen = m.broadcasts.length;
      lastAt = latest.at;
      if (!facilitator) showAnnouncement(latest.text);
    }
  });
}

/** After a reload on a table page: reconnect to the workshop this tab is part of, if it still has its credentials. */
function resume(workshops: WorkshopStore): WorkshopSession | null {
  const current = workshops.current();
  if (!current) return null;
  if (current.kind === "facilitator") {
    const secret = workshops.facilitatorSecret(current.code);
    return secret ? workshopSession({ kind: "facilitator", code: current.code, secret }, {}) : null;
  }
  const entry = workshops.participant(current.code);
  if (!entry?.token) return null;
  return workshopSession({ kind: "participant", code: current.code, token: entry.token, name: entry.name }, {});
}

function showAnnouncement(text: string): void {
  announce?.remove();
  const el = h("div", { class: "ws-announce", role: "alert" }, h("span", { class: "from" }, "From your facilitator"), text);
  document.body.appendChild(el);
  announce = el;
  setTimeout(() => {
    if (announce === el) {
      el.remove();
      announce = null;
    }
  }, ANNOUNCE_MS);
}

