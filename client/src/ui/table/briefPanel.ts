import type { PublicScenario } from "../../../../shared/engine/view.js";
import type { PrivatePanelVM } from "../../view/privatePanel.js";
import type { QuestionsVM } from "../../view/questions.js";
import type { TableVM } from "../../view/tableViewModel.js";
import { h, renderIfChanged, replaceChildren } from "../dom.js";

/**
 * The left column: what this viewer knows. A player sees their own confidential brief, walk-away,
 * pressure points and what discovery has told them; a spectator sees the public story only.
 */
export function briefPanel(scenario: PublicScenario) {
  const el = h("aside", { class: "panel panel-left", "aria-label": "Your brief" });
  return {
    el,
    show(vm: TableVM) {
      renderIfChanged(el, { panels: vm.privatePanels, questions: vm.questions, spectator: vm.header.spectator }, (data) =>
        replaceChildren(
          el,
          data.panels.map((p) => privateSection(p, data.panels.length > 1)),
          discovery(data.questions, data.spectator),
          storySection(scenario.story, data.spectator),
        ),
      );
    },
  };
}

/** The public story, folded away for a player (their brief comes first), open for a spectator. */
export function storySection(story: string, open: boolean): HTMLElement {
  return h("details", { class: "section story", open: open ? true : null }, h("summary", {}, h("h2", {}, "The story (both sides read this)")), h("p", {}, story));
}

/** One side's confidential brief as the table shows it (the case studio previews it the same way). */
export function privateSection(p: PrivatePanelVM, several: boolean): HTMLElement {
  return h(
    "section",
    { class: `section private side-${p.role}`, "aria-label": p.title },
    several ? h("h2", {}, p.title) : null,
    h(
      "div",
      { class: "walkaway", "data-testid": "my-walkaway" },
      h("span", { class: "walkaway-label" }, several ? "Walk-away" : "Your walk-away"),
      h("strong", { class: "walkaway-value" }, p.walkAway),
      h("span", { class: "hint" }, p.walkAwayHelp),
    ),
    p.target
      ? h(
          "div",
          { class: "walkaway target", "data-testid": "my-target" },
          h("span", { class: "walkaway-label" }, several ? "Target" : "Your target"),
          h("strong", { class: "walkaway-value" }, p.target.amount),
          h("span", { class: "hint" }, p.target.help),
        )
      : null,
    p.hotButtons.length > 0
      ? h(
          "div",
          { class: "hot-buttons" },
          h("h3", {}, "Pressure points"),
          h(
            "ul",
            {},
            p.hotButtons.map((hb) =>
              h("li", { class: hb.urgent ? "urgent" : "" }, h("strong", {}, hb.label), h("span", { class: "hb-status" }, hb.status), h("span", { class: "hint" }, hb.text)),
            ),
          ),
        )
      : null,
    p.learned.length > 0
      ? h("div", { class: "learned" }, h("h3", {}, "What you learned"), h("ul", {}, p.learned.map((l) => h("li", {}, l.text, " ", h("span", { class: "tag" }, l.source)))))
      : null,
    h(
      "details",
      { class: "brief-text", open: true },
      h("summary", {}, h("h3", {}, "Confidential brief")),
      h("p", {}, p.brief),
      p.strengths.length > 0 ? h("h4", {}, "Strengths") : null,
      h("ul", { class: "points good" }, p.strengths.map((s) => h("li", {}, s))),
      p.weaknesses.length > 0 ? h("h4", {}, "Weaknesses") : null,
      h("ul", { class: "points bad" }, p.weaknesses.map((s) => h("li", {}, s))),
    ),
  );
}

function discovery(q: QuestionsVM, spectator: boolean): HTMLElement | null {
  const answered = q.mine.filter((m) => m.asked);
  if (spectator) {
    if (q.askedAtTable.length === 0) return null;
    return h(
      "section",
      { class: "section discovery" },
      h("h2", {}, "Questions asked"),
      h("ul", {}, q.askedAtTable.map((a) => h("li", {}, h("span", { class: `who who-${a.by}` }, a.byName), " ", `“${a.text}”`))),
    );
  }
  const theirs = q.askedAtTable.filter((a) => !a.byYou);
  if (answered.length === 0 && theirs.length === 0) return null;
  return h(
    "section",
    { class: "section discovery" },
    h("h2", {}, "Discovery"),
    answered.length > 0
      ? h(
          "ul",
          { class: "answers" },
          answered.map((m) => h("li", {}, h("span", { class: "q" }, `You asked: “${m.text}”`), h("span", { class: "a" }, m.answer ?? "No answer yet."))),
        )
      : null,
    theirs.length > 0 ? h("h3", {}, "They asked you") : null,
    theirs.length > 0
      ? h(
          "ul",
          { class: "answers" },
          theirs.map((a) =>
            h(
              "li",
              {},
              h("span", { class: "q" }, `“${a.text}” (round ${a.round})`),
              h("span", { class: "a" }, a.answeredForYou ? `Answered for you: “${a.answeredForYou}”` : "No answer yet."),
            ),
          ),
        )
      : null,
  );
}
