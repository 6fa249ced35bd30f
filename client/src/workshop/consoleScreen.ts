import type { ScenarioSummary } from "../../../shared/protocol/api.js";
import type { OddSeat, WorkshopServerMessages } from "../../../shared/protocol/workshop.js";
import { tileOver } from "../../../shared/workshop/tile.js";
import { consolePath, consoleUrl, facilitatePath, projectorPath, projectorUrl } from "../app/routes.js";
import { joinUrlOf, type JoinAddress } from "../../../shared/protocol/projector.js";
import { listScenarios } from "../net/api.js";
import { EditKeys } from "../studio/editKeys.js";
import { brand } from "../ui/brand.js";
import { noticePage } from "../ui/noticePage.js";
import { h, renderIfChanged, replaceChildren } from "../ui/dom.js";
import { downloadExport, fetchJoinAddress } from "./api.js";
import { field, type WorkshopDeps } from "./createScreen.js";
import { debriefPanel } from "./debriefPanel.js";
import type { WorkshopModel } from "./model.js";
import { nameCut } from "./nameCut.js";
import { pairingEditor } from "./pairingEditor.js";
import { roundSettingsForm } from "./roundSettingsForm.js";
import { workshopSession } from "./session.js";
import { sendTableControl } from "./tableControls.js";
import { stripLegend, tileView } from "./tileView.js";
import "./workshop.css";

type Tab = "class" | "grid" | "debrief";

/**
 * The facilitator's console: the class and the next round's pairing, the live grid of tables
 * with every control, and the class debrief with the export. Opened only with the facilitator
 * secret (from the link, kept in this tab); everything on it comes from the workshop room.
 */
