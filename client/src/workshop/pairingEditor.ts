import type { ConsoleParticipant } from "../../../shared/protocol/workshop.js";
import { describePairingNote, pairingIssues, pairingProblems, type Pairing, type TablePlan } from "../../../shared/workshop/pairing.js";
import { h, replaceChildren } from "../ui/dom.js";

/*
 * The facilitator's pairing before a round starts: a random proposal from the server, edited
 * by hand (anyone into any seat, a bot into one seat, swap sides, add or drop a table). What
 * would stop the round, and what the facilitator should know, is shown as they edit, with the
 * same rules the server applies when the round starts.
 */

export type PairingEditor = {
  readonly el: HTMLElement;
  /** Refresh with the latest proposal (adopted only when new), roster and history. */
  readonly show: (proposal: Pairing | null, people: readonly ConsoleParticipant[], past: readonly Pairing[]) => void;
  readonly current: () => Pairing | null;
  /** A round started from the draft: start the next one from a fresh proposal. */
  readonly reset: () => void;
  /** Problems that would make the server refuse the round. */
  readonly problems: () => string[];
};

const BOT = "__bot__";

export function pairingEditor(onChange: () => void): PairingEditor {
  const el = h("div", { class: "pairing-editor" });
  let draft: Pairing | null = null;
  let people: readonly ConsoleParticipant[] = [];
  let past: readonly Pairing[] = [];
  /** The server's proposal the draft started from: a new proposal replaces the draft, a re-render does not. */
  let adopted: Pairing | null = null;

  const nameOf = (id: string) => people.find((p) => p.participantId === id)?.name ?? "someone who left";
  const members = () => people.filter((p) => !p.left);
  const update = (next: Pairing) => {
    draft = next;
    render();
    onChange();
  };
  const setSeat = (index: number, role: keyof TablePlan, value: string) => {
    if (!draft) return;
    const tables = draft.tables.map((t, i) => (i === index ? { ...t, [role]: value === BOT ? null : value } : t));
    update({ ...draft, tables });
  };

  const seatSelect = (index: number, role: keyof TablePlan, value: string | null) => {
    const select = h(
      "select",
      { "aria-label": `Table ${index + 1} ${role}`, "data-table": index, "data-role": role },
      h("option", { value: BOT }, "Bot"),
      members().map((p) => h("option", { value: p.participantId }, `${p.name}${p.online ? "" : " (offline)"}`)),
    );
    select.value = value ?? BOT;
    // A long name is cut in the closed select: the whole one shows on hover (the list shows it whole).
    select.title = value === null ? "Bot" : nameOf(value);
    select.addEventListener("change", () => setSeat(index, role, select.value));
    return select;
  };

  const problemsOf = () => (draft ? pairingProblems(draft, new Set(members().map((p) => p.participantId))).map((p) => describePairingNote(p, nameOf)) : []);

  const render = () => {
    if (!draft) {
      replaceChildren(el, h("p", { class: "hint" }, "Pair the class at random, then adjust by hand if you like."));
      return;
    }
    const d = draft;
    const present = members().filter((p) => p.online).map((p) => p.participantId);
    const issues = pairingIssues(d, present, past).map((i) => describePairingNote(i, nameOf));
    const problems = problemsOf();
    replaceChildren(
      el,
      h(
        "table",
        { class: "pairing" },
        h("thead", {}, h("tr", {}, h("th", {}, "Table"), h("th", {}, "Seller"), h("th", {}, "Buyer"), h("th", {}, ""))),
        h(
          "tbody",
          {},
          d.tables.map((t, i) =>
            h(
              "tr",
              {},
              h("td", {}, `${i + 1}`),
              h("td", {}, seatSelect(i, "seller", t.seller)),
              h("td", {}, seatSelect(i, "buyer", t.buyer)),
              h(
                "td",
                { class: "row" },
                h("button", { type: "button", title: "Swap sides", onclick: () => update({ ...d, tables: d.tables.map((x, j) => (j === i ? { buyer: x.seller, seller: x.buyer } : x)) }) }, "⇄ Swap"),
                h(
                  "button",
                  {
                    type: "button",
                    class: "danger-outline",
                    title: "Remove this table",
                    onclick: () =>
                      update({
                        tables: d.tables.filter((_, j) => j !== i),
                        observers: d.observers.filter((o) => o.table !== i).map((o) => (o.table > i ? { ...o, table: o.table - 1 } : o)),
                      }),
                  },
                  "✕",
                ),
              ),
            ),
          ),
        ),
      ),
      d.observers.length > 0
        ? h("p", {}, "Watching: ", d.observers.map((o) => `${nameOf(o.participantId)} (table ${o.table + 1})`).join(", "))
        : null,
      h("div", { class: "row" }, h("button", { type: "button", onclick: () => update({ ...d, tables: [...d.tables, { buyer: null, seller: null }] }) }, "+ Add a table")),
      problems.length > 0 ? h("ul", { class: "notes-list problems", role: "alert" }, problems.map((p) => h("li", {}, p))) : null,
      issues.length > 0 ? h("ul", { class: "notes-list" }, issues.map((p) => h("li", {}, p))) : null,
    );
  };

  return {
    el,
    show(next, nextPeople, nextPast) {
      people = nextPeople;
      past = nextPast;
      if (next !== adopted) {
        adopted = next;
        draft = next;
      }
      render();
    },
    current: () => draft,
    reset: () => {
      draft = null;
      render();
    },
    problems: problemsOf,
  };
}
