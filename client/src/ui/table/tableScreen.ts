import type { Role } from "../../../../shared/engine/roles.js";
import type { Package } from "../../../../shared/engine/state.js";
import type { TableView } from "../../../../shared/engine/view.js";
import { inviteUrl } from "../../app/routes.js";
import type { SeatEntry, SeatStore } from "../../app/seatStore.js";
import type { ClientModel } from "../../model/clientModel.js";
import { JoinFailure, TableConnection, type JoinTarget } from "../../net/connection.js";
import type { TableGame } from "../../scenes/tableGame.js";
import { contextOf } from "../../view/context.js";
import { tableViewModel, type TableVM } from "../../view/tableViewModel.js";
import { brand } from "../brand.js";
import { h, replaceChildren } from "../dom.js";
import { briefPanel } from "./briefPanel.js";
import { confirmDialog } from "./confirm.js";
import { invitePanel } from "./invite.js";
import { bindShortcuts, SHORTCUT_HELP, type Shortcuts } from "./keyboard.js";
import { ledgerPanel } from "./ledgerPanel.js";
import { movePanel } from "./movePanel.js";
import { notepad } from "./notepad.js";
import { preparationBar } from "./preparation.js";
import { phoneNav, type Pane } from "./phoneNav.js";
import { revealPanel } from "./revealPanel.js";
import { statusBar } from "./statusBar.js";
import { tableSummary } from "./summary.js";
import { talkPanel } from "./talkPanel.js";
import { refusalToast } from "./toast.js";
import { oncePerFrame } from "../oncePerFrame.js";

export type TableTarget =
  | { readonly kind: "seat"; readonly code: string; readonly entry: SeatEntry }
  | { readonly kind: "observe"; readonly code: string }
  /** A workshop facilitator watching with hidden information; `back` is their console. */
  | { readonly kind: "facilitate"; readonly code: string; readonly secret: string; readonly back: string };

export type TableDeps = { readonly store: SeatStore; readonly navigate: (path: string) => void };

type Panels = {
  readonly brief: ReturnType<typeof briefPanel>;
  readonly move: ReturnType<typeof movePanel> | null;
  readonly notes: ReturnType<typeof notepad> | null;
};

/**
 * The table screen: DOM panels beside the Phaser canvas, all drawn from one view-model that is
 * rebuilt whenever the connection's model (or the player's draft offer) changes.
 */