export function renderConsole(root: HTMLElement, deps: WorkshopDeps, code: string, linkSecret: string | null): () => void {
  if (linkSecret) {
    deps.workshops.setFacilitatorSecret(code, linkSecret);
    // The secret stays in this tab's storage, out of the address bar and history.
    history.replaceState(null, "", consolePath(code));
  }
  const secret = deps.workshops.facilitatorSecret(code);
  if (!secret) return noSecret(root, deps, code);
  deps.workshops.setCurrent({ code, kind: "facilitator" });
  const session = workshopSession({ kind: "facilitator", code, secret }, { onRefused: () => deps.workshops.forgetFacilitatorSecret(code) });

  let tab: Tab = "class";
  const tabButton = (t: Tab, label: string) => h("button", { type: "button", role: "tab", "data-tab": t, onclick: () => selectTab(t) }, label);
  const tabs = [tabButton("class", "Class & pairing"), tabButton("grid", "Live tables"), tabButton("debrief", "Debrief")];
  const title = h("span", { class: "ws-title" }, "Workshop");
  const status = h("div", { class: "ws-status", role: "status" });
  const answer = h("div", { class: "answers", "aria-live": "polite" });

  // ---- Class & pairing
  // Where participants join: the server knows (joinAddress.ts); this tab's own address may be 127.0.0.1.
  const where = h("p", { class: "join-where", "data-testid": "join-where" }, "Looking up the address participants join at…");
  let address: JoinAddress | null = null;
  const anonymous = h("input", { type: "checkbox", id: "projector-anonymous", onchange: () => session.send("set_anonymous", { anonymous: anonymous.checked }) });
  const projectorCopied = h("span", { class: "hint", role: "status" });
  const projectorKey = () => (session.current.welcome?.kind === "facilitator" ? session.current.welcome.projectorKey : null);
  const projectorLink = h("a", { class: "button", id: "open-projector", target: "_blank", rel: "noopener", "aria-disabled": "true" }, "Open projector view");
  const joinCard = h(
    "section",
    { class: "ws-card ws-join", "aria-label": "How participants join" },
    h("h2", {}, "Participants join with"),
    h("div", { class: "big-code", "data-testid": "join-code" }, code),
    where,
    h(
      "div",
      { class: "projector-controls" },
      projectorLink,
      h(
        "button",
        {
          type: "button",
          id: "copy-projector",
          title: "For a projector run from another computer: the link opens the wall's view and nothing else",
          onclick: () => {
            const key = projectorKey();
            if (!key) return;
            const origin = address?.kind === "reachable" ? address.origin : location.origin;
            void navigator.clipboard?.writeText(projectorUrl(origin, code, key)).then(() => (projectorCopied.textContent = "Projector link copied."));
          },
        },
        "Copy the projector link",
      ),
      projectorCopied,
    ),
    h("label", { class: "check", for: anonymous.id }, anonymous, "Anonymous projector: Player 1, Player 2… instead of names"),
  );
  fetchJoinAddress().then(
    (found) => {
      address = found;
      if (found.kind === "unreachable") {
        where.dataset.tone = "warning";
        replaceChildren(where, found.message);
        return;
      }
      const url = joinUrlOf(found.origin, code);
      replaceChildren(
        where,
        `at ${found.origin} — or send them `,
        h("a", { href: url, target: "_blank" }, url),
        found.source === "network" ? h("span", { class: "hint" }, " (this computer's address on the network; if participants cannot open it, set PUBLIC_URL)") : null,
      );
    },
    (error: unknown) => replaceChildren(where, error instanceof Error ? error.message : "Could not find the address participants join at."),
  );
  const link = consoleUrl(location.origin, code, secret);
  const linkInput = h("input", { id: "facilitator-link", readonly: true, value: link, "aria-label": "Your facilitator link" });
  const copied = h("span", { class: "hint", role: "status" });
  const secretCard = h(
    "section",
    { class: "ws-card ws-secret", "aria-label": "Your facilitator link" },
    h("h3", {}, "Your facilitator link — keep it to yourself"),
    h("p", { class: "hint" }, "It is the only way back into this console (and the grid shows every hidden number). Save it now."),
    linkInput,
    h("div", { class: "row" }, h("button", { type: "button", onclick: () => void navigator.clipboard?.writeText(link).then(() => (copied.textContent = "Copied.")) }, "Copy the link"), copied),
  );
  const roster = h("section", { class: "ws-card", "aria-label": "The class" });

  const scenario = h("select", { id: "round-scenario" });
  const form = roundSettingsForm("round", scenario);
  const { rounds, turn, reading, deck, odd, level } = form;
  const editor = pairingEditor(() => render(session.current));
  const propose = h("button", { type: "button", id: "pair-random", onclick: () => session.send("propose", { oddSeat: odd.value as OddSeat }) }, "Pair at random");
  const start = h("button", { type: "button", class: "primary", id: "start-round", onclick: () => startRound() }, "Start the round");
  const setupHint = h("p", { class: "hint" });
  const setup = h(
    "section",
    { class: "ws-card", "aria-label": "Next round" },
    h("h2", { id: "setup-title" }, "Round 1"),
    h(
      "div",
      { class: "settings-grid" },
      field("round-scenario", "Scenario", scenario),
      field("round-rounds", "Rounds per game", rounds),
      field("round-turn", "Seconds per turn", turn),
      field("round-reading", "Reading time (seconds)", reading),
      field("round-deck", "Draw", deck),
      field("round-odd", "Odd person out", odd),
      field("round-level", "Bot", level),
    ),
    h("div", { class: "row" }, propose, h("span", { class: "hint" }, "Each round everyone swaps sides and meets someone new where the class allows; the odd one out rotates.")),
    editor.el,
    h("div", { class: "row" }, start, setupHint),
  );
  const classTab = h("div", { class: "ws-columns", "data-panel": "class" }, h("div", { class: "stack" }, joinCard, roster, secretCard), setup);

  // ---- Live tables
  const broadcastText = h("input", { type: "text", id: "broadcast-text", maxlength: 280, placeholder: "Message to everyone (e.g. “Five minutes left”)" });
  const cardPick = h("select", { id: "curveball-card", "aria-label": "Curve ball to throw" });
  const send = (type: string, payload: unknown = {}) => session.send(type, payload);
  const controls = h(
    "section",
    { class: "ws-card", "aria-label": "Controls for every table" },
    h(
      "div",
      { class: "control-bar" },
      h("strong", {}, "All tables:"),
      h("button", { type: "button", id: "start-all", title: "End reading time at every table still reading", onclick: () => send("start_now") }, "Start now"),
      h("button", { type: "button", id: "pause-all", onclick: () => send("pause") }, "Pause"),
      h("button", { type: "button", id: "resume-all", onclick: () => send("resume") }, "Resume"),
      h("button", { type: "button", id: "time-all", onclick: () => send("add_time", { seconds: 60 }) }, "+60 s"),
      cardPick,
      h("button", { type: "button", id: "curveball-all", onclick: () => send("curveball", cardPick.value ? { cardId: cardPick.value } : {}) }, "Throw to all"),
      h("button", { type: "button", id: "seat-waiting", onclick: () => send("seat_waiting") }, "Seat waiting people"),
      h(
        "button",
        {
          type: "button",
          class: "danger",
          id: "end-round",
          onclick: () => {
            if (window.confirm("End the round now? Every game still running ends with no deal.")) send("end_round");
          },
        },
        "End the round",
      ),
    ),
    h(
      "form",
      {
        class: "control-bar",
        onsubmit: (event: Event) => {
          event.preventDefault();
          const text = broadcastText.value.trim();
          if (!text) return;
          send("broadcast", { text });
          broadcastText.value = "";
        },
      },
      broadcastText,
      h("button", { type: "submit", id: "broadcast-send" }, "Send to everyone"),
    ),
  );
  const grid = h("div", { class: "grid", "aria-label": "Tables" });
  const gridTab = h("div", { class: "stack", "data-panel": "grid" }, controls, stripLegend(), grid);

  // ---- Debrief
  const debrief = debriefPanel((format, anonymousFile) => downloadExport(code, secret, format, anonymousFile));
  const debriefTab = h("div", { class: "stack", "data-panel": "debrief" }, debrief.el);

  const main = h("main", { class: "ws-main" }, answer, classTab, gridTab, debriefTab);
  replaceChildren(
    root,
    h(
      "div",
      { class: "ws-page console" },
      h("header", { class: "ws-top" }, brand(), title, h("span", { class: "ws-code" }, h("span", {}, "Join code"), h("strong", {}, code)), h("nav", { class: "ws-tabs", role: "tablist" }, tabs)),
      status,
      main,
    ),
  );

  const selectTab = (t: Tab) => {
    tab = t;
    for (const b of tabs) b.setAttribute("aria-selected", String(b.dataset.tab === t));
    classTab.hidden = t !== "class";
    gridTab.hidden = t !== "grid";
    debriefTab.hidden = t !== "debrief";
  };
  selectTab(tab);

  let scenarios: readonly ScenarioSummary[] = [];
  let settingsFilled = false;
  listScenarios(new EditKeys(window.localStorage).keys()).then(
    (list) => {
      scenarios = list;
      replaceChildren(scenario, list.map((s) => h("option", { value: s.id }, s.editable ? `${s.title} (yours)` : s.title)));
      settingsFilled = false;
      render(session.current);
    },
    () => (setupHint.textContent = "Could not load the scenarios: reload the page."),
  );

  const startRound = () => {
    const pairing = editor.current();
    if (!pairing) {
      setupHint.textContent = "Pair the class first.";
      return;
    }
    const problems = editor.problems();
    if (problems.length > 0) {
      setupHint.textContent = "Fix the pairing first (see above).";
      return;
    }
    setupHint.textContent = "Starting…";
    session.send("start_round", { settings: form.read(), pairing });
  };

  /** The round after which a fresh pairing was asked for, so it is asked once. */
  let proposedFor = -1;
  let lastPhase: string | null = null;
  let lastRound = -1;
  const render = (m: WorkshopModel) => {
    const w = m.lobby?.workshop ?? m.welcome?.workshop ?? null;
    title.textContent = w?.title ?? "Workshop";
    document.title = `Parley — console: ${w?.title ?? code}`;
    const running = w?.phase === "running";
    if (!settingsFilled && scenarios.length > 0 && m.welcome?.kind === "facilitator") {
      form.fill(m.console?.rounds.at(-1)?.settings ?? m.welcome.defaults);
      settingsFilled = true;
    }
    // A round that starts takes the facilitator to the grid; one that ends, to the debrief.
    if (w && (w.phase !== lastPhase || w.round !== lastRound)) {
      if (lastPhase !== null && w.phase === "running") {
        selectTab("grid");
        editor.reset();
        setupHint.textContent = "";
      }
      if (lastPhase === "running" && w.phase === "finished") selectTab("debrief");
      lastPhase = w.phase;
      lastRound = w.round;
    }
    showStatus(m);
    showAnswer(m);
    const people = m.console?.participants ?? [];
    const past = m.console?.rounds.map((r) => r.pairing) ?? [];
    renderIfChanged(roster, { people, waiting: m.console?.waiting ?? [] }, ({ people: list, waiting }) => replaceChildren(roster, rosterView(list, waiting, (id) => session.send("remove", { participantId: id }))));
    (document.getElementById("setup-title") as HTMLElement).textContent = running ? `Round ${w?.round} is running` : `Round ${(w?.round ?? 0) + 1}`;
    start.disabled = running;
    propose.disabled = running;
    // After a round, the next one starts from a fresh pairing (everyone on the other side, new
    // opponents where the class allows), never from the last round's: the console asks for one.
    if (w?.phase === "finished" && m.link === "live" && settingsFilled && !m.proposal && proposedFor !== w.round) {
      proposedFor = w.round;
      session.send("propose", { oddSeat: odd.value as OddSeat });
    }
    editor.show(m.proposal?.pairing ?? null, people, past);
    const current = m.console?.rounds.at(-1);
    renderIfChanged(cardPick, current?.cards ?? [], (cards) =>
      replaceChildren(cardPick, h("option", { value: "" }, "Next card of each deck"), cards.map((c) => h("option", { value: c.id }, `${c.title} (${c.side}, ${c.visibility})`))),
    );
    renderIfChanged(grid, { tiles: m.grid?.tiles ?? [], secrets: current?.tables.map((t) => t.code) ?? [] }, ({ tiles }) =>
      replaceChildren(
        grid,
        tiles.length === 0 ? h("p", { class: "hint" }, "The tables of the running round appear here.") : tiles.map((t) => tileView(t, { watch: (table) => watch(table, m), control: (type, table) => sendTableControl(session, type, table) })),
      ),
    );
    debrief.show(m.debrief);
    const key = projectorKey();
    if (key && !projectorLink.getAttribute("href")) {
      projectorLink.setAttribute("href", `${projectorPath(code)}#key=${encodeURIComponent(key)}`);
      projectorLink.removeAttribute("aria-disabled");
    }
    anonymous.checked = w?.anonymous ?? false;
    debrief.followAnonymous(w?.anonymous ?? false);
  };

  const watch = (table: string, m: WorkshopModel) => {
    const entry = m.console?.rounds.flatMap((r) => r.tables).find((t) => t.code === table);
    if (!entry) return;
    // The workshop's facilitator secret opens each of its tables as facilitator.
    deps.workshops.setTable(table, { secret, workshop: code });
    deps.navigate(facilitatePath(table));
  };

  const showStatus = (m: WorkshopModel) => {
    const w = m.lobby?.workshop;
    const online = m.lobby?.roster.filter((r) => r.online).length ?? 0;
    const text =
      m.link === "closed"
        ? (m.closedReason ?? "Disconnected.")
        : m.link !== "live"
          ? "Connecting to the workshop…"
          : !w || w.phase === "none"
            ? `${online} participant${online === 1 ? "" : "s"} in the lobby. Pair them and start round 1 when everyone is in.`
            : w.phase === "running"
              ? `Round ${w.round} running — ${w.scenarioTitle}. ${m.grid?.tiles.filter((t) => tileOver(t.status)).length ?? 0} of ${m.grid?.tiles.length ?? 0} tables finished.`
              : `Round ${w.round} is over: debrief it, then pair the class for round ${w.round + 1}.`;
    status.textContent = text;
    status.dataset.tone = m.link === "live" ? "neutral" : "warning";
  };

  const showAnswer = (m: WorkshopModel) => {
    renderIfChanged(answer, { c: m.control, e: m.error }, ({ c, e }) => replaceChildren(answer, e ? errorView(e, () => session.dismiss()) : null, c ? controlView(c, () => session.dismiss()) : null));
    if (m.error?.request === "start_round") setupHint.textContent = m.error.message;
  };

  const off = session.subscribe(render);
  return () => {
    off();
    debrief.destroy();
  };
}

