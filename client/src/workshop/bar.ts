import type { Route } from "../app/routes.js";
import { consolePath, workshopPath } from "../app/routes.js";
import { tileOver } from "../../../shared/workshop/tile.js";
import { h, renderIfChanged, replaceChildren } from "../ui/dom.js";
import type { WorkshopModel } from "./model.js";
import { activeWorkshop, workshopSession, type WorkshopSession } from "./session.js";
import type { WorkshopStore } from "./store.js";
import { CONTROLS, sendTableControl, tableControlButtons, type TableControl } from "./tableControls.js";
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
  const facilitator = session.kind === "facilitator";
  const controls = facilitator && route.kind === "facilitate" ? tableControls(session, route.code) : null;
  const el = h("div", { class: "ws-bar", role: "region", "aria-label": "Workshop" }, h("strong", {}, session.code), message, controls?.el ?? null, back);
  back.textContent = facilitator ? "Back to the console" : "Back to the workshop";
  back.addEventListener("click", () => navigate(facilitator ? consolePath(session.code) : workshopPath(session.code)));
  document.body.appendChild(el);
  bar = el;

  let seen = session.current.broadcasts.length;
  let lastAt = session.current.broadcasts.at(-1)?.at ?? 0;
  off = session.subscribe((m: WorkshopModel) => {
    controls?.show(m);
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

/**
 * The facilitator's controls for the table they watch, sent as the grid's tile sends them; shown
 * while the table's game runs in the current round, with the table's answer to the last one.
 */
function tableControls(session: WorkshopSession, table: string): { readonly el: HTMLElement; readonly show: (m: WorkshopModel) => void } {
  const buttons = h("span", { class: "ws-bar-controls", role: "group", "aria-label": `Controls for table ${table}` });
  const answer = h("span", { class: "ws-bar-answer", role: "status" });
  const el = h("span", { class: "ws-bar-table" }, buttons, answer);
  return {
    el,
    show(m) {
      const tile = m.grid?.tiles.find((t) => t.code === table);
      const live = tile !== undefined && !tileOver(tile.status) && m.link === "live";
      renderIfChanged(buttons, live ? tile.status : null, (status) =>
        replaceChildren(buttons, status === null ? null : tableControlButtons({ paused: status === "paused", reading: status === "reading" }, (type) => sendTableControl(session, type, table))),
      );
      const result = m.control?.results.find((r) => r.table === table);
      const refused = m.error && CONTROLS.includes(m.error.request as TableControl) ? m.error.message : null;
      answer.textContent = refused ?? result?.message ?? "";
      answer.classList.toggle("refused", refused !== null || result?.ok === false);
    },
  };
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

