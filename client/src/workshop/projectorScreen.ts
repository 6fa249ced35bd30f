import { joinUrlOf, type JoinAddress, type ProjectorTable, type ProjectorView } from "../../../shared/protocol/projector.js";
import type { RoundDebrief } from "../../../shared/workshop/classStats.js";
import { tileOver } from "../../../shared/workshop/tile.js";
import { projectorPath } from "../app/routes.js";
import { brand } from "../ui/brand.js";
import { h, renderIfChanged, replaceChildren } from "../ui/dom.js";
import { noticePage } from "../ui/noticePage.js";
import { fetchJoinAddress } from "./api.js";
import type { ChartKind } from "./charts.js";
import type { WorkshopDeps } from "./createScreen.js";
import { roundCharts, totalsView } from "./debriefPanel.js";
import type { WorkshopModel } from "./model.js";
import { nameCut } from "./nameCut.js";
import { qrSvg } from "./qr.js";
import { workshopSession } from "./session.js";
import "./workshop.css";
import "./projector.css";

/*
 * The projector: what the wall of the training room shows, opened with the projector link
 * (read-only: it runs nothing and shows nothing hidden). Before a round, how to join — the
 * code, the address and a QR code of the join link, and who is in; during a round, how far the
 * tables are; after it, the class debrief's charts. A strip at the top keeps the way in for
 * late comers. Every name on it is a pseudonym when the facilitator made the workshop anonymous.
 */

type Stage = "join" | "round" | "debrief";

export function renderProjector(root: HTMLElement, deps: WorkshopDeps, code: string, linkKey: string | null): () => void {
  if (linkKey) {
    deps.workshops.setProjectorKey(code, linkKey);
    // Like the console's secret, the key stays in this tab's storage, out of the address bar.
    history.replaceState(null, "", projectorPath(code));
  }
  const key = deps.workshops.projectorKey(code);
  if (!key) return noKey(root, deps, code);
  const session = workshopSession({ kind: "projector", code, key }, { onRefused: () => deps.workshops.forgetProjectorKey(code) });

  const title = h("span", { class: "pj-title" });
  const strip = h("section", { class: "pj-strip", "aria-label": "How to join" });
  const main = h("main", { class: "pj-main" });
  const page = h("div", { class: "pj-page" }, h("header", { class: "pj-top" }, brand(), title, strip), main);
  replaceChildren(root, page);

  let address: JoinAddress | null = null;
  // Drawn once per link: the QR code stays on the wall while names come and go around it.
  let qr: { url: string; svg: Promise<SVGSVGElement> } | null = null;
  const qrOf = (url: string) => {
    if (qr?.url !== url) qr = { url, svg: qrSvg(url, `QR code of ${url}`) };
    return qr.svg;
  };
  let charts: { destroy: () => void }[] = [];
  const clearCharts = () => {
    for (const c of charts) c.destroy();
    charts = [];
  };

  const render = (m: WorkshopModel) => {
    const view = m.projector;
    const w = view?.workshop ?? m.welcome?.workshop ?? null;
    title.textContent = w ? `${w.title}${w.round > 0 ? ` · Round ${w.round}${w.scenarioTitle ? `: ${w.scenarioTitle}` : ""}` : ""}` : "Workshop";
    document.title = `Parley — projector: ${w?.title ?? code}`;
    if (m.link === "closed" || !view) {
      clearCharts();
      strip.replaceChildren();
      replaceChildren(main, h("p", { class: "pj-notice", role: "status" }, m.link === "closed" ? (m.closedReason ?? "Disconnected.") : "Connecting to the workshop…"));
      delete (main as { __sig?: string }).__sig;
      return;
    }
    const stage = stageOf(view);
    page.dataset.stage = stage;
    renderIfChanged(strip, { stage, address, anonymous: view.workshop.anonymous }, () => replaceChildren(strip, stage === "join" ? null : joinStrip(code, address)));
    renderIfChanged(main, { stage, view: stage === "debrief" ? view.debrief.rounds.at(-1) : view, address }, () => {
      clearCharts();
      switch (stage) {
        case "join":
          return replaceChildren(main, joinView(code, address, view.present, qrOf));
        case "round":
          return replaceChildren(main, roundView(view.tables, view.present.length));
        case "debrief":
          return replaceChildren(main, debriefView(view.debrief.rounds.at(-1) as RoundDebrief, view.debrief.rounds, (chart) => charts.push(chart)));
      }
    });
  };

  fetchJoinAddress().then(
    (found) => {
      address = found;
      render(session.current);
    },
    () => {
      address = { kind: "unreachable", message: "Could not find the address participants join at: reload this page." };
      render(session.current);
    },
  );
  const off = session.subscribe(render);
  return () => {
    off();
    clearCharts();
  };
}

/** Between rounds the wall shows how to join; a running round, its tables; a finished one, its debrief. */
function stageOf(view: ProjectorView): Stage {
  if (view.workshop.phase === "running") return "round";
  return view.workshop.phase === "finished" && view.debrief.rounds.length > 0 ? "debrief" : "join";
}

