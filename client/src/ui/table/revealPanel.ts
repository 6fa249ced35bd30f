import type { DebriefVM } from "../../view/debrief.js";
import type { RevealVM } from "../../view/reveal.js";
import { h, renderIfChanged, replaceChildren } from "../dom.js";

/**
 * The end of the game in words: the whole elephant, for both players and the observers. The
 * debrief comes after the facts, below the fold of a laptop's panel: a button at the top says it
 * is there and goes to it.
 */
export function revealPanel(backToLobby: () => void) {
  const body = h("div", {});
  const el = h("section", { class: "section reveal", "aria-labelledby": "reveal-title", hidden: true }, h("h2", { id: "reveal-title" }, "The reveal"), body);
  return {
    el,
    show(reveal: RevealVM | null, debrief: DebriefVM) {
      el.hidden = reveal === null;
      if (!reveal) return;
      renderIfChanged(body, { reveal, debrief }, ({ reveal: r }) => {
        const sections = debrief.map((d) =>
          h(
            "section",
            { class: "debrief", "aria-label": d.title },
            h("h3", {}, d.title),
            h("ul", { class: "debrief-lines" }, d.lines.map((l) => h("li", { class: `tone-${l.tone}` }, h("strong", {}, `${l.lesson}. `), l.text))),
          ),
        );
        const first = sections[0] ?? null;
        const lessons = debrief.reduce((n, d) => n + d.lines.length, 0);
        const jump = first
          ? h(
              "button",
              { type: "button", class: "jump-debrief", onclick: () => first.scrollIntoView({ block: "start" }) },
              `${debrief.length === 1 ? (debrief[0] as DebriefVM[number]).title : "The debriefs"}: ${lessons} lesson${lessons === 1 ? "" : "s"} below ↓`,
            )
          : null;
        replaceChildren(
          body,
          jump,
          h("p", { class: "headline" }, r.headline),
          h("p", { class: "verdict" }, r.verdict),
          r.warnings.map((w) => h("p", { class: "bad" }, w)),
          h(
            "dl",
            { class: "facts" },
            r.walkAways.map((w) => [h("dt", {}, w.label), h("dd", {}, w.value)]),
            h("dt", {}, "Zone of agreement"),
            h("dd", {}, r.zone.text),
            h("dt", {}, r.line.title),
            h("dd", {}, r.line.explain),
            r.deal ? [h("dt", {}, "The deal"), h("dd", {}, h("ul", { class: "deal-terms" }, r.deal.lines.map((l) => h("li", {}, `${l.label}: `, h("strong", {}, l.value)))))] : null,
            r.surplus.map((s) => [h("dt", {}, s.you ? `${s.label} (you)` : s.label), h("dd", { class: s.amount >= 0 ? "good" : "bad" }, s.text, s.penalty ? ` ${s.penalty}` : "")]),
            h("dt", {}, "Efficiency"),
            h("dd", {}, r.efficiencyDetail),
            r.nash ? [h("dt", {}, "Nash point"), h("dd", {}, `${r.nash.text} Terms: ${r.nash.lines.map((l) => l.value).join(" · ")}.`)] : null,
          ),
          sections,
          h("div", { class: "reveal-actions" }, h("button", { type: "button", class: "primary", onclick: backToLobby }, "Back to the lobby")),
        );
      });
    },
  };
}
