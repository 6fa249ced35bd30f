import { ROLES } from "../../../shared/engine/roles.js";
import type { Scenario } from "../../../shared/engine/scenario.js";
import { h, replaceChildren } from "../ui/dom.js";
import { printBriefOf, type PrintBrief } from "./printBrief.js";

/*
 * The role briefs laid out for paper, one page per role. The page shows them only when printed
 * (studio.css, @media print); the browser makes the PDF.
 */

export function printBriefs(): { readonly el: HTMLElement; readonly show: (scenario: Scenario | null) => void } {
  const el = h("div", { class: "print-briefs", "aria-hidden": "true" });
  return {
    el,
    show(scenario) {
      replaceChildren(el, scenario ? ROLES.map((role) => page(printBriefOf(scenario, role))) : null);
    },
  };
}

function page(p: PrintBrief): HTMLElement {
  const list = (title: string, items: readonly string[]) => (items.length > 0 ? [h("h3", {}, title), h("ul", {}, items.map((t) => h("li", {}, t)))] : null);
  return h(
    "article",
    { class: "print-page", "data-role": p.role },
    h("p", { class: "print-heading" }, p.heading),
    h("h1", {}, p.title),
    h("p", { class: "print-story" }, p.story),
    h("h2", {}, "Your brief"),
    h("p", {}, p.brief),
    h("p", { class: "print-walkaway" }, p.walkAway),
    list("What you negotiate", p.issues),
    list("What the terms mean to you", p.values),
    p.hotButtons.length > 0 ? [h("h3", {}, "Pressure points"), h("ul", {}, p.hotButtons.map((hb) => h("li", {}, h("strong", {}, hb.label), " — ", hb.text)))] : null,
    list("Strengths", p.strengths),
    list("Weaknesses", p.weaknesses),
  );
}
