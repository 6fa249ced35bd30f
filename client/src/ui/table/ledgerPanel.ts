import type { LedgerVM } from "../../view/ledger.js";
import { h, renderIfChanged, replaceChildren } from "../dom.js";

/** Every concession of the game with its status; the canvas shows the running balance. */
export function ledgerPanel() {
  const body = h("div", {});
  const el = h(
    "details",
    { class: "section ledger-section" },
    h("summary", {}, h("h2", {}, "Concessions ledger")),
    body,
  );
  return {
    el,
    show(ledger: LedgerVM) {
      renderIfChanged(body, ledger, (l) =>
        replaceChildren(
          body,
          h("p", { class: l.flagged > 0 ? "warn" : "hint" }, l.summary),
          l.rows.length > 0
            ? h(
                "ul",
                { class: "ledger-rows" },
                l.rows.map((r) =>
                  h("li", { class: `status-${r.status}` }, h("span", { class: `who who-${r.by}` }, r.byName), " ", r.text, h("span", { class: "tag" }, r.statusText)),
                ),
              )
            : null,
        ),
      );
    },
  };
}