const CONTROL_NAMES: Record<string, string> = {
  start_round: "Round started",
  seat_waiting: "Waiting people seated",
  pause: "Pause",
  resume: "Resume",
  add_time: "Extra time",
  curveball: "Curve ball",
  end_table: "End table",
  end_round: "End of round",
};

function controlView(c: WorkshopServerMessages["control"], dismiss: () => void): HTMLElement {
  const refused = c.results.filter((r) => !r.ok);
  const done = c.results.length - refused.length;
  return h(
    "div",
    { class: `control-answer${refused.length > 0 ? " has-refusals" : ""}`, role: "status", "data-control": c.control },
    h("div", { class: "row" }, h("strong", {}, `${CONTROL_NAMES[c.control] ?? c.control}: ${done} of ${c.results.length} table${c.results.length === 1 ? "" : "s"} done`), h("span", { class: "spacer" }), h("button", { type: "button", class: "link", onclick: dismiss }, "Dismiss")),
    refused.length > 0 ? h("ul", {}, refused.map((r) => h("li", { class: "refused" }, `${r.label}: ${r.message}`))) : null,
  );
}

function errorView(e: WorkshopServerMessages["error"], dismiss: () => void): HTMLElement {
  return h("div", { class: "ws-error", role: "alert" }, h("span", {}, e.message), " ", h("button", { type: "button", class: "link", onclick: dismiss }, "Dismiss"));
}

