import { formatMoney } from "../../../shared/engine/terms.js";
import type { ExportFormat } from "../../../shared/protocol/workshop.js";
import type { ClassDebrief, RoundDebrief } from "../../../shared/workshop/classStats.js";
import { h, renderIfChanged, replaceChildren } from "../ui/dom.js";
import { bucketOf, tableLabel } from "./chartData.js";
import { nameCut } from "./nameCut.js";
import type { ChartKind } from "./charts.js";
import { concessionWords, outcomeWord, percent } from "./words.js";

/*
 * The class debrief on the console: one round at a time (or the rounds side by side), as
 * headline numbers, charts for the projector, every table's result, how tables answered the
 * same curve ball, and the export.
 */

export type DebriefPanel = {
  readonly el: HTMLElement;
  readonly show: (debrief: ClassDebrief | null) => void;
  /** The workshop was switched to (or from) anonymous: the export's choice follows. */
  readonly followAnonymous: (anonymous: boolean) => void;
  readonly destroy: () => void;
};

type ChartHandle = { destroy: () => void };

export function debriefPanel(exportAs: (format: ExportFormat, anonymous: boolean) => Promise<void>): DebriefPanel {
  const picker = h("select", { id: "debrief-round", "aria-label": "Round to debrief" });
  const exportNote = h("span", { class: "hint", role: "status" });
  const anonymous = h("input", { type: "checkbox", id: "export-anonymous" });
  let followed: boolean | null = null;
  const exportButton = (format: ExportFormat, label: string, title: string) =>
    h("button", {
      type: "button",
      "data-export": format,
      title,
      onclick: () => {
        exportNote.textContent = "Preparing the export…";
        exportAs(format, anonymous.checked).then(
          () => (exportNote.textContent = "Export downloaded."),
          (error: unknown) => (exportNote.textContent = error instanceof Error ? error.message : "The export failed."),
        );
      },
    }, label);
  const head = h(
    "div",
    { class: "debrief-head" },
    h("h2", {}, "Class debrief"),
    h("label", { for: picker.id }, "Show"),
    picker,
    h("span", { class: "spacer" }),
    h("span", { class: "hint" }, "Export results and full logs:"),
    exportButton("results.csv", "Per game CSV", "Results: one row per game, for a spreadsheet"),
    exportButton("participants.csv", "Per person CSV", "Results: one row per person per game, for a spreadsheet"),
    exportButton("log.csv", "Log CSV", "Every move of every game, for a spreadsheet"),
    exportButton("json", "JSON", "Everything above in one file, for a program"),
    h("label", { class: "check", for: anonymous.id, title: "Every name in the file becomes the person's pseudonym (Player 1, Player 2…), as on the anonymous projector" }, anonymous, "Anonymous"),
    exportNote,
  );
  const body = h("div", { class: "debrief-body" });
  const el = h("section", { class: "ws-card debrief", "aria-label": "Class debrief" }, head, body);
  let data: ClassDebrief | null = null;
  let charts: ChartHandle[] = [];
  /** The newest round at the last render: a facilitator looking at it moves on to the next one when it comes. */
  let newest = "";

  const clearCharts = () => {
    for (const c of charts) c.destroy();
    charts = [];
  };

  const render = () => {
    const rounds = data?.rounds ?? [];
    // An earlier round (or the comparison) the facilitator picked stays picked; the newest round gives way to a newer one.
    const chosen = picker.value === newest ? "" : picker.value;
    newest = String(rounds.at(-1)?.round ?? "");
    replaceChildren(
      picker,
      rounds.map((r) => h("option", { value: String(r.round) }, `Round ${r.round} — ${r.scenarioTitle}`)),
      rounds.length > 1 ? h("option", { value: "compare" }, "All rounds compared") : null,
    );
    picker.value = chosen && [...picker.options].some((o) => o.value === chosen) ? chosen : newest;
    clearCharts();
    if (rounds.length === 0) {
      replaceChildren(body, h("p", { class: "hint" }, "The debrief fills in as games end."));
      return;
    }
    if (picker.value === "compare") {
      replaceChildren(body, compareView(rounds, (canvas) => plot(canvas, "rounds", rounds.at(-1) as RoundDebrief, rounds)));
      return;
    }
    const round = rounds.find((r) => String(r.round) === picker.value) ?? (rounds.at(-1) as RoundDebrief);
    replaceChildren(body, roundView(round, (canvas, kind) => plot(canvas, kind, round, rounds)));
  };

  const plot = (canvas: HTMLCanvasElement, kind: ChartKind, round: RoundDebrief, rounds: readonly RoundDebrief[]) => {
    // chart.js comes in its own chunk, the first time a debrief is shown.
    void import("./charts.js").then(({ drawChart }) => {
      if (canvas.isConnected) charts.push(drawChart(canvas, kind, round, rounds));
    });
  };

  picker.addEventListener("change", render);
  return {
    el,
    show(next) {
      renderIfChanged(body, next, (d) => {
        data = d;
        render();
      });
    },
    followAnonymous(next) {
      if (next === followed) return;
      followed = next;
      anonymous.checked = next;
    },
    destroy: clearCharts,
  };
}

function roundView(round: RoundDebrief, plot: (canvas: HTMLCanvasElement, kind: ChartKind) => void): HTMLElement[] {
  return [
    totalsView(round),
    round.games.length === 0 ? h("p", { class: "hint" }, "No game of this round has finished.") : h("div", { class: "charts" }, roundCharts(plot, "ws-card chart-card")),
    resultsTable(round),
    curveBalls(round),
  ];
}

