import { formatMoney } from "../../../shared/engine/terms.js";
import { displayNameSchema, MAX_NAME_LENGTH } from "../../../shared/protocol/join.js";
import type { Assignment, ParticipantResult } from "../../../shared/protocol/workshop.js";
import type { SeatStore } from "../app/seatStore.js";
import { tablePath, watchPath } from "../app/routes.js";
import { brand } from "../ui/brand.js";
import { h, renderIfChanged, replaceChildren } from "../ui/dom.js";
import type { WorkshopModel } from "./model.js";
import { endWorkshopSession, workshopSession } from "./session.js";
import type { WorkshopDeps } from "./createScreen.js";
import { ordinal, roleName } from "./words.js";
import "./workshop.css";

export type LobbyDeps = WorkshopDeps & { readonly seats: SeatStore };

/**
 * A participant's home in the workshop: who is here, where they play this round (the table
 * opens by itself when the facilitator starts one), the facilitator's messages, and after each
 * game their own debrief and where their result sits in the class.
 */
export function renderParticipantLobby(root: HTMLElement, deps: LobbyDeps, code: string): () => void {
  const stored = deps.workshops.participant(code);
  if (!stored) return askName(root, deps, code);
  deps.workshops.setCurrent({ code, kind: "participant" });
  const session = workshopSession(
    { kind: "participant", code, token: stored.token, name: stored.name },
    {
      onParticipant: (token, name) => deps.workshops.setParticipant(code, { token, name }),
      onRefused: (reason) => {
        if (reason === "workshop/bad_participant") deps.workshops.forgetParticipant(code);
      },
    },
  );

  const title = h("span", { class: "ws-title" }, "Workshop");
  const you = h("span", {});
  const status = h("div", { class: "ws-status", role: "status" });
  const assignment = h("section", { class: "ws-card assignment", "aria-label": "Your table" });
  const result = h("section", { class: "ws-card", "aria-label": "Your debrief", hidden: true });
  const messages = h("section", { class: "ws-card", "aria-label": "Messages from the facilitator", hidden: true });
  const roster = h("section", { class: "ws-card", "aria-label": "Who is here" });
  const leave = h("button", { type: "button", class: "ghost" }, "Leave the workshop");
  leave.addEventListener("click", () => {
    if (!window.confirm("Leave this workshop for good? Your place in the class is given up.")) return;
    void session.leaveWorkshop().then(() => {
      deps.workshops.forgetParticipant(code);
      deps.workshops.setCurrent(null);
      endWorkshopSession();
      deps.navigate("/");
    });
  });

  replaceChildren(
    root,
    h(
      "div",
      { class: "ws-page" },
      h("header", { class: "ws-top" }, brand(), title, h("span", { class: "ws-code" }, h("span", {}, "Code"), h("strong", {}, code)), you, h("span", { class: "spacer" }), leave),
      status,
      h("main", { class: "ws-main lobby" }, messages, assignment, result, roster),
    ),
  );

  /** The round the participant was last sent to their table for: a new round opens the table by itself. */
  let opened = sessionStorage.getItem(`parley:opened:${code}`);
  const render = (m: WorkshopModel) => {
    const w = m.lobby?.workshop ?? (m.welcome?.workshop ?? null);
    title.textContent = w?.title ?? "Workshop";
    document.title = `Parley — ${w?.title ?? "workshop"}`;
    you.textContent = m.welcome?.kind === "participant" ? `You are ${m.welcome.name}` : "";
    showStatus(status, m, () => deps.navigate(location.pathname));
    renderIfChanged(assignment, { a: m.assignment, phase: w?.phase ?? "none", done: m.result?.round === m.assignment?.round }, ({ a, phase, done }) =>
      replaceChildren(assignment, assignmentView(a, phase, done, (path) => deps.navigate(path), (table) => takeSeat(deps, code, table, m))),
    );
    renderIfChanged(result, m.result, (r) => {
      result.hidden = r === null;
      if (r) replaceChildren(result, resultView(r));
    });
    renderIfChanged(messages, m.broadcasts, (list) => {
      messages.hidden = list.length === 0;
      replaceChildren(messages, h("h2", {}, "From your facilitator"), h("ul", { class: "broadcasts" }, [...list].reverse().map((b) => h("li", {}, b.text))));
    });
    renderIfChanged(roster, m.lobby?.roster ?? [], (list) =>
      replaceChildren(
        roster,
        h("h2", {}, `Who is here (${list.filter((r) => r.online).length} online)`),
        h("ul", { class: "roster" }, list.map((r) => h("li", {}, h("span", { class: `dot${r.online ? " online" : ""}` }), h("span", { class: "name" }, r.name), r.place !== "lobby" ? h("span", { class: `chip ${r.place}` }, r.place) : null))),
      ),
    );
    // A new seat opens the table by itself, once: coming back to the lobby does not bounce you out again.
    const a = m.assignment;
    if (a && a.kind !== "none" && w?.phase === "running" && m.result?.round !== a.round && opened !== `${a.round}:${a.table}`) {
      opened = `${a.round}:${a.table}`;
      sessionStorage.setItem(`parley:opened:${code}`, opened);
      if (a.kind === "seat") takeSeat(deps, code, a.table, m);
      else deps.navigate(watchPath(a.table));
    }
  };
  const off = session.subscribe(render);
  return off;
}

