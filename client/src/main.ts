import "./styles.css";
import { parseRoute, tablePath, type Route } from "./app/routes.js";
import { SeatStore } from "./app/seatStore.js";
import { h, replaceChildren } from "./ui/dom.js";
import { brand } from "./ui/brand.js";
import { noticePage } from "./ui/noticePage.js";
import { renderLanding } from "./ui/landing.js";
import { renderTableScreen } from "./ui/table/tableScreen.js";
import { renderStudio } from "./studio/studioScreen.js";
import { showWorkshopBar } from "./workshop/bar.js";
import { isWorkshopRoute, showWorkshopRoute, workshops } from "./workshop/screens.js";

/*
 * Entry point: read the address, show the lobby or a table, and move between them without
 * reloading (history.pushState), tearing the previous screen down each time.
 */

const root = document.getElementById("app") as HTMLElement;
const store = new SeatStore(window.sessionStorage, window.localStorage);
let teardown: (() => void) | null = null;

function navigate(path: string): void {
  if (path !== location.pathname + location.hash) history.pushState(null, "", path);
  show(parseRoute(location.pathname, location.hash));
}

function show(route: Route): void {
  teardown?.();
  teardown = null;
  showWorkshopBar(route, navigate, workshops);
  if (isWorkshopRoute(route)) {
    teardown = showWorkshopRoute(root, route, { store, navigate });
    return;
  }
  switch (route.kind) {
    case "landing":
      teardown = renderLanding(root, { store, navigate });
      return;
    case "watch":
      teardown = renderTableScreen(root, { store, navigate }, { kind: "observe", code: route.code });
      return;
    case "table":
      return showSeat(route.code, route.inviteToken);
    case "studio":
      teardown = renderStudio(root, { navigate }, route.scenarioId === null || route.start === "new" ? { kind: "new" } : { kind: route.start, scenarioId: route.scenarioId });
      return;
  }
}

/** A seat comes from an invite link (token in the fragment) or from this tab's storage. */
function showSeat(code: string, inviteToken: string | null): void {
  if (inviteToken) {
    store.takeSeat(code, inviteToken, store.get(code)?.name || store.lastName());
    // The token now lives in sessionStorage: keep it out of the address bar and history.
    history.replaceState(null, "", tablePath(code));
  }
  const entry = store.get(code);
  if (!entry) return noSeat(code);
  if (!entry.name) return askName(code);
  teardown = renderTableScreen(root, { store, navigate }, { kind: "seat", code, entry });
}

function askName(code: string): void {
  const input = h("input", { id: "invite-name", autocomplete: "nickname", maxlength: 40, required: true, value: store.lastName() });
  const error = h("p", { class: "form-error", role: "alert" });
  const form = h(
    "form",
    { class: "card card-form invite-name" },
    h("h1", {}, "You are invited to a negotiation"),
    h("p", {}, `Table ${code}. Your name is shown to the other side.`),
    h("div", { class: "field" }, h("label", { for: input.id }, "Your display name"), input),
    error,
    h("button", { type: "submit", class: "primary" }, "Take my seat"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (name.length === 0) {
      error.textContent = "Enter a name the other side can call you by.";
      return;
    }
    store.rememberName(name);
    store.update(code, { name });
    showSeat(code, null);
  });
  replaceChildren(root, h("div", { class: "centered-page" }, brand(), form));
  input.focus();
}

function noSeat(code: string): void {
  noticePage(root, `No seat at table ${code} in this window`, "Seats are taken from an invite link, and remembered only in the browser tab that used it.", [
    { label: "Watch this table", go: () => navigate(`/watch/${code}`) },
    { label: "Back to the lobby", go: () => navigate("/") },
  ]);
}

window.addEventListener("popstate", () => show(parseRoute(location.pathname, location.hash)));
show(parseRoute(location.pathname, location.hash));