/**
 * The four charts of one round, each on a canvas in a box of `boxClass`; `plot` draws them.
 * `headed`: each box has the chart's title as a heading (the wall's charts draw none of their own).
 */
export function roundCharts(plot: (canvas: HTMLCanvasElement, kind: ChartKind) => void, boxClass: string, headed = false): HTMLElement[] {
  const charts: [ChartKind, string][] = [
    ["prices", "Deal prices against each table's zone of agreement"],
    ["surplus", "Buyer against seller surplus with the Pareto frontier"],
    ["outcomes", "How the games ended"],
    ["reciprocity", "Concessions each side gave per table"],
  ];
  return charts.map(([kind, label]) => {
    const c = h("canvas", { role: "img", "aria-label": label, "data-chart": kind });
    plot(c, kind);
    return headed ? h("div", { class: boxClass }, h("h3", {}, label), h("div", { class: "chart-area" }, c)) : h("div", { class: boxClass }, c);
  });
}

/** A round's headline numbers: deals, median price, efficiency, walk-aways, zones, unanswered concessions. */
export function totalsView(round: RoundDebrief): HTMLElement {
  const money = (n: number | null) => (n === null ? "—" : formatMoney(n, round.currency));
  const t = round.totals;
  return h(
    "div",
    { class: "totals" },
    total(`${t.deals} / ${t.tables}`, "tables made a deal"),
    total(money(t.medianPrice), "median deal price"),
    total(t.meanEfficiency === null ? "—" : percent(t.meanEfficiency), "mean efficiency (value found)"),
    total(`${t.walkAwaysRight} right · ${t.walkAwaysWrong} wrong`, "walk-aways"),
    total(`${t.withZopa} / ${t.tables}`, "draws with a zone of agreement"),
    total(t.unreciprocatedRate === null ? "—" : percent(t.unreciprocatedRate), "concessions left unanswered"),
    round.pending > 0 ? total(String(round.pending), "tables not finished") : null,
  );
}

function compareView(rounds: readonly RoundDebrief[], plot: (canvas: HTMLCanvasElement) => void): HTMLElement[] {
  const c = h("canvas", { role: "img", "aria-label": "Rounds compared", "data-chart": "rounds" });
  plot(c);
  return [
    h("div", { class: "ws-card chart-card" }, c),
    h(
      "table",
      { class: "results-table" },
      h("thead", {}, h("tr", {}, ["Round", "Scenario", "Tables", "Deals", "Median price", "Efficiency", "Walk-aways right / wrong"].map((x) => h("th", {}, x)))),
      h(
        "tbody",
        {},
        rounds.map((r) =>
          h(
            "tr",
            {},
            h("td", {}, String(r.round)),
            h("td", {}, r.scenarioTitle),
            h("td", { class: "num" }, String(r.totals.tables)),
            h("td", { class: "num" }, String(r.totals.deals)),
            h("td", { class: "num" }, r.totals.medianPrice === null ? "—" : formatMoney(r.totals.medianPrice, r.currency)),
            h("td", { class: "num" }, r.totals.meanEfficiency === null ? "—" : percent(r.totals.meanEfficiency)),
            h("td", { class: "num" }, `${r.totals.walkAwaysRight} / ${r.totals.walkAwaysWrong}`),
          ),
        ),
      ),
    ),
  ];
}

function total(value: string, label: string): HTMLElement {
  return h("div", { class: "total" }, h("strong", {}, value), h("span", {}, label));
}

function resultsTable(round: RoundDebrief): HTMLElement {
  const money = (n: number) => formatMoney(n, round.currency);
  return h(
    "table",
    { class: "results-table", "aria-label": "Every table's result" },
    h(
      "thead",
      {},
      h("tr", {}, ["Table", "Outcome", "Price", "Zone of agreement", "Seller surplus", "Buyer surplus", "Efficiency", "Concessions S / B (share of the gap given)"].map((x) => h("th", {}, x))),
    ),
    h(
      "tbody",
      {},
      round.games.map((g) =>
        h(
          "tr",
          { "data-code": g.code },
          h("td", { class: "names", tabindex: 0, title: tableLabel(g) }, `T${g.index + 1} `, nameCut(g.players.seller.name), " / ", nameCut(g.players.buyer.name)),
          h("td", {}, bucketOf(g)),
          h("td", { class: "num" }, g.price === null ? "—" : money(g.price)),
          h("td", { class: "num" }, g.zopa.exists ? `${money(g.zopa.low)} – ${money(g.zopa.high)}` : "none"),
          h("td", { class: "num" }, money(g.surplus.seller)),
          h("td", { class: "num" }, money(g.surplus.buyer)),
          h("td", { class: "num" }, percent(g.efficiency)),
          h("td", { class: "num" }, `${concessionWords(g.concessions.seller)} / ${concessionWords(g.concessions.buyer)}`),
        ),
      ),
    ),
  );
}

function curveBalls(round: RoundDebrief): HTMLElement {
  return h(
    "section",
    { class: "curve-list", "aria-label": "Curve balls" },
    h("h3", {}, "How tables answered the same curve ball"),
    round.curveBalls.length === 0
      ? h("p", { class: "hint" }, "No curve ball was drawn this round.")
      : round.curveBalls.map((c) =>
          h(
            "div",
            {},
            h("strong", {}, `${c.title}`),
            h("span", { class: "hint" }, ` — landed on the ${c.side}, at ${c.answers.length} table${c.answers.length === 1 ? "" : "s"}`),
            h("ul", {}, c.answers.map((a) => h("li", {}, `Table ${a.index + 1} (${a.names}): ${a.text} Result: ${outcomeWord(a.outcome)}.`))),
          ),
        ),
  );
}