export function renderTableScreen(root: HTMLElement, deps: TableDeps, target: TableTarget): () => void {
  const code = target.code;
  const backToLobby = () => deps.navigate(target.kind === "facilitate" ? target.back : "/");
  const title = h("span", { class: "table-title" }, "Parley table");
  const seatLabel = h("span", { class: "seat-label" }, target.kind === "seat" ? "Taking your seat…" : "Watching");
  const leave = h("button", { type: "button", class: "ghost" }, target.kind === "seat" ? "Leave table" : "Stop watching");
  const status = statusBar({ backToLobby });
  const prep = preparationBar((intent) => connection?.send(intent));
  const gameHost = h("div", { class: "game-host", id: "game", role: "img", "aria-label": "The negotiation table", "aria-describedby": "table-summary" });
  const overlay = h("div", { class: "stage-overlay", hidden: true });
  const summary = tableSummary();
  const stage = h("section", { class: "stage", "aria-label": "Table" }, gameHost, overlay, summary.el);
  const left = h("div", { class: "left-slot" });
  const talk = talkPanel();
  const ledger = ledgerPanel();
  const reveal = revealPanel(backToLobby);
  const right = h("aside", { class: "panel panel-right", "aria-label": "Moves and notes" });
  const keysHelp = h("p", { class: "keys-help hint" });
  const dialog = confirmDialog();
  let connection: TableConnection | null = null;
  const toast = refusalToast(() => connection?.dismissRefusal());

  const nav = phoneNav(
    (pane) => selectPane(pane),
    () => {
      const move = panels?.move;
      return move ? { open: move.open, current: move.current, submitOffer: move.submitOffer, accept: () => void move.accept(), walkAway: () => void move.walkAway() } : null;
    },
  );

  const screen = h(
    "div",
    { class: "table-screen", "data-pane": "table" },
    h("header", { class: "topbar" }, brand(), title, h("span", { class: "code-badge", title: "Table code" }, code), seatLabel, h("span", { class: "spacer" }), leave),
    h("div", { class: "table-dock" }, status.el, prep.el, nav.tabs),
    h("main", { class: "table-layout" }, left, stage, right),
    keysHelp,
    nav.bar,
    toast.el,
    dialog.el,
  );
  replaceChildren(root, screen);
  document.title = `Parley — table ${code}`;
  status.note(target.kind === "seat" ? "Joining the table…" : "Opening the table…", "neutral");

  let disposed = false;
  let game: TableGame | null = null;
  let gameModule: typeof import("../../scenes/tableGame.js") | null = null;
  const startGame = () => {
    if (disposed || game || !gameModule || !vm) return;
    const module = gameModule;
    // A task of its own, after the browser has painted the panels.
    window.setTimeout(() => {
      if (disposed || game) return;
      game = module.createTableGame(gameHost, (w, hgt) => stage.style.setProperty("--table-aspect", `${w} / ${hgt}`));
      if (vm) game.show(vm);
    }, 0);
  };
  let panels: Panels | null = null;
  let draft: Package | null = null;
  let lastRefusal: number | null = null;
  let vm: TableVM | null = null;
  let view: TableView | null = null;
  const unbind: (() => void)[] = [];

  /** A narrow screen shows one part at a time (the stylesheet reads data-pane; a laptop shows all). */
  const selectPane = (pane: Pane) => {
    const changed = screen.dataset.pane !== pane;
    screen.dataset.pane = pane;
    nav.mark(pane);
    // The ledger is a disclosure on a laptop; on its own tab it is there to be read.
    if (pane === "ledger") ledger.el.open = true;
    if (changed) window.scrollTo({ top: 0 });
  };
  let revealed = false;

  const showOverlay = (...content: (Node | null)[]) => {
    replaceChildren(overlay, ...content);
    overlay.hidden = content.every((c) => c === null);
  };

  const shortcuts = (me: Role | null): Shortcuts => ({
    talk: () => document.getElementById("talk-log")?.focus(),
    ...(me
      ? {
          offer: () => panels?.move?.focusOffer(),
          ask: () => panels?.move?.focusAsk(),
          accept: () => void panels?.move?.accept(),
          walkAway: () => void panels?.move?.walkAway(),
          note: () => panels?.notes?.focus(),
        }
      : {}),
  });

  const buildPanels = (first: TableView): Panels => {
    const me = first.viewer === "buyer" || first.viewer === "seller" ? first.viewer : null;
    const brief = briefPanel(first.scenario);
    replaceChildren(left, brief.el);
    const move = me
      ? movePanel(first, me, {
          send: (intent) => connection?.send(intent),
          confirmAccept: () => confirmAccept(),
          confirmWalkAway: () => confirmWalkAway(),
          onDraft: (terms) => {
            if (JSON.stringify(terms) === JSON.stringify(draft)) return;
            draft = terms;
            scheduleRender();
          },
        })
      : null;
    const notes = me ? notepad((text) => connection?.send({ type: "note", payload: { text } })) : null;
    replaceChildren(right, move?.el ?? null, reveal.el, talk.el, ledger.el, notes?.el ?? null);
    // The action bar's first button reads "Send offer" while the builder shows: it follows the move panel's tabs.
    move?.el.addEventListener("click", () => nav.refresh());
    unbind.push(bindShortcuts(() => (vm?.actions?.playing ? shortcuts(me) : shortcuts(null))));
    return { brief, move, notes };
  };

  const confirmAccept = (): Promise<boolean> => {
    const a = vm?.actions?.accept;
    if (!a || !a.available) return Promise.resolve(false);
    return dialog.ask({
      title: `Accept their offer at ${a.price}?`,
      body: [
        h("ul", { class: "terms" }, a.lines.map((l) => h("li", {}, h("span", {}, l.label), h("strong", {}, l.value)))),
        a.verdict ? h("p", {}, a.verdict) : "",
        a.warning ? h("p", { class: "warn" }, a.warning) : "",
        h("p", { class: "hint" }, "This ends the game for both of you."),
      ],
      confirmLabel: "Accept the deal",
      danger: false,
    });
  };

  const confirmWalkAway = (): Promise<boolean> => {
    const w = vm?.actions?.walkAway;
    if (!w) return Promise.resolve(false);
    return dialog.ask({
      title: "Walk away from the table?",
      body: [h("p", {}, w.text), w.warning ? h("p", { class: "warn" }, w.warning) : ""],
      confirmLabel: "Walk away",
      danger: true,
    });
  };

  // Renders triggered from inside a render (the builder reporting its draft) run right after it.
  let renderQueued = false;
  const scheduleRender = () => {
    if (renderQueued) return;
    renderQueued = true;
    queueMicrotask(() => {
      renderQueued = false;
      render();
    });
  };

  const render = () => {
    if (disposed || !connection) return;
    const model: ClientModel = connection.current;
    view = model.view;
    if (!view || !model.room) {
      // Nothing to draw yet; a link that closes before the first view still says why.
      if (model.link === "closed") status.note(model.closedReason ?? "You left the table.", "warning");
      return;
    }
    panels ??= buildPanels(view);
    vm = tableViewModel(view, contextOf(model, model.room, draft));
    const me = view.viewer === "buyer" || view.viewer === "seller" ? view.viewer : null;
    const keys = shortcuts(vm.actions?.playing ? (view.viewer as Role) : null);
    keysHelp.textContent = `Keys: ${SHORTCUT_HELP.filter(([, , action]) => keys[action]).map(([key, label]) => `${key} ${label}`).join(" · ")}`;
    title.textContent = vm.header.title;
    seatLabel.textContent = vm.header.seatLabel;
    status.show(vm);
    prep.show(vm.preparation);
    panels.brief.show(vm);
    panels.move?.show(vm, view);
    const own = vm.privatePanels.find((p) => p.role === view?.viewer) ?? null;
    panels.notes?.show(own, view.phase !== "finished");
    reveal.show(vm.reveal, vm.debrief);
    nav.show(vm, me !== null);
    if (vm.reveal && !revealed) {
      // The game just ended (or was over when we came): the reveal and the debrief come to the front.
      revealed = true;
      selectPane("reveal");
      right.scrollTop = 0;
    } else if (nav.hidden(screen.dataset.pane as Pane)) selectPane(vm.reveal ? "reveal" : "table");
    talk.show(vm.talk);
    ledger.show(vm.ledger);
    summary.show(vm);
    toast.show(vm.refusal);
    if (vm.refusal && vm.refusal.key !== lastRefusal) panels.move?.restoreMessage();
    lastRefusal = vm.refusal?.key ?? null;
    if (game) game.show(vm);
    else startGame();
    const invite = target.kind === "seat" ? target.entry.invite : null;
    showOverlay(vm.status.kind === "waiting_for_opponent" && invite ? invitePanel(inviteUrl(location.origin, code, invite.token), invite.role) : null);
  };

  leave.addEventListener("click", async () => {
    const playing = target.kind === "seat" && view?.phase !== "finished" && vm?.status.kind !== "waiting_for_opponent";
    if (playing) {
      const seconds = connection?.current.welcome?.reconnectSeconds ?? 60;
      const ok = await dialog.ask({
        title: "Leave the table?",
        body: [h("p", {}, `Your seat is held for ${seconds} seconds. If you do not come back in time, the game ends with no deal.`)],
        confirmLabel: "Leave",
        danger: true,
      });
      if (!ok) return;
    }
    backToLobby();
  });

  const joinTarget: JoinTarget =
    target.kind === "seat"
      ? { kind: "seat", code, token: target.entry.token, name: target.entry.name, reconnectionToken: target.entry.reconnectionToken }
      : target.kind === "facilitate"
        ? { kind: "facilitate", code, secret: target.secret }
        : { kind: "observe", code };
  const endpoint = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;

  TableConnection.open(endpoint, joinTarget, {
    onSession: (reconnectionToken, role) => {
      if (target.kind === "seat") deps.store.update(code, { reconnectionToken, role });
    },
  }).then(
    (opened) => {
      if (disposed) return void opened.leave();
      connection = opened;
      unbind.push(opened.subscribe(oncePerFrame(render)));
    },
    (error: unknown) => {
      if (disposed) return;
      const message = error instanceof JoinFailure ? error.problem.message : "Could not join the table.";
      const outdated = error instanceof JoinFailure && error.problem.kind === "outdated";
      if (error instanceof JoinFailure && error.problem.kind === "bad_seat") deps.store.forget(code);
      seatLabel.textContent = "Not seated";
      status.note("Could not join this table.", "warning");
      showOverlay(
        h(
          "div",
          { class: "join-failed", role: "alert" },
          h("h2", {}, outdated ? "Parley was updated" : "Could not join this table"),
          h("p", {}, message),
          h(
            "div",
            { class: "row" },
            outdated ? h("button", { type: "button", class: "primary", onclick: () => location.reload() }, "Reload this page") : null,
            h("button", { type: "button", ...(outdated ? {} : { class: "primary" }), onclick: backToLobby }, "Back to the lobby"),
            target.kind === "seat" && error instanceof JoinFailure && error.problem.kind !== "not_found" && !outdated
              ? h("button", { type: "button", onclick: () => deps.navigate(`/watch/${code}`) }, "Watch instead")
              : null,
          ),
        ),
      );
    },
  );

  // Phaser arrives in its own chunk, fetched at once but started only after the panels have been
  // drawn for the first time: booting WebGL blocks the page for a moment, and the panels work alone.
  import("../../scenes/tableGame.js").then(
    (module) => {
      gameModule = module;
      startGame();
    },
    () => {
      if (!disposed) replaceChildren(gameHost, h("p", { class: "game-failed" }, "The table picture could not load; every move is still available in the panels."));
    },
  );

  return () => {
    disposed = true;
    for (const off of unbind) off();
    nav.dispose();
    status.destroy();
    dialog.close();
    game?.destroy();
    void connection?.leave();
  };
}
