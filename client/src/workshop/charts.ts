import { Chart, registerables, type ChartConfiguration } from "chart.js";
import { formatMoney } from "../../../shared/engine/terms.js";
import type { RoundDebrief } from "../../../shared/workshop/classStats.js";
import { OUTCOME_BUCKETS, outcomeCounts, priceChart, reciprocityChart, roundsChart, surplusChart } from "./chartData.js";

/*
 * The debrief charts (chart.js, loaded only with the debrief). Large type and strong colours:
 * they are read off a projector at the back of a training room; on the projector view itself
 * every label is larger still ("wall").
 */

Chart.register(...registerables);
Chart.defaults.font.size = 15;
Chart.defaults.font.family = '"Inter", "Segoe UI", system-ui, sans-serif';
Chart.defaults.color = "#17212b";
Chart.defaults.plugins.title.font = { size: 18, weight: "bold" };
Chart.defaults.animation = false;

const C = { zone: "rgba(22, 163, 74, 0.35)", gap: "rgba(220, 38, 38, 0.3)", deal: "#111827", nash: "#7c3aed", seller: "#b45309", buyer: "#2563eb", grey: "#94a3b8" };

export type ChartKind = "prices" | "surplus" | "outcomes" | "reciprocity" | "rounds";
/** "console": the facilitator's screen; "wall": the projector view, read across a room. */
export type ChartSize = "console" | "wall";

export function drawChart(canvas: HTMLCanvasElement, kind: ChartKind, round: RoundDebrief, rounds: readonly RoundDebrief[], size: ChartSize = "console"): Chart {
  const config = configFor(kind, round, rounds);
  return new Chart(canvas, size === "wall" ? forTheWall(config) : config);
}

/** Text size of every label on the wall (CSS px); the page puts each chart's title above it, where it can wrap. */
const WALL_FONT = 20;

type Loose = Record<string, unknown>;

/** The same chart with every label set large: titles, legend, both axes' ticks and titles. */
function forTheWall(config: ChartConfiguration): ChartConfiguration {
  const options = (config.options ?? {}) as Loose;
  const plugins = (options["plugins"] ?? {}) as Loose;
  const legend = (plugins["legend"] ?? {}) as Loose;
  const font = { size: WALL_FONT };
  const scales = Object.fromEntries(
    Object.entries<Loose>({ x: {}, y: {}, ...((options["scales"] ?? {}) as Record<string, Loose>) }).map(([axis, scale]) => [
      axis,
      { ...scale, ticks: { ...((scale["ticks"] ?? {}) as Loose), font }, title: { ...((scale["title"] ?? {}) as Loose), font } },
    ]),
  );
  return {
    ...config,
    options: {
      ...options,
      scales,
      plugins: {
        ...plugins,
        title: { ...((plugins["title"] ?? {}) as Loose), display: false },
        legend: { ...legend, labels: { ...((legend["labels"] ?? {}) as Loose), font } },
      },
    },
  } as ChartConfiguration;
}

