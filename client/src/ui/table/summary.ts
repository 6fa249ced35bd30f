import type { TableVM } from "../../view/tableViewModel.js";
import { h, renderIfChanged, replaceChildren } from "../dom.js";

/**
 * The canvas in words, for screen readers (the canvas itself is one opaque picture): seats,
 * standing offers, curve balls and the balance of concessions, as the scene draws them.
 */
export function tableSummary() {
  const el = h("section", { class: "sr-only", "aria-label": "The table in words", id: "table-summary" });
  return {
    el,
    show(vm: TableVM) {
      const data = {
        seats: [vm.seats.far, vm.seats.near].map((s) => `${s.isYou ? "You" : s.name}, ${s.roleLabel.toLowerCase()}: ${s.presence}${s.toAct ? ", to act" : ""}.`),
        rounds: vm.rounds.caption,
        standing: vm.offers
          .filter((o) => o.standing)
          .map((o) => `${o.mine ? "You offer" : `${o.byName} offers`} ${o.price}: ${o.lines.map((l) => `${l.label} ${l.value}`).join(", ")}.${o.forYou ? ` ${o.forYou.text}.` : ""}`),
        cards: vm.cards.map((c) => `Round ${c.round} curve ball — ${c.title}: ${c.text}`),
        ledger: vm.ledger.summary,
      };
      renderIfChanged(el, data, (d) =>
        replaceChildren(
          el,
          h("h2", {}, "The table"),
          h("ul", {}, d.seats.map((s) => h("li", {}, s))),
          h("p", {}, d.rounds),
          h("h3", {}, "Standing offers"),
          h("ul", {}, d.standing.length > 0 ? d.standing.map((s) => h("li", {}, s)) : h("li", {}, "No offers yet.")),
          d.cards.length > 0 ? h("h3", {}, "Curve balls") : null,
          h("ul", {}, d.cards.map((c) => h("li", {}, c))),
          h("p", {}, d.ledger),
        ),
      );
    },
  };
}