/** The participant's own workshop token opens their seat at every table they are sent to. */
function takeSeat(deps: LobbyDeps, code: string, table: string, m: WorkshopModel): void {
  const token = deps.workshops.participant(code)?.token;
  if (!token) return;
  const name = m.welcome?.kind === "participant" ? m.welcome.name : deps.seats.lastName();
  deps.seats.takeSeat(table, token, name);
  deps.navigate(tablePath(table));
}

function showStatus(el: HTMLElement, m: WorkshopModel, rejoin: () => void): void {
  const w = m.lobby?.workshop;
  const text =
    m.link === "closed"
      ? (m.closedReason ?? "Disconnected from the workshop.")
      : m.link !== "live"
        ? "Connecting to the workshop…"
        : !w || w.phase === "none"
          ? "Waiting for the facilitator to start the first round."
          : w.phase === "running"
            ? `Round ${w.round} is under way — ${w.scenarioTitle ?? ""}`
            : `Round ${w.round} is over. Your debrief is below; the facilitator will start the next round.`;
  // A refused place (the server no longer knows this tab's token) is joined again with a name.
  const again = m.link === "closed" && m.welcome === null ? h("button", { type: "button", onclick: rejoin }, "Join again") : null;
  replaceChildren(el, h("span", {}, text), again);
  el.dataset.tone = m.link === "live" ? "neutral" : "warning";
}

function assignmentView(a: Assignment | null, phase: string, done: boolean, navigate: (path: string) => void, sit: (table: string) => void): (HTMLElement | null)[] {
  if (!a || a.kind === "none" || phase !== "running")
    return [
      h("h2", {}, "Your table"),
      h("p", {}, phase === "running" ? "You are not at a table this round: the facilitator can seat you — stay on this page." : "When the facilitator starts a round, your table opens here by itself."),
    ];
  if (a.kind === "observe")
    return [
      h("h2", {}, `Round ${a.round}: you watch table ${a.table}`),
      h("p", {}, `You sit this one out and watch a game of “${a.scenarioTitle}”. Next round you play.`),
      h("button", { type: "button", class: "primary", onclick: () => navigate(watchPath(a.table)) }, "Watch the table"),
    ];
  return [
    h("h2", {}, `Round ${a.round}: ${a.scenarioTitle}`),
    h("p", { class: "big" }, `You are the ${roleName(a.role)}, facing ${a.opponent}.`),
    done
      ? h("p", {}, "Your game is over: your debrief is below.")
      : h("button", { type: "button", class: "primary", onclick: () => sit(a.table) }, `Go to table ${a.table}`),
  ];
}

function resultView(r: ParticipantResult): (HTMLElement | null)[] {
  const money = (n: number) => formatMoney(n, r.currency);
  const s = r.standing;
  const position = s && s.of > 1 ? (s.rank - 1) / (s.of - 1) : null;
  return [
    h("h2", {}, `Your debrief — round ${r.round}`),
    h("p", { class: "big" }, r.outcome),
    h("p", {}, `Your surplus as the ${roleName(r.role)}: `, h("strong", {}, money(r.surplus)), "."),
    s
      ? h(
          "div",
          { class: "standing" },
          h(
            "p",
            {},
            `That is ${ordinal(s.rank)} of ${s.of} ${roleName(s.role)}s in the class (median ${money(s.median)}, best ${money(s.best)}). `,
            s.classMedianPrice !== null ? `${s.classDeals} of ${s.classTables} tables made a deal, at a median price of ${money(s.classMedianPrice)}.` : "No table has made a deal yet.",
          ),
          position !== null
            ? h(
                "div",
                { class: "standing-bar", role: "img", "aria-label": `Your result sits ${ordinal(s.rank)} of ${s.of}` },
                h("span", { class: "me", style: `left: ${Math.round((1 - position) * 100)}%` }),
              )
            : null,
          position !== null ? h("p", { class: "hint" }, "Left: lowest surplus in the class · right: highest.") : null,
        )
      : null,
    h(
      "ul",
      { class: "debrief-lines" },
      r.lines.map((l) => h("li", { "data-tone": l.tone }, h("span", { class: "lesson" }, l.lesson.replace("-", " ")), l.text)),
    ),
  ];
}

function askName(root: HTMLElement, deps: LobbyDeps, code: string): () => void {
  const input = h("input", { id: "workshop-name", autocomplete: "nickname", maxlength: MAX_NAME_LENGTH, required: true, value: deps.seats.lastName() });
  const error = h("p", { class: "form-error", role: "alert" });
  const form = h(
    "form",
    { class: "card card-form" },
    h("h1", {}, "Join the workshop"),
    h("p", {}, `Workshop ${code}. Your name is shown to the class and your facilitator.`),
    h("div", { class: "field" }, h("label", { for: input.id }, "Your display name"), input),
    error,
    h("button", { type: "submit", class: "primary" }, "Join"),
  );
  let inner: (() => void) | null = null;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const parsed = displayNameSchema.safeParse(input.value);
    if (!parsed.success) {
      error.textContent = `Your display name ${parsed.error.issues[0]?.message ?? "is not valid"}.`;
      return;
    }
    deps.seats.rememberName(parsed.data);
    deps.workshops.setParticipant(code, { token: null, name: parsed.data });
    inner = renderParticipantLobby(root, deps, code);
  });
  replaceChildren(root, h("div", { class: "centered-page" }, brand(), form));
  input.focus();
  return () => inner?.();
}