/** The address as people type it: the scheme is what every browser assumes anyway. */
const typed = (url: string) => url.replace(/^https?:\/\//, "");

function joinView(code: string, address: JoinAddress | null, present: readonly string[], qrOf: (url: string) => Promise<SVGSVGElement>): HTMLElement {
  const qr = h("figure", { class: "pj-qr", "data-testid": "join-qr" });
  const how =
    address === null
      ? h("p", { class: "pj-hint" }, "Looking up the address…")
      : address.kind === "unreachable"
        ? h("p", { class: "pj-warning", role: "alert", "data-testid": "join-unreachable" }, address.message)
        : h(
            "div",
            {},
            h("p", { class: "pj-label" }, "Open"),
            h("p", { class: "pj-address", "data-testid": "join-address" }, typed(address.origin)),
            h("p", { class: "pj-label" }, "and enter the code"),
          );
  if (address?.kind === "reachable") {
    const url = joinUrlOf(address.origin, code);
    void qrOf(url).then((svg) => qr.replaceChildren(svg, h("figcaption", { "data-testid": "join-url" }, typed(url))));
  }
  return h(
    "section",
    { class: "pj-join" },
    h("div", { class: "pj-how" }, how, h("p", { class: "pj-code", "data-testid": "projector-code", "aria-label": `Join code ${code.split("").join(" ")}` }, code)),
    address?.kind === "reachable" ? qr : null,
    peopleView(present),
  );
}

function peopleView(present: readonly string[]): HTMLElement {
  return h(
    "section",
    { class: "pj-people", "aria-label": "Who has joined" },
    h("h2", {}, h("strong", { "data-testid": "joined-count" }, String(present.length)), present.length === 1 ? " person has joined" : " people have joined"),
    present.length === 0 ? h("p", { class: "pj-hint" }, "Names appear here as people join.") : h("ul", { class: "pj-names" }, present.map((name) => h("li", {}, nameCut(name)))),
  );
}

function joinStrip(code: string, address: JoinAddress | null): HTMLElement[] {
  const where = address?.kind === "reachable" ? typed(address.origin) : null;
  return [
    h("span", {}, where ? `Join at ${where} with the code` : "Join code"),
    h("strong", { class: "pj-strip-code" }, code),
  ];
}

function roundView(tables: readonly ProjectorTable[], present: number): HTMLElement {
  const finished = tables.filter((t) => tileOver(t.status)).length;
  return h(
    "section",
    { class: "pj-round", "aria-label": "Tables" },
    h(
      "div",
      { class: "pj-counts", role: "status", "data-testid": "round-counts" },
      h("span", {}, h("strong", {}, String(finished)), ` of ${tables.length} table${tables.length === 1 ? "" : "s"} finished`),
      h("span", {}, h("strong", {}, String(tables.length - finished)), " in play"),
      h("span", {}, h("strong", {}, String(present)), " people here"),
    ),
    h("ol", { class: "pj-tables" }, tables.map(tableView)),
  );
}

function tableView(t: ProjectorTable): HTMLElement {
  const over = tileOver(t.status);
  // How far along the game's rounds the table is: full once the game is over.
  const share = over ? 1 : t.status === "waiting" || t.status === "reading" ? 0 : Math.min(1, (t.round - 1) / Math.max(1, t.lastRound));
  const bar = h("span", { class: "pj-progress-fill" });
  bar.style.width = `${Math.round(share * 100)}%`;
  return h(
    "li",
    { class: "pj-table", "data-status": t.status, "data-code": t.code },
    h("span", { class: "pj-table-no" }, `Table ${t.index + 1}`),
    h("span", { class: "pj-table-names" }, nameCut(t.seller), h("span", { class: "pj-vs" }, " / "), nameCut(t.buyer)),
    h("span", { class: "pj-table-status" }, t.statusText),
    h(
      "span",
      { class: "pj-progress", role: "img", "aria-label": over ? "Game over" : `Round ${t.round} of ${t.lastRound}` },
      bar,
      h("span", { class: "pj-progress-text" }, over ? "Over" : t.status === "waiting" ? "Not started" : `Round ${t.round} of ${t.lastRound}`),
    ),
  );
}

function debriefView(round: RoundDebrief, rounds: readonly RoundDebrief[], keep: (chart: { destroy: () => void }) => void): HTMLElement {
  const plot = (canvas: HTMLCanvasElement, kind: ChartKind) => {
    // chart.js comes in its own chunk, as on the console.
    void import("./charts.js").then(({ drawChart }) => {
      if (canvas.isConnected) keep(drawChart(canvas, kind, round, rounds, "wall"));
    });
  };
  return h(
    "section",
    { class: "pj-debrief", "aria-label": `Class debrief of round ${round.round}` },
    totalsView(round),
    round.games.length === 0 ? h("p", { class: "pj-hint" }, "No game of this round finished.") : h("div", { class: "pj-charts" }, roundCharts(plot, "pj-chart", true)),
  );
}

function noKey(root: HTMLElement, deps: WorkshopDeps, code: string): () => void {
  noticePage(root, `No projector key for workshop ${code} in this window`, "Open the projector view from the facilitator console (“Open projector view”), or paste the projector link it copies.", [
    { label: "Join as a participant", go: () => deps.navigate(`/w/${code}`) },
    { label: "Back to the start", go: () => deps.navigate("/") },
  ]);
  return () => undefined;
}