function rosterView(people: WorkshopServerMessages["console"]["participants"], waiting: readonly string[], remove: (id: string) => void): (HTMLElement | null)[] {
  const members = people.filter((p) => !p.left);
  return [
    h("h2", {}, `The class (${members.filter((p) => p.online).length} online of ${members.length})`),
    members.length === 0 ? h("p", { class: "hint" }, "Nobody has joined yet.") : null,
    h(
      "ul",
      { class: "roster", "data-testid": "roster" },
      members.map((p) =>
        h(
          "li",
          {},
          h("span", { class: `dot${p.online ? " online" : ""}`, title: p.online ? "online" : "offline" }),
          nameCut(p.name, "name"),
          waiting.includes(p.participantId) ? h("span", { class: "chip" }, "waiting") : null,
          h("span", { class: "chips", title: "Roles by round" }, p.history.map((r, i) => h("span", { class: `chip ${r}`, title: `Round ${i + 1}` }, r === "out" ? "–" : r[0]!.toUpperCase()))),
          p.online ? null : h("button", { type: "button", class: "link", "aria-label": `Remove ${p.name}`, onclick: () => window.confirm(`Remove ${p.name} from the workshop?`) && remove(p.participantId) }, "Remove"),
        ),
      ),
    ),
  ];
}

function noSecret(root: HTMLElement, deps: WorkshopDeps, code: string): () => void {
  noticePage(
    root,
    `No facilitator key for workshop ${code} in this window`,
    "Open your facilitator link (the one shown when you created the workshop). A participant joins with the code instead.",
    [
      { label: "Join as a participant", go: () => deps.navigate(`/w/${code}`) },
      { label: "Back to the start", go: () => deps.navigate("/") },
    ],
  );
  return () => undefined;
}