function configFor(kind: ChartKind, round: RoundDebrief, rounds: readonly RoundDebrief[]): ChartConfiguration {
  const money = (n: number) => formatMoney(n, round.currency);
  switch (kind) {
    case "prices": {
      const d = priceChart(round);
      // Zoom to the prices in play: from zero, every zone would be a sliver at the top.
      const values = [...d.zones.flatMap((z) => [...z.range]), ...d.deals, ...d.nash].filter((v): v is number => v !== null);
      const pad = Math.max(500, (Math.max(...values) - Math.min(...values)) * 0.15);
      return {
        type: "bar",
        data: {
          labels: [...d.labels],
          datasets: [
            { type: "bar", label: "Zone of agreement", data: d.zones.map((z) => [...z.range]), backgroundColor: d.zones.map((z) => (z.exists ? C.zone : C.gap)), borderWidth: 0, barPercentage: 0.6 },
            { type: "line", label: "Deal price", data: [...d.deals], showLine: false, pointStyle: "rectRot", pointRadius: 10, pointBackgroundColor: C.deal, borderColor: C.deal },
            { type: "line", label: "Nash point", data: [...d.nash], showLine: false, pointStyle: "crossRot", pointRadius: 10, borderWidth: 3, borderColor: C.nash },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          plugins: {
            title: { display: true, text: "Deal prices against each table's zone of agreement (on the deal's terms)" },
            tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${Array.isArray(item.raw) ? item.raw.map((v) => money(Number(v))).join(" – ") : money(Number(item.raw))}` } },
          },
          scales: {
            x: { ticks: { callback: (value) => d.ticks[Number(value)] ?? "" } },
            y: {
              min: Math.floor((Math.min(...values) - pad) / 1000) * 1000,
              max: Math.ceil((Math.max(...values) + pad) / 1000) * 1000,
              title: { display: true, text: `Price (${round.currency})` },
              ticks: { callback: (v) => money(Number(v)) },
            },
          },
        },
      };
    }
    case "surplus": {
      const d = surplusChart(round);
      return {
        type: "scatter",
        data: {
          datasets: [
            ...d.frontiers.map((f) => ({ type: "line" as const, label: f.label, data: f.points.map((p) => ({ ...p })), borderColor: C.grey, borderWidth: 2, pointRadius: 0, showLine: true, fill: false })),
            { type: "scatter" as const, label: "Tables", data: d.points.map((p) => ({ x: p.x, y: p.y })), pointRadius: 9, pointBackgroundColor: d.points.map((p) => (p.deal ? C.deal : "#ffffff")), pointBorderColor: C.deal, pointBorderWidth: 2 },
            { type: "scatter" as const, label: "Nash point", data: d.nash.map((p) => ({ x: p.x, y: p.y })), pointStyle: "crossRot", pointRadius: 10, borderColor: C.nash, borderWidth: 3 },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          plugins: {
            title: { display: true, text: "Buyer surplus against seller surplus, with the Pareto frontier" },
            tooltip: {
              callbacks: {
                label: (item) => {
                  const name = item.dataset.label === "Tables" ? (d.points[item.dataIndex]?.label ?? "") : (item.dataset.label ?? "");
                  const p = item.raw as { x: number; y: number };
                  return `${name}: buyer ${money(p.x)}, seller ${money(p.y)}`;
                },
              },
            },
          },
          scales: {
            x: { title: { display: true, text: "Buyer surplus" }, ticks: { callback: (v) => money(Number(v)) } },
            y: { title: { display: true, text: "Seller surplus" }, ticks: { callback: (v) => money(Number(v)) } },
          },
        },
      };
    }
    case "outcomes":
      return {
        type: "bar",
        data: { labels: [...OUTCOME_BUCKETS], datasets: [{ label: "Tables", data: outcomeCounts(round), backgroundColor: ["#16a34a", "#f59e0b", "#0ea5e9", "#dc2626", "#94a3b8", "#64748b", "#475569"] }] },
        options: {
          indexAxis: "y",
          responsive: true,
          maintainAspectRatio: false,
          plugins: { title: { display: true, text: "How the games ended (walk-aways: right and wrong)" }, legend: { display: false } },
          scales: { x: { ticks: { stepSize: 1, precision: 0 }, title: { display: true, text: "Tables" } } },
        },
      };
    case "reciprocity": {
      const d = reciprocityChart(round);
      return {
        type: "bar",
        data: {
          labels: [...d.labels],
          datasets: [
            { label: "Seller gave", data: [...d.seller], backgroundColor: C.seller },
            { label: "Buyer gave", data: [...d.buyer], backgroundColor: C.buyer },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          plugins: {
            title: { display: true, text: "Reciprocity: how much of the gap between the openings each side gave" },
            tooltip: {
              callbacks: {
                afterLabel: (item) => {
                  const detail = d.details[item.dataIndex];
                  return (item.datasetIndex === 0 ? detail?.seller : detail?.buyer) ?? "";
                },
              },
            },
          },
          scales: {
            x: { ticks: { callback: (value) => d.ticks[Number(value)] ?? "" } },
            y: { title: { display: true, text: "% of the gap" }, beginAtZero: true, suggestedMax: 100, ticks: { callback: (v) => `${v} %` } },
          },
        },
      };
    }
    case "rounds": {
      const d = roundsChart(rounds);
      return {
        type: "bar",
        data: {
          labels: [...d.labels],
          datasets: [
            { label: "Deal rate %", data: [...d.dealRate], backgroundColor: "#16a34a" },
            { label: "Mean efficiency %", data: [...d.efficiency], backgroundColor: "#0f766e" },
            { label: "Walk-aways that were right %", data: [...d.rightWalkAways], backgroundColor: "#0ea5e9" },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          plugins: { title: { display: true, text: "Rounds compared" } },
          scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: "%" } } },
        },
      };
    }
  }
}
