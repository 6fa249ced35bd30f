import { h, replaceChildren } from "../ui/dom.js";
import { boundedGames, CALIBRATION_GAMES, type CalibrateMessage, type CalibrateRequest } from "./calibrateJob.js";
import { calibrationView, problemLines, progressText, type CalibrationView } from "./calibrationView.js";
import "./calibrate.css";

/*
 * The studio's calibration panel: plays the draft between bots in a Web Worker (the page stays
 * responsive; Cancel ends the worker) and shows the figures, the verdicts and each card's effect.
 * Bars are plain elements, not a chart: a handful of shares needs no chart library. Every text
 * goes through textContent (h()), since a draft's titles may hold anything.
 */

export function calibratePanel(getDocument: () => unknown): HTMLElement {
  const games = h("input", {
    type: "number",
    id: "calibrate-games",
    min: CALIBRATION_GAMES.min,
    max: CALIBRATION_GAMES.max,
    step: 10,
    value: CALIBRATION_GAMES.initial,
    inputmode: "numeric",
  });
  const start = h("button", { type: "button", class: "primary", id: "calibrate-start" }, "Calibrate");
  const cancel = h("button", { type: "button", id: "calibrate-cancel", hidden: true }, "Cancel");
  const bar = h("progress", { id: "calibrate-progress", max: 1, value: 0, hidden: true });
  const status = h("p", { class: "hint", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "calibrate-results" });
  let worker: Worker | null = null;

  const stop = (message: string) => {
    worker?.terminate();
    worker = null;
    start.disabled = false;
    cancel.hidden = true;
    bar.hidden = true;
    status.textContent = message;
  };

  start.addEventListener("click", () => {
    const total = boundedGames(Number(games.value));
    games.value = String(total);
    replaceChildren(results);
    start.disabled = true;
    cancel.hidden = false;
    bar.hidden = false;
    bar.max = total;
    bar.value = 0;
    status.textContent = progressText(0, total);
    worker = new Worker(new URL("./calibrate.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<CalibrateMessage>) => {
      const m = event.data;
      switch (m.kind) {
        case "progress":
          bar.value = m.done;
          status.textContent = progressText(m.done, m.total);
          return;
        case "report":
          stop(`Done: ${m.report.games.toLocaleString("en-US")} games played. The verdict is below.`);
          return replaceChildren(results, renderView(calibrationView(m.report, m.verdicts)));
        case "invalid":
          stop("The draft has problems to fix before it can be calibrated:");
          return replaceChildren(results, h("ul", { class: "calibrate-problems" }, problemLines(m.problems).map((line) => h("li", {}, line))));
        case "failed":
          return stop(`The bots could not play this draft through: ${m.message}`);
      }
    };
    worker.onerror = () => stop("Calibration stopped: the browser could not run it.");
    const request: CalibrateRequest = { document: getDocument(), games: total };
    try {
      worker.postMessage(request);
    } catch (e) {
      // A draft is JSON data; anything that cannot be copied to the worker is a bug in the page, said as such.
      stop(`The draft could not be handed to the calibration: ${(e as Error).message}`);
    }
  });
  cancel.addEventListener("click", () => stop("Cancelled."));

  return h(
    "section",
    { class: "calibrate", "aria-labelledby": "calibrate-title" },
    h("h2", { id: "calibrate-title" }, "Calibrate"),
    h("p", { class: "hint" }, "Play this draft many times between bots before a class sees it: how often a deal is there, who walks away, where deals land, and what each card does."),
    h("div", { class: "calibrate-controls" }, h("label", { for: "calibrate-games" }, "Games"), games, start, cancel),
    bar,
    status,
    results,
  );
}

function renderView(v: CalibrationView): HTMLElement {
  return h(
    "div",
    {},
    h("p", {}, v.summary),
    h("h3", {}, "Verdict"),
    h(
      "ul",
      { class: "calibrate-verdicts" },
      v.verdicts.map((row) => h("li", { class: `verdict-${row.level}` }, h("strong", {}, `${row.label}: `), row.text)),
    ),
    h("h3", {}, "How games end"),
    h(
      "div",
      { class: "calibrate-outcomes", role: "img", "aria-label": v.outcomes.map((o) => o.label).join(", ") },
      v.outcomes.filter((o) => o.share > 0).map((o) => h("span", { class: `slice-${o.key}`, style: `flex-grow: ${o.share}`, title: o.label })),
    ),
    h("ul", { class: "calibrate-legend" }, v.outcomes.map((o) => h("li", { class: `slice-${o.key}` }, o.label))),
    h(
      "dl",
      { class: "calibrate-figures" },
      v.figures.map((f) => [
        h("dt", {}, f.label),
        h("dd", {}, f.value, f.bar === null ? null : h("span", { class: "calibrate-bar", "aria-hidden": "true" }, h("span", { style: `width: ${Math.round(Math.min(1, Math.max(0, f.bar)) * 100)}%` }))),
      ]),
    ),
    h("h3", {}, "Cards"),
    v.cards.length === 0
      ? h("p", { class: "hint" }, "The deck has no cards.")
      : h(
          "table",
          { class: "calibrate-cards" },
          h("thead", {}, h("tr", {}, ["Card", "Drawn", "Deals", "Joint surplus", "Buyer's surplus", "Seller's surplus"].map((t) => h("th", { scope: "col" }, t)))),
          h(
            "tbody",
            {},
            v.cards.map((c) => h("tr", {}, h("th", { scope: "row" }, c.title), [c.drawn, c.deals, c.joint, c.buyer, c.seller].map((t) => h("td", {}, t)))),
          ),
        ),
  );
}
